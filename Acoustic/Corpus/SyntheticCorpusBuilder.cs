using System.Collections.Concurrent;
using System.Diagnostics;
using AcousticDistill.Acoustic.Synthesis;

namespace AcousticDistill.Acoustic.Corpus;

/// <summary>
/// Builds a phone-aligned corpus from the synthesizers: persons behind voices and texts are each partitioned
/// into train/dev/test (so splits are speaker- and text-disjoint); each split's voices take turns speaking
/// its texts with seeded rate/pitch variation until the split's target duration is reached. Work runs in
/// rounds of engine batches in parallel; acceptance is in plan order, so a seed gives the same corpus
/// whatever the parallelism. Bad utterances are dropped and counted, never written.
/// </summary>
public sealed class SyntheticCorpusBuilder(SyntheticCorpusOptions options)
{
    /// <summary>Seconds of speech per word plus a fixed overhead, to size a round before anything is spoken.</summary>
    private const double EstimatedSecondsPerWord = 0.35;
    private const double EstimatedSecondsOverhead = 0.6;
    private const int MaxRoundUtterances = 256;

    private readonly ConcurrentDictionary<string, int> _dropReasons = new(StringComparer.Ordinal);

    /// <summary>Builds the corpus; <paramref name="progress"/> gets (seconds of speech done, detail) against <see cref="TotalTargetSeconds"/>.</summary>
    public SyntheticCorpusReport Build(Action<double, string?>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate();
        var stopwatch = Stopwatch.StartNew();
        var voiceSplits = SpeakerSplitPlanner.Assign(options.Voices, options.DevPersons, options.TestPersons, options.Seed);
        var texts = PartitionTexts();
        var finisher = new UtteranceFinisher(options.Finishing with { Seed = options.Seed });
        var entries = new List<UtteranceEntry>();
        var summaries = new Dictionary<CorpusSplit, SplitSummary>();
        double doneBefore = 0;
        foreach (var split in Enum.GetValues<CorpusSplit>())
        {
            var voices = options.Voices.Where(v => voiceSplits[v] == split).ToList();
            var target = TargetSeconds(split);
            var written = BuildSplit(split, voices, texts[split], target, finisher,
                                     (done, detail) => progress?.Invoke(doneBefore + Math.Min(done, target), detail),
                                     cancellationToken);
            doneBefore += target;
            entries.AddRange(written);
            summaries[split] = new SplitSummary(written.Count, written.Sum(e => e.NumSamples) / (60.0 * options.Finishing.SampleRate),
                                                voices.Select(v => v.SpeakerId).ToList(), texts[split].Count);
        }
        new CorpusManifest(Path.GetFileName(Path.GetFullPath(options.OutputDirectory).TrimEnd('/')), options.Finishing.SampleRate,
                           "synthetic (festival, flite, espeak-ng); flite gives no word times, so its .wrd words carry the span of the speech",
                           entries).Save(options.OutputDirectory);
        return new SyntheticCorpusReport(summaries, _dropReasons.Values.Sum(),
                                         new Dictionary<string, int>(_dropReasons), stopwatch.Elapsed.TotalSeconds);
    }

    /// <summary>Seconds of speech the whole corpus aims at (train + dev + test), the scale progress reports on.</summary>
    public double TotalTargetSeconds => Enum.GetValues<CorpusSplit>().Sum(TargetSeconds);

    private double TargetSeconds(CorpusSplit split) =>
        options.TrainMinutes * 60 * (split == CorpusSplit.Train ? 1 : options.HeldOutFraction);

    private void Validate()
    {
        if (options.TrainMinutes <= 0 || options.Jobs < 1 || options.BatchSize < 1 || options.Voices.Count == 0)
        {
            throw new ArgumentException("minutes must be positive, jobs and batch size at least 1, and there must be voices.");
        }
        if (options.Finishing.SampleRate is not (8000 or 16000))
        {
            throw new ArgumentException($"rate must be 16000 or 8000, not {options.Finishing.SampleRate}.");
        }
        foreach (var engine in options.Voices.Select(v => v.Engine).Distinct())
        {
            if (VoiceCatalog.MissingTool(engine) is { } missing)
            {
                throw new InvalidOperationException($"voices of {engine.ToString().ToLowerInvariant()} need {missing}.");
            }
        }
    }

    private Dictionary<CorpusSplit, IReadOnlyList<string>> PartitionTexts()
    {
        var sentences = options.Sentences ?? SentenceSource.LoadFortunes();
        var digitCount = (int)Math.Round(sentences.Count * options.DigitStringFraction / (1 - options.DigitStringFraction));
        var digits = DigitStrings.Generate(Math.Max(digitCount, 10), options.Seed);
        var result = new Dictionary<CorpusSplit, List<string>>
        {
            [CorpusSplit.Train] = [], [CorpusSplit.Dev] = [], [CorpusSplit.Test] = [],
        };
        var random = new Random(options.Seed);
        foreach (var pool in new[] { sentences, digits })
        {
            var shuffled = pool.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            random.Shuffle(shuffled);
            var testCount = Math.Max(1, (int)Math.Round(shuffled.Length * options.TestTextFraction));
            var devCount = Math.Max(1, (int)Math.Round(shuffled.Length * options.DevTextFraction));
            if (testCount + devCount >= shuffled.Length)
            {
                throw new ArgumentException($"{shuffled.Length} texts are too few to give dev, test and train their own.");
            }
            result[CorpusSplit.Test].AddRange(shuffled[..testCount]);
            result[CorpusSplit.Dev].AddRange(shuffled[testCount..(testCount + devCount)]);
            result[CorpusSplit.Train].AddRange(shuffled[(testCount + devCount)..]);
        }
        return result.ToDictionary(kv => kv.Key, kv =>
        {
            var list = kv.Value.ToArray();
            random.Shuffle(list);
            return (IReadOnlyList<string>)list;
        });
    }

