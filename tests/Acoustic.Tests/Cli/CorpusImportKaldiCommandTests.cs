using System.Text.Json;

namespace AcousticDistill.Acoustic.Tests.Cli;

/// <summary>
/// <c>acoustic corpus import-kaldi</c> end to end on three synthetic utterances with an untrained 16 kHz model: the
/// plumbing from a Kaldi data directory to a split corpus, and the CLI's refusal of piped wav.scp entries.
/// </summary>
public sealed class CorpusImportKaldiCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _data;
    private readonly string _model;
    private readonly string _lexicon;

    public CorpusImportKaldiCommandTests()
    {
        _data = Path.Combine(_folder.Path, "data");
        Directory.CreateDirectory(Path.Combine(_data, "wav"));
        foreach (var utterance in new[] { "ann-1", "ann-2", "bob-1" })
        {
            WavWriter.WritePcm16(Path.Combine(_data, "wav", utterance + ".wav"),
                Enumerable.Range(0, 9600).Select(i => (float)(0.2 * Math.Sin(i * 0.07))).ToArray(), 16000);
        }
        File.WriteAllLines(Path.Combine(_data, "wav.scp"), ["ann-1 wav/ann-1.wav", "ann-2 wav/ann-2.wav", "bob-1 wav/bob-1.wav"]);
        File.WriteAllLines(Path.Combine(_data, "text"), ["ann-1 one two", "ann-2 three", "bob-1 four five"]);
        File.WriteAllLines(Path.Combine(_data, "utt2spk"), ["ann-1 ann", "ann-2 ann", "bob-1 bob"]);
        _model = Path.Combine(_folder.Path, "m.adm");
        TestModels.SaveTiny16k(_model);
        _lexicon = CliInputs.DigitsLexicon(_folder.Path);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ImportKaldi_AlignsEveryUtterance_AndSplitsBySpeaker()
    {
        var output = Path.Combine(_folder.Path, "corpus");

        var (exit, stdout, stderr) = CliRunner.Run("corpus", "import-kaldi", "--data", _data, "--model", _model, "--lexicon", _lexicon,
            "--out", output, "--test-speaker", "bob", "--dev-every", "0", "--json");

        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(0, json.GetProperty("failed").GetArrayLength());
        Assert.Equal(2, json.GetProperty("utterances").GetProperty("train").GetInt32());
        Assert.Equal(1, json.GetProperty("utterances").GetProperty("test").GetInt32());
        var manifest = CorpusManifest.Load(output);
        Assert.Equal(16000, manifest.SampleRate);
        Assert.Contains("Kaldi data directory", manifest.Source);
        Assert.Equal([("ann-1", "ann"), ("ann-2", "ann")], manifest.InSplit(CorpusSplit.Train).Select(u => (u.Id, u.Speaker)));
        var test = Assert.Single(manifest.InSplit(CorpusSplit.Test));
        Assert.Equal(("bob-1", "bob", "four five"), (test.Id, test.Speaker, test.Text));
        Assert.All(manifest.Utterances, u => Assert.True(File.Exists(Path.Combine(output, u.PhonePath))));
    }

    [Fact]
    public void ImportKaldi_PipedWavScp_IsAClearErrorBeforeAnyAlignment()
    {
        File.WriteAllLines(Path.Combine(_data, "wav.scp"), ["ann-1 wav/ann-1.wav", "ann-2 sox wav/ann-2.flac -t wav - |", "bob-1 wav/bob-1.wav"]);
        var output = Path.Combine(_folder.Path, "corpus");

        var (exit, _, stderr) = CliRunner.Run("corpus", "import-kaldi", "--data", _data, "--model", _model, "--out", output);

        Assert.Equal(2, exit);
        Assert.Contains("wav.scp:2", stderr);
        Assert.Contains("sox", stderr);
        Assert.False(Directory.Exists(output));
    }
}
