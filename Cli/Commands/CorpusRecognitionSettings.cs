using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Evaluation;

namespace AcousticDistill.Cli.Commands;

/// <summary>Options of the verbs that recognise a whole corpus split against a grammar or language model (score, tune-decoding).</summary>
internal class CorpusRecognitionSettings : RecognitionTaskSettings
{
    [CommandOption("--corpus <DIR>"), Description("Corpus folder (with manifest.json) whose split is recognised.")]
    public string Corpus { get; init; } = "";

    [CommandOption("--split <NAME>"), Description("train, dev or test.")]
    public string Split { get; init; } = "";

    [CommandOption("--kaldi-data <DIR>"), Description("Instead of --corpus: a Kaldi data directory (wav.scp of WAV files, text, utt2spk) recognised as it is, without importing it; --split says which split it is (default test).")]
    public string? KaldiData { get; init; }

    [CommandOption("--limit <N>"), Description("Only the split's first N utterances.")]
    public int? Limit { get; init; }

    public override ValidationResult Validate() =>
        KaldiData is not null && !string.IsNullOrEmpty(Corpus) ? ValidationResult.Error("Give --kaldi-data or --corpus, not both.")
        : KaldiData is null && string.IsNullOrEmpty(Corpus) ? ValidationResult.Error("--corpus (with --split) or --kaldi-data is required.")
        : (KaldiData is null || !string.IsNullOrEmpty(Split)) && !Enum.TryParse<CorpusSplit>(Split, ignoreCase: true, out _)
            ? ValidationResult.Error("--split must be train, dev or test.")
        : Limit is < 1 ? ValidationResult.Error("--limit must be at least 1.")
        : base.Validate();

    /// <summary>The split recognised; a Kaldi data directory is what its <c>--split</c> says it is, test when unsaid.</summary>
    public CorpusSplit CorpusSplit => string.IsNullOrEmpty(Split) ? CorpusSplit.Test : Enum.Parse<CorpusSplit>(Split, ignoreCase: true);

    /// <summary>What is recognised, for reports: the corpus or the Kaldi data directory.</summary>
    public string Source => KaldiData ?? Corpus;

    /// <summary>
    /// Scores the utterances asked for (the corpus split, or the Kaldi data directory) at acoustic scale 1 with
    /// <paramref name="score"/>, a scorer of whole utterances at <paramref name="sampleRate"/>.
    /// </summary>
    public IReadOnlyList<ScoredUtterance> ScoreUtterances(Func<float[], float[]> score, int sampleRate, Action<int, int>? progress = null) =>
        KaldiData is not null
            ? CorpusRecognizer.ScoreKaldiData(score, sampleRate, KaldiData, Limit, progress, CorpusSplit)
            : CorpusRecognizer.ScoreSplit(score, sampleRate, Corpus, CorpusSplit, Limit, progress);

    /// <summary>The graph of the task with <paramref name="wordPenalty"/> per word.</summary>
    public DecodingGraph BuildGraph(Grammar grammar, float wordPenalty) =>
        DecodingGraph.Build(grammar, LoadLexicon(), GraphOptions() with { WordInsertionLogPenalty = wordPenalty });

    /// <summary>The task's grammar (LM words without a pronunciation skipped with a warning).</summary>
    public Grammar BuildGrammar() => BuildGrammar(LoadLexicon()).Grammar;
}
