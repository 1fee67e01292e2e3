using AcousticDistill.Acoustic.Audio;
using NAudio.Wave;

namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>Reads an engine's WAV output at its own rate (the rate differs by voice: 8, 16, 32 kHz).</summary>
internal static class EngineWav
{
    public static (float[] Samples, int SampleRate) Read(string path)
    {
        try
        {
            int rate;
            using (var reader = new WaveFileReader(path))
            {
                rate = reader.WaveFormat.SampleRate;
            }
            return (WavDecoder.DecodeFile(path, rate), rate);
        }
        catch (Exception ex) when (ex is FormatException or EndOfStreamException or IOException or AudioFormatException)
        {
            throw new SynthesisException($"engine output {path} is not a readable WAV file: {ex.Message}", ex);
        }
    }
}
