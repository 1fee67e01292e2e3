using AcousticDistill.Acoustic.Models;

namespace AcousticDistill.Grains.Distillation;

/// <summary>A trained student serialised to the artifact format, with the figures its training produced.</summary>
public sealed record StudentArtifact(byte[] Bytes, long Parameters, double FramesPerSecond, ModelLineage Lineage);
