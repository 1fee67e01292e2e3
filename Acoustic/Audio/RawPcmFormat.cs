namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// The layout of a headerless 16-bit signed mono PCM file (sphinx-style <c>.raw</c>), which carries no header to say it:
/// the caller must know the rate and the byte order.
/// </summary>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="BigEndian">True for most-significant byte first (AN4's files, despite its README).</param>
public sealed record RawPcmFormat(int SampleRate, bool BigEndian);
