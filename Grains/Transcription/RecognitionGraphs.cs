using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// Compiled decoding graphs, shared by the sessions of a silo: each family's default one (its configured ARPA model,
/// else the common one, else the configured words) and those of recently used phrase lists. Graphs depend on the
/// lexicon, grammar and word penalty only, not on the model version, so a session keeps its graph when it switches model.
/// A phrase list is checked before any build (<see cref="TranscriptionOptions.MaxPhrases"/>, known words, a bound on its
/// states against <see cref="TranscriptionOptions.MaxGraphStates"/>), then compiled on the thread pool, at most
/// <see cref="TranscriptionOptions.ConcurrentGraphBuilds"/> at a time, within <see cref="TranscriptionOptions.GraphBuildTimeout"/>
/// and until the caller cancels; the graphs of recent lists are kept up to <see cref="TranscriptionOptions.GraphCacheBytes"/>
/// and <see cref="TranscriptionOptions.GraphCacheSize"/>, least recently used evicted first.
/// </summary>
public sealed class RecognitionGraphs : IDisposable
{
    private readonly TranscriptionOptions _options;
    private readonly Lazy<PronunciationLexicon> _lexicon;
    private readonly ConcurrentDictionary<(string Family, float WordPenalty), Lazy<DecodingGraph>> _defaults = new();
    private readonly ILogger<RecognitionGraphs> _logger;
    private readonly IDecodingGraphCompiler _compiler;
    private readonly TranscriptionMetrics? _metrics;
    private readonly SizeBoundedCache<string, DecodingGraph> _recent;
    private readonly SemaphoreSlim _builds;
    private readonly ITimer _idleSweep;
    private readonly EspeakLetterToSound _letterToSound = new();

    /// <summary>Graphs built from <paramref name="options"/> by <paramref name="compiler"/> (default: <see cref="DecodingGraph.Build"/>).</summary>
    public RecognitionGraphs(IOptions<TranscriptionOptions> options, ILogger<RecognitionGraphs> logger,
        IDecodingGraphCompiler? compiler = null, TranscriptionMetrics? metrics = null)
    {
        _options = options.Value;
        _logger = logger;
        _compiler = compiler ?? new DecodingGraphCompiler();
        _metrics = metrics;
        _recent = new SizeBoundedCache<string, DecodingGraph>(_options.GraphCacheBytes, _options.GraphCacheSize);
        // A sweep a few times per idle period: graphs nobody asks for any more must not hold memory until the next list.
        var sweep = _options.GraphCacheIdle / 4;
        _idleSweep = TimeProvider.System.CreateTimer(_ => EvictIdleGraphs(), null, sweep, sweep);
        _builds = new SemaphoreSlim(_options.ConcurrentGraphBuilds, _options.ConcurrentGraphBuilds);
        _lexicon = new Lazy<PronunciationLexicon>(() => PronunciationLexicon.LoadShared(_options.Lexicon));
    }

    /// <summary>Phrase-list graphs cached now.</summary>
    public int CachedPhraseLists => _recent.Count;

    /// <summary>Estimated bytes of the phrase-list graphs cached now (at most <see cref="TranscriptionOptions.GraphCacheBytes"/>).</summary>
    public long CachedBytes => _recent.Bytes;

    /// <summary>The default graph of <paramref name="family"/> with <paramref name="wordPenalty"/> per word (built on first use).</summary>
    public DecodingGraph Default(string family, float wordPenalty = 0f) =>
        _defaults.GetOrAdd((family, wordPenalty), key => new Lazy<DecodingGraph>(() => BuildDefault(key.Family, key.WordPenalty))).Value;

