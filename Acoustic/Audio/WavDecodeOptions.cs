namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// Limits and policies for <see cref="WavDecoder"/>. The limits exist so that a damaged or hostile header
/// (a size field of four gigabytes, 60,000 channels, a sample rate of one) is refused with a clear
/// <see cref="AudioFormatException"/> instead of exhausting memory or producing nonsense.
/// </summary>
public sealed class WavDecodeOptions
{
    /// <summary>Shared default instance; treat as read-only.</summary>
    public static WavDecodeOptions Default { get; } = new();

    /// <summary>Largest audio payload (the data chunk) accepted, in bytes. Default 1 GiB.</summary>
    public long MaxDataBytes { get; init; } = 1L << 30;

    /// <summary>Most channels accepted; all of them are averaged to mono. Default 1024.</summary>
    public int MaxChannels { get; init; } = 1024;

    /// <summary>Lowest sample rate accepted, for the file and for the target, in Hz. Default 1000.</summary>
    public int MinSampleRate { get; init; } = 1_000;

    /// <summary>Highest sample rate accepted, for the file and for the target, in Hz. Default 768 kHz.</summary>
    public int MaxSampleRate { get; init; } = 768_000;

    /// <summary>
    /// What to do when the data chunk declares more bytes than the file holds. False (default): refuse
    /// with an <see cref="AudioFormatException"/>, since a cut-off recording is usually a copy error.
    /// True: decode the whole frames that are present. Either way a declared size of 0 or 0xFFFFFFFF
    /// (what streaming writers leave when they cannot seek back) means "read to the end of the stream".
    /// </summary>
    public bool AllowTruncatedData { get; init; }

    /// <summary>Resampler settings used when the file's rate differs from the target rate.</summary>
    public ResamplerOptions Resampler { get; init; } = ResamplerOptions.Default;
}
