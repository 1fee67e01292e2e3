using Xunit.Abstractions;

namespace AcousticDistill.Acoustic.Tests.Features;

public sealed class FbankGoldenTests(ITestOutputHelper output)
{
    private const float Tolerance = 1e-3f;

    public static TheoryData<string> Cases => new(FbankFixtures.CaseNames);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_GoldenCase_MatchesTorchaudioWithinTolerance(string name)
    {
        var golden = FbankFixtures.Load(name);
        var actual = new FilterbankExtractor(golden.Options).Compute(golden.Samples);

        Assert.Equal(golden.Expected.Frames, actual.Frames);
        Assert.Equal(golden.Expected.Dim, actual.Dim);
        var maxDiff = 0f;
        var worst = 0;
        for (var i = 0; i < actual.Data.Length; i++)
        {
            var diff = MathF.Abs(actual.Data[i] - golden.Expected.Data[i]);
            if (!(diff <= maxDiff))
            {
                maxDiff = diff;
                worst = i;
            }
        }
        output.WriteLine($"{name}: {actual.Frames} x {actual.Dim}, max abs diff {maxDiff:E3} at frame {worst / actual.Dim}, dim {worst % actual.Dim}");
        Assert.True(maxDiff <= Tolerance,
            $"{name}: max abs diff {maxDiff} at frame {worst / actual.Dim}, dim {worst % actual.Dim} " +
            $"(ours {actual.Data[worst]}, torchaudio {golden.Expected.Data[worst]})");
    }

    [Fact]
    public void Compute_Silence_GivesLogOfFloatEpsilonEverywhere()
    {
        var golden = FbankFixtures.Load("silence_16k_40");
        var actual = new FilterbankExtractor(golden.Options).Compute(golden.Samples);

        Assert.All(actual.Data, v => Assert.Equal(MathF.Log(1.1920929e-07f), v));
    }

    [Fact]
    public void Validate_MelLayoutWithEmptyBin_IsRejectedNamingTheBin()
    {
        var layouts = FbankFixtures.EmptyMelBinLayouts.ToList();
        Assert.NotEmpty(layouts);
        foreach (var (rate, bins, firstEmpty) in layouts)
        {
            var options = new FbankOptions { SampleFrequency = rate, NumMelBins = bins };
            var error = Assert.Throws<ArgumentException>(options.Validate);
            Assert.Contains($"mel bin {firstEmpty} covers no FFT bin", error.Message);
            Assert.Contains("NumMelBins", error.Message);
        }
    }
}
