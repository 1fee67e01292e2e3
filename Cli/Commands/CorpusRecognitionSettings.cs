using AcousticDistill.Acoustic.Decoding;

namespace AcousticDistill.Cli.Commands;

/// <summary>Options of the verbs that recognise a whole corpus split against a grammar or language model (score, tune-decoding).</summary>
internal class CorpusRecognitionSettings : DecodeModelSettings
{
    [CommandOption("--corpus <DIR>"), Description("Corpus folder (with manifest.json) whose split is recognised.")]
    public string Corpus { get; init; } = "";

    [CommandOption("--split <NAME>"), Description("train, dev or test.")]
    public string Split { get; init; } = "";

    [CommandOption("--lm <FILE>"), Description("ARPA language model (used up to bigrams); words it has but the lexicon lacks are skipped with a warning.")]
    public string? Lm { get; init; }

    [CommandOption("--lm-weight <W>"), Description("Language-model weight (the acoustic scale is what is tuned against it)."), DefaultValue(1f)]
    public float LmWeight { get; init; } = 1f;

    [CommandOption("--grammar <WORDS>"), Description("Words that may follow each other in any order, e.g. \"zero one two\".")]
    public string? Grammar { get; init; }

    [CommandOption("--phrases <LIST>"), Description("Exactly one of these phrases, separated by '|'.")]
    public string? Phrases { get; init; }

    [CommandOption("--limit <N>"), Description("Only the split's first N utterances.")]
    public int? Limit { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrEmpty(Corpus) ? ValidationResult.Error("--corpus is required.")
        : !Enum.TryParse<CorpusSplit>(Split, ignoreCase: true, out _) ? ValidationResult.Error("--split must be train, dev or test.")
        : new[] { Grammar, Phrases, Lm }.Count(g => g is not null) != 1 ? ValidationResult.Error("Give exactly one of --lm, --grammar or --phrases.")
        : Limit is < 1 ? ValidationResult.Error("--limit must be at least 1.")
        : base.Validate();

    public CorpusSplit CorpusSplit => Enum.Parse<CorpusSplit>(Split, ignoreCase: true);

    /// <summary>What is recognised against, in words, for reports.</summary>
    public string TaskName => Lm is not null ? $"lm {Path.GetFileName(Lm)} (weight {LmWeight})" : Grammar is not null ? $"grammar \"{Grammar}\"" : $"phrases \"{Phrases}\"";

    public Grammar BuildGrammar() =>
        Grammar is not null ? Acoustic.Decoding.Grammar.WordLoop(Grammar.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        : Phrases is not null ? Acoustic.Decoding.Grammar.PhraseList(Phrases.Split('|'))
        : ArpaLanguageModel.Load(Lm!).ToGrammar(LmWeight);

    /// <summary>The graph of the task with <paramref name="wordPenalty"/> per word.</summary>
    public DecodingGraph BuildGraph(Grammar grammar, float wordPenalty) =>
        DecodingGraph.Build(grammar, LoadLexicon(), GraphOptions() with { WordInsertionLogPenalty = wordPenalty });
}
