using System.Text.Json;
using AcousticDistill.Acoustic.Tests.Alignment;

namespace AcousticDistill.Acoustic.Tests.Cli;

/// <summary>
/// A tiny corpus (train ann, dev bob, test cat: a hum, digit transcripts) imported once with an untrained 16 kHz model,
/// and a synthetic AN4-like folder, shared by <see cref="CorpusScoringCommandsTests"/>.
/// </summary>
public sealed class CorpusScoringFixture : IDisposable
{
    private readonly TempDirectory _folder = new();

    public CorpusScoringFixture()
    {
        Model = System.IO.Path.Combine(_folder.Path, "m.adm");
        TestModels.SaveTiny16k(Model);
        Lexicon = CliInputs.DigitsLexicon(_folder.Path);
        Corpus = System.IO.Path.Combine(_folder.Path, "corpus");
        var data = WriteKaldiData();
        var (exit, _, stderr) = CliRunner.Run(CorpusScoringCommandsTests.Timeout, "corpus", "import-kaldi", "--data", data, "--model", Model,
            "--lexicon", Lexicon, "--out", Corpus, "--dev-speaker", "bob", "--test-speaker", "cat");
        Assert.True(exit == 0, stderr);
        An4 = System.IO.Path.Combine(_folder.Path, "an4");
        SyntheticAn4.Write(An4,
            [new("fa", "an1-fa-b", "one"), new("fb", "an2-fb-b", "two three"), new("mc", "an3-mc-b", "yes"), new("mc", "an4-mc-b", "four"), new("md", "an5-md-b", "five")],
            [new("fz", "an6-fz-b", "one two"), new("fz", "an7-fz-b", "three")],
            "YES                  Y EH S");
    }

    public string Path => _folder.Path;

    public string Model { get; }

    public string Lexicon { get; }

    public string Corpus { get; }

    public string An4 { get; }

    public void Dispose() => _folder.Dispose();

    private string WriteKaldiData()
    {
        var data = System.IO.Path.Combine(_folder.Path, "data");
        var utterances = new (string Id, string Speaker, string Text)[]
        {
            ("ann-1", "ann", "one two"), ("ann-2", "ann", "three"), ("bob-1", "bob", "four five"), ("bob-2", "bob", "one"),
            ("cat-1", "cat", "two three"), ("cat-2", "cat", "five"),
        };
        Directory.CreateDirectory(System.IO.Path.Combine(data, "wav"));
        foreach (var (id, _, _) in utterances)
        {
            WavWriter.WritePcm16(System.IO.Path.Combine(data, "wav", id + ".wav"), SyntheticAn4.Hum, 16000);
        }
        File.WriteAllLines(System.IO.Path.Combine(data, "wav.scp"), utterances.Select(u => $"{u.Id} wav/{u.Id}.wav"));
        File.WriteAllLines(System.IO.Path.Combine(data, "text"), utterances.Select(u => $"{u.Id} {u.Text}"));
        File.WriteAllLines(System.IO.Path.Combine(data, "utt2spk"), utterances.Select(u => $"{u.Id} {u.Speaker}"));
        return data;
    }
}

/// <summary>
/// <c>acoustic score</c>, <c>acoustic model tune-decoding</c> and <c>acoustic corpus import-an4</c> end to end with an
/// untrained model: its hypotheses are garbage, so these check the plumbing (counts, files, defaults carried in the
/// artifact, the refusal to tune on test), not accuracy.
/// </summary>
public sealed class CorpusScoringCommandsTests(CorpusScoringFixture fixture) : IClassFixture<CorpusScoringFixture>
{
    internal static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private const string Digits = "one two three four five";

    [Fact]
    public void Score_Json_ReportsWerFromItsCounts_OverTheWholeTestSplit()
    {
        var (exit, stdout, stderr) = CliRunner.Run(Timeout, "score", "--model", fixture.Model, "--corpus", fixture.Corpus, "--split", "test",
            "--grammar", Digits, "--lexicon", fixture.Lexicon, "--json");

        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(2, json.GetProperty("utterances").GetInt32());
        Assert.Equal(3, json.GetProperty("words").GetInt32());
        var errors = json.GetProperty("substitutions").GetInt32() + json.GetProperty("deletions").GetInt32() + json.GetProperty("insertions").GetInt32();
        Assert.Equal(errors / 3.0, json.GetProperty("wer").GetDouble(), 9);
        Assert.InRange(json.GetProperty("sentence_accuracy").GetDouble(), 0, 1);
        Assert.True(json.GetProperty("rtf").GetDouble() > 0);
        Assert.Equal("test", json.GetProperty("split").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("decoding").GetProperty("from_model").ValueKind);
        Assert.Equal(1f, json.GetProperty("decoding").GetProperty("acoustic_scale").GetSingle());
    }

