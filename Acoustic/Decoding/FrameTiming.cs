namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// Converts frame indices to sample positions. A boundary after frame b lies halfway between the centres of frames
/// b and b+1, so that <see cref="Corpus.FrameLabeler"/> gives every frame of a written alignment back its own label.
/// </summary>
public sealed record FrameTiming(int WindowLength, int WindowShift, int SampleRate)
{
    /// <summary>The frame geometry of a feature configuration.</summary>
    public static FrameTiming Of(FbankOptions options) =>
        new(options.WindowLength, options.WindowShift, (int)options.SampleFrequency);

    /// <summary>Sample where frame <paramref name="frame"/>'s span starts (0 for frame 0).</summary>
    public long StartSample(int frame) => frame <= 0 ? 0 : (long)frame * WindowShift + (WindowLength - WindowShift) / 2;

    /// <summary>Seconds at the start of frame <paramref name="frame"/>'s span.</summary>
    public double StartSeconds(int frame) => StartSample(frame) / (double)SampleRate;
}
