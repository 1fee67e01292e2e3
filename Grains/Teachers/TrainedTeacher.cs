namespace AcousticDistill.Grains.Teachers;

/// <summary>A trained ensemble member serialised to the artifact format, with its training figures.</summary>
public sealed record TrainedTeacher(byte[] Bytes, double DevFrameAccuracy, double FramesPerSecond);
