using System.Text.Json;
using AcousticDistill.Acoustic.Corpus;
using AcousticDistill.Acoustic.Features;

namespace AcousticDistill.Acoustic.Decoding;

/// <summary>
/// Prior probabilities of the frame classes, for turning a classifier's posteriors into the scaled likelihoods an
/// HMM decoder needs: log p(x|c) ∝ log p(c|x) − log p(c) (the hybrid NN/HMM rule). The priors are the relative
/// frequencies of the classes in the training labels, floored so that an unseen class does not get an infinite
/// bonus. They belong to a model (its training data), so they are stored beside it as <c>MODEL.priors.json</c>
/// (<see cref="SidecarPath"/>), written by <c>acoustic decode-priors</c> or the tools that train for decoding.
/// </summary>
public sealed class ClassPriors
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };
    private readonly float[] _logPriors;

    private ClassPriors(float[] logPriors, long frames, string source)
    {
        _logPriors = logPriors;
        Frames = frames;
        Source = source;
    }

    /// <summary>Natural-log prior of each class.</summary>
    public ReadOnlySpan<float> LogPriors => _logPriors;

    /// <summary>Number of classes.</summary>
    public int Classes => _logPriors.Length;

    /// <summary>Frames the priors were counted on (0 for uniform priors).</summary>
    public long Frames { get; }

    /// <summary>Where the priors came from (a corpus name, a file, or "uniform").</summary>
    public string Source { get; }

    /// <summary>Equal priors: the posteriors are then used as they are (up to a constant).</summary>
    public static ClassPriors Uniform(int classes) =>
        new(Enumerable.Repeat((float)-Math.Log(classes), classes).ToArray(), 0, "uniform");

    /// <summary>Relative class frequencies of frame labels, each at least <paramref name="floor"/>, renormalised.</summary>
    public static ClassPriors FromLabels(IEnumerable<int[]> labels, int classes, string source, double floor = 1e-5)
    {
        if (classes <= 0 || !(floor > 0 && floor < 1.0 / classes))
        {
            throw new ArgumentException($"Need classes > 0 and 0 < floor < 1/classes; got {classes} classes, floor {floor}.");
        }
        var counts = new long[classes];
        long total = 0;
        foreach (var utterance in labels)
        {
            foreach (var label in utterance)
            {
                if ((uint)label >= (uint)classes)
                {
                    throw new InvalidDataException($"Frame label {label} is outside [0, {classes}).");
                }
                counts[label]++;
                total++;
            }
        }
        if (total == 0)
        {
            throw new InvalidDataException($"No labelled frames to estimate class priors from ({source}).");
        }
        var floored = counts.Select(c => Math.Max(floor, c / (double)total)).ToArray();
        var sum = floored.Sum();
        return new ClassPriors(floored.Select(p => (float)Math.Log(p / sum)).ToArray(), total, source);
    }

    /// <summary>Priors counted from the phone alignments of a corpus's splits (no audio is decoded).</summary>
    public static ClassPriors FromCorpus(string corpusDirectory, FbankOptions features, int classes, IReadOnlyCollection<CorpusSplit> splits,
                                         double floor = 1e-5)
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

    /// <summary>The conventional priors file of a model: <c>MODEL.priors.json</c>.</summary>
    public static string SidecarPath(string modelPath) => modelPath + ".priors.json";

    /// <summary>Writes the priors as JSON.</summary>
    public void Save(string path) => File.WriteAllBytes(path, ToJson());

    /// <summary>The priors as JSON bytes (the file format of <see cref="Save"/>, e.g. for a model store manifest).</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(new PriorsFile(Source, Frames, _logPriors), s_json);

    /// <summary>Reads priors written by <see cref="Save"/>; a clear error when the file is malformed or the class count differs.</summary>
    public static ClassPriors Load(string path, int expectedClasses) => Parse(File.ReadAllBytes(path), expectedClasses, path);

    /// <summary>Reads priors from the JSON of <see cref="ToJson"/>; <paramref name="name"/> appears in error messages.</summary>
    public static ClassPriors Parse(ReadOnlySpan<byte> json, int expectedClasses, string name)
    {
        PriorsFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PriorsFile>(json, s_json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{name} is not a class-priors file: {ex.Message}", ex);
        }
        if (file?.LogPriors is null || file.LogPriors.Length != expectedClasses || file.LogPriors.Any(p => !float.IsFinite(p) || p > 0))
        {
            throw new InvalidDataException(
                $"{name} must hold {expectedClasses} finite log priors (≤ 0) for this model; it has {file?.LogPriors?.Length ?? 0}.");
        }
        return new ClassPriors(file.LogPriors, file.Frames, file.Source ?? name);
    }

    /// <summary>The model's sidecar priors when present, else uniform priors.</summary>
    public static ClassPriors ForModel(string modelPath, int classes)
    {
        var sidecar = SidecarPath(modelPath);
        return File.Exists(sidecar) ? Load(sidecar, classes) : Uniform(classes);
    }

    private sealed record PriorsFile(string? Source, long Frames, float[] LogPriors);
}
