using AcousticDistill.Acoustic.Decoding.Lvcsr;
using System.Collections.Immutable;
using System.Diagnostics;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// One live stream. State lives in memory only (a stream does not outlive its connection); a session that is
/// neither finished nor closed is collected after two idle minutes, so a vanished client leaks nothing. Decoding a
/// chunk takes milliseconds, so it runs on the grain's turn; loading a new model version runs off it
/// (<see cref="ServingModels"/>), and so does compiling a phrase list (<see cref="RecognitionGraphs"/>), which a close
/// (it interleaves), a deactivation or the caller's cancellation stops.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class TranscriptionSessionGrain(
    ServingModels models,
    RecognitionGraphs graphs,
    OpenVocabulary openVocabulary,
    IOptions<TranscriptionOptions> options,
    TranscriptionMetrics metrics,
    EnsembleAgreement agreement,
    ILogger<TranscriptionSessionGrain> logger) : Grain, ITranscriptionSessionGrain
{
    private LiveStream? _stream;
    private string _family = "";
    private bool _ended;
    private TimeSpan _busy;
    private UploadedAudio _upload = UploadedAudio.None;
    private ImmutableArray<string> _guessedWords = [];
    // Cancelled when the session closes or goes away: stops a phrase-list build still running for it.
    private readonly CancellationTokenSource _closing = new();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        metrics.SessionActivated();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.SessionDeactivated();
        // No turn of this activation runs after this one, so nothing reads the token any more.
        _closing.Cancel();
        _closing.Dispose();
        if (_stream is not null && !_ended)
        {
            logger.LogDebug("Session {Session} collected without Finish or Close ({Reason})", this.GetPrimaryKeyString(), reason);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<SessionInfo> StartAsync(RecognitionConfig config, CancellationToken cancellationToken = default)
    {
        var model = await ChooseModelAsync(config, cancellationToken);
        await OpenAsync(model, config, config.SampleRate, cancellationToken);
        return new SessionInfo(_family, model.VersionId, model.Scorer.SampleRate, config.SampleRate) { GuessedWords = _guessedWords };
    }

    /// <inheritdoc />
    public async Task<WavSessionInfo> StartWavAsync(RecognitionConfig config, byte[] wav, CancellationToken cancellationToken = default)
    {
        var fileRate = SessionAudio.SampleRate(wav);
        config = config with { SampleRate = fileRate };
        var model = await ChooseModelAsync(config, cancellationToken);
        var rate = model.Scorer.SampleRate;
        // Decoded and resampled a second at a time, straight to the model's rate; the stream then takes samples, not PCM.
        _upload = new UploadedAudio(wav, rate);
        await OpenAsync(model, config, rate, cancellationToken);
        return new WavSessionInfo(new SessionInfo(_family, model.VersionId, rate, fileRate) { GuessedWords = _guessedWords }, _upload.Seconds, _upload.Chunks);
    }

    /// <inheritdoc />
    public Task<TranscriptUpdate> DecodeNextWavChunkAsync(CancellationToken cancellationToken = default) =>
        DecodeAsync(stream => stream.AcceptSamples(_upload.NextChunk()), cancellationToken);

    /// <inheritdoc />
    public Task<TranscriptUpdate> AcceptAudioAsync(byte[] pcm16, CancellationToken cancellationToken = default) =>
        DecodeAsync(stream => stream.Accept(pcm16), cancellationToken);

    /// <inheritdoc />
    public Task<RecognitionResult> FinishAsync(CancellationToken cancellationToken = default)
    {
        var stream = Current();
        var clock = Stopwatch.StartNew();
        var before = stream.AudioSeconds;
        _ended = true;
        DeactivateOnIdle();
        var result = SessionAudio.Checked(stream.Finish);
        Record(clock.Elapsed, stream.AudioSeconds - before, 1);
        metrics.StreamFinished(_family, _busy.TotalSeconds, stream.AudioSeconds);
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public Task CloseAsync()
    {
        _ended = true;
        _closing.Cancel();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private async Task<ServingModel> ChooseModelAsync(RecognitionConfig config, CancellationToken cancellationToken)
    {
        if (_stream is not null || _ended)
        {
            throw new InvalidOperationException("This stream was already started.");
        }
        _family = FamilySelection.Choose(options.Value.Families, config.SampleRate, config.Family);
        var model = await models.GetAsync(_family, cancellationToken);
        return model.Scorer.SampleRate > config.SampleRate
            ? throw new ArgumentException($"sample_rate {config.SampleRate} is below model '{_family}''s {model.Scorer.SampleRate} Hz.")
            : model;
    }

    private async Task OpenAsync(ServingModel model, RecognitionConfig config, int streamRate, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        var task = await TaskForAsync(model, config, settings, stop.Token);
        if (_ended)
        {
            // Closed while the task was being found: the stream is gone, open nothing.
            throw new OperationCanceledException("The stream was closed while it started.");
        }
        _guessedWords = task is GraphTask graphTask ? [.. graphTask.Graph.GuessedWords] : [];
        var boosts = config.Boost.IsEmpty ? WordBoosts.None
            : task is OpenVocabularyTask open ? WordBoosts.For(open.Tree, config.Boost)
            : throw new ArgumentException("boost applies to open vocabulary; a stream with a phrase_list (or a family LM) cannot be boosted.");
        _stream = new LiveStream(model, task, streamRate, settings.Endpoint.ToRules(), settings, agreement.Observe, wordTimes: config.Words, boosts: boosts);
    }

    // A phrase list restricts; a family's own configured LM is its task; otherwise open vocabulary (unless turned off,
    // then the configured words). Unset settings take the serving model's tuned decoding defaults.
    private async Task<RecognitionTask> TaskForAsync(ServingModel model, RecognitionConfig config, TranscriptionOptions settings, CancellationToken cancellationToken)
    {
        var ownLanguageModel = settings.LanguageModels.ContainsKey(_family) || settings.LanguageModel is not null;
        if (config.PhraseList.IsDefaultOrEmpty && settings.OpenVocabulary && !ownLanguageModel)
        {
            return await openVocabulary.GetAsync(cancellationToken);
        }
        var tuned = model.Scorer.Metadata.Decoding;
        var graph = await graphs.ForAsync(_family, config.PhraseList, settings.WordPenalty ?? tuned?.WordInsertionPenalty ?? 0f, cancellationToken);
        return new GraphTask(graph);
    }

    // Switches to the family's serving version between chunks, then decodes one chunk.
    private async Task<TranscriptUpdate> DecodeAsync(Func<LiveStream, TranscriptUpdate> decode, CancellationToken cancellationToken)
    {
        var stream = Current();
        var serving = await models.GetAsync(_family, cancellationToken);
        var clock = Stopwatch.StartNew();
        var previous = stream.Model.VersionId;
        if (serving.VersionId != previous && stream.TrySwitchTo(serving))
        {
            logger.LogInformation("Session {Session}: switched {Family} from {Old} to {New}", this.GetPrimaryKeyString(), _family, previous, serving.VersionId);
            metrics.Swapped(_family);
        }
        var before = stream.AudioSeconds;
        var update = decode(stream);
        Record(clock.Elapsed, stream.AudioSeconds - before, update.Finals.Length);
        return update;
    }

    private LiveStream Current() =>
        _ended ? throw new InvalidOperationException("This stream has ended.")
        : _stream ?? throw new InvalidOperationException("Start the stream before sending audio.");

    private void Record(TimeSpan elapsed, double audioSeconds, int finals)
    {
        _busy += elapsed;
        metrics.ChunkDecoded(_family, elapsed.TotalSeconds, audioSeconds);
        for (var i = 0; i < finals; i++)
        {
            metrics.Result(_family, _stream!.Model.VersionId);
        }
    }
}
