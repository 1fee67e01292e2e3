using AcousticDistill.Acoustic.Decoding;

namespace AcousticDistill.Acoustic.Evaluation;

/// <summary>One point of the decoding search and the dev result it gave.</summary>
public sealed record DecodingTrial(float AcousticScale, float WordInsertionPenalty, float Beam, double Wer, double SentenceAccuracy, int NotReachingFinal);

/// <summary>
/// Chooses decoding settings on a dev set, coordinate-wise (the three interact weakly): the acoustic scale at no
/// insertion penalty and a wide beam, then the insertion penalty at that scale, then the narrowest beam whose WER is
/// within <see cref="BeamTolerance"/> of the widest (narrower is faster). Scores are computed once by the caller.
/// </summary>
public sealed class DecodingTuner(Func<float, CorpusRecognizer> recognizerWithPenalty, int maxActive, int threads)
{
    /// <summary>Tuning over graphs compiled with each penalty (<see cref="BeamSearchDecoder"/>).</summary>
    public DecodingTuner(Func<float, DecodingGraph> graphWithPenalty, FrameTiming timing, int classes, int maxActive, int threads)
        : this(penalty => new CorpusRecognizer(graphWithPenalty(penalty), timing, classes), maxActive, threads)
    {
    }

    /// <summary>Acoustic scales tried (hybrid models with an LM do best far below 1).</summary>
    public IReadOnlyList<float> Scales { get; init; } = GraphScales;

    /// <summary>Word insertion penalties tried (log weight per word).</summary>
    public IReadOnlyList<float> Penalties { get; init; } = GraphPenalties;

    /// <summary>Beams tried, widest first.</summary>
    public IReadOnlyList<float> Beams { get; init; } = GraphBeams;

    /// <summary>Default acoustic scales for a compiled-graph task.</summary>
    public static IReadOnlyList<float> GraphScales { get; } = [0.04f, 0.06f, 0.08f, 0.1f, 0.13f, 0.17f, 0.22f, 0.3f, 0.45f];

    /// <summary>Default word penalties for a compiled-graph task.</summary>
    public static IReadOnlyList<float> GraphPenalties { get; } = [-4f, -2f, -1f, 0f, 1f, 2f];

    /// <summary>Default beams for a compiled-graph task, widest first.</summary>
    public static IReadOnlyList<float> GraphBeams { get; } = [20f, 14f, 10f, 7f];

    /// <summary>How much worse (absolute WER) a narrower beam may be and still be chosen.</summary>
    public double BeamTolerance { get; init; } = 0.002;

    /// <summary>Runs the search; <paramref name="trialDone"/> sees every trial as it finishes.</summary>
    public (DecodingTrial Best, IReadOnlyList<DecodingTrial> Trials) Tune(IReadOnlyList<ScoredUtterance> dev, Action<DecodingTrial>? trialDone = null)
    {
        ArgumentNullException.ThrowIfNull(dev);
        var trials = new List<DecodingTrial>();
        var graphs = new Dictionary<float, CorpusRecognizer>();
        DecodingTrial Run(float scale, float penalty, float beam)
        {
            if (!graphs.TryGetValue(penalty, out var recognizer))
            {
                recognizer = recognizerWithPenalty(penalty);
                graphs[penalty] = recognizer;
            }
            var report = recognizer.Recognize(dev, scale, new DecoderOptions { Beam = beam, MaxActive = maxActive }, threads);
            var trial = new DecodingTrial(scale, penalty, beam, report.Wer, report.SentenceAccuracy, report.NotReachingFinal);
            trials.Add(trial);
            trialDone?.Invoke(trial);
            return trial;
        }

        var wide = Beams.Max();
        var best = Scales.Select(s => Run(s, 0f, wide)).MinBy(t => t.Wer)!;
        best = Penalties.Where(p => p != 0f).Select(p => Run(best.AcousticScale, p, wide)).Append(best).MinBy(t => t.Wer)!;
        foreach (var beam in Beams.Where(b => b < wide).OrderDescending())
        {
            var narrower = Run(best.AcousticScale, best.WordInsertionPenalty, beam);
            if (narrower.Wer > best.Wer + BeamTolerance)
            {
                break;
            }
            best = narrower;
        }
        return (best, trials);
    }
}
