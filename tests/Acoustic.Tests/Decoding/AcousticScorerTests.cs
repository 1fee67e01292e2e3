namespace AcousticDistill.Acoustic.Tests.Decoding;

public sealed class AcousticScorerTests
{
    private static ModelArtifact TinyModel()
    {
        var architecture = TestModels.Tiny(featureDim: 40, context: 2, classes: PhoneSet.ClassCount);
        using var model = new FrameClassifier(architecture);
        return ModelArtifact.Deserialize(ModelArtifact.Serialize(model, TestModels.MetadataFor(architecture)));
    }

    private static float[] Noise(int samples, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, samples).Select(i => (float)(0.1 * Math.Sin(i * 0.05) + 0.05 * (random.NextDouble() - 0.5))).ToArray();
    }

    [Fact]
    public void Scores_AreLogPosteriorsMinusTheArtifactsPriorsTimesScale()
    {
        var artifact = TinyModel();
        var priors = artifact.Metadata.Priors!;
        var audio = Noise(4000, 1);

        var plain = new AcousticScorer(artifact, new AcousticScoringOptions { PriorScale = 0 }).ScoreAudio(audio);
        var scaled = new AcousticScorer(artifact, new AcousticScoringOptions { AcousticScale = 0.5f }).ScoreAudio(audio);

        // Without priors each frame's scores are log-probabilities: they exponentiate to 1.
        var classes = PhoneSet.ClassCount;
        Assert.Equal(1.0, plain.Take(classes).Sum(s => Math.Exp(s)), 4);
        Assert.NotEqual(priors.LogPriors[0], priors.LogPriors[^1]);
        for (var c = 0; c < classes; c++)
        {
            Assert.Equal(0.5f * (plain[c] - priors.LogPriors[c]), scaled[c], 4);
        }
    }

    [Fact]
    public void StreamingScores_EqualWholeUtteranceScores_ForAnyChunking()
    {
        var artifact = TinyModel();
        var scorer = new AcousticScorer(artifact);
        var audio = Noise(9000, 2);
        StreamingScoring.AssertEqualsWholeUtterance(scorer, audio, seed: 5);
    }

    [Fact]
    public void Artifact_WithoutPriors_IsRefused_NamingTheUpgrade()
    {
        var architecture = TestModels.Tiny(featureDim: 40, context: 2, classes: PhoneSet.ClassCount);
        using var model = new FrameClassifier(architecture);
        var artifact = ModelArtifact.Deserialize(TestModels.AsFormat1(model, TestModels.MetadataFor(architecture)), "old.adm");

        var error = Assert.Throws<ModelArtifactException>(() => new AcousticScorer(artifact));

        Assert.Contains("old.adm has no class priors", error.Message);
        Assert.Contains("acoustic model upgrade", error.Message);
    }

    [Fact]
    public void Priors_FromLabels_SkipUnlabelledFrames_AndFloorUnseenClasses()
    {
        var priors = ClassPriors.FromLabels([[0, 0, -1, 3, 3, 3, 5, -1]], 120, "test", unlabelled: -1);
        Assert.Equal(6, priors.Frames);
        Assert.Equal(Math.Log(2 / 6.0), priors.LogPriors[0], 2);
        Assert.True(priors.LogPriors[7] < -10);
        Assert.Throws<InvalidDataException>(() => ClassPriors.FromLabels([[0, -1]], 120, "test"));
        var error = Assert.Throws<InvalidDataException>(() => priors.Validate(6));
        Assert.Contains("6 finite log priors", error.Message);
    }
}
