namespace AcousticDistill.Acoustic.Corpus;

/// <summary>Frame geometry for labelling and counting frames (the feature extractor's defaults: 25 ms window, 10 ms shift).</summary>
public sealed record FrameOptions
{
    /// <summary>Window length in milliseconds.</summary>
    public double FrameLengthMs { get; init; } = 25;

    /// <summary>Shift between frames in milliseconds.</summary>
    public double FrameShiftMs { get; init; } = 10;

    /// <summary>Window length in samples at a rate.</summary>
    public int LengthSamples(int sampleRate) => (int)Math.Round(FrameLengthMs * sampleRate / 1000);

    /// <summary>Shift in samples at a rate.</summary>
    public int ShiftSamples(int sampleRate) => (int)Math.Round(FrameShiftMs * sampleRate / 1000);
}
