namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// The facts of a validated fmt chunk that decoding needs. <see cref="BytesPerSample"/> is the container
/// size: a 20-bit sample sits left-justified in 3 bytes and is scaled like a 24-bit one.
/// </summary>
internal sealed record WaveFormatInfo(
    ushort FormatTag,
    SampleEncoding Encoding,
    int Channels,
    int SampleRate,
    int BitsPerSample,
    int BlockAlign)
{
    /// <summary>Bytes one sample of one channel occupies.</summary>
    public int BytesPerSample => BlockAlign / Channels;
}
