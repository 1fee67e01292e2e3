using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Distillation;

namespace AcousticDistill.Acoustic.Evaluation;

/// <summary>
/// Decoder scores of an ensemble: the arithmetic mean of its members' posteriors (as the soft targets a student
/// learns from are made), divided by the class priors of the first member (members are trained on one corpus, so
/// their priors agree). Lets an ensemble be scored on WER exactly as a single model is, to compare the two.
/// </summary>
public sealed class EnsembleAudioScorer
{
    private readonly AcousticScorer[] _members;
    private readonly float[] _logPriors;

    /// <summary>The members of the ensemble folder <paramref name="directory"/> (hash-checked).</summary>
    public EnsembleAudioScorer(string directory)
    {
        var artifacts = EnsembleDirectory.LoadArtifacts(directory);
        // Raw log posteriors from each member (prior scale 0); the prior is divided out once, after averaging.
        _members = artifacts.Select(a => new AcousticScorer(a, new AcousticScoringOptions { AcousticScale = 1f, PriorScale = 0f })).ToArray();
        _logPriors = (artifacts[0].Metadata.Priors ?? throw AcousticScorer.MissingPriors(artifacts[0].Name)).LogPriors;
        if (_members.Any(m => m.SampleRate != First.SampleRate || m.Classes != First.Classes))
        {
            throw new ModelArtifactException($"The members of ensemble '{directory}' differ in sample rate or classes.");
        }
    }

    /// <summary>The first member (rate, classes and feature timing of all).</summary>
    public AcousticScorer First => _members[0];

    /// <summary>Members in the ensemble.</summary>
    public int Count => _members.Length;

    /// <summary>Parameters of all members together.</summary>
    public long ParameterCount => _members.Sum(m => m.Metadata.Architecture.ParameterCount);

    /// <summary>Scores (frames × classes, acoustic scale 1) of a whole utterance.</summary>
    public float[] ScoreAudio(ReadOnlySpan<float> samples)
    {
        var perMember = new float[_members.Length][];
        for (var m = 0; m < _members.Length; m++)
        {
            perMember[m] = _members[m].ScoreAudio(samples);
        }
        var classes = First.Classes;
        var scores = new float[perMember[0].Length];
        for (var i = 0; i < scores.Length; i++)
        {
            // log mean exp, stabilised by the largest member's value.
            var max = float.NegativeInfinity;
            foreach (var member in perMember)
            {
                max = Math.Max(max, member[i]);
            }
            double sum = 0;
            foreach (var member in perMember)
            {
                sum += Math.Exp(member[i] - max);
            }
            scores[i] = (float)(max + Math.Log(sum / perMember.Length)) - _logPriors[i % classes];
        }
        return scores;
    }
}
