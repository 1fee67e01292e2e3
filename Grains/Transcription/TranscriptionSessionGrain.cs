using System.Diagnostics;
using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Grains.Interfaces.Transcription;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// One live stream. State lives in memory only (a stream does not outlive its connection); a session that is
/// neither finished nor closed is collected after two idle minutes, so a vanished client leaks nothing. Decoding a
/// chunk takes milliseconds, so it runs on the grain's turn; loading a new model version runs off it
/// (<see cref="ServingModels"/>).
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class TranscriptionSessionGrain(
    ServingModels models,
    RecognitionGraphs graphs,
    IOptions<TranscriptionOptions> options,
    TranscriptionMetrics metrics,
    EnsembleAgreement agreement,
    ILogger<TranscriptionSessionGrain> logger) : Grain, ITranscriptionSessionGrain
{
    private LiveStream? _stream;
    private string _family = "";
    private bool _ended;
    private TimeSpan _busy;

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
        if (_stream is not null && !_ended)
        {
            logger.LogDebug("Session {Session} collected without Finish or Close ({Reason})", this.GetPrimaryKeyString(), reason);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<SessionInfo> StartAsync(RecognitionConfig config, CancellationToken cancellationToken = default)
    {
        if (_stream is not null || _ended)
        {
            throw new InvalidOperationException("This stream was already started.");
        }
        var settings = options.Value;
        _family = FamilySelection.Choose(settings.Families, config.SampleRate, config.Family);
        var model = await models.GetAsync(_family, cancellationToken);
        if (model.Scorer.SampleRate > config.SampleRate)
        {
            throw new ArgumentException($"sample_rate {config.SampleRate} is below model '{_family}''s {model.Scorer.SampleRate} Hz.");
        }
        var graph = graphs.For(config.PhraseList);
        _stream = new LiveStream(model, graph, config.SampleRate, settings.Endpoint.ToRules(),
            new DecoderOptions { Beam = settings.Beam, MaxActive = settings.MaxActive }, agreement.Observe, wordTimes: config.Words);
        return new SessionInfo(_family, model.VersionId, model.Scorer.SampleRate, config.SampleRate);
    }

    /// <inheritdoc />
    public async Task<TranscriptUpdate> AcceptAudioAsync(byte[] pcm16, CancellationToken cancellationToken = default)
    {
        var stream = Open();
        var serving = await models.GetAsync(_family, cancellationToken);
        var clock = Stopwatch.StartNew();
        var previous = stream.Model.VersionId;
        if (serving.VersionId != previous && stream.TrySwitchTo(serving))
        {
            logger.LogInformation("Session {Session}: switched {Family} from {Old} to {New}", this.GetPrimaryKeyString(), _family, previous, serving.VersionId);
            metrics.Swapped(_family);
        }
        var before = stream.AudioSeconds;
        var update = stream.Accept(pcm16);
        Record(clock.Elapsed, stream.AudioSeconds - before, update.Finals.Length);
        return update;
    }

    /// <inheritdoc />
    public Task<RecognitionResult> FinishAsync(CancellationToken cancellationToken = default)
    {
        var stream = Open();
        var clock = Stopwatch.StartNew();
        var before = stream.AudioSeconds;
        var result = stream.Finish();
        Record(clock.Elapsed, stream.AudioSeconds - before, 1);
        _ended = true;
        metrics.StreamFinished(_family, _busy.TotalSeconds, stream.AudioSeconds);
        DeactivateOnIdle();
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public Task CloseAsync()
    {
        _ended = true;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private LiveStream Open() =>
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
