using AcousticDistill.Acoustic.Audio;
using NAudio.Wave;

namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>Changes the rate of in-memory samples through <see cref="WavDecoder"/> (NAudio's managed WDL resampler).</summary>
internal static class SampleRateConverter
{
    public static float[] Convert(float[] samples, int fromRate, int toRate)
    {
        if (fromRate == toRate)
        {
            return samples;
        }
        using var buffer = new MemoryStream(samples.Length * 4 + 64);
        using (var writer = new WaveFileWriter(buffer, WaveFormat.CreateIeeeFloatWaveFormat(fromRate, 1)))
        {
            writer.WriteSamples(samples, 0, samples.Length);
        }
        buffer.Position = 0;
        return WavDecoder.Decode(buffer, toRate);
    }
}
