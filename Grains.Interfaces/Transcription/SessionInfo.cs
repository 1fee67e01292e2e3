namespace AcousticDistill.Grains.Interfaces.Transcription;

/// <summary>What a stream was opened with: the model family, its rate and serving version, and the stream's own rate.</summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.SessionInfo")]
public sealed record SessionInfo(
    [property: Id(0)] string Family,
    [property: Id(1)] string ModelVersion,
    [property: Id(2)] int ModelSampleRate,
    [property: Id(3)] int StreamSampleRate);
