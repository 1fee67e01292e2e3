using System.Collections.Concurrent;
using System.Collections.Immutable;
using AcousticDistill.Acoustic.Lexicon;
using Microsoft.Extensions.Caching.Memory;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// Compiled decoding graphs, shared by the sessions of a silo: each family's default one (its configured ARPA model,
/// else the common one, else the configured words) and those of recently used phrase lists. Graphs depend on the
/// lexicon, grammar and word penalty only, not on the model version, so a session keeps its graph when it switches model. Phrase-list graphs live in a size-limited memory cache of
/// <see cref="TranscriptionOptions.GraphCacheSize"/> graphs; when it is full, the least recently used are compacted away.
/// </summary>
public sealed class RecognitionGraphs : IDisposable
{
    private readonly TranscriptionOptions _options;
    private readonly Lazy<PronunciationLexicon> _lexicon;
    private readonly ConcurrentDictionary<(string Family, float WordPenalty), Lazy<DecodingGraph>> _defaults = new();
    private readonly ILogger<RecognitionGraphs> _logger;
    private readonly MemoryCache _recent;

    /// <summary>Graphs built from <paramref name="options"/>.</summary>
    public RecognitionGraphs(IOptions<TranscriptionOptions> options, ILogger<RecognitionGraphs> logger)
    {
        _options = options.Value;
        _logger = logger;
        _recent = new MemoryCache(new MemoryCacheOptions { SizeLimit = _options.GraphCacheSize });
        _lexicon = new Lazy<PronunciationLexicon>(() => PronunciationLexicon.LoadShared(_options.Lexicon));
    }

    /// <summary>Phrase-list graphs cached now (at most <see cref="TranscriptionOptions.GraphCacheSize"/>).</summary>
    public int CachedPhraseLists => _recent.Count;

    /// <summary>The default graph of <paramref name="family"/> with <paramref name="wordPenalty"/> per word (built on first use).</summary>
    public DecodingGraph Default(string family, float wordPenalty = 0f) =>
        _defaults.GetOrAdd((family, wordPenalty), key => new Lazy<DecodingGraph>(() => BuildDefault(key.Family, key.WordPenalty))).Value;

    /// <summary>
    /// The graph of a phrase list (any sequence of the phrases), or the family's default when it is empty;
    /// <see cref="ArgumentException"/> naming the problem for too many phrases or a word the lexicon lacks.
    /// </summary>
    public DecodingGraph For(string family, ImmutableArray<string> phrases, float wordPenalty = 0f)
    {
        if (phrases.IsDefaultOrEmpty)
        {
            return Default(family, wordPenalty);
        }
        if (phrases.Length > _options.MaxPhrases)
        {
            throw new ArgumentException($"phrase_list has {phrases.Length} phrases; at most {_options.MaxPhrases} are allowed.");
        }
        var key = $"{wordPenalty}\n{string.Join('\n', phrases)}";
        if (_recent.TryGetValue(key, out DecodingGraph? cached))
        {
            return cached!;
        }
        DecodingGraph graph;
        try
        {
            graph = DecodingGraph.Build(Grammar.PhraseLoop(phrases), _lexicon.Value, new DecodingGraphOptions { WordInsertionLogPenalty = wordPenalty });
        }
        catch (UnknownWordException ex)
        {
            throw new ArgumentException($"phrase_list: {ex.Message}", ex);
        }
        // Each graph counts one towards the size limit.
        _recent.Set(key, graph, new MemoryCacheEntryOptions { Size = 1 });
        return graph;
    }

    // A language model's words without a pronunciation are left out (and logged), so that one odd word in a large
    // model does not take the family's default grammar down.
    private DecodingGraph BuildDefault(string family, float wordPenalty)
    {
        var graphOptions = new DecodingGraphOptions { WordInsertionLogPenalty = wordPenalty };
        var lmPath = _options.LanguageModels.GetValueOrDefault(family) ?? _options.LanguageModel;
        if (lmPath is null)
        {
            return DecodingGraph.Build(Grammar.WordLoop(_options.DefaultWords), _lexicon.Value, graphOptions);
        }
        var lm = ArpaLanguageModel.Load(lmPath).ToGrammar(_options.LanguageModelWeight, _lexicon.Value.Contains);
        if (lm.SkippedWords.Count > 0)
        {
            _logger.LogWarning("Language model {Path}: {Count} words have no pronunciation and are skipped: {Words}",
                lmPath, lm.SkippedWords.Count, string.Join(", ", lm.SkippedWords.Take(20)));
        }
        return DecodingGraph.Build(lm.Grammar, _lexicon.Value, graphOptions);
    }

    /// <inheritdoc />
    public void Dispose() => _recent.Dispose();
}
