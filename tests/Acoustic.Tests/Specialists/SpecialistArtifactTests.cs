using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Tests.Specialists;

public sealed class SpecialistArtifactTests
{
    [Fact]
    public void ClassMap_RoundTripsThroughTheArtifact()
    {
        using var model = new FrameClassifier(Models.TestModels.Tiny(classes: 4));
        var metadata = Models.TestModels.MetadataFor(model.Architecture) with
        {
            ClassMap = [10, 4, 7],
            Priors = null,
            Metrics = new Dictionary<string, double> { [Specialist.DustbinCorrectionMetric] = 1.25 },
        };

        var loaded = ModelArtifact.Deserialize(ModelArtifact.Serialize(model, metadata));

        Assert.Equal([10, 4, 7], loaded.Metadata.ClassMap);
        var specialist = Specialist.FromArtifact(loaded);
        Assert.Equal(1.25, specialist.DustbinLogitCorrection);
        Assert.Equal([10, 4, 7], specialist.Classes);
    }

    [Fact]
    public void OrdinaryModel_WritesNoClassMap_AndLoadsAsBefore()
    {
        using var model = new FrameClassifier(Models.TestModels.Tiny());
        var bytes = ModelArtifact.Serialize(model, Models.TestModels.MetadataFor(model.Architecture));

        // Metadata written before the class map existed is exactly this JSON: no class_map key at all.
        Assert.DoesNotContain("class_map", System.Text.Encoding.UTF8.GetString(bytes));
        var loaded = ModelArtifact.Deserialize(bytes);
        Assert.Null(loaded.Metadata.ClassMap);
        Assert.Throws<ModelArtifactException>(() => Specialist.FromArtifact(loaded));
    }

    [Theory]
    [InlineData(new[] { 1, 2 })]
    [InlineData(new[] { 1, 1, 2 })]
    [InlineData(new[] { 1, 2, 500 })]
    public void ClassMap_Inconsistent_IsRejected(int[] classMap)
    {
        var metadata = Models.TestModels.MetadataFor(Models.TestModels.Tiny(classes: 4)) with { ClassMap = classMap };
        Assert.Throws<InvalidDataException>(metadata.Validate);
    }

    [Fact]
    public void Directory_SavesAndLoads_AndCatchesATamperedFile()
    {
        manual_seed(1);
        using var folder = new TempDirectory();
        using var generalist = new FrameClassifier(Models.TestModels.Tiny());
        var generalistMetadata = Models.TestModels.MetadataFor(generalist.Architecture);
        var generalistBytes = ModelArtifact.Serialize(generalist, generalistMetadata);
        var clusters = new[] { new[] { 1, 2 }, new[] { 4 } };
        var specialists = clusters.Select(c =>
        {
            var model = SpecialistInitializer.FromGeneralist(generalist, c);
            return (model, generalistMetadata with
            {
                Architecture = model.Architecture,
                ClassMap = c,
                Priors = null,
                Metrics = new Dictionary<string, double> { [Specialist.DustbinCorrectionMetric] = 0.5 },
            });
        }).ToArray();

        SpecialistDirectory.Save(folder.Path, generalistBytes, specialists);
        using (var set = SpecialistSet.Load(folder.Path))
        {
            Assert.Equal(2, set.Specialists.Count);
            Assert.Equal([1, 2, 4], set.CoveredClasses.Order().ToArray());
            using var input = randn(3, generalist.Architecture.InputDim);
            using var scores = set.Scorer()(input);
            Assert.Equal([3L, 6L], scores.shape);
        }

        var member = Path.Combine(folder.Path, SpecialistDirectory.SpecialistFileName(1));
        File.WriteAllBytes(member, ModelArtifact.Serialize(specialists[0].model, specialists[0].Item2));
        var error = Assert.Throws<ModelArtifactException>(() => SpecialistSet.Load(folder.Path));
        Assert.Contains("hash", error.Message);
    }

    [Fact]
    public void Directory_SavedFromStoredBytes_KeepsTheirHashesInOrderAndLoads()
    {
        manual_seed(2);
        using var folder = new TempDirectory();
        using var generalist = new FrameClassifier(Models.TestModels.Tiny());
        var generalistMetadata = Models.TestModels.MetadataFor(generalist.Architecture);
        var generalistBytes = ModelArtifact.Serialize(generalist, generalistMetadata);
        var specialistBytes = new[] { new[] { 0, 3 }, new[] { 5 } }.Select(cluster =>
        {
            using var model = SpecialistInitializer.FromGeneralist(generalist, cluster);
            return ModelArtifact.Serialize(model, generalistMetadata with { Architecture = model.Architecture, ClassMap = cluster, Priors = null });
        }).ToArray();

        SpecialistDirectory.Save(folder.Path, generalistBytes, specialistBytes);

        string[] hashes = [ModelArtifact.ContentHash(generalistBytes), .. specialistBytes.Select(b => ModelArtifact.ContentHash(b))];
        Assert.Equal(hashes, SpecialistDirectory.MemberHashes(folder.Path));
        Assert.Equal(hashes, SpecialistDirectory.MemberFiles(folder.Path).Select(f => ModelArtifact.ContentHash(File.ReadAllBytes(f))));
        using var set = SpecialistSet.Load(folder.Path);
        Assert.Equal([0, 3, 5], set.CoveredClasses.Order().ToArray());
    }

    [Fact]
    public void Trainer_LearnsItsClusterFromTheGeneralist()
    {
        manual_seed(3);
        using var train = ClusteredFrames.Frames(40, seed: 1, noise: 3f);
        using var dev = ClusteredFrames.Frames(10, seed: 2, noise: 3f);
        using var generalist = new FrameClassifier(Models.TestModels.Tiny());
        new FrameTrainer(new TrainingOptions { Epochs = 1, BatchSize = 32, Seed = 1, Schedule = "constant" })
            .Train(generalist, train, new HardLabelObjective(train), dev: null);

        var trained = SpecialistTrainer.Train(generalist, [2, 3], train, dev,
            new TrainingOptions { Epochs = 3, BatchSize = 32, Seed = 1 });

        using var specialist = trained.Specialist;
        Assert.Equal(3, specialist.Model.Architecture.Classes);
        Assert.Equal(trained.Sample.SpecialFrames, trained.Sample.SampledOtherFrames);
        Assert.True(trained.Report.BestDevFrameAccuracy > 0.6, $"enriched dev accuracy {trained.Report.BestDevFrameAccuracy:P1}");
        Assert.Equal(Math.Log(2.0), specialist.DustbinLogitCorrection, precision: 1);

        // A specialist is never decoded alone: its metadata drops the generalist's priors, and it still validates.
        var generalistMetadata = Models.TestModels.MetadataFor(generalist.Architecture);
        var metadata = SpecialistDirectory.SpecialistMetadata(generalistMetadata, "generalist-sha", trained, "clustered", seed: 1);
        Assert.NotNull(generalistMetadata.Priors);
        Assert.Null(metadata.Priors);
        metadata.Validate();
    }

    [Fact]
    public void ClassMap_WithPriors_IsRejected()
    {
        var metadata = Models.TestModels.MetadataFor(Models.TestModels.Tiny(classes: 4)) with { ClassMap = [1, 2, 3] };
        var error = Assert.Throws<InvalidDataException>(metadata.Validate);
        Assert.Contains("no class priors", error.Message);
    }
}
