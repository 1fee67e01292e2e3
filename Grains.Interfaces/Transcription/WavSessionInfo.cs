namespace AcousticDistill.Grains.Interfaces.Transcription;

/// <summary>
/// A session opened over a whole WAV file: the stream's <see cref="SessionInfo"/> (its stream rate is the file's own),
/// the file's length, and how many chunks of about a second <see cref="ITranscriptionSessionGrain.DecodeNextWavChunkAsync"/>
/// must be called for before <see cref="ITranscriptionSessionGrain.FinishAsync"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.WavSessionInfo")]
public sealed record WavSessionInfo(
    [property: Id(0)] SessionInfo Session,
    [property: Id(1)] double AudioSeconds,
    [property: Id(2)] int Chunks);