    /// <summary>
    /// The graph of a phrase list (any sequence of the phrases), or the family's default when it is empty, built off the
    /// caller's thread. <see cref="ArgumentException"/> naming the problem for a list that is too large (phrases, states,
    /// or build time) or has a word the lexicon lacks; <see cref="InvalidOperationException"/> when other builds kept it
    /// waiting past the time limit; <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task<DecodingGraph> ForAsync(string family, ImmutableArray<string> phrases, float wordPenalty = 0f,
        CancellationToken cancellationToken = default)
    {
        if (phrases.IsDefaultOrEmpty)
        {
            return _defaults.TryGetValue((family, wordPenalty), out var built) && built.IsValueCreated
                ? built.Value
                : await Task.Run(() => Default(family, wordPenalty), cancellationToken);
        }
        if (phrases.Length > _options.MaxPhrases)
        {
            throw new ArgumentException($"phrase_list has {phrases.Length} phrases; at most {_options.MaxPhrases} are allowed (Transcription:MaxPhrases).");
        }
        var key = $"{wordPenalty}\n{string.Join('\n', phrases)}";
        if (_recent.TryGet(key, out var cached))
        {
            return cached;
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.GraphBuildTimeout);
        var graphOptions = new DecodingGraphOptions { WordInsertionLogPenalty = wordPenalty };
        // Even the checks walk every word of the list (and run espeak-ng for words the lexicon lacks): on the thread
        // pool too, so the caller's turn stays short.
        Grammar grammar;
        PronunciationLexicon lexicon;
        try
        {
            (grammar, lexicon) = await Task.Run(() => Checked(phrases, graphOptions, limit.Token), limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw TookTooLong();
        }
        try
        {
            await _builds.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                $"phrase_list: other phrase lists kept this silo's grammar builders busy past Transcription:GraphBuildTimeout ({_options.GraphBuildTimeout.TotalSeconds:0.#} s); retry in a few seconds.");
        }
        try
        {
            // A session that waited may find its list compiled meanwhile by another with the same list.
            return _recent.TryGet(key, out cached) ? cached : await BuildAsync(key, grammar, lexicon, graphOptions, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw TookTooLong();
        }
        finally
        {
            _builds.Release();
        }
    }

    private ArgumentException TookTooLong() => new(
        $"phrase_list: compiling its grammar took longer than Transcription:GraphBuildTimeout ({_options.GraphBuildTimeout.TotalSeconds:0.#} s); send fewer or shorter phrases.");

    // Words the lexicon lacks get letter-to-sound pronunciations (reported as guessed); a word no rule can pronounce
    // is refused by name.
    private (Grammar Grammar, PronunciationLexicon Lexicon) Checked(ImmutableArray<string> phrases, DecodingGraphOptions graphOptions,
        CancellationToken cancellationToken)
    {
        var grammar = Grammar.PhraseLoop(phrases);
        var lexicon = _lexicon.Value;
        var unknown = grammar.Words.Where(w => !lexicon.Contains(w)).ToArray();
        if (unknown.Length > 0)
        {
            if (unknown.Length > _options.MaxGuessedWords)
            {
                throw new ArgumentException(
                    $"phrase_list has {unknown.Length} words the lexicon lacks (e.g. '{unknown[0]}'); at most {_options.MaxGuessedWords} are pronounced by letter-to-sound rules (Transcription:MaxGuessedWords).");
            }
            IReadOnlyDictionary<string, IReadOnlyList<int>> guesses;
            try
            {
                guesses = _letterToSound.Guess(unknown, cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                throw new ArgumentException($"phrase_list: the word '{unknown[0]}' is not in the lexicon, and letter-to-sound is unavailable on this silo ({ex.Message}).", ex);
            }
            if (unknown.FirstOrDefault(w => !guesses.ContainsKey(w)) is { } unpronounceable)
            {
                throw new ArgumentException(
                    $"phrase_list: the word '{unpronounceable}' is not in the lexicon and letter-to-sound rules cannot pronounce it; spell it with letters as it is said.");
            }
            lexicon = lexicon.WithGuesses(guesses);
            _logger.LogInformation("Phrase list: guessed pronunciations for {Words}", string.Join(", ", unknown.Take(20)));
        }
        try
        {
            var states = DecodingGraphSize.UpperBoundStates(grammar, lexicon, graphOptions);
            return states <= _options.MaxGraphStates
                ? (grammar, lexicon)
                : throw new ArgumentException(
                    $"phrase_list would compile to up to {states:N0} decoder states; the limit is {_options.MaxGraphStates:N0} (Transcription:MaxGraphStates): send fewer or shorter phrases.");
        }
        catch (UnknownWordException ex)
        {
            throw new ArgumentException($"phrase_list: {ex.Message}", ex);
        }
    }

    private async Task<DecodingGraph> BuildAsync(string key, Grammar grammar, PronunciationLexicon lexicon, DecodingGraphOptions graphOptions,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var graph = await Task.Run(() => _compiler.Compile(grammar, lexicon, graphOptions, cancellationToken), cancellationToken);
        _metrics?.GraphBuilt(clock.Elapsed.TotalSeconds);
        _recent.Add(key, graph, graph.EstimatedBytes);
        _metrics?.GraphCacheChanged(_recent.Bytes, _recent.Count);
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
    public void Dispose()
    {
        _idleSweep.Dispose();
        _builds.Dispose();
    }

    /// <summary>Drops the cached phrase-list graphs unused for <see cref="TranscriptionOptions.GraphCacheIdle"/>.</summary>
    public void EvictIdleGraphs()
    {
        if (_recent.EvictIdle(_options.GraphCacheIdle) > 0)
        {
            _metrics?.GraphCacheChanged(_recent.Bytes, _recent.Count);
        }
    }
}
