namespace AcousticDistill.Acoustic.Tests.Features;

public sealed class VtlnWarpTests
{
    private static FbankOptions Options8k() => new() { SampleFrequency = 8000, NumMelBins = 40 };

    private static float[] Tone(double hz, int rate = 8000, int samples = 4000) =>
        Enumerable.Range(0, samples).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * hz * i / rate))).ToArray();

    private static int LoudestBin(FeatureMatrix features, int frame)
    {
        var row = features.Data.AsSpan(frame * features.Dim, features.Dim).ToArray();
        return Array.IndexOf(row, row.Max());
    }

    [Theory]
    [InlineData(20.0)]
    [InlineData(1000.0)]
    [InlineData(3999.0)]
    public void WarpHz_FactorOne_IsIdentity(double hz) =>
        Assert.Equal(hz, VtlnWarp.WarpHz(hz, 1.0, 20, 4000));

    [Theory]
    [InlineData(0.9)]
    [InlineData(1.1)]
    public void WarpHz_KeepsTheEndsAndScalesTheMiddleByInverseFactor(double factor)
    {
        Assert.Equal(20, VtlnWarp.WarpHz(20, factor, 20, 4000), 9);
        Assert.Equal(4000, VtlnWarp.WarpHz(4000, factor, 20, 4000), 9);
        Assert.Equal(1000 / factor, VtlnWarp.WarpHz(1000, factor, 20, 4000), 9);
        // Monotone over the whole range, so filters keep their order.
        var previous = double.NegativeInfinity;
        for (var hz = 20.0; hz <= 4000; hz += 10)
        {
            var warped = VtlnWarp.WarpHz(hz, factor, 20, 4000);
            Assert.True(warped > previous);
            previous = warped;
        }
    }

    [Fact]
    public void Extractor_WarpFactorOne_GivesIdenticalFeatures()
    {
        var audio = Tone(440).Zip(Tone(1700), (a, b) => a + b).ToArray();
        var plain = new FilterbankExtractor(Options8k()).Compute(audio);
        var unwarped = new FilterbankExtractor(Options8k(), 1.0).Compute(audio);

        Assert.Equal(plain.Data, unwarped.Data);
    }

    [Fact]
    public void Extractor_WarpFactor_DoesNotChangeTheOptions()
    {
        var extractor = new FilterbankExtractor(Options8k(), 1.1);

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(Options8k()),
            System.Text.Json.JsonSerializer.Serialize(extractor.Options));
    }

    [Fact]
    public void MelFilterBank_FactorAboveOne_MovesFiltersDown_BelowOne_MovesThemUp()
    {
        var plain = new MelFilterBank(Options8k());
        var lower = new MelFilterBank(Options8k(), 1.1);
        var higher = new MelFilterBank(Options8k(), 0.9);

        for (var bin = 5; bin < 35; bin++)
        {
            Assert.True(lower.FirstIndex(bin) <= plain.FirstIndex(bin), $"bin {bin}");
            Assert.True(higher.FirstIndex(bin) >= plain.FirstIndex(bin), $"bin {bin}");
        }
        Assert.True(lower.FirstIndex(20) < plain.FirstIndex(20));
        Assert.True(higher.FirstIndex(20) > plain.FirstIndex(20));
    }

    [Fact]
    public void Extractor_ToneLandsInAHigherBin_WhenFiltersMoveDown()
    {
        var audio = Tone(1500);
        var plain = LoudestBin(new FilterbankExtractor(Options8k()).Compute(audio), 10);
        var stretched = LoudestBin(new FilterbankExtractor(Options8k(), 1.1).Compute(audio), 10);
        var squeezed = LoudestBin(new FilterbankExtractor(Options8k(), 0.9).Compute(audio), 10);

        Assert.True(stretched > plain, $"{stretched} vs {plain}");
        Assert.True(squeezed < plain, $"{squeezed} vs {plain}");
    }

    [Fact]
    public void Extractor_RejectsAnAbsurdWarp() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FilterbankExtractor(Options8k(), 3.0));

    [Fact]
    public void VtlpOptions_FactorsAreReproducibleAndInRange()
    {
        var vtlp = new VtlpOptions { MaxWarp = 0.1, Copies = 2, Seed = 5 };
        var factors = Enumerable.Range(0, 200).Select(i => vtlp.FactorFor(i, 1 + (i % 2))).ToArray();

        Assert.All(factors, f => Assert.InRange(f, 0.9, 1.1));
        Assert.Equal(factors, Enumerable.Range(0, 200).Select(i => vtlp.FactorFor(i, 1 + (i % 2))));
        Assert.True(factors.Min() < 0.95 && factors.Max() > 1.05);
        Assert.Throws<ArgumentException>(() => (vtlp with { Copies = 0 }).Validate());
        Assert.Throws<ArgumentException>(() => (vtlp with { MaxWarp = 0 }).Validate());
    }
}
