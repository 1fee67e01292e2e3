using AcousticDistill.Acoustic.Distillation;
using AcousticDistill.Acoustic.Evaluation;

namespace AcousticDistill.Acoustic.Tests.Evaluation;

public sealed class EnsembleAudioScorerTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ScoreAudio_MembersAllTheSameModel_EqualsThatModelsHybridScores()
    {
        var (model, ensemble) = EnsembleOfOneModel(members: 2);
        var audio = Enumerable.Range(0, 8000).Select(i => (float)(0.1 * Math.Sin(i * 0.05) + 0.02 * Math.Sin(i * 1.3))).ToArray();

        var scorer = new EnsembleAudioScorer(ensemble);
        var expected = new AcousticScorer(ModelArtifact.Load(model), new AcousticScoringOptions { AcousticScale = 1f }).ScoreAudio(audio);
        var actual = scorer.ScoreAudio(audio);

        Assert.Equal(2, scorer.Count);
        Assert.Equal(2 * ModelArtifact.Load(model).Metadata.Architecture.ParameterCount, scorer.ParameterCount);
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 1e-4f));
    }

    [Fact]
    public void Constructor_MemberChangedAfterIndexing_IsAClearError()
    {
        var (_, ensemble) = EnsembleOfOneModel(members: 1);
        TestModels.SaveTiny16k(Path.Combine(ensemble, EnsembleDirectory.MemberFileName(0)));

        var error = Assert.ThrowsAny<Exception>(() => new EnsembleAudioScorer(ensemble));

        Assert.Contains("hash", error.Message);
    }

    // An ensemble folder whose members are copies of one tiny untrained model; returns the model's path and the folder.
    private (string Model, string Ensemble) EnsembleOfOneModel(int members)
    {
        var model = Path.Combine(_folder.Path, "m.adm");
        TestModels.SaveTiny16k(model);
        var ensemble = Path.Combine(_folder.Path, "ensemble");
        Directory.CreateDirectory(ensemble);
        var files = Enumerable.Range(0, members).Select(EnsembleDirectory.MemberFileName).ToArray();
        foreach (var file in files)
        {
            File.Copy(model, Path.Combine(ensemble, file));
        }
        EnsembleDirectory.WriteIndex(ensemble, files);
        return (model, ensemble);
    }
}
