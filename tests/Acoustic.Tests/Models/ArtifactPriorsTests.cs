using System.Text;

namespace AcousticDistill.Acoustic.Tests.Models;

/// <summary>Class priors inside the artifact (format 2), and format-1 artifacts that had them beside it.</summary>
public sealed class ArtifactPriorsTests
{
    [Fact]
    public void Priors_RoundTripThroughTheArtifact_WrittenAsFormat2()
    {
        var architecture = TestModels.Tiny(classes: PhoneSet.ClassCount);
        using var model = new FrameClassifier(architecture);
        var metadata = TestModels.MetadataFor(architecture);

        var bytes = ModelArtifact.Serialize(model, metadata);
        var loaded = ModelArtifact.Deserialize(bytes, "m.adm");

        Assert.Equal("ADMODEL2", Encoding.ASCII.GetString(bytes, 0, 8));
        Assert.Equal(ModelArtifact.CurrentFormat, loaded.Format);
        Assert.Equal("m.adm", loaded.Name);
        var priors = loaded.Metadata.Priors;
        Assert.NotNull(priors);
        Assert.Equal(metadata.Priors!.LogPriors, priors.LogPriors);
        Assert.Equal(metadata.Priors.Frames, priors.Frames);
        Assert.Equal("unit-test", priors.Source);
    }

    [Fact]
    public void Format1Artifact_StillLoads_WithoutPriors()
    {
        var architecture = TestModels.Tiny(classes: PhoneSet.ClassCount);
        using var model = new FrameClassifier(architecture);

        var loaded = ModelArtifact.Deserialize(TestModels.AsFormat1(model, TestModels.MetadataFor(architecture)));

        Assert.Equal(1, loaded.Format);
        Assert.Null(loaded.Metadata.Priors);
        Assert.Equal(architecture, loaded.Metadata.Architecture);
    }

    [Fact]
    public void Priors_OfAnotherClassCount_AreRejectedAtSave()
    {
        var architecture = TestModels.Tiny(classes: 6);
        using var model = new FrameClassifier(architecture);
        var metadata = TestModels.MetadataFor(architecture) with { Priors = TestModels.PriorsFor(7) };

        var error = Assert.Throws<InvalidDataException>(() => ModelArtifact.Serialize(model, metadata));
        Assert.Contains("6 finite log priors", error.Message);
    }

    [Fact]
    public void Metadata_WithoutPriors_WritesNoPriorsKey()
    {
        using var model = new FrameClassifier(TestModels.Tiny());
        var bytes = ModelArtifact.Serialize(model, TestModels.MetadataFor(model.Architecture) with { Priors = null });
        Assert.DoesNotContain("\"priors\"", Encoding.UTF8.GetString(bytes));
        Assert.Contains("\"priors\"", Encoding.UTF8.GetString(ModelArtifact.Serialize(model, TestModels.MetadataFor(model.Architecture))));
    }
}
