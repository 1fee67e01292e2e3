using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Tests.Models;

public sealed class ModelArtifactTests
{
    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalOutputsAndMetadata()
    {
        manual_seed(3);
        var architecture = TestModels.Tiny();
        using var model = new FrameClassifier(architecture);
        model.eval();
        var metadata = TestModels.MetadataFor(architecture);
        var path = Path.Combine(Path.GetTempPath(), $"artifact-{Guid.NewGuid():N}.adm");
        try
        {
            ModelArtifact.Save(path, model, metadata);
            var loaded = ModelArtifact.Load(path);

            using var input = randn(5, architecture.InputDim);
            using var expected = model.forward(input);
            using var actual = loaded.Model.forward(input);
            Assert.True(expected.eq(actual).all().item<bool>(), "outputs differ after save/load");
            Assert.Equal(architecture, loaded.Metadata.Architecture);
            Assert.Equal(metadata.CmvnMean, loaded.Metadata.CmvnMean);
            Assert.Equal(metadata.Lineage, loaded.Metadata.Lineage with { Teachers = metadata.Lineage.Teachers });
            Assert.Equal(0.5, loaded.Metadata.Metrics["dev_frame_accuracy"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CheckpointKeys_AreStable()
    {
        using var model = new FrameClassifier(TestModels.Tiny());
        var keys = model.state_dict().Keys.ToArray();
        // Linear, ReLU, Dropout per hidden layer, then the output Linear: the format users' files depend on.
        Assert.Equal(["layers.0.weight", "layers.0.bias", "layers.3.weight", "layers.3.bias", "layers.6.weight", "layers.6.bias"], keys);
    }

    [Fact]
    public void Load_FlippedByte_IsRejectedAsCorrupt()
    {
        using var model = new FrameClassifier(TestModels.Tiny());
        var bytes = ModelArtifact.Serialize(model, TestModels.MetadataFor(model.Architecture));
        bytes[bytes.Length / 2] ^= 0x40;
        var error = Assert.Throws<ModelArtifactException>(() => ModelArtifact.Deserialize(bytes));
        Assert.Contains("corrupt", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(100)]
    public void Load_Truncated_IsRejected(int keep)
    {
        using var model = new FrameClassifier(TestModels.Tiny());
        var bytes = ModelArtifact.Serialize(model, TestModels.MetadataFor(model.Architecture));
        Assert.Throws<ModelArtifactException>(() => ModelArtifact.Deserialize(bytes.AsSpan(0, keep)));
    }

    [Fact]
    public void Load_WeightsOfAnotherShape_IsAClearError()
    {
        // A well-formed file whose metadata claims a wider network than its weights hold.
        using var model = new FrameClassifier(TestModels.Tiny());
        var bytes = ModelArtifact.Serialize(model, TestModels.MetadataFor(model.Architecture));
        var forged = Forge(bytes, "\"hidden_width\":16", "\"hidden_width\":32");
        var error = Assert.Throws<ModelArtifactException>(() => ModelArtifact.Deserialize(forged));
        Assert.Contains("do not fit", error.Message);
    }

    [Fact]
    public void Load_MissingFile_NamesThePath()
    {
        var error = Assert.Throws<ModelArtifactException>(() => ModelArtifact.Load("/nonexistent/model.adm"));
        Assert.Contains("/nonexistent/model.adm", error.Message);
    }

    [Fact]
    public void Load_NotAModel_IsRejected()
    {
        var error = Assert.Throws<ModelArtifactException>(() => ModelArtifact.Deserialize("RIFF....WAVEfmt and more bytes here......"u8));
        Assert.Contains("not an AcousticDistill model", error.Message);
    }

    /// <summary>Replaces text in the metadata and rewrites lengths and checksum, as a careless tool might.</summary>
    private static byte[] Forge(byte[] artifact, string from, string to)
    {
        var jsonLength = BitConverter.ToInt32(artifact, 8);
        var json = System.Text.Encoding.UTF8.GetString(artifact, 12, jsonLength);
        Assert.Contains(from, json);
        var newJson = System.Text.Encoding.UTF8.GetBytes(json.Replace(from, to));
        var rest = artifact.AsSpan(12 + jsonLength, artifact.Length - 12 - jsonLength - 32);
        var body = new List<byte>();
        body.AddRange(artifact.AsSpan(0, 8).ToArray());
        body.AddRange(BitConverter.GetBytes(newJson.Length));
        body.AddRange(newJson);
        body.AddRange(rest.ToArray());
        var hash = System.Security.Cryptography.SHA256.HashData(body.ToArray());
        body.AddRange(hash);
        return body.ToArray();
    }
}
