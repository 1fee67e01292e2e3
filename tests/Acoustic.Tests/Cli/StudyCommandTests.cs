using System.Diagnostics;
using System.Text.Json;
using AcousticDistill.Acoustic.Synthesis;

namespace AcousticDistill.Acoustic.Tests.Cli;

/// <summary>
/// The study through the command-line tool at the tiny scale, on a freshly synthesised corpus: a run killed at a random
/// checkpoint and resumed gives the same table as a run never interrupted.
/// </summary>
public sealed class StudyCommandTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(6);

    [Fact]
    public void Study_KilledAtARandomPointAndResumed_GivesTheSameTable()
    {
        foreach (var engine in new[] { SynthesisEngine.Festival, SynthesisEngine.Flite, SynthesisEngine.Espeak })
        {
            Assert.True(VoiceCatalog.MissingTool(engine) is null, $"{VoiceCatalog.MissingTool(engine)} is needed (scripts/install-deps.sh installs it).");
        }
        using var folder = new TempDirectory();
        var corpus = Path.Combine(folder.Path, "corpus");
        Ok(CliRunner.Run(s_timeout, "corpus", "synth", "--out", corpus, "--minutes", "2", "--seed", "5", "--json"));
        var lm = Path.Combine(folder.Path, "lm.arpa");
        var text = Path.Combine(folder.Path, "text.txt");
        File.WriteAllLines(text, CorpusManifest.Load(corpus).InSplit(CorpusSplit.Train).Select(u => u.Text));
        Ok(CliRunner.Run(s_timeout, "lm", "build", "--text", text, "--order", "2", "--out", lm));
        string[] study = ["study", "--corpus", corpus, "--scale", "tiny", "--seeds", "1,2", "--threads", "1", "--lm", lm, "--json"];

        var whole = Path.Combine(folder.Path, "whole");
        var uninterrupted = Json(Ok(CliRunner.Run(s_timeout, [.. study, "--out", whole])));
        var totalSteps = CheckpointCount(whole);

        var killAt = Random.Shared.Next(1, totalSteps - 1);
        var resumed = Path.Combine(folder.Path, "resumed");
        KillAfterCheckpoints([.. study, "--out", resumed], resumed, killAt);
        var done = CheckpointCount(resumed);
        Assert.InRange(done, killAt, totalSteps - 1);
        var afterResume = Json(Ok(CliRunner.Run(s_timeout, "study", "--resume", resumed, "--threads", "1", "--json")));

        var context = $"killed after {done} of {totalSteps} checkpoints";
        var (expected, actual) = (Table(uninterrupted), Table(afterResume));
        Assert.True(expected == actual, $"{context}: the resumed table differs.\nuninterrupted: {expected}\nresumed: {actual}");
        var lastRun = File.ReadAllLines(Path.Combine(resumed, "runs.jsonl")).Last();
        Assert.Equal(totalSteps - done, JsonDocument.Parse(lastRun).RootElement.GetProperty("steps_finished").GetInt32());
        // Real numbers, not placeholders: every row was measured on frames and words.
        foreach (var row in afterResume.GetProperty("rows").EnumerateArray())
        {
            Assert.True(row.GetProperty("frame_accuracy_mean").GetDouble() is > 0.05 and < 1, context);
            Assert.True(row.GetProperty("wer_mean").GetDouble() >= 0, context);
            Assert.Equal(2, row.GetProperty("seeds").GetInt32());
        }
        Assert.Contains(afterResume.GetProperty("claims").EnumerateArray(), c => c.GetProperty("claim").GetString() == "ensemble_gain_points");
    }

    [Fact]
    public void Study_ResumeWithoutAStudy_AndOutOverAStudy_AreClearErrors()
    {
        using var folder = new TempDirectory();
        var (exitCode, _, stderr) = CliRunner.Run("study", "--resume", folder.Path);
        Assert.Equal(2, exitCode);
        Assert.Contains("holds no study", stderr);

        File.WriteAllText(Path.Combine(folder.Path, "study-manifest.json"), "{}");
        var corpus = Path.Combine(folder.Path, "c");
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, "manifest.json"), """{"name":"c","sample_rate":16000,"source":"test","utterances":[]}""");
        (exitCode, _, stderr) = CliRunner.Run("study", "--corpus", corpus, "--out", folder.Path);
        Assert.Equal(2, exitCode);
        Assert.Contains("already holds a study", stderr);

        (exitCode, _, stderr) = CliRunner.Run("study", "--corpus", corpus, "--seeds", "1,x");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("--seeds '1,x'", stderr);
    }

    // Starts the study and kills its process tree once `count` checkpoints exist (a kill, not a polite stop).
    private static void KillAfterCheckpoints(string[] args, string directory, int count)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "acoustic.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (CheckpointCount(directory) < count && !process.HasExited && clock.Elapsed < s_timeout)
        {
            Thread.Sleep(20);
        }
        Assert.False(process.HasExited, $"the study finished before {count} checkpoints could be counted");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    private static int CheckpointCount(string directory)
    {
        var checkpoints = Path.Combine(directory, "checkpoints");
        return Directory.Exists(checkpoints) ? Directory.GetFiles(checkpoints, "*.json", SearchOption.AllDirectories).Length : 0;
    }

    // Everything the summary reports but how long training took (wall time differs between runs; results must not).
    private static string Table(JsonElement summary) => JsonSerializer.Serialize(new
    {
        rows = summary.GetProperty("rows"),
        claims = summary.GetProperty("claims").EnumerateArray()
            .Where(c => c.GetProperty("claim").GetString() != "soft_training_speed_ratio").ToArray(),
    });

    private static string Ok((int ExitCode, string Stdout, string Stderr) run)
    {
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        return run.Stdout;
    }

    private static JsonElement Json(string stdout) => JsonDocument.Parse(stdout).RootElement;
}
