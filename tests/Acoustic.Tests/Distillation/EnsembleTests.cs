using AcousticDistill.Acoustic.Distillation;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Tests.Distillation;

public sealed class EnsembleTests
{
    [Fact]
    public void Combinations_AreNormalisedAndMatchTheirDefinitions()
    {
        manual_seed(21);
        var architecture = TestModels.Tiny();
        using var ensemble = new Ensemble([new FrameClassifier(architecture), new FrameClassifier(architecture)], TestModels.MetadataFor(architecture));
        ensemble.Prepare(CPU);
        using var input = randn(3, architecture.InputDim);

        using var arithmetic = ensemble.LogProbabilities(input, temperature: 2, EnsembleCombination.Arithmetic);
        using var geometric = ensemble.LogProbabilities(input, temperature: 2, EnsembleCombination.Geometric);

        var p0 = (ensemble.Members[0].forward(input) / 2).softmax(1);
        var p1 = (ensemble.Members[1].forward(input) / 2).softmax(1);
        Assert.True(arithmetic.exp().allclose((p0 + p1) / 2, rtol: 1e-4, atol: 1e-6));
        var product = (p0 * p1).sqrt();
        Assert.True(geometric.exp().allclose(product / product.sum(1, keepdim: true), rtol: 1e-4, atol: 1e-6));
        Assert.True(geometric.exp().sum(1).allclose(ones(3), rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void Members_WithDifferentInputs_AreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new Ensemble(
            [new FrameClassifier(TestModels.Tiny(context: 1)), new FrameClassifier(TestModels.Tiny(context: 2))],
            TestModels.MetadataFor(TestModels.Tiny())));
        Assert.Contains("disagree", error.Message);
    }

    [Fact]
    public void Directory_RoundTrips_AndDetectsAChangedMember()
    {
        var directory = Directory.CreateTempSubdirectory("ensemble-").FullName;
        try
        {
            var architecture = TestModels.Tiny();
            var files = new List<string>();
            for (var m = 0; m < 2; m++)
            {
                manual_seed(m);
                using var model = new FrameClassifier(architecture);
                files.Add(EnsembleDirectory.MemberFileName(m));
                ModelArtifact.Save(Path.Combine(directory, files[^1]), model, TestModels.MetadataFor(architecture));
            }
            EnsembleDirectory.WriteIndex(directory, files);
            using (var loaded = EnsembleDirectory.Load(directory))
            {
                Assert.Equal(2, loaded.Members.Count);
            }

            // Replace member 1 with another valid model: its hash no longer matches the index.
            manual_seed(99);
            using (var other = new FrameClassifier(architecture))
            {
                ModelArtifact.Save(Path.Combine(directory, files[1]), other, TestModels.MetadataFor(architecture));
            }
            var error = Assert.Throws<ModelArtifactException>(() => EnsembleDirectory.Load(directory));
            Assert.Contains("does not match the hash", error.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
