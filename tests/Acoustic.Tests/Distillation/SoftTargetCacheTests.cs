using AcousticDistill.Acoustic.Distillation;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Tests.Distillation;

public sealed class SoftTargetCacheTests
{
    [Fact]
    public void GetOrCompute_ComputesOnce_ThenReadsTheSameValues()
    {
        var directory = Directory.CreateTempSubdirectory("soft-").FullName;
        try
        {
            var cache = new SoftTargetCache(directory);
            var key = SoftTargetCache.Key("teachers", 2.0, "corpus");
            var computed = 0;
            manual_seed(5);
            using var expected = randn(1500, 7);
            using var first = cache.GetOrCompute(key, 1500, 7, () => { computed++; return expected.clone(); });
            using var second = cache.GetOrCompute(key, 1500, 7, () => { computed++; return zeros(1500, 7); });

            Assert.Equal(1, computed);
            Assert.True(second.eq(expected).all().item<bool>());
            Assert.NotEqual(key, SoftTargetCache.Key("teachers", 5.0, "corpus"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
