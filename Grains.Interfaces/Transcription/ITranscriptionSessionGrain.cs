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

    /// <summary>
    /// Opens the stream over a whole WAV file (<c>POST /v1/recognize</c>) instead of live PCM: the session decodes it (any
    /// WAV the service reads; the file's own sample rate replaces <see cref="RecognitionConfig.SampleRate"/>) and keeps its
    /// audio, resampled once to the model's rate, for <see cref="DecodeNextWavChunkAsync"/>. Fails with
    /// <see cref="BadAudioException"/> for bytes that are not decodable WAV, <see cref="ArgumentException"/> for a bad
    /// configuration.
    /// </summary>
    [Alias("StartWav")]
    Task<WavSessionInfo> StartWavAsync(RecognitionConfig config, byte[] wav, CancellationToken cancellationToken = default);

    /// <summary>
    /// Decodes the next chunk (about a second) of the file given to <see cref="StartWavAsync"/>, as a stream of that chunk
    /// would be decoded; one short call per chunk keeps every grain turn short, whatever the file's length.
    /// </summary>
    [Alias("DecodeNextWavChunk")]
    Task<TranscriptUpdate> DecodeNextWavChunkAsync(CancellationToken cancellationToken = default);

    /// <summary>Decodes a chunk of 16-bit little-endian mono PCM at the configured rate (an odd trailing byte waits for the next chunk).</summary>
    [Alias("AcceptAudio")]
    Task<TranscriptUpdate> AcceptAudioAsync(byte[] pcm16, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the stream: the final result of the last utterance; the session then goes away. Fails with
    /// <see cref="BadAudioException"/> when the PCM ended in the middle of a sample.
    /// </summary>
    [Alias("Finish")]
    Task<RecognitionResult> FinishAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Drops the stream without a result (client gone, error); idempotent. Runs even while a start is still compiling
    /// the stream's phrase list (it interleaves), and stops that build.
    /// </summary>
    [Alias("Close")]
    [Orleans.Concurrency.AlwaysInterleave]
    Task CloseAsync();
}