    private List<UtteranceEntry> BuildSplit(CorpusSplit split, List<VoiceSpec> voices, IReadOnlyList<string> texts, double targetSeconds,
                                            UtteranceFinisher finisher, Action<double, string?> progress, CancellationToken cancellationToken)
    {
        var entries = new List<UtteranceEntry>();
        var plan = new UtterancePlan(voices, texts, options);
        double doneSeconds = 0;
        while (doneSeconds < targetSeconds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var round = new List<(VoiceSpec Voice, SynthesisRequest Request)>();
            var estimate = 0.0;
            while (estimate < (targetSeconds - doneSeconds) * 1.05 && round.Count < MaxRoundUtterances)
            {
                var next = plan.Next();
                round.Add(next);
                estimate += EstimatedSecondsOverhead + EstimatedSecondsPerWord * next.Request.Text.Split(' ').Length;
            }
            var finished = SynthesizeRound(round, finisher, cancellationToken);
            foreach (var utterance in finished)
            {
                if (doneSeconds >= targetSeconds)
                {
                    break;
                }
                if (utterance is null)
                {
                    continue;
                }
                entries.Add(CorpusWriter.Write(options.OutputDirectory, split, utterance.Voice.SpeakerId, utterance.Id,
                                               utterance.Samples, utterance.SampleRate, utterance.Phones, utterance.Words, utterance.Text));
                doneSeconds += utterance.Samples.Length / (double)utterance.SampleRate;
                progress(doneSeconds, $"{CorpusWriter.FolderOf(split)}: {entries.Count} utterances");
            }
            if (finished.All(u => u is null))
            {
                throw new InvalidOperationException($"every utterance of a {CorpusWriter.FolderOf(split)} round was dropped: {string.Join("; ", _dropReasons.Keys.Take(3))}");
            }
        }
        return entries;
    }

    private SynthesizedUtterance?[] SynthesizeRound(List<(VoiceSpec Voice, SynthesisRequest Request)> round, UtteranceFinisher finisher,
                                                    CancellationToken cancellationToken)
    {
        var results = new SynthesizedUtterance?[round.Count];
        var batches = round.Select((item, index) => (item.Voice, item.Request, Index: index))
                           .GroupBy(x => x.Voice)
                           .SelectMany(g => g.Chunk(options.BatchSize))
                           .ToList();
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs, CancellationToken = cancellationToken }, batch =>
        {
            var voice = batch[0].Voice;
            var synthesizer = VoiceCatalog.CreateSynthesizer(voice);
            foreach (var (index, raw) in SynthesizeWithRetry(synthesizer, batch.Select(b => (b.Index, b.Request)).ToList(), cancellationToken))
            {
                results[index] = finisher.Finish(voice, raw, out var rejection);
                if (rejection is not null)
                {
                    Drop($"{voice.Engine.ToString().ToLowerInvariant()}: {Generalise(rejection)}");
                }
            }
        });
        return results;
    }

    /// <summary>Runs a batch; if the engine fails on it, runs its requests one by one so one bad text costs one utterance.</summary>
    private IEnumerable<(int Index, EngineUtterance Raw)> SynthesizeWithRetry(ISpeechSynthesizer synthesizer,
        List<(int Index, SynthesisRequest Request)> batch, CancellationToken cancellationToken)
    {
        try
        {
            var raws = synthesizer.Synthesize(batch.Select(b => b.Request).ToList(), cancellationToken);
            return raws.Select((raw, i) => (batch[i].Index, raw)).ToList();
        }
        catch (SynthesisException) when (batch.Count > 1)
        {
            var results = new List<(int, EngineUtterance)>();
            foreach (var item in batch)
            {
                try
                {
                    results.Add((item.Index, synthesizer.Synthesize([item.Request], cancellationToken)[0]));
                }
                catch (SynthesisException ex)
                {
                    Drop($"{synthesizer.Voice.Engine.ToString().ToLowerInvariant()}: engine failed: {Generalise(ex.Message)}");
                }
            }
            return results;
        }
        catch (SynthesisException ex)
        {
            Drop($"{synthesizer.Voice.Engine.ToString().ToLowerInvariant()}: engine failed: {Generalise(ex.Message)}");
            return [];
        }
    }

    private void Drop(string reason) => _dropReasons.AddOrUpdate(reason, 1, (_, n) => n + 1);

    /// <summary>Cuts numbers and quoted text from a reason so that alike failures count together.</summary>
    private static string Generalise(string reason)
    {
        var quote = reason.IndexOf('\'', StringComparison.Ordinal);
        var head = quote > 0 ? reason[..quote] : reason;
        return new string(head.Where(c => !char.IsAsciiDigit(c)).ToArray()).Trim();
    }
}
