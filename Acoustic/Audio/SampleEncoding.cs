namespace AcousticDistill.Acoustic.Audio;

/// <summary>How one sample is stored in a WAV data chunk, after resolving WAVE_FORMAT_EXTENSIBLE.</summary>
internal enum SampleEncoding
{
    /// <summary>Integer PCM: 8-bit unsigned, wider sizes signed little-endian.</summary>
    Pcm,

    /// <summary>IEEE 754 float, 32 or 64 bits.</summary>
    IeeeFloat,

    /// <summary>G.711 µ-law, 8 bits.</summary>
    MuLaw,

    /// <summary>G.711 A-law, 8 bits.</summary>
    ALaw,
}
