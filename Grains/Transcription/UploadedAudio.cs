using System.Runtime.InteropServices;
using AcousticDistill.Acoustic.Audio;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// An uploaded file handed to the stream one second per grain call, so that each call (and so each grain turn) stays
/// short. The file stays as its bytes and is decoded and resampled one second at a time into one reused buffer: a
/// 600 s upload never becomes a whole array of samples (38 MB at 16 kHz, on the large-object heap).
/// </summary>
internal sealed class UploadedAudio
{
    private readonly WavChunkDecoder? _decoder;
    private readonly List<float> _chunk = [];
    private readonly long _frames;
    private readonly int _fileRate = 1;

    private UploadedAudio()
    {
    }

    /// <summary>Reads the header of <paramref name="wav"/>; its samples are decoded at <paramref name="rate"/> as they are asked for.</summary>
    /// <exception cref="BadAudioException">The header is not usable WAV.</exception>
    public UploadedAudio(byte[] wav, int rate)
    {
        _decoder = SessionAudio.Checked(() => new WavChunkDecoder(new MemoryStream(wav, writable: false), rate, WavDecodeOptions.Default));
        // A MemoryStream is seekable, so the decoder knows the file's length.
        _frames = _decoder.SourceFrames ?? 0;
        _fileRate = _decoder.SourceSampleRate;
        _chunk.Capacity = rate + 64;
    }

    /// <summary>No upload (a live stream).</summary>
    public static UploadedAudio None { get; } = new();

    /// <summary>Length in seconds.</summary>
    public double Seconds => _frames / (double)_fileRate;

    /// <summary>Calls of <see cref="NextChunk"/> that take the whole file.</summary>
    public int Chunks => (int)((_frames + _fileRate - 1) / _fileRate);

    /// <summary>The next second of audio (less at the end, empty past it).</summary>
    /// <exception cref="BadAudioException">The data cannot be decoded.</exception>
    public ReadOnlySpan<float> NextChunk()
    {
        _chunk.Clear();
        if (_decoder is not null)
        {
            SessionAudio.Checked(() => _decoder.Read(_chunk, _fileRate));
        }
        return CollectionsMarshal.AsSpan(_chunk);
    }
}
