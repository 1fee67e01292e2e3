namespace AcousticDistill.Grains.Registry;

/// <summary>
/// Checks what a caller says about a version against the artifact itself, so the registry never trusts a claim it can
/// read for itself: the artifact must be a model of the registry's family (and of the family's sample rate, where one is
/// configured), and the dev frame accuracy used for promotion is the one its training recorded in its metadata. A caller's
/// figure that disagrees beyond the tolerance is refused, so a forged registration fails loudly instead of being repaired.
/// </summary>
public static class ArtifactClaims
{
    /// <summary>
    /// The candidate's metrics with the artifact's own dev frame accuracy; <see cref="ArgumentException"/> naming both sides
    /// when the artifact is of another family or sample rate, records no dev accuracy, or disagrees with the claim.
    /// </summary>
    /// <param name="candidate">The version as the caller describes it.</param>
    /// <param name="artifact">Metadata read from the stored artifact the candidate's id names.</param>
    /// <param name="family">The registry's family.</param>
    /// <param name="familyRate">Sample rate (Hz) configured for the family, or null when the family serves no streams here.</param>
    /// <param name="tolerancePoints">How many percentage points the claimed accuracy may differ from the artifact's.</param>
    public static ModelMetrics Verify(ModelVersion candidate, ModelMetadata artifact, string family, int? familyRate, double tolerancePoints)
    {
        var artifactRate = artifact.Features.SampleFrequency;
        if (artifact.Family != family || (familyRate is { } rate && Math.Abs(artifactRate - rate) > 0.5))
        {
            var expected = familyRate is { } r ? $"'{family}' ({r} Hz)" : $"'{family}'";
            throw new ArgumentException(
                $"Version {candidate.Id} is a model of family '{artifact.Family}' ({artifactRate:0} Hz); it cannot be registered as {expected}.");
        }
        if (!artifact.Metrics.TryGetValue(TrainedModelMetadata.DevFrameAccuracy, out var recorded) || !double.IsFinite(recorded))
        {
            throw new ArgumentException($"Version {candidate.Id} records no dev frame accuracy in its metadata; the registry cannot judge it.");
        }
        var claimed = candidate.Metrics.DevFrameAccuracy;
        if (!double.IsFinite(claimed) || Math.Abs(claimed - recorded) > tolerancePoints / 100.0)
        {
            throw new ArgumentException(
                $"Version {candidate.Id} claims dev frame accuracy {claimed:P2} but its artifact records {recorded:P2} " +
                $"(tolerance {tolerancePoints} points); register it with the accuracy its artifact records.");
        }
        return candidate.Metrics with { DevFrameAccuracy = recorded };
    }
}
