namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>How raw engine output is turned into corpus utterances.</summary>
public sealed record FinishingOptions
{
    /// <summary>Corpus sample rate (16000 wide-band, 8000 telephone).</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>Each utterance starts and ends with at least this much silence (labelled sil); padded with zeros when shorter.</summary>
    public double EdgeSilenceSeconds { get; init; } = 0.15;

    /// <summary>Additive white Gaussian noise at this signal-to-noise ratio (dB, against the whole utterance); null = clean.</summary>
    public double? SnrDb { get; init; }

    /// <summary>Seed for the noise; each utterance derives its own stream from this and its id.</summary>
    public int Seed { get; init; }

    /// <summary>The engine's last phone may end at most this far from the end of its audio (flite's diphone voices drop the last pause's tail).</summary>
    public double MaxAlignmentMismatchSeconds { get; init; } = 0.3;

    /// <summary>A non-silence phone longer than this means a broken alignment.</summary>
    public double MaxPhoneSeconds { get; init; } = 1.0;

    /// <summary>Utterances shorter than this are dropped.</summary>
    public double MinUtteranceSeconds { get; init; } = 0.3;
}
