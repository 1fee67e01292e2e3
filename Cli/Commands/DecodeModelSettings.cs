using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Cli.Commands;

/// <summary>Options shared by the verbs that score audio with a model through the lexicon (align, decode, import, eval).</summary>
internal class DecodeModelSettings : CommandSettings, ITorchThreadsSettings
{
    [CommandOption("--model <FILE>"), Description("Model artifact, with its class priors inside (older artifacts: `acoustic model upgrade` adds them).")]
    public string Model { get; init; } = "";

    [CommandOption("--lexicon <FILE>"), Description("CMUdict-format lexicon (default: Debian's pocketsphinx-en-us CMUdict).")]
    public string? Lexicon { get; init; }

    [CommandOption("--acoustic-scale <S>"), Description("Weight of acoustic scores against transitions and grammar (default: the model's tuned value, else 1).")]
    public float? AcousticScale { get; init; }

    [CommandOption("--prior-scale <S>"), Description("How much of the class prior to divide out (0 = raw posteriors)."), DefaultValue(1.0f)]
    public float PriorScale { get; init; } = 1.0f;

    [CommandOption("--self-loop <P>"), Description("HMM self-loop probability."), DefaultValue(0.5)]
    public double SelfLoop { get; init; } = 0.5;

    [CommandOption("--word-penalty <LOGP>"), Description("Log weight added for every word recognised (negative: fewer, longer words; default: the model's tuned value, else 0).")]
    public float? WordPenalty { get; init; }

    [CommandOption("--silence-penalty <LOGP>"), Description("Log weight added each time optional silence is entered (negative: fewer pauses)."), DefaultValue(0f)]
    public float SilencePenalty { get; init; }

    [CommandOption("--normalize-rms <LEVEL>"), Description("Scale each whole file to this RMS level (e.g. 0.08) before use; offline only.")]
    public double? NormalizeRms { get; init; }

    [CommandOption("--threads <N>"), Description("Torch threads for the network (1 = one core per stream)."), DefaultValue(1)]
    public int Threads { get; init; } = 1;

    [CommandOption("--json"), Description("Print the result as JSON on stdout.")]
    public bool Json { get; init; }

    /// <summary>False for verbs that can score with something else than one model (an ensemble).</summary>
    protected virtual bool ModelRequired => true;

    public override Spectre.Console.ValidationResult Validate() =>
        ModelRequired && string.IsNullOrEmpty(Model) ? Spectre.Console.ValidationResult.Error("--model is required.") : base.Validate();

    /// <summary>Decodes a WAV file at <paramref name="rate"/>, level-normalised when asked.</summary>
    public float[] ReadAudio(string path, int rate)
    {
        var samples = Acoustic.Audio.WavDecoder.DecodeFile(path, rate);
        if (NormalizeRms is { } level)
        {
            LevelNormalization.ToRms(samples, level);
        }
        return samples;
    }

    /// <summary>Graph options from the flags; the word penalty falls back to the model's tuned one (<paramref name="tuned"/>), else 0.</summary>
    public DecodingGraphOptions GraphOptions(DecodingDefaults? tuned = null) =>
        new() { SelfLoopProbability = SelfLoop, WordInsertionLogPenalty = WordPenalty ?? tuned?.WordInsertionPenalty ?? 0f, SilenceLogPenalty = SilencePenalty };

    public PronunciationLexicon LoadLexicon() => PronunciationLexicon.LoadShared(Lexicon);

    /// <summary>The model and the scorer built from it and its priors; a clear error when the artifact has no priors.</summary>
    public AcousticScorer LoadScorer() => ScorerOf(ModelArtifact.Load(Model));

    /// <summary>A scorer of <paramref name="artifact"/> at the given acoustic scale, else --acoustic-scale, else the model's tuned default.</summary>
    public AcousticScorer ScorerOf(ModelArtifact artifact, float? acousticScale = null) =>
        new(artifact, new AcousticScoringOptions
        {
            AcousticScale = acousticScale ?? AcousticScaleFor(artifact.Metadata.Decoding),
            PriorScale = PriorScale,
        });

    /// <summary>--acoustic-scale, else the model's tuned value (<paramref name="tuned"/>), else 1.</summary>
    public float AcousticScaleFor(DecodingDefaults? tuned) => AcousticScale ?? tuned?.AcousticScale ?? 1f;
}

/// <summary>Options of the verbs that run a model over one WAV file (align, decode).</summary>
internal class WavFileSettings : DecodeModelSettings
{
    [CommandOption("--wav <FILE>"), Description("The audio (resampled to the model's rate).")]
    public string Wav { get; init; } = "";

    public override ValidationResult Validate() =>
        string.IsNullOrEmpty(Wav) ? ValidationResult.Error("--wav is required.") : base.Validate();
}
