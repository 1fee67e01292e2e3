using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Tests.Models;

public sealed class TorchSmokeTests
{
    [Fact]
    public void Libtorch_Loads_AndMultipliesMatrices()
    {
        using var a = ones(2, 3);
        using var b = ones(3, 4);
        using var c = matmul(a, b);
        Assert.Equal(3.0f, c[1, 2].item<float>());
    }
}
