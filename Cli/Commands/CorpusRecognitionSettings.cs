using AcousticDistill.Acoustic.Decoding;

namespace AcousticDistill.Cli.Commands;

/// <summary>Options of the verbs that recognise a whole corpus split against a grammar or language model (score, tune-decoding).</summary>
internal class CorpusRecognitionSettings : RecognitionTaskSettings
{
    [CommandOption("--corpus <DIR>"), Description("Corpus folder (with manifest.json) whose split is recognised.")]
    public string Corpus { get; init; } = "";

    [CommandOption("--split <NAME>"), Description("train, dev or test.")]
    public string Split { get; init; } = "";

    [CommandOption("--limit <N>"), Description("Only the split's first N utterances.")]
    public int? Limit { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrEmpty(Corpus) ? ValidationResult.Error("--corpus is required.")
        : !Enum.TryParse<CorpusSplit>(Split, ignoreCase: true, out _) ? ValidationResult.Error("--split must be train, dev or test.")
        : Limit is < 1 ? ValidationResult.Error("--limit must be at least 1.")
        : base.Validate();

    public CorpusSplit CorpusSplit => Enum.Parse<CorpusSplit>(Split, ignoreCase: true);

    /// <summary>The graph of the task with <paramref name="wordPenalty"/> per word.</summary>
    public DecodingGraph BuildGraph(Grammar grammar, float wordPenalty) =>
        DecodingGraph.Build(grammar, LoadLexicon(), GraphOptions() with { WordInsertionLogPenalty = wordPenalty });

    /// <summary>The task's grammar (LM words without a pronunciation skipped with a warning).</summary>
    public Grammar BuildGrammar() => BuildGrammar(LoadLexicon()).Grammar;
}
