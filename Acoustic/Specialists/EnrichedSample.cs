namespace AcousticDistill.Acoustic.Specialists;

/// <summary>
/// A specialist's training frames: every frame of its special subset plus a random sample of the rest, with the
/// targets remapped to its outputs (cluster index, or the dustbin index for every other class).
/// </summary>
/// <param name="Frames">Frame indices into the source dataset (special frames first, then the sampled others).</param>
/// <param name="Targets">Specialist output index of each chosen frame.</param>
/// <param name="SpecialFrames">Frames whose class is in the cluster (all of them are kept).</param>
/// <param name="OtherFrames">Frames of other classes in the source.</param>
/// <param name="SampledOtherFrames">Of those, how many were drawn.</param>
public sealed record EnrichedSample(long[] Frames, long[] Targets, long SpecialFrames, long OtherFrames, long SampledOtherFrames)
{
    /// <summary>
    /// What to add to the dustbin logit at inference to undo the enrichment: log(OtherFrames / SampledOtherFrames).
    /// A prior shift is undone by adding log(real share / training share) to each output's logit: for the dustbin that is
    /// log of the share ratio of dustbin frames, for the cluster classes log of the share ratio of special frames. Softmax
    /// ignores a shift common to all outputs, so subtracting the latter from both leaves the dustbin alone with
    /// log(OtherFrames / SampledOtherFrames) — the rate at which dustbin frames were kept. Zero when nothing was subsampled.
    /// </summary>
    public double DustbinLogitCorrection => SampledOtherFrames == 0 ? 0 : Math.Log((double)OtherFrames / SampledOtherFrames);
}
