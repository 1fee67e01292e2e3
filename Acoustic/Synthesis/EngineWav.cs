namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>Reads an engine's WAV output at its own rate (the rate differs by voice: 8, 16, 32 kHz).</summary>
internal static class EngineWav
{
    public static (float[] Samples, int SampleRate) Read(string path)
    {
        try
        {
            return WavDecoder.DecodeFileAtItsRate(path);
        }
        catch (Exception ex) when (ex is IOException or AudioFormatException)
        {
            throw new SynthesisException($"engine output {path} is not a readable WAV file: {ex.Message}", ex);
        }
    }
}
