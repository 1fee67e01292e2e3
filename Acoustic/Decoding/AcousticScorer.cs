using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// Turns audio or filterbank frames into the per-frame, per-class scores an HMM search consumes: the model is fed
/// exactly as its metadata says (features, CMVN, ±context splicing with edge frames repeated), its log-softmax is
/// taken, and the class log priors are subtracted (<see cref="AcousticScoringOptions"/>). Scores are row-major
/// [frames × classes]. Does not own the model; one scorer may serve many streams (each with its own
/// <see cref="StreamingScorer"/>).
/// </summary>
public sealed class AcousticScorer
{
    private readonly FrameClassifier _model;
    private readonly float[] _scaledLogPriors;
    private readonly float _acousticScale;
    private readonly int _batchFrames;

    /// <summary>
    /// Scores with <paramref name="artifact"/>'s model and the class priors in its metadata; an artifact without priors
    /// (format 1, written before priors moved into the artifact) is refused with a <see cref="ModelArtifactException"/>
    /// that names <c>acoustic model upgrade</c>.
    /// </summary>
    public AcousticScorer(ModelArtifact artifact, AcousticScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        options ??= new AcousticScoringOptions();
        options.Validate();
        if (artifact.Metadata.ClassMap is not null)
        {
            throw new ArgumentException("A specialist model (with a class map and dustbin) cannot score all classes; decode with a generalist or student model.");
        }
        Metadata = artifact.Metadata;
        Classes = Metadata.Architecture.Classes;
        var priors = Metadata.Priors ?? throw MissingPriors(artifact.Name);
        if (Classes != Metadata.Phones.Count * Metadata.StatesPerPhone)
        {
            throw new ArgumentException($"The model's {Classes} outputs are not its {Metadata.Phones.Count} phones × {Metadata.StatesPerPhone} states.");
        }
        _model = artifact.Model;
        _model.eval();
        _acousticScale = options.AcousticScale;
        _batchFrames = options.BatchFrames;
        _scaledLogPriors = priors.LogPriors.ToArray().Select(p => p * options.PriorScale).ToArray();
        Priors = priors;
        Cmvn = new Cmvn(Metadata.CmvnMean, Metadata.CmvnInvStd);
    }

    /// <summary>The error for an artifact without class priors, naming the command that adds them.</summary>
    public static ModelArtifactException MissingPriors(string name) => new(
        $"{name} has no class priors, which decoding needs (it was written before priors moved into the model artifact); " +
        "run `acoustic model upgrade --model FILE --corpus TRAINING_CORPUS` (or `--priors FILE.priors.json`, its old priors file) to add them.");

    /// <summary>The model's metadata (feature options, sample rate, context).</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>The priors divided out (the artifact's).</summary>
    public ClassPriors Priors { get; }

    /// <summary>The model's normalisation.</summary>
    public Cmvn Cmvn { get; }

    /// <summary>Scores per frame (the model's output classes).</summary>
    public int Classes { get; }

    /// <summary>Sample rate the model expects.</summary>
    public int SampleRate => (int)Metadata.Features.SampleFrequency;

    /// <summary>Frames of context on each side the model reads.</summary>
    public int Context => Metadata.Architecture.Context;

    /// <summary>Scores of a whole utterance of samples at <see cref="SampleRate"/> (floats in [−1, 1]).</summary>
    public float[] ScoreAudio(ReadOnlySpan<float> samples)
    {
        var features = new FilterbankExtractor(Metadata.Features).Compute(samples);
        return ScoreFeatures(features);
    }

    /// <summary>Scores of a whole utterance of raw (not yet normalised) filterbank frames; the input is not modified.</summary>
    public float[] ScoreFeatures(FeatureMatrix rawFeatures)
    {
        ArgumentNullException.ThrowIfNull(rawFeatures);
        if (rawFeatures.Dim != Metadata.Architecture.FeatureDim)
        {
            throw new ArgumentException($"The model reads {Metadata.Architecture.FeatureDim} values per frame; got {rawFeatures.Dim}.");
        }
        var normalised = new FeatureMatrix((float[])rawFeatures.Data.Clone(), rawFeatures.Frames, rawFeatures.Dim);
        Cmvn.Apply(normalised);
        var spliced = new FrameSplicer(Context).Splice(normalised);
        var scores = new float[rawFeatures.Frames * Classes];
        for (var start = 0; start < rawFeatures.Frames; start += _batchFrames)
        {
            var n = Math.Min(_batchFrames, rawFeatures.Frames - start);
            ScoreSpliced(spliced.Data.AsSpan(start * spliced.Dim, n * spliced.Dim), n, scores.AsSpan(start * Classes, n * Classes));
        }
        return scores;
    }

    /// <summary>
    /// Scores <paramref name="frames"/> rows of already normalised and spliced input ((2k+1)·dim values each) into
    /// <paramref name="destination"/> (frames × <see cref="Classes"/>).
    /// </summary>
    public void ScoreSpliced(ReadOnlySpan<float> splicedRows, int frames, Span<float> destination)
    {
        if (frames == 0)
        {
            return;
        }
        var inputDim = Metadata.Architecture.InputDim;
        if (splicedRows.Length != frames * inputDim || destination.Length < frames * Classes)
        {
            throw new ArgumentException($"Expected {frames} rows of {inputDim} values and room for {frames * Classes} scores.");
        }
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var input = tensor(splicedRows.ToArray(), [frames, inputDim]);
        var logPosteriors = log_softmax(_model.forward(input), 1).cpu();
        var values = logPosteriors.data<float>();
        for (var t = 0; t < frames; t++)
        {
            for (var c = 0; c < Classes; c++)
            {
                destination[t * Classes + c] = _acousticScale * (values[t * Classes + c] - _scaledLogPriors[c]);
            }
        }
    }

    /// <summary>The most probable class of each of <paramref name="frames"/> rows of normalised, spliced input.</summary>
    public int[] Classify(ReadOnlySpan<float> splicedRows, int frames)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var input = tensor(splicedRows.ToArray(), [frames, Metadata.Architecture.InputDim]);
        return _model.forward(input).argmax(1).cpu().data<long>().Select(c => (int)c).ToArray();
    }
}
