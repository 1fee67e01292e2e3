namespace AcousticDistill.Acoustic.Specialists;

/// <summary>A specialist fresh from training, with the frames it was trained on and how training went.</summary>
public sealed record TrainedSpecialist(Specialist Specialist, EnrichedSample Sample, TrainingReport Report);
