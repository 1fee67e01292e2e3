namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// An uploaded file's samples, already at the model's rate, handed to the stream one second per grain call so that each
/// call (and so each grain turn) stays short.
/// </summary>
internal sealed class UploadedAudio(float[] samples, int rate)
{
    private int _next;

    /// <summary>No upload (a live stream).</summary>
    public static UploadedAudio None { get; } = new([], 1);

    /// <summary>Length in seconds.</summary>
    public double Seconds => samples.Length / (double)rate;

    /// <summary>Calls of <see cref="NextChunk"/> that take the whole file.</summary>
    public int Chunks => (samples.Length + rate - 1) / rate;

    /// <summary>The next second of audio (less at the end, empty past it).</summary>
    public ReadOnlySpan<float> NextChunk()
    {
        var chunk = samples.AsSpan(_next, Math.Min(rate, samples.Length - _next));
        _next += chunk.Length;
        return chunk;
    }
}
