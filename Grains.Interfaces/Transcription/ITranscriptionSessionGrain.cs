namespace AcousticDistill.Grains.Interfaces.Transcription;

/// <summary>
/// One live stream (key = a fresh stream id): streaming features, the serving model of its family and the decoder
/// state. The caller makes one call per audio chunk and gets back the finals the chunk completed and the current
/// partial. When the family's serving version changes, the session switches model between chunks and re-decodes
/// the current utterance with the new one, so no audio or finished words are lost.
/// </summary>
[Alias("AcousticDistill.ITranscriptionSessionGrain")]
public interface ITranscriptionSessionGrain : IGrainWithStringKey
{
    /// <summary>Opens the stream; fails with <see cref="ArgumentException"/> naming the problem for a bad configuration.</summary>
    [Alias("Start")]
    Task<SessionInfo> StartAsync(RecognitionConfig config, CancellationToken cancellationToken = default);

    /// <summary>Decodes a chunk of 16-bit little-endian mono PCM at the configured rate (an odd trailing byte waits for the next chunk).</summary>
    [Alias("AcceptAudio")]
    Task<TranscriptUpdate> AcceptAudioAsync(byte[] pcm16, CancellationToken cancellationToken = default);

    /// <summary>Ends the stream: the final result of the last utterance; the session then goes away.</summary>
    [Alias("Finish")]
    Task<RecognitionResult> FinishAsync(CancellationToken cancellationToken = default);

    /// <summary>Drops the stream without a result (client gone, error); idempotent.</summary>
    [Alias("Close")]
    Task CloseAsync();
}
