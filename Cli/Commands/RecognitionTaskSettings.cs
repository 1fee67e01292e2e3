using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Decoding.Lvcsr;
using AcousticDistill.Acoustic.Language;
using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// Options of the verbs that recognise speech (decode, score, tune-decoding): what may be said (a word loop, a phrase
/// list or an ARPA language model) and how the search is pruned. Unset pruning options fall back to the model's tuned
/// decoding defaults.
/// </summary>
internal class RecognitionTaskSettings : DecodeModelSettings
{
    private const int MaxWordsNamed = 20;

    [CommandOption("--grammar <WORDS>"), Description("Words that may follow each other in any order, e.g. \"zero one two\".")]
    public string? Grammar { get; init; }

    [CommandOption("--phrases <LIST>"), Description("Exactly one of these phrases, separated by '|', e.g. \"zero|one|two\".")]
    public string? Phrases { get; init; }

    [CommandOption("--lm <FILE>"), Description("Language model: ARPA, CMU Sphinx trie binary (e.g. /usr/share/pocketsphinx/model/en-us/en-us.lm.bin) or .adlm; a bigram of at most 5,000 words is compiled into a graph, anything larger searched with trigram histories (see --decoder); its words the lexicon lacks are skipped with a warning.")]
    public string? Lm { get; init; }

    [CommandOption("--lm-weight <W>"), Description("Language-model weight against acoustic scores (the acoustic scale is what is tuned against it)."), DefaultValue(1f)]
    public float LmWeight { get; init; } = 1f;

    [CommandOption("--decoder <KIND>"), Description("graph (a compiled grammar; bigram LMs), tree (lexicon-tree search with trigram histories, for large vocabularies) or auto: tree for an LM of order 3 or more or over 5,000 words, else graph."), DefaultValue("auto")]
    public string Decoder { get; init; } = "auto";

    [CommandOption("--word-end-beam <B>"), Description("Tree decoder: word ends scoring more than this below the frame's best word end are dropped (default: the model's tuned value, else 10).")]
    public float? WordEndBeam { get; init; }

    [CommandOption("--lookahead <KIND>"), Description("Tree decoder's language-model look-ahead: unigram, or bigram (after the previous word; slower)."), DefaultValue("unigram")]
    public string LookAhead { get; init; } = "unigram";

    [CommandOption("--beam <B>"), Description("Beam width, log score (default: the model's tuned value, else 16).")]
    public float? Beam { get; init; }

    [CommandOption("--max-active <N>"), Description("Most HMM states kept per frame (default: the model's tuned value, else 7000).")]
    public int? MaxActive { get; init; }

    public override ValidationResult Validate() =>
        new[] { Grammar, Phrases, Lm }.Count(g => g is not null) != 1 ? ValidationResult.Error("Give exactly one of --grammar, --phrases or --lm.")
        : Decoder is not ("auto" or "graph" or "tree") ? ValidationResult.Error("--decoder must be auto, graph or tree.")
        : LookAhead is not ("bigram" or "unigram") ? ValidationResult.Error("--lookahead must be bigram or unigram.")
        : Decoder == "tree" && Lm is null ? ValidationResult.Error("--decoder tree needs --lm.")
        : WordEndBeam is { } web && !(web > 0) ? ValidationResult.Error("--word-end-beam must be positive.")
        : Beam is { } b && !(b > 0) ? ValidationResult.Error("--beam must be positive.")
        : MaxActive is < 1 ? ValidationResult.Error("--max-active must be at least 1.")
        : base.Validate();

    /// <summary>What is recognised against, in words, for reports.</summary>
    public string TaskName => Lm is not null ? $"lm {Path.GetFileName(Lm)} (weight {LmWeight})" : Grammar is not null ? $"grammar \"{Grammar}\"" : $"phrases \"{Phrases}\"";