    [Fact]
    public void TuneDecoding_OnDev_WritesTheDefaultsIntoTheArtifact_AndScoreUsesThem()
    {
        var tuned = System.IO.Path.Combine(fixture.Path, "tuned.adm");

        var (exit, stdout, stderr) = CliRunner.Run(Timeout, "model", "tune-decoding", "--model", fixture.Model, "--corpus", fixture.Corpus,
            "--split", "dev", "--grammar", Digits, "--lexicon", fixture.Lexicon, "--out", tuned, "--json");

        Assert.True(exit == 0, stderr);
        var decoding = JsonDocument.Parse(stdout).RootElement.GetProperty("decoding");
        var defaults = ModelArtifact.Load(tuned).Metadata.Decoding;
        Assert.NotNull(defaults);
        Assert.Equal(decoding.GetProperty("acoustic_scale").GetSingle(), defaults.AcousticScale);
        Assert.Equal(decoding.GetProperty("word_penalty").GetSingle(), defaults.WordInsertionPenalty);
        Assert.Equal(decoding.GetProperty("beam").GetSingle(), defaults.Beam);
        Assert.Equal(decoding.GetProperty("max_active").GetInt32(), defaults.MaxActive);
        Assert.Contains("dev", defaults.TunedOn);
        Assert.Null(ModelArtifact.Load(fixture.Model).Metadata.Decoding);

        (exit, stdout, stderr) = CliRunner.Run(Timeout, "score", "--model", tuned, "--corpus", fixture.Corpus, "--split", "test",
            "--grammar", Digits, "--lexicon", fixture.Lexicon, "--json");

        Assert.True(exit == 0, stderr);
        var used = JsonDocument.Parse(stdout).RootElement.GetProperty("decoding");
        Assert.Equal(defaults.TunedOn, used.GetProperty("from_model").GetString());
        Assert.Equal(defaults.AcousticScale, used.GetProperty("acoustic_scale").GetSingle());
        Assert.Equal(defaults.WordInsertionPenalty, used.GetProperty("word_penalty").GetSingle());
        Assert.Equal(defaults.Beam, used.GetProperty("beam").GetSingle());
    }

    [Fact]
    public void TuneDecoding_OnTest_IsRefused_UnlessAllowTest()
    {
        var tuned = System.IO.Path.Combine(fixture.Path, "on-test.adm");
        string[] args = ["model", "tune-decoding", "--model", fixture.Model, "--corpus", fixture.Corpus, "--split", "test",
            "--grammar", Digits, "--lexicon", fixture.Lexicon, "--out", tuned, "--json"];

        var (refused, _, refusal) = CliRunner.Run(Timeout, args);

        Assert.NotEqual(0, refused);
        Assert.Contains("test", refusal);
        Assert.False(File.Exists(tuned));

        var (allowed, _, stderr) = CliRunner.Run(Timeout, [.. args, "--allow-test"]);

        Assert.True(allowed == 0, stderr);
        Assert.Contains("test", ModelArtifact.Load(tuned).Metadata.Decoding!.TunedOn);
    }

    [Fact]
    public void ImportAn4_DevEvery2_HoldsOutEverySecondTrainSpeaker_AndKeepsTheTestSet()
    {
        var output = System.IO.Path.Combine(fixture.Path, "an4-16k");

        var json = ImportAn4(output);

        Assert.Equal(16000, json.GetProperty("sample_rate").GetInt32());
        Assert.Equal(16000, CorpusManifest.Load(output).SampleRate);
        var manifest = CorpusManifest.Load(output);
        Assert.Equal(["an1-fa-b", "an3-mc-b", "an4-mc-b"], manifest.InSplit(CorpusSplit.Train).Select(u => u.Id));
        Assert.Equal(["an2-fb-b", "an5-md-b"], manifest.InSplit(CorpusSplit.Dev).Select(u => u.Id));
        Assert.Equal(["an6-fz-b", "an7-fz-b"], manifest.InSplit(CorpusSplit.Test).Select(u => u.Id));
        // "yes" is not in the digits lexicon: AN4's own dictionary supplies it.
        Assert.Equal("yes", manifest.Utterances.Single(u => u.Id == "an3-mc-b").Text);
    }

    [Fact]
    public void ImportAn4_Telephone_WritesAn8kHzCorpus()
    {
        var output = System.IO.Path.Combine(fixture.Path, "an4-8k");

        var json = ImportAn4(output, "--telephone");

        Assert.Equal(8000, json.GetProperty("sample_rate").GetInt32());
        var manifest = CorpusManifest.Load(output);
        Assert.Equal(8000, manifest.SampleRate);
        Assert.Equal(7, manifest.Utterances.Count);
        Assert.All(manifest.Utterances, u =>
        {
            Assert.Equal(8000, WavDecoder.ReadSampleRate(System.IO.Path.Combine(output, u.AudioPath)));
            Assert.InRange(u.NumSamples, SyntheticAn4.SamplesPerFile / 2 - 8, SyntheticAn4.SamplesPerFile / 2 + 8);
        });
    }

    private JsonElement ImportAn4(string output, params string[] extra)
    {
        var (exit, stdout, stderr) = CliRunner.Run(Timeout, ["corpus", "import-an4", "--an4", fixture.An4, "--model", fixture.Model,
            "--lexicon", fixture.Lexicon, "--out", output, "--dev-every", "2", "--json", .. extra]);

        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(0, json.GetProperty("failed").GetArrayLength());
        var counts = json.GetProperty("utterances");
        Assert.Equal((3, 2, 2), (counts.GetProperty("train").GetInt32(), counts.GetProperty("dev").GetInt32(), counts.GetProperty("test").GetInt32()));
        Assert.Equal(["fb", "md"], json.GetProperty("dev_speakers").EnumerateArray().Select(s => s.GetString()));
        return json;
    }
}
