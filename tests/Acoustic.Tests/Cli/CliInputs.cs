using AcousticDistill.Acoustic.Tests.Decoding;

namespace AcousticDistill.Acoustic.Tests.Cli;

/// <summary>Input files for the decoding verbs, written into a test's folder.</summary>
internal static class CliInputs
{
    /// <summary>The digits lexicon as a CMUdict file; returns its path.</summary>
    public static string DigitsLexicon(string folder)
    {
        var path = Path.Combine(folder, "digits.dict");
        File.WriteAllText(path, TestLexicon.DigitsText);
        return path;
    }

    /// <summary>A 16 kHz WAV of <paramref name="samples"/> samples of a low hum (no speech: for the plumbing, not accuracy); returns its path.</summary>
    public static string HumWav(string folder, int samples)
    {
        var path = Path.Combine(folder, "a.wav");
        WavWriter.WritePcm16(path, Enumerable.Range(0, samples).Select(i => (float)(0.2 * Math.Sin(i * 0.07))).ToArray(), 16000);
        return path;
    }
}
