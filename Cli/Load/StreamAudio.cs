namespace AcousticDistill.Cli.Load;

/// <summary>The test audio of a load run: WAV files decoded once to 16-bit PCM at the stream rate.</summary>
internal sealed class StreamAudio
{
    private StreamAudio(IReadOnlyList<byte[]> files, int sampleRate)
    {
        Files = files;
        SampleRate = sampleRate;
    }

    /// <summary>PCM16 bytes of each file.</summary>
    public IReadOnlyList<byte[]> Files { get; }

    /// <summary>Sample rate of the PCM.</summary>
    public int SampleRate { get; }

    /// <summary>Decodes every <c>*.wav</c> under <paramref name="path"/> (or the one file) at <paramref name="sampleRate"/>.</summary>
    public static StreamAudio Load(string path, int sampleRate, int maxFiles)
    {
        var paths = File.Exists(path) ? [path]
            : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.wav", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(maxFiles).ToArray()
            : throw new FileNotFoundException($"no WAV file or folder at {path}");
        if (paths.Length == 0)
        {
            throw new FileNotFoundException($"no *.wav files under {path}");
        }
        return new StreamAudio(paths.Select(p => Pcm16Encoder.Encode(WavDecoder.DecodeFile(p, sampleRate))).ToArray(), sampleRate);
    }
}
