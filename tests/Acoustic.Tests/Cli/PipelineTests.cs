using System.Text.Json;

namespace AcousticDistill.Acoustic.Tests.Cli;

/// <summary>
/// The main job end to end through the command-line tool: synthesize a tiny corpus, train, evaluate,
/// build an ensemble, distil a student, evaluate the ensemble and the student. Small sizes, real code paths.
/// </summary>
public sealed class PipelineTests
{
    [Fact]
    public void SynthTrainEvalEnsembleDistill_EndToEnd()
    {
        foreach (var engine in new[] { SynthesisEngine.Festival, SynthesisEngine.Flite, SynthesisEngine.Espeak })
        {
            Assert.True(VoiceCatalog.MissingTool(engine) is null,
                $"{VoiceCatalog.MissingTool(engine)} is needed (scripts/install-deps.sh installs it).");
        }
        using var folder = new TempDirectory();
        var corpus = Path.Combine(folder.Path, "corpus");
        var timeout = TimeSpan.FromMinutes(3);
        Ok(CliRunner.Run(timeout, "corpus", "synth", "--out", corpus, "--minutes", "3", "--seed", "3", "--json"));

        var model = Path.Combine(folder.Path, "m.adm");
        var small = new[] { "--layers", "2", "--width", "128", "--epochs", "4", "--lr", "0.1" };
        var trained = Json(Ok(CliRunner.Run(timeout, ["train", "--corpus", corpus, "--out", model, .. small, "--json"])));
        var devAccuracy = trained.GetProperty("dev_frame_accuracy").GetDouble();

        var eval = Json(Ok(CliRunner.Run(timeout, "eval", "--model", model, "--corpus", corpus, "--split", "test", "--json")));
        var accuracy = eval.GetProperty("frame_accuracy").GetDouble();
        // 120 classes: chance is under 1%, always answering silence about 10%. A trained model is far above both.
        Assert.InRange(accuracy, 0.15, 1.0);
        Assert.InRange(devAccuracy, 0.15, 1.0);
        Assert.True(eval.GetProperty("frames").GetInt64() > 500);
        Assert.True(eval.GetProperty("per_phone").GetProperty("sil").GetProperty("frames").GetInt64() > 0);
        Assert.True(File.Exists(eval.GetProperty("confusion_file").GetString()));

        var ensemble = Path.Combine(folder.Path, "ensemble");
        Ok(CliRunner.Run(timeout, ["ensemble", "train", "--corpus", corpus, "--members", "2", "--out", ensemble, .. small, "--json"]));
        var ensembleEval = Json(Ok(CliRunner.Run(timeout, "eval", "--model", ensemble, "--corpus", corpus, "--split", "test", "--json")));
        Assert.InRange(ensembleEval.GetProperty("frame_accuracy").GetDouble(), 0.15, 1.0);

        var student = Path.Combine(folder.Path, "student.adm");
        var distilled = Json(Ok(CliRunner.Run(timeout, "distill", "--teachers", ensemble, "--corpus", corpus, "--temperature", "2",
            "--alpha", "0.5", "--layers", "2", "--width", "128", "--epochs", "4", "--lr", "0.1", "--out", student, "--json")));
        Assert.Equal(2, distilled.GetProperty("teachers").GetInt32());
        var studentEval = Json(Ok(CliRunner.Run(timeout, "eval", "--model", student, "--corpus", corpus, "--split", "test", "--json")));
        Assert.InRange(studentEval.GetProperty("frame_accuracy").GetDouble(), 0.15, 1.0);
    }

    [Fact]
    public void Eval_ModelOfAnotherRate_IsAClearError()
    {
        using var folder = new TempDirectory();
        var corpus = Path.Combine(folder.Path, "c8k");
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, "manifest.json"),
            """{"name":"c8k","sample_rate":8000,"source":"test","utterances":[{"id":"u","speaker":"s","split":"test","audio_path":"u.wav","text":"","num_samples":8000}]}""");
        var model = Path.Combine(folder.Path, "m.adm");
        Models.TestModels.SaveTiny16k(model);

        var (exitCode, _, stderr) = CliRunner.Run("eval", "--model", model, "--corpus", corpus);

        Assert.Equal(2, exitCode);
        Assert.Contains("8000 Hz", stderr);
    }

    private static string Ok((int ExitCode, string Stdout, string Stderr) run)
    {
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        return run.Stdout;
    }

    private static JsonElement Json(string stdout) => JsonDocument.Parse(stdout).RootElement;
}
