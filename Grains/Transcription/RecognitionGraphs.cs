using System.Collections.Immutable;
using AcousticDistill.Acoustic.Lexicon;
using Microsoft.Extensions.Caching.Memory;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// Compiled decoding graphs, shared by the sessions of a silo: the default one (configured words or ARPA model) and
/// those of recently used phrase lists. Graphs depend on the lexicon and grammar only, not on the model version,
/// so a session keeps its graph when it switches model. Phrase-list graphs live in a size-limited memory cache of
/// <see cref="TranscriptionOptions.GraphCacheSize"/> graphs; when it is full, the least recently used are compacted away.
/// </summary>
public sealed class RecognitionGraphs : IDisposable
{
    private readonly TranscriptionOptions _options;
    private readonly Lazy<PronunciationLexicon> _lexicon;
    private readonly Lazy<DecodingGraph> _default;
    private readonly MemoryCache _recent;

    /// <summary>Graphs built from <paramref name="options"/>.</summary>
    public RecognitionGraphs(IOptions<TranscriptionOptions> options)
    {
        _options = options.Value;
        _recent = new MemoryCache(new MemoryCacheOptions { SizeLimit = _options.GraphCacheSize });
        _lexicon = new Lazy<PronunciationLexicon>(() => PronunciationLexicon.LoadShared(_options.Lexicon));
        _default = new Lazy<DecodingGraph>(() => DecodingGraph.Build(
            _options.LanguageModel is { } lm
                ? ArpaLanguageModel.Load(lm).ToGrammar(_options.LanguageModelWeight)
                : Grammar.WordLoop(_options.DefaultWords),
            _lexicon.Value));
    }

    /// <summary>Phrase-list graphs cached now (at most <see cref="TranscriptionOptions.GraphCacheSize"/>).</summary>
    public int CachedPhraseLists => _recent.Count;

    /// <summary>The default graph (built on first use).</summary>
    public DecodingGraph Default => _default.Value;

    /// <summary>
    /// The graph of a phrase list (any sequence of the phrases), or the default when it is empty;
    /// <see cref="ArgumentException"/> naming the problem for too many phrases or a word the lexicon lacks.
    /// </summary>
    public DecodingGraph For(ImmutableArray<string> phrases)
    {
        if (phrases.IsDefaultOrEmpty)
        {
            return Default;
        }
        if (phrases.Length > _options.MaxPhrases)
        {
            throw new ArgumentException($"phrase_list has {phrases.Length} phrases; at most {_options.MaxPhrases} are allowed.");
        }
        var key = string.Join('\n', phrases);
        if (_recent.TryGetValue(key, out DecodingGraph? cached))
        {
            return cached!;
        }
        DecodingGraph graph;
        try
        {
            graph = DecodingGraph.Build(Grammar.PhraseLoop(phrases), _lexicon.Value);
        }
        catch (UnknownWordException ex)
        {
            throw new ArgumentException($"phrase_list: {ex.Message}", ex);
        }
        // Each graph counts one towards the size limit.
        _recent.Set(key, graph, new MemoryCacheEntryOptions { Size = 1 });
        return graph;
    }

    /// <inheritdoc />
    public void Dispose() => _recent.Dispose();
}
