namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>
/// One voice of one engine. Takes a batch so engines that pay a start-up cost per process (festival loading
/// a voice) can amortise it; the result has one entry per request, in order. A request the engine fails on
/// throws <see cref="SynthesisException"/>.
/// </summary>
public interface ISpeechSynthesizer
{
    /// <summary>The voice this synthesizer speaks with.</summary>
    VoiceSpec Voice { get; }

    /// <summary>Speaks every request.</summary>
    IReadOnlyList<EngineUtterance> Synthesize(IReadOnlyList<SynthesisRequest> requests, CancellationToken cancellationToken = default);
}
