namespace AcousticDistill.Cli.Study;

/// <summary>
/// One model of the study, for one seed: what it is, how big, how fast it trained, and how accurate it is on the test
/// split (frames and, through the decoder, words), on dev, and on the held-out test set when there is one. The
/// per-utterance counts on test feed the bootstrap intervals of the study's claims; <see cref="Device"/> says where the row
/// was computed (a resumed study may move between machines).
/// </summary>
internal sealed record StudyRow(
    string Name,
    double FrameAccuracy,
    double DevFrameAccuracy,
    long Params,
    long InferenceMacsPerFrame,
    double? Temperature = null,
    double? Alpha = null,
    double? TrainFramesPerSecond = null,
    double? TrainSeconds = null,
    bool? Selected = null,
    double? CoveredFrameAccuracy = null,
    string? Note = null,
    double? Wer = null,
    double? HeldOutFrameAccuracy = null,
    int? Seed = null,
    string? Device = null,
    IReadOnlyList<int>? UtteranceCorrectFrames = null,
    IReadOnlyList<int>? UtteranceWordErrors = null)
{
    /// <summary>The row without its per-utterance counts (for reports).</summary>
    public StudyRow WithoutUtterances() => this with { UtteranceCorrectFrames = null, UtteranceWordErrors = null };
}
