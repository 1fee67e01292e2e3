using AcousticDistill.Acoustic.Decoding.Lvcsr;
using System.Collections.Immutable;
using AcousticDistill.Acoustic.Audio;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// The decoding state of one stream, without Orleans: PCM16 bytes at the stream's rate are resampled to the model's
/// rate and recognised; each endpoint closes an utterance into a final result with stream-relative word times. The
/// current utterance's audio is kept (bounded by the endpoint's maximum utterance length) so that a switch to another
/// model version re-decodes it: the switch loses neither audio nor words. Word times are given only when asked for
/// (Vosk's <c>words</c> flag); otherwise finals carry text alone. Not thread-safe.
/// </summary>
public sealed class LiveStream
{
    private readonly RecognitionTask _task;
    private readonly TranscriptionOptions _settings;
    private readonly WordBoosts _boosts;
    private readonly EndpointOptions _endpoint;
    private readonly Pcm16StreamDecoder _pcm;
    private readonly List<float> _chunk = [];
    private readonly List<float> _utterance = [];
    private readonly Action<ServingModel, ReadOnlySpan<float>, int>? _observeRows;
    private readonly bool _wordTimes;
    private StreamingRecognizer _recognizer;
    private long _samplesBeforeUtterance;

    /// <summary>
    /// A stream at <paramref name="streamSampleRate"/> recognised by <paramref name="model"/> over <paramref name="graph"/>
    /// with fixed pruning; finals list their words with times and confidences when <paramref name="wordTimes"/> is set.
    /// </summary>
    public LiveStream(ServingModel model, DecodingGraph graph, int streamSampleRate, EndpointOptions endpoint, DecoderOptions decoder,
        Action<ServingModel, ReadOnlySpan<float>, int>? observeRows = null, bool wordTimes = true)
        : this(model, new GraphTask(graph, decoder), streamSampleRate, endpoint, new TranscriptionOptions(), observeRows, wordTimes)
    {
    }

    /// <summary>
    /// A stream at <paramref name="streamSampleRate"/> recognised by <paramref name="model"/> for <paramref name="task"/>
    /// (a grammar or open vocabulary), pruned as <paramref name="settings"/> say or else as the model was tuned.
    /// </summary>
    public LiveStream(ServingModel model, RecognitionTask task, int streamSampleRate, EndpointOptions endpoint, TranscriptionOptions settings,
        Action<ServingModel, ReadOnlySpan<float>, int>? observeRows = null, bool wordTimes = true, WordBoosts? boosts = null)
    {
        _boosts = boosts ?? WordBoosts.None;
        _observeRows = observeRows;
        _wordTimes = wordTimes;
        Model = model;
        _task = task;
        _settings = settings;
        _endpoint = endpoint;
        _pcm = new Pcm16StreamDecoder(streamSampleRate, model.Scorer.SampleRate);
        _recognizer = NewRecognizer(model);
    }

    /// <summary>The model now decoding.</summary>
    public ServingModel Model { get; private set; }

    /// <summary>Audio received so far, in seconds.</summary>
    public double AudioSeconds => (_samplesBeforeUtterance + _utterance.Count) / (double)Model.Scorer.SampleRate;

    /// <summary>
    /// Continues with <paramref name="model"/>: the open utterance is decoded again from its start. A model of another
    /// sample rate is not taken (the stream's resampling was set up for the current one): returns false, and the stream
    /// keeps its model.
    /// </summary>
    public bool TrySwitchTo(ServingModel model)
    {
        if (model.Scorer.SampleRate != Model.Scorer.SampleRate)
        {
            return false;
        }
        Model = model;
        _recognizer = NewRecognizer(model);
        _recognizer.AcceptWaveform(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_utterance));
        return true;
    }

    /// <summary>Decodes a chunk of PCM16 bytes; returns the finals it completed and the partial of the open utterance.</summary>
    public TranscriptUpdate Accept(ReadOnlySpan<byte> pcm16)
    {
        _chunk.Clear();
        _pcm.Accept(pcm16, _chunk);
        return AcceptSamples(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_chunk));
    }

    /// <summary>
    /// Decodes samples already at the model's rate (a whole file decoded and resampled once, <c>POST /v1/recognize</c>);
    /// returns the finals they completed and the partial of the open utterance.
    /// </summary>
    public TranscriptUpdate AcceptSamples(ReadOnlySpan<float> samples)
    {
        var finals = ImmutableArray.CreateBuilder<RecognitionResult>();
        // Feed in pieces of at most 100 ms, so that an endpoint inside a long chunk ends its utterance where it happened.
        var step = Math.Max(1, Model.Scorer.SampleRate / 10);
        for (var start = 0; start < samples.Length; start += step)
        {
            var piece = samples.Slice(start, Math.Min(step, samples.Length - start));
            _recognizer.AcceptWaveform(piece);
            _utterance.AddRange(piece);
            if (_recognizer.Decoder.IsEndpoint(_endpoint))
            {
                finals.Add(EndUtterance());
            }
        }
        return new TranscriptUpdate(finals.ToImmutable(), _recognizer.PartialResult().Text);
    }

    /// <summary>Ends the stream: the final result of the open utterance (empty text when there was none).</summary>
    public RecognitionResult Finish()
    {
        _chunk.Clear();
        _pcm.Finish(_chunk);
        _recognizer.AcceptWaveform(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_chunk));
        _utterance.AddRange(_chunk);
        return EndUtterance();
    }

    // The observer sees the network input of every frame the model scores (live ensemble agreement).
    private StreamingRecognizer NewRecognizer(ServingModel model)
    {
        var recognizer = _task.NewRecognizer(model, _settings, _boosts);
        if (_observeRows is { } observe)
        {
            recognizer.Scoring.RowsScored = (rows, frames) => observe(model, rows, frames);
        }
        return recognizer;
    }

    private RecognitionResult EndUtterance()
    {
        var result = _recognizer.Finish();
        var offset = _samplesBeforeUtterance / (double)Model.Scorer.SampleRate;
        var words = !_wordTimes ? [] : result.Words.Select(w => new WordTiming(w.Word, Math.Round(offset + w.StartSeconds, 3),
            Math.Round(offset + w.EndSeconds, 3), Math.Round(w.Confidence, 4))).ToImmutableArray();
        _samplesBeforeUtterance += _utterance.Count;
        _utterance.Clear();
        _recognizer.Reset();
        return new RecognitionResult(result.Text, words, Model.VersionId);
    }
}
