using AcousticDistill.Acoustic.Language;

namespace AcousticDistill.Grains.Transcription;

/// <summary>How live streams are recognised (section <c>Transcription</c>).</summary>
public sealed class TranscriptionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = ModelFamilies.Section;

    /// <summary>Families that serve streams, with the sample rate of their models; a stream without a family goes to
    /// the family of its own rate, else to the highest rate below it (the audio is resampled down, never up).</summary>
    public Dictionary<string, int> Families { get; set; } = ModelFamilies.Defaults();

    /// <summary>
    /// Streams that bring no phrase list (and whose family has no <see cref="LanguageModels"/> entry) are transcribed as
    /// open English with <see cref="GeneralLanguageModel"/>; false: with the word loop of <see cref="DefaultWords"/>.
    /// </summary>
    public bool OpenVocabulary { get; set; } = true;

    /// <summary>
    /// The general language model of open-vocabulary streams: an <c>.adlm</c> file, a CMU Sphinx trie binary or ARPA
    /// text (the last two converted once into <see cref="LanguageModelCache"/>). Default: Debian's pocketsphinx-en-us
    /// US English trigram (72,547 words).
    /// </summary>
    public string GeneralLanguageModel { get; set; } = CompiledLanguageModels.DebianGeneralEnglish;

    /// <summary>Folder for language models converted into the compact form (one file per source version).</summary>
    public string LanguageModelCache { get; set; } = Path.Combine(Path.GetTempPath(), "acoustic-distill-lm");

    /// <summary>A language model whose arrays would need more memory than this is refused (1 GiB; the general one needs about 50 MB).</summary>
    public long MaxLanguageModelBytes { get; set; } = CompactLanguageModelFile.DefaultMaxBytes;

    /// <summary>Open-vocabulary search: word ends more than this below the frame's best are dropped; null: the model's tuned value, else 5.</summary>
    public float? WordEndBeam { get; set; }

    /// <summary>Words of the default grammar (any sequence of them) for streams that bring no phrase list when <see cref="OpenVocabulary"/> is off.</summary>
    public List<string> DefaultWords { get; set; } = ["zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>An ARPA language model to use instead of <see cref="DefaultWords"/> (unigrams and bigrams are used).</summary>
    public string? LanguageModel { get; set; }

    /// <summary>
    /// ARPA language models per family (family → path), overriding <see cref="LanguageModel"/> for that family's streams
    /// without a phrase list: how a deployment serves a task such as AN4's on one family and digits on another.
    /// </summary>
    public Dictionary<string, string> LanguageModels { get; set; } = [];

    /// <summary>Weight of the language model against acoustic scores.</summary>
    public float LanguageModelWeight { get; set; } = 1f;

    /// <summary>CMUdict-format lexicon; null = Debian's pocketsphinx-en-us CMUdict.</summary>
    public string? Lexicon { get; set; }

    /// <summary>Beam width (log score); null: the serving model's tuned value, else 14.</summary>
    public float? Beam { get; set; }

    /// <summary>Most HMM states kept per frame; null: the serving model's tuned value, else 3000.</summary>
    public int? MaxActive { get; set; }

    /// <summary>Weight of acoustic scores against transitions and grammar; null: the serving model's tuned value, else 1.</summary>
    public float? AcousticScale { get; set; }

    /// <summary>Log weight per recognised word; null: the serving model's tuned value, else 0.</summary>
    public float? WordPenalty { get; set; }

    /// <summary>Endpoint rules (Kaldi-like trailing-silence rules).</summary>
    public EndpointSettings Endpoint { get; set; } = new();

    /// <summary>How often a silo asks the registry which version serves (sessions switch model within this time).</summary>
    public TimeSpan ServingRefresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Share of scored chunks also classified by the serving version's teachers (live ensemble agreement); 0 = off.</summary>
    public double AgreementSampleRate { get; set; } = 0.05;

    /// <summary>Most words of one phrase list that the lexicon lacks and letter-to-sound rules (espeak-ng) pronounce.</summary>
    public int MaxGuessedWords { get; set; } = 200;

    /// <summary>Most phrases in one stream's phrase list.</summary>
    public int MaxPhrases { get; set; } = 1000;

    /// <summary>Phrase-list grammars kept compiled per silo (the least recently used go first; see also <see cref="GraphCacheBytes"/>).</summary>
    public int GraphCacheSize { get; set; } = 64;

    /// <summary>
    /// Estimated bytes of the phrase-list graphs kept compiled per silo (the least recently used go first): 128 MiB holds
    /// about ten of the largest lists the Gateway lets through (1,000 phrases of 10 words: ~13 MB each) or thousands of
    /// small ones.
    /// </summary>
    public long GraphCacheBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>
    /// A cached phrase-list graph not used for this long is dropped, so that memory a burst of lists filled goes back to
    /// the system when the lists stop coming (a client that reuses its list within this time still finds it built).
    /// </summary>
    public TimeSpan GraphCacheIdle { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Most HMM states a phrase list may compile to, bounded from its words' pronunciations before any build (about 21
    /// bytes per state plus 2 arcs of 17): a list over it is refused at once. 1,000,000 is about four times the largest
    /// list the Gateway's default limits let through.
    /// </summary>
    public long MaxGraphStates { get; set; } = 1_000_000;

    /// <summary>
    /// Longest a session may wait for and spend on compiling its phrase list (queueing behind other builds included);
    /// past it the build stops and the stream is refused with an error naming this setting. Keep it below the Gateway's
    /// <c>GrainCallTimeout</c> (10 s).
    /// </summary>
    public TimeSpan GraphBuildTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Phrase-list graphs compiled at once per silo, each on a thread-pool thread; further builds wait their turn.</summary>
    public int ConcurrentGraphBuilds { get; set; } = 2;

    /// <summary>Checks the values; a clear error naming the bad one.</summary>
    public void Validate()
    {
        if (Families.Count == 0 || Families.Any(f => string.IsNullOrWhiteSpace(f.Key) || f.Value < 1000))
        {
            throw new InvalidOperationException("Transcription:Families needs at least one family with a sample rate of 1000 Hz or more.");
        }
        if (Beam <= 0 || MaxActive <= 0 || AcousticScale <= 0 || WordPenalty is { } p && !float.IsFinite(p)
            || MaxPhrases <= 0 || GraphCacheSize <= 0 || ServingRefresh < TimeSpan.Zero || MaxGuessedWords < 0)
        {
            throw new InvalidOperationException("Transcription: Beam, MaxActive, AcousticScale, MaxPhrases and GraphCacheSize must be positive, WordPenalty finite, MaxGuessedWords not negative.");
        }
        if (OpenVocabulary && (string.IsNullOrWhiteSpace(GeneralLanguageModel) || string.IsNullOrWhiteSpace(LanguageModelCache)
                               || MaxLanguageModelBytes <= 0 || WordEndBeam is { } web && !(web > 0)))
        {
            throw new InvalidOperationException(
                "Transcription: with OpenVocabulary on, GeneralLanguageModel and LanguageModelCache must be set and MaxLanguageModelBytes and WordEndBeam positive.");
        }
        if (GraphCacheBytes <= 0 || MaxGraphStates <= 0 || GraphBuildTimeout <= TimeSpan.Zero || ConcurrentGraphBuilds <= 0 || GraphCacheIdle <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                "Transcription: GraphCacheBytes, MaxGraphStates, GraphBuildTimeout, ConcurrentGraphBuilds and GraphCacheIdle must be positive.");
        }
        if (AgreementSampleRate is < 0 or > 1)
        {
            throw new InvalidOperationException($"Transcription:AgreementSampleRate must be in [0, 1], got {AgreementSampleRate}.");
        }
        if (LanguageModels.FirstOrDefault(l => !Families.ContainsKey(l.Key) || string.IsNullOrWhiteSpace(l.Value)) is { Key: not null } bad)
        {
            throw new InvalidOperationException($"Transcription:LanguageModels:{bad.Key} names no configured family or no file (families: {string.Join(", ", Families.Keys)}).");
        }
        if (LanguageModel is null && DefaultWords.Count == 0)
        {
            throw new InvalidOperationException("Transcription needs DefaultWords or a LanguageModel.");
        }
    }
}

/// <summary>Endpoint rules in configuration form (seconds).</summary>
public sealed class EndpointSettings
{
    /// <summary>End an utterance of silence only after this long.</summary>
    public double SilenceOnlySeconds { get; set; } = 5.0;

    /// <summary>End after this much trailing silence once the grammar could end.</summary>
    public double AfterFinalSeconds { get; set; } = 0.5;

    /// <summary>End after this much trailing silence after any word.</summary>
    public double AfterWordsSeconds { get; set; } = 1.0;

    /// <summary>End any utterance this long.</summary>
    public double MaxUtteranceSeconds { get; set; } = 20.0;

    /// <summary>The decoder's rules.</summary>
    public EndpointOptions ToRules() => new()
    {
        SilenceOnlySeconds = SilenceOnlySeconds,
        AfterFinalSeconds = AfterFinalSeconds,
        AfterWordsSeconds = AfterWordsSeconds,
        MaxUtteranceSeconds = MaxUtteranceSeconds,
    };
}
