using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// Decodes a WAV file or stream to mono float samples in [-1, 1] at a requested sample rate
/// (channels averaged, rate changed with NAudio's managed WDL resampler).
/// </summary>
public static class WavDecoder
{
    /// <summary>Decodes the WAV file at <paramref name="path"/>.</summary>
    public static float[] DecodeFile(string path, int targetSampleRate)
    {
        using var stream = File.OpenRead(path);
        return Decode(stream, targetSampleRate);
    }

    /// <summary>Decodes a WAV stream.</summary>
    public static float[] Decode(Stream stream, int targetSampleRate)
    {
        using var reader = new WaveFileReader(stream);
        ISampleProvider source = reader.ToSampleProvider();
        if (source.WaveFormat.Channels == 2)
        {
            source = new StereoToMonoSampleProvider(source);
        }
        if (source.WaveFormat.SampleRate != targetSampleRate)
        {
            source = new WdlResamplingSampleProvider(source, targetSampleRate);
        }
        var samples = new List<float>();
        var buffer = new float[8192];
        int read;
        while ((read = source.Read(buffer.AsSpan())) > 0)
        {
            samples.AddRange(buffer.AsSpan(0, read));
        }
        return samples.ToArray();
    }
}
