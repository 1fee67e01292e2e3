using AcousticDistill.Acoustic.Tests.Cli;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AcousticDistill.Acoustic.Tests.Features;

/// <summary>Runs the real <c>acoustic features</c> verb (copied next to the tests) as a child process.</summary>
public sealed class FeaturesCommandTests
{
    [Fact]
    public void Features_Json_PrintsTorchaudioEqualFrames()
    {
        var golden = FbankFixtures.Load("speech_16k_23");

        var (exitCode, stdout, _) = CliRunner.Run("features", "--wav", Path.Combine(FbankFixtures.Directory, "speech_16k.wav"),
                                           "--bins", "23", "--json");

        Assert.Equal(0, exitCode);
        var frames = JsonDocument.Parse(stdout).RootElement.GetProperty("frames");
        Assert.Equal(golden.Expected.Frames, frames.GetArrayLength());
        var f = 0;
        foreach (var frame in frames.EnumerateArray())
        {
            var values = frame.EnumerateArray().Select(v => v.GetSingle()).ToArray();
            Assert.Equal(23, values.Length);
            for (var d = 0; d < values.Length; d++)
            {
                Assert.True(MathF.Abs(values[d] - golden.Expected[f, d]) <= 1e-3f, $"frame {f}, bin {d}");
            }
            f++;
        }
    }

    [Fact]
    public void Features_WithoutJson_PrintsSummaryAtTheFilesOwnRate()
    {
        var (exitCode, stdout, _) = CliRunner.Run("features", "--wav", Path.Combine(FbankFixtures.Directory, "speech_8k.wav"));

        Assert.Equal(0, exitCode);
        Assert.Contains("98 frames", stdout);
        Assert.Contains("40 log-mel bins", stdout);
        Assert.Contains("8000 Hz", stdout);
    }

    [Fact]
    public void Features_NotAWavFile_FailsWithClearError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-wav-{Guid.NewGuid():N}.wav");
        File.WriteAllText(path, "hello, this is text");
        try
        {
            var (exitCode, stdout, stderr) = CliRunner.Run("features", "--wav", path, "--json");

            Assert.Equal(2, exitCode);
            Assert.Equal("", stdout.Trim());
            Assert.Contains("not a RIFF/WAVE file", stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Features_TooManyBins_FailsNamingTheOption()
    {
        var (exitCode, _, stderr) = CliRunner.Run("features", "--wav", Path.Combine(FbankFixtures.Directory, "speech_16k.wav"),
                                           "--bins", "200");

        Assert.Equal(2, exitCode);
        Assert.Contains("NumMelBins 200", stderr);
    }
}
