namespace AcousticDistill.Acoustic.Training;

/// <summary>
/// Training and dev frames ready for a model: CMVN statistics estimated on the training split and applied
/// to every split, frames packed into <see cref="FrameDataset"/>s with ±k splicing. Built once and shared
/// by every model trained on the same data (an ensemble's members, a student, specialists).
/// </summary>
public sealed class PreparedCorpus : IDisposable
{
    private PreparedCorpus(FbankOptions features, Cmvn cmvn, int context, FrameDataset train, FrameDataset? dev, string name)
    {
        Features = features;
        Cmvn = cmvn;
        Context = context;
        Train = train;
        Dev = dev;
        Name = name;
    }

    /// <summary>How the features were computed.</summary>
    public FbankOptions Features { get; }

    /// <summary>Normalisation estimated on the training split; saved with every model trained here.</summary>
    public Cmvn Cmvn { get; }

    /// <summary>Frames of context on each side.</summary>
    public int Context { get; }

    /// <summary>Normalised training frames.</summary>
    public FrameDataset Train { get; }

    /// <summary>Normalised dev frames (model selection and promotion), if the corpus has a dev split.</summary>
    public FrameDataset? Dev { get; }

    /// <summary>Corpus name, recorded in model lineage.</summary>
    public string Name { get; }

    /// <summary>
    /// Builds the datasets, normalised with <paramref name="cmvn"/> when given (a student fed like its teachers),
    /// else with CMVN estimated on <paramref name="train"/>.
    /// </summary>
    public static PreparedCorpus Create(string name, SplitFeatures train, SplitFeatures? dev, FbankOptions features, int context,
        Cmvn? cmvn = null)
    {
        cmvn ??= EstimateCmvn(train);
        var trainSet = Normalize(train, cmvn, context);
        var devSet = dev is null ? null : Normalize(dev, cmvn, context);
        return new PreparedCorpus(features.Clone(), cmvn, context, trainSet, devSet, name);
    }

    /// <summary>Global mean and variance statistics of a split.</summary>
    public static Cmvn EstimateCmvn(SplitFeatures split)
    {
        var accumulator = new CmvnAccumulator(split.Dim);
        foreach (var utterance in split.Features)
        {
            accumulator.Add(new FeatureMatrix(utterance, utterance.Length / split.Dim, split.Dim));
        }
        return accumulator.ToCmvn();
    }

    /// <summary>Applies this corpus's CMVN to another split (test, transfer set) and packs it.</summary>
    public FrameDataset Prepare(SplitFeatures split) => Normalize(split, Cmvn, Context);

    /// <summary>Applies <paramref name="cmvn"/> to copies of the split's features and packs them with ±k splicing.</summary>
    public static FrameDataset Normalize(SplitFeatures split, Cmvn cmvn, int context)
    {
        if (cmvn.Dim != split.Dim)
        {
            throw new ArgumentException($"CMVN has {cmvn.Dim} dims but the features have {split.Dim}.");
        }
        var normalised = split.Features.Select(f =>
        {
            var copy = (float[])f.Clone();
            cmvn.Apply(copy);
            return copy;
        }).ToArray();
        return FrameDataset.Create(normalised, split.Labels, split.Dim, context);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Dev?.Dispose();
    }
}
