using System.Text.Json;

namespace AcousticDistill.Acoustic.Models;

/// <summary>
/// Prior probabilities of a model's frame classes, for turning its posteriors into the scaled likelihoods an HMM
/// decoder needs: log p(x|c) ∝ log p(c|x) − log p(c) (the hybrid NN/HMM rule). The priors are the relative frequencies
/// of the classes in the labels the model was trained on, floored so that an unseen class does not get an infinite
/// bonus. They belong to the model, so they travel inside its artifact (<see cref="ModelMetadata.Priors"/>), counted
/// when it is trained (<c>TrainedModelMetadata</c>); <c>acoustic model upgrade</c> adds them to artifacts written before.
/// </summary>
/// <param name="Source">Where the priors were counted (a corpus name).</param>
/// <param name="Frames">Labelled frames the priors were counted on.</param>
/// <param name="LogPriors">Natural-log prior of each class (finite, ≤ 0).</param>
public sealed record ClassPriors(string Source, long Frames, float[] LogPriors)
{
    /// <summary>The smallest prior a class gets when it is rare or absent in the counted labels.</summary>
    public const double DefaultFloor = 1e-5;

    /// <summary>Number of classes.</summary>
    public int Classes => LogPriors.Length;

    /// <summary>Throws a clear error unless these are <paramref name="classes"/> finite log priors (≤ 0).</summary>
    public void Validate(int classes)
    {
        if (LogPriors is null || LogPriors.Length != classes || LogPriors.Any(p => !float.IsFinite(p) || p > 0))
        {
            throw new InvalidDataException(
                $"Class priors must be {classes} finite log priors (≤ 0), one per model output; got {LogPriors?.Length ?? 0}.");
        }
    }

    /// <summary>
    /// Relative class frequencies from per-class frame counts, each at least <paramref name="floor"/>, renormalised.
    /// </summary>
    public static ClassPriors FromCounts(IReadOnlyList<long> counts, string source, double floor = DefaultFloor)
    {
        var classes = counts.Count;
        if (classes <= 0 || !(floor > 0 && floor < 1.0 / classes))
        {
            throw new ArgumentException($"Need classes > 0 and 0 < floor < 1/classes; got {classes} classes, floor {floor}.");
        }
        var total = counts.Sum();
        if (total == 0)
        {
            throw new InvalidDataException($"No labelled frames to estimate class priors from ({source}).");
        }
        var floored = counts.Select(c => Math.Max(floor, c / (double)total)).ToArray();
        var sum = floored.Sum();
        return new ClassPriors(source, total, floored.Select(p => (float)Math.Log(p / sum)).ToArray());
    }

    /// <summary>
    /// Relative class frequencies of frame labels, each at least <paramref name="floor"/>, renormalised. Frames labelled
    /// <paramref name="unlabelled"/> (e.g. unlabelled transfer audio, −1) are skipped; any other label outside
    /// [0, <paramref name="classes"/>) is an error.
    /// </summary>
    public static ClassPriors FromLabels(IEnumerable<int[]> labels, int classes, string source, double floor = DefaultFloor,
        int? unlabelled = null)
    {
        if (classes <= 0)
        {
            throw new ArgumentException($"Need classes > 0; got {classes}.");
        }
        var counts = new long[classes];
        foreach (var utterance in labels)
        {
            foreach (var label in utterance)
            {
                if (label == unlabelled)
                {
                    continue;
                }
                if ((uint)label >= (uint)classes)
                {
                    throw new InvalidDataException($"Frame label {label} is outside [0, {classes}).");
                }
                counts[label]++;
            }
        }
        return FromCounts(counts, source, floor);
    }

    /// <summary>Priors counted from the phone alignments of a corpus's splits (no audio is decoded).</summary>
    public static ClassPriors FromCorpus(string corpusDirectory, FbankOptions features, int classes, IReadOnlyCollection<CorpusSplit> splits,
                                         double floor = DefaultFloor)
    {
        var manifest = CorpusManifest.Load(corpusDirectory);
        var utterances = manifest.Utterances.Where(u => splits.Contains(u.Split)).ToArray();
        if (utterances.Length == 0)
        {
            throw new InvalidDataException($"Corpus '{manifest.Name}' has no utterances in the splits {string.Join(", ", splits)}.");
        }
        var labels = utterances.Select(u => FrameLabeler.Label(
            AlignmentFile.Read(Path.Combine(corpusDirectory, u.PhonePath)), u.NumSamples, manifest.SampleRate,
            features.WindowLength, features.WindowShift));
        return FromLabels(labels, classes, manifest.Name, floor);
    }

    /// <summary>
    /// Reads a priors file of the format that stood beside artifacts before priors moved into them
    /// (<c>MODEL.priors.json</c>: <c>{"Source", "Frames", "LogPriors"}</c>), for <c>acoustic model upgrade</c>; a clear
    /// error when the file is malformed or its class count differs from <paramref name="expectedClasses"/>.
    /// </summary>
    public static ClassPriors LoadLegacySidecar(string path, int expectedClasses)
    {
        LegacySidecar? file;
        try
        {
            file = JsonSerializer.Deserialize<LegacySidecar>(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a class-priors file: {ex.Message}", ex);
        }
        if (file?.LogPriors is null)
        {
            throw new InvalidDataException($"{path} is not a class-priors file: it has no LogPriors.");
        }
        var priors = new ClassPriors(file.Source ?? Path.GetFileName(path), file.Frames, file.LogPriors);
        try
        {
            priors.Validate(expectedClasses);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
        return priors;
    }

    private sealed record LegacySidecar(string? Source, long Frames, float[]? LogPriors);
}
