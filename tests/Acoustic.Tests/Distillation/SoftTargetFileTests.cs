using AcousticDistill.Acoustic.Distillation;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Tests.Distillation;

public sealed class SoftTargetFileTests
{
    [Fact]
    public void Write_ThenRead_GivesTheSameValuesAcrossChunks()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "nested", "soft.f32");
        manual_seed(7);
        // More than one million floats, so both sides go through several chunks.
        using var expected = randn(40_000, 33);

        SoftTargetFile.Write(path, expected);
        using var read = SoftTargetFile.Read(path, 40_000, 33);

        Assert.True(read.eq(expected).all().item<bool>());
        Assert.True(SoftTargetFile.Fits(path, 40_000, 33));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Read_FileOfAnotherShapeOrMissing_IsRefusedNamingIt()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "soft.f32");
        using var targets = zeros(10, 4);
        SoftTargetFile.Write(path, targets);

        var wrongShape = Assert.Throws<InvalidDataException>(() => SoftTargetFile.Read(path, 10, 5));
        var missing = Assert.Throws<InvalidDataException>(() => SoftTargetFile.Read(path + ".gone", 10, 4));

        Assert.Contains("not 10 × 5", wrongShape.Message);
        Assert.Contains("missing", missing.Message);
        Assert.False(SoftTargetFile.Fits(path, 10, 5));
    }
}
