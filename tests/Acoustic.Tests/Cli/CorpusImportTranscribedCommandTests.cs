using System.Text.Json;

namespace AcousticDistill.Acoustic.Tests.Cli;

/// <summary>
/// <c>acoustic corpus import-transcribed --fsdd</c> end to end with an untrained 16 kHz model: guards the verb's options
/// (shared with <c>import-kaldi</c>) and its path to the importer.
/// </summary>
public sealed class CorpusImportTranscribedCommandTests
{
    [Fact]
    public void ImportTranscribedFsdd_WritesTheCorpus_WithTheTestSpeakerApart()
    {
        using var folder = new TempDirectory();
        var input = Path.Combine(folder.Path, "fsdd");
        Directory.CreateDirectory(input);
        foreach (var name in new[] { "1_ann_0", "2_ann_1", "3_bob_0" })
        {
            WavWriter.WritePcm16(Path.Combine(input, name + ".wav"),
                Enumerable.Range(0, 8000).Select(i => (float)(0.2 * Math.Sin(i * 0.07))).ToArray(), 16000);
        }
        var model = Path.Combine(folder.Path, "m.adm");
        TestModels.SaveTiny16k(model);
        var output = Path.Combine(folder.Path, "corpus");

        var (exit, stdout, stderr) = CliRunner.Run("corpus", "import-transcribed", input, "--fsdd", "--model", model,
            "--lexicon", CliInputs.DigitsLexicon(folder.Path), "--out", output, "--test-speaker", "bob", "--dev-every", "0", "--json");

        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(2, json.GetProperty("utterances").GetProperty("train").GetInt32());
        Assert.Equal(1, json.GetProperty("utterances").GetProperty("test").GetInt32());
        var manifest = CorpusManifest.Load(output);
        var test = Assert.Single(manifest.InSplit(CorpusSplit.Test));
        Assert.Equal(("3_bob_0", "bob", "three"), (test.Id, test.Speaker, test.Text));
        Assert.StartsWith("FSDD from", manifest.Source);
    }

    [Fact]
    public void ImportTranscribed_NeitherTranscriptsNorFsdd_IsAClearError()
    {
        using var folder = new TempDirectory();

        var (exit, _, stderr) = CliRunner.Run("corpus", "import-transcribed", folder.Path, "--model", "m.adm", "--out", Path.Combine(folder.Path, "o"));

        Assert.NotEqual(0, exit);
        Assert.Contains("--transcripts FILE or --fsdd", stderr);
    }
}