    /// <summary>Pruning from the options, else the model's tuned defaults, else the decoder's.</summary>
    public DecoderOptions DecoderOptions(DecodingDefaults? tuned) =>
        new() { Beam = Beam ?? tuned?.Beam ?? 16f, MaxActive = MaxActive ?? tuned?.MaxActive ?? 7000 };

    /// <summary>Vocabulary size from which <c>--decoder auto</c> takes the tree search.</summary>
    public const int TreeDecoderVocabulary = 5000;

    /// <summary>
    /// The language model for the tree search when it is the one to use (see <c>--decoder</c>), else null: the task is
    /// then compiled into a graph by <see cref="BuildGrammar"/>.
    /// </summary>
    public NgramLanguageModel? TreeLanguageModel()
    {
        if (Lm is null || Decoder == "graph")
        {
            return null;
        }
        var model = LanguageModelFiles.Load(Lm);
        return Decoder == "tree" || model.Order >= 3 || model.Words.Count > TreeDecoderVocabulary ? model : null;
    }

    /// <summary>The tree of <paramref name="lm"/>'s words, those without a pronunciation skipped with a warning.</summary>
    public LexiconTree BuildTree(NgramLanguageModel lm, PronunciationLexicon lexicon)
    {
        var tree = LexiconTree.Build(lm, lexicon);
        WarnSkipped(tree.SkippedWords);
        return tree;
    }

    /// <summary>
    /// The decoding defaults of <paramref name="metadata"/> for the search that runs: the tree search takes those tuned
    /// for open vocabulary when the model has them.
    /// </summary>
    public DecodingDefaults? TunedDefaults(ModelMetadata? metadata, bool tree) =>
        tree ? metadata?.OpenVocabularyDecoding ?? metadata?.Decoding : metadata?.Decoding;

    /// <summary>The tree search's options from the flags and the model's tuned defaults.</summary>
    public TreeDecoderOptions TreeOptions(DecoderOptions pruning, DecodingGraphOptions graph, DecodingDefaults? tuned) => new()
    {
        LmWeight = LmWeight,
        WordInsertionLogPenalty = graph.WordInsertionLogPenalty,
        SilenceLogPenalty = graph.SilenceLogPenalty,
        SelfLoopProbability = graph.SelfLoopProbability,
        Beam = pruning.Beam,
        MaxActive = pruning.MaxActive,
        WordEndBeam = WordEndBeam ?? tuned?.WordEndBeam ?? 10f,
        BigramLookAhead = LookAhead == "bigram",
    };

    /// <summary>
    /// The grammar asked for; language-model words without a pronunciation are left out with a warning on stderr (word
    /// loops and phrase lists stay strict: an unknown word there is an error when the graph is built).
    /// </summary>
    public (Grammar Grammar, IReadOnlyList<string> SkippedLmWords) BuildGrammar(PronunciationLexicon lexicon)
    {
        if (Lm is null)
        {
            return (Grammar is not null
                ? Acoustic.Decoding.Grammar.WordLoop(Grammar.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                : Acoustic.Decoding.Grammar.PhraseList(Phrases!.Split('|')), []);
        }
        var lm = ArpaLanguageModel.Load(Lm).ToGrammar(LmWeight, lexicon.Contains);
        WarnSkipped(lm.SkippedWords);
        return (lm.Grammar, lm.SkippedWords);
    }

    // On stderr, so that --json output stays clean; the first words only when there are many (the JSON has them all).
    private static void WarnSkipped(IReadOnlyList<string> skipped)
    {
        if (skipped.Count == 0)
        {
            return;
        }
        var named = string.Join(", ", skipped.Take(MaxWordsNamed));
        var more = skipped.Count > MaxWordsNamed ? $", … ({skipped.Count - MaxWordsNamed} more)" : "";
        ConsoleProgress.Stderr.MarkupLineInterpolated(
            $"[yellow]warning:[/] {skipped.Count} LM words have no pronunciation and are skipped: {named}{more}");
    }
}
