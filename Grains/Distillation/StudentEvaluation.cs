namespace AcousticDistill.Grains.Distillation;

/// <summary>Frame accuracy (0–1) of a stored student on the dev split and, when the corpus has one, the test split.</summary>
public sealed record StudentEvaluation(double DevFrameAccuracy, double? TestFrameAccuracy);
