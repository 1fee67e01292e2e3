namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// Decodes a WAV file or stream to mono float samples in [-1, 1] at a requested sample rate.
/// Accepts integer PCM (8-bit unsigned, 16/24/32-bit and other widths up to 32), IEEE float 32/64,
/// G.711 µ-law and A-law, also inside WAVE_FORMAT_EXTENSIBLE; any channel count (averaged to mono); any
/// rate within <see cref="WavDecodeOptions"/>, converted with NAudio's managed WDL resampler when it
/// differs from the target. Every problem with the bytes raises <see cref="AudioFormatException"/>
/// naming it; nothing else escapes for bad input.
/// </summary>
public static class WavDecoder
{
    /// <summary>Decodes the WAV file at <paramref name="path"/> with default limits.</summary>
    /// <exception cref="AudioFormatException">The file's content is not decodable WAV.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist (other I/O errors opening it also pass through).</exception>
    public static float[] DecodeFile(string path, int targetSampleRate) =>
        DecodeFile(path, targetSampleRate, WavDecodeOptions.Default);

    /// <summary>Decodes the WAV file at <paramref name="path"/>.</summary>
    public static float[] DecodeFile(string path, int targetSampleRate, WavDecodeOptions options)
    {
        using var stream = File.OpenRead(path);
        return Decode(stream, targetSampleRate, options);
    }

    /// <summary>
    /// Decodes the WAV file at <paramref name="path"/> at the rate it declares, with default limits: the mono samples and
    /// that rate, from one read of the file (for importers that keep each file's own rate).
    /// </summary>
    /// <exception cref="AudioFormatException">The file's content is not decodable WAV.</exception>
    public static (float[] Samples, int SampleRate) DecodeFileAtItsRate(string path) =>
        DecodeFileAtItsRate(path, WavDecodeOptions.Default);

    /// <summary>Decodes the WAV file at <paramref name="path"/> at the rate it declares: the mono samples and that rate.</summary>
    public static (float[] Samples, int SampleRate) DecodeFileAtItsRate(string path, WavDecodeOptions options)
    {
        using var stream = File.OpenRead(path);
        return DecodeAtItsRate(stream, options);
    }

    /// <summary>
    /// Decodes a WAV stream from its current position at the rate it declares: the mono samples and that rate, in one
    /// pass (the stream need not be seekable).
    /// </summary>
    /// <exception cref="AudioFormatException">The bytes are not decodable WAV; the message names the problem.</exception>
    public static (float[] Samples, int SampleRate) DecodeAtItsRate(Stream stream, WavDecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        return DecodeAt(stream, targetSampleRate: null, options);
    }

    /// <summary>Decodes a WAV stream from its current position, with default limits.</summary>
    public static float[] Decode(Stream stream, int targetSampleRate) =>
        Decode(stream, targetSampleRate, WavDecodeOptions.Default);

    /// <summary>Decodes a WAV stream from its current position. The stream need not be seekable.</summary>
    /// <exception cref="AudioFormatException">The bytes are not decodable WAV; the message names the problem.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The target rate is outside the options' range.</exception>
    public static float[] Decode(Stream stream, int targetSampleRate, WavDecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetSampleRate, options.MinSampleRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetSampleRate, options.MaxSampleRate);
        return DecodeAt(stream, targetSampleRate, options).Samples;
    }

    /// <summary>The sample rate a WAV file declares (its header is validated exactly as for decoding).</summary>
    /// <exception cref="AudioFormatException">The header is not usable WAV.</exception>
    public static int ReadSampleRate(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadSampleRate(stream);
    }

    /// <summary>The sample rate the WAV in <paramref name="stream"/> declares; the stream is left after the header.</summary>
    /// <exception cref="AudioFormatException">The header is not usable WAV.</exception>
    public static int ReadSampleRate(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return RiffWaveParser.ReadUntilData(stream, WavDecodeOptions.Default).Format.SampleRate;
        }
        catch (Exception ex) when (ex is not AudioFormatException and not OutOfMemoryException)
        {
            throw new AudioFormatException($"WAV header could not be read: {ex.Message}", ex);
        }
    }

    // Decodes at the target rate, or at the file's own rate when there is none: the piecewise decoder, run to the end.
    private static (float[] Samples, int SampleRate) DecodeAt(Stream stream, int? targetSampleRate, WavDecodeOptions options)
    {
        var decoder = new WavChunkDecoder(stream, targetSampleRate, options);
        var output = new List<float>(InitialCapacity(decoder));
        while (decoder.Read(output, int.MaxValue))
        {
        }
        return (output.ToArray(), decoder.SampleRate);
    }

    // Only a seekable stream has had its declared size checked against reality; trust nothing else.
    private static int InitialCapacity(WavChunkDecoder decoder) =>
        decoder.SourceFrames is { } frames
            ? (int)Math.Min(frames * (double)decoder.SampleRate / decoder.SourceSampleRate + 16, Array.MaxLength)
            : 0;
}
