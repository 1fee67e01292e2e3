using System.Text.Json;

namespace AcousticDistill.Acoustic.Tests.Cli;

/// <summary>
/// <c>acoustic model upgrade</c> on a format-1 artifact (priors in a file beside it), and decoding's refusal of such an
/// artifact until it is upgraded.
/// </summary>
public sealed class ModelUpgradeCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _old;
    private readonly string _sidecar;
    private readonly string _wav;
    private readonly string _lexicon;
    private readonly float[] _sidecarPriors;

    public ModelUpgradeCommandTests()
    {
        var architecture = TestModels.Tiny(featureDim: 40, classes: PhoneSet.ClassCount);
        using var model = new FrameClassifier(architecture);
        _old = Path.Combine(_folder.Path, "old.adm");
        File.WriteAllBytes(_old, TestModels.AsFormat1(model, TestModels.MetadataFor(architecture)));
        _sidecarPriors = TestModels.PriorsFor(PhoneSet.ClassCount).LogPriors.Reverse().ToArray();
        _sidecar = _old + ".priors.json";
        File.WriteAllText(_sidecar, JsonSerializer.Serialize(new { Source = "old-corpus", Frames = 4321, LogPriors = _sidecarPriors }));
        _wav = CliInputs.HumWav(_folder.Path, samples: 8000);
        _lexicon = CliInputs.DigitsLexicon(_folder.Path);
    }

    public void Dispose() => _folder.Dispose();

    private (int ExitCode, string Stdout, string Stderr) Decode(string model) =>
        CliRunner.Run("decode", "--model", model, "--wav", _wav, "--phrases", "one|two", "--lexicon", _lexicon, "--json");

    [Fact]
    public void Decode_ArtifactWithoutPriors_IsRefused_NamingTheUpgrade_EvenWithItsOldPriorsFileBeside()
    {
        var (exit, _, stderr) = Decode(_old);

        Assert.Equal(2, exit);
        Assert.Contains("has no class priors", stderr);
        Assert.Contains("acoustic model upgrade", stderr);
    }

    [Fact]
    public void Upgrade_WithTheOldPriorsFile_FoldsThemIn_AndDecodingWorks()
    {
        var upgraded = Path.Combine(_folder.Path, "new.adm");

        var (exit, stdout, stderr) = CliRunner.Run("model", "upgrade", "--model", _old, "--priors", _sidecar, "--out", upgraded, "--json");

        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(1, json.GetProperty("previous_format").GetInt32());
        Assert.Equal(ModelArtifact.CurrentFormat, json.GetProperty("format").GetInt32());
        Assert.Equal(ModelArtifact.ContentHash(File.ReadAllBytes(upgraded)), json.GetProperty("sha256").GetString());
        Assert.NotEqual(json.GetProperty("previous_sha256").GetString(), json.GetProperty("sha256").GetString());
        var artifact = ModelArtifact.Load(upgraded);
        Assert.Equal(ModelArtifact.CurrentFormat, artifact.Format);
        Assert.Equal(_sidecarPriors, artifact.Metadata.Priors!.LogPriors);
        Assert.Equal(4321, artifact.Metadata.Priors.Frames);
        Assert.Equal("old-corpus", artifact.Metadata.Priors.Source);
        var original = ModelArtifact.Load(_old);
        Assert.Equal(original.Metadata.Architecture, artifact.Metadata.Architecture);
        Assert.Equal(original.Metadata.CmvnMean, artifact.Metadata.CmvnMean);
        Assert.Equal(original.Metadata.Lineage.Seed, artifact.Metadata.Lineage.Seed);

        var decoded = Decode(upgraded);
        Assert.True(decoded.ExitCode == 0, decoded.Stderr);
        Assert.Equal("old-corpus", JsonDocument.Parse(decoded.Stdout).RootElement.GetProperty("priors").GetString());
    }

    [Fact]
    public void Upgrade_WithTheTrainingCorpus_CountsThePriors_InPlace()
    {
        var corpus = Path.Combine(_folder.Path, "corpus");
        TinyAlignedCorpus.Write(corpus, rate: 16000);

        var (exit, _, stderr) = CliRunner.Run("model", "upgrade", "--model", _old, "--corpus", corpus, "--json");

        Assert.True(exit == 0, stderr);
        var artifact = ModelArtifact.Load(_old);
        var expected = ClassPriors.FromCorpus(corpus, artifact.Metadata.Features, PhoneSet.ClassCount, [CorpusSplit.Train]);
        Assert.Equal(expected.LogPriors, artifact.Metadata.Priors!.LogPriors);
        Assert.Equal("tiny-aligned", artifact.Metadata.Priors.Source);
    }

    [Fact]
    public void Upgrade_WithoutASource_OrWithAMismatchedFile_IsAClearError()
    {
        var none = CliRunner.Run("model", "upgrade", "--model", _old);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("--priors", none.Stderr);

        var wrong = Path.Combine(_folder.Path, "wrong.priors.json");
        File.WriteAllText(wrong, JsonSerializer.Serialize(new { Source = "x", Frames = 1, LogPriors = new[] { -0.1f, -2.3f } }));
        var mismatched = CliRunner.Run("model", "upgrade", "--model", _old, "--priors", wrong);
        Assert.Equal(2, mismatched.ExitCode);
        Assert.Contains("120 finite log priors", mismatched.Stderr);
        Assert.Equal(1, ModelArtifact.Load(_old).Format);
    }
}
