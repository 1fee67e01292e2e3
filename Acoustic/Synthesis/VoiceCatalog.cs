namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>
/// The voices the corpus builder knows, and who is behind them. Several engine voices are the same recorded
/// person (festival's and flite's kal; festival's and flite's slt), so speaker-disjoint splits must keep a
/// person's voices together: <see cref="PersonOf"/> gives the person.
/// </summary>
public static class VoiceCatalog
{
    /// <summary>The default 14 voices: festival 3, flite 5, espeak-ng 6 (accents and voice variants).</summary>
    public static IReadOnlyList<VoiceSpec> Default { get; } =
    [
        new(SynthesisEngine.Festival, "voice_kal_diphone"),
        new(SynthesisEngine.Festival, "voice_ked_diphone"),
        new(SynthesisEngine.Festival, "voice_cmu_us_slt_arctic_hts"),
        new(SynthesisEngine.Flite, "kal"),
        new(SynthesisEngine.Flite, "kal16"),
        new(SynthesisEngine.Flite, "awb"),
        new(SynthesisEngine.Flite, "rms"),
        new(SynthesisEngine.Flite, "slt"),
        new(SynthesisEngine.Espeak, "en-us"),
        new(SynthesisEngine.Espeak, "en-gb-x-rp+f2"),
        new(SynthesisEngine.Espeak, "en-gb-scotland"),
        new(SynthesisEngine.Espeak, "en-029+m3"),
        new(SynthesisEngine.Espeak, "en-gb-x-gbclan+f4"),
        new(SynthesisEngine.Espeak, "en-us-nyc+m5"),
    ];

    /// <summary>The recorded person behind a voice (espeak-ng voices are each their own synthetic speaker).</summary>
    public static string PersonOf(VoiceSpec voice) => voice.Engine switch
    {
        SynthesisEngine.Festival when voice.EngineVoice.Contains("kal", StringComparison.Ordinal) => "kal",
        SynthesisEngine.Festival when voice.EngineVoice.Contains("ked", StringComparison.Ordinal) => "ked",
        SynthesisEngine.Festival when voice.EngineVoice.Contains("slt", StringComparison.Ordinal) => "slt",
        SynthesisEngine.Flite when voice.EngineVoice.StartsWith("kal", StringComparison.Ordinal) => "kal",
        SynthesisEngine.Flite => voice.EngineVoice,
        _ => voice.SpeakerId,
    };

    /// <summary>A synthesizer for the voice.</summary>
    public static ISpeechSynthesizer CreateSynthesizer(VoiceSpec voice) => voice.Engine switch
    {
        SynthesisEngine.Festival => new FestivalSynthesizer(voice),
        SynthesisEngine.Flite => new FliteSynthesizer(voice),
        SynthesisEngine.Espeak => new EspeakSynthesizer(voice),
        _ => throw new ArgumentOutOfRangeException(nameof(voice), voice, "unknown engine"),
    };

    /// <summary>Null when the engine can run here; otherwise what is missing.</summary>
    public static string? MissingTool(SynthesisEngine engine) => engine switch
    {
        SynthesisEngine.Festival => FestivalSynthesizer.IsAvailable() ? null : "festival (apt-get install festival)",
        SynthesisEngine.Flite => FliteSynthesizer.IsAvailable() ? null : "flite (apt-get install flite)",
        SynthesisEngine.Espeak => EspeakSynthesizer.IsAvailable() ? null : "libespeak-ng.so.1 (apt-get install libespeak-ng1)",
        _ => "unknown engine",
    };
}
