namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// Decodes a WAV stream to mono float samples at a target rate a piece at a time, with buffers of one block reused
/// between reads: an uploaded file is held as its bytes only, never as a whole array of samples (a 600 s upload would
/// be tens of megabytes on the large-object heap, twice over while a list grows). <see cref="WavDecoder"/> decodes
/// whole files through this class, so piecewise and whole decoding cannot disagree. Every problem with the bytes
/// raises <see cref="AudioFormatException"/> naming it.
/// </summary>
public sealed class WavChunkDecoder
{
    // Samples converted per step: large enough to amortise calls, small enough that every buffer stays below the
    // large-object threshold (85,000 bytes), so a decoder's buffers die young instead of fragmenting that heap.
    private const int BlockSamples = 16_384;

    private readonly WaveDataReader _reader;
    private readonly WaveFormatInfo _format;
    private readonly StreamingResampler? _resampler;
    private readonly byte[] _raw;
    private readonly float[] _interleaved;
    private readonly float[] _mono;
    private long _framesRead;
    private bool _finished;

    /// <summary>Reads the header of the WAV in <paramref name="stream"/>; the stream is left at the start of the samples.</summary>
    /// <param name="stream">The WAV; it need not be seekable.</param>
    /// <param name="targetSampleRate">The output rate; null for the file's own.</param>
    /// <param name="options">Limits and resampler settings.</param>
    /// <exception cref="AudioFormatException">The header is not decodable WAV; the message names the problem.</exception>
    public WavChunkDecoder(Stream stream, int? targetSampleRate, WavDecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var layout = Checked(() => RiffWaveParser.ReadUntilData(stream, options));
        _format = layout.Format;
        SampleRate = targetSampleRate ?? _format.SampleRate;
        // Only a seekable stream has had its declared size checked against reality; a streamed WAV's size is unknown.
        SourceFrames = stream.CanSeek ? (layout.DataBytes ?? stream.Length - stream.Position) / _format.BlockAlign : null;
        _reader = new WaveDataReader(stream, layout, options);
        _resampler = _format.SampleRate == SampleRate ? null : new StreamingResampler(_format.SampleRate, SampleRate, options.Resampler);
        var blockFrames = Math.Max(1, BlockSamples / _format.Channels);
        _raw = new byte[blockFrames * _format.BlockAlign];
        _interleaved = new float[blockFrames * _format.Channels];
        _mono = new float[blockFrames];
    }

    /// <summary>The rate the file declares.</summary>
    public int SourceSampleRate => _format.SampleRate;

    /// <summary>The rate of the samples this returns.</summary>
    public int SampleRate { get; }

    /// <summary>Frames (samples per channel) of the data, from a seekable stream; null when the stream cannot tell.</summary>
    public long? SourceFrames { get; }

    /// <summary>
    /// Decodes up to <paramref name="sourceFrames"/> more frames of the file and appends the resulting samples to
    /// <paramref name="output"/>; at the end of the data it also drains the resampler. Returns false once everything has
    /// been returned (the call that finds the end still appends what remained).
    /// </summary>
    /// <exception cref="AudioFormatException">The data is not decodable (truncated, too long, an I/O error).</exception>
    public bool Read(List<float> output, int sourceFrames)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceFrames, 1);
        if (_finished)
        {
            return false;
        }
        return Checked(() => ReadBlocks(output, sourceFrames));
    }

    private bool ReadBlocks(List<float> output, int sourceFrames)
    {
        var left = sourceFrames;
        while (left > 0)
        {
            var bytes = (int)Math.Min(_raw.Length, (long)left * _format.BlockAlign);
            var got = _reader.ReadFrames(_raw.AsSpan(0, bytes));
            if (got == 0)
            {
                _finished = true;
                _resampler?.Flush(output);
                return false;
            }
            var count = SampleConverter.ToFloat(_raw.AsSpan(0, got), _format.Encoding, _format.BytesPerSample, _interleaved);
            var frames = ChannelMixer.AverageToMono(_interleaved.AsSpan(0, count), _format.Channels, _mono);
            if (_resampler is null)
            {
                output.AddRange(_mono.AsSpan(0, frames));
            }
            else
            {
                _resampler.Process(_mono.AsSpan(0, frames), output);
            }
            left -= frames;
            _framesRead += frames;
        }
        if (_framesRead == SourceFrames)
        {
            // All the data is in: drain now, so a caller that reads exactly the file's length gets all of it.
            _finished = true;
            _resampler?.Flush(output);
            return false;
        }
        return true;
    }

    private static T Checked<T>(Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (Exception ex) when (ex is not AudioFormatException and not OutOfMemoryException)
        {
            // Stream I/O errors and anything unforeseen in NAudio still mean "these bytes are unusable".
            throw new AudioFormatException($"WAV could not be decoded: {ex.Message}", ex);
        }
    }
}
