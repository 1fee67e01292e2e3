namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// Reads the data chunk in whole frames, enforcing the size policy: a declared length is honoured
/// (shortfall is an error unless truncation is allowed), an unknown length runs to the end of the stream,
/// and either way more than <see cref="WavDecodeOptions.MaxDataBytes"/> is refused. A trailing partial frame
/// (a writer stopped mid-frame) is dropped.
/// </summary>
internal sealed class WaveDataReader
{
    private readonly Stream _stream;
    private readonly int _blockAlign;
    private readonly long? _declaredBytes;
    private readonly WavDecodeOptions _options;
    private long _bytesRead;
    private bool _finished;

    public WaveDataReader(Stream stream, WaveLayout layout, WavDecodeOptions options)
    {
        _stream = stream;
        _blockAlign = layout.Format.BlockAlign;
        _declaredBytes = layout.DataBytes;
        _options = options;
    }

    /// <summary>Fills <paramref name="buffer"/> with whole frames; returns bytes read, 0 at the end.</summary>
    public int ReadFrames(Span<byte> buffer)
    {
        if (_finished)
        {
            return 0;
        }
        var remaining = (_declaredBytes ?? long.MaxValue) - _bytesRead;
        var request = (int)Math.Min(buffer.Length, remaining);
        var got = _stream.ReadAtLeast(buffer[..request], request, throwOnEndOfStream: false);
        _bytesRead += got;
        if (_bytesRead > _options.MaxDataBytes)
        {
            throw new AudioFormatException(
                $"data chunk is too large: more than the limit of {_options.MaxDataBytes} bytes.");
        }
        if (got < request || _bytesRead == _declaredBytes)
        {
            _finished = true;
            if (_declaredBytes is { } declared && _bytesRead < declared && !_options.AllowTruncatedData)
            {
                throw new AudioFormatException(
                    $"truncated data: the data chunk declares {declared} bytes but only {_bytesRead} are present.");
            }
        }
        return got - got % _blockAlign;
    }
}
