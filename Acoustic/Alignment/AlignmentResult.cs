namespace AcousticDistill.Acoustic.Alignment;

/// <summary>
/// The best path of audio through a transcript: phone and word segments in samples (tiling the audio, phones
/// including <c>sil</c>), the frame class of every frame on the path, and the path's total log score.
/// </summary>
public sealed record AlignmentResult(
    IReadOnlyList<TimedSegment> Phones,
    IReadOnlyList<TimedSegment> Words,
    int[] FrameLabels,
    double LogScore)
{
    /// <summary>Frames aligned.</summary>
    public int Frames => FrameLabels.Length;

    /// <summary>Mean log score per frame (a rough fit measure: low values flag bad transcripts or audio).</summary>
    public double LogScorePerFrame => Frames == 0 ? 0 : LogScore / Frames;
}
