namespace AcousticDistill.Grains.Specialists;

/// <summary>
/// A trained specialist serialised to the artifact format, with its cluster, its accuracy and the generalist's on the
/// cluster's dev frames, and its training speed.
/// </summary>
public sealed record SpecialistOutcome(byte[] Bytes, IReadOnlyList<int> Classes, ClusterScore Score, double FramesPerSecond);
