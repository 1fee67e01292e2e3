using TorchSharp;
using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Training;

/// <summary>
/// Frames of many utterances held as tensors for minibatch training: normalised features [frames, dim],
/// optional labels [frames], and for each frame the indices of its ±k neighbours inside its own utterance, as
/// <see cref="FrameSplicer"/> (the serving splicer) defines them: same edge rule, same row layout. Splicing happens
/// per batch by gathering, so memory stays at one copy of the features instead of (2k+1).
/// </summary>
public sealed class FrameDataset : IDisposable
{
    private FrameDataset(Tensor features, Tensor? labels, Tensor neighbours, int context, IReadOnlyList<int> utteranceFrames)
    {
        Features = features;
        Labels = labels;
        Neighbours = neighbours;
        Context = context;
        UtteranceFrames = utteranceFrames;
    }

    /// <summary>Normalised features, shape [frames, dim], float32.</summary>
    public Tensor Features { get; private set; }

    /// <summary>Frame-class labels, shape [frames], int64; null for unlabelled audio.</summary>
    public Tensor? Labels { get; private set; }

    /// <summary>Neighbour frame indices, shape [frames, 2k+1], int64.</summary>
    public Tensor Neighbours { get; private set; }

    /// <summary>Frames of context on each side.</summary>
    public int Context { get; }

    /// <summary>Frames per utterance, in order.</summary>
    public IReadOnlyList<int> UtteranceFrames { get; }

    /// <summary>Number of frames (rows of <see cref="Neighbours"/>; a subset shares a larger feature table).</summary>
    public long Count => Neighbours.shape[0];

    /// <summary>Feature dimension of one frame.</summary>
    public int FeatureDim => (int)Features.shape[1];

    /// <summary>
    /// Builds a dataset from per-utterance feature matrices (row-major, <paramref name="featureDim"/> columns)
    /// and optional per-utterance frame labels (same frame counts).
    /// </summary>
    public static FrameDataset Create(IReadOnlyList<float[]> utterances, IReadOnlyList<int[]>? labels, int featureDim, int context)
    {
        if (labels is not null && labels.Count != utterances.Count)
        {
            throw new ArgumentException($"{utterances.Count} utterances but {labels.Count} label arrays.");
        }
        var frameCounts = new int[utterances.Count];
        long total = 0;
        for (var u = 0; u < utterances.Count; u++)
        {
            if (utterances[u].Length % featureDim != 0)
            {
                throw new ArgumentException($"Utterance {u} has {utterances[u].Length} values, not a multiple of dim {featureDim}.");
            }
            frameCounts[u] = utterances[u].Length / featureDim;
            if (labels is not null && labels[u].Length != frameCounts[u])
            {
                throw new ArgumentException($"Utterance {u} has {frameCounts[u]} frames but {labels[u].Length} labels.");
            }
            total += frameCounts[u];
        }

        var splicer = new FrameSplicer(context);
        var features = new float[total * featureDim];
        var labelValues = labels is null ? null : new long[total];
        var width = splicer.Width;
        var neighbours = new long[total * width];
        long start = 0;
        for (var u = 0; u < utterances.Count; u++)
        {
            utterances[u].CopyTo(features, start * featureDim);
            var n = frameCounts[u];
            if (labelValues is not null)
            {
                for (var t = 0; t < n; t++)
                {
                    labelValues[start + t] = labels![u][t];
                }
            }
            splicer.WriteNeighbours(n, start, neighbours.AsSpan((int)(start * width), n * width));
            start += n;
        }

        return new FrameDataset(
            tensor(features, [total, featureDim]),
            labelValues is null ? null : tensor(labelValues, [total]),
            tensor(neighbours, [total, width]),
            context,
            frameCounts);
    }

    /// <summary>
    /// A dataset of the frames <paramref name="frameIndices"/> of this one (in that order, repeats allowed), sharing this
    /// dataset's feature table (no copy) but with its own neighbour and label rows, so a trainer can run over an enriched
    /// or filtered subset unchanged. <paramref name="labels"/> replaces the labels of the chosen frames (e.g. remapped
    /// to a specialist's outputs); by default they are this dataset's labels of those frames. Its
    /// <see cref="UtteranceFrames"/> is empty: a subset has no utterance structure of its own.
    /// </summary>
    public FrameDataset Subset(long[] frameIndices, long[]? labels = null)
    {
        if (labels is not null && labels.Length != frameIndices.Length)
        {
            throw new ArgumentException($"{frameIndices.Length} frames chosen but {labels.Length} labels given.");
        }
        var count = Count;
        foreach (var index in frameIndices)
        {
            if (index < 0 || index >= count)
            {
                throw new ArgumentOutOfRangeException(nameof(frameIndices), $"Frame {index} is outside the dataset's {count} frames.");
            }
        }
        using var rows = tensor(frameIndices, device: Neighbours.device);
        Tensor? subsetLabels = labels is not null
            ? tensor(labels, device: Neighbours.device)
            : Labels?.index_select(0, rows);
        // alias(): a second handle on the same native tensor, so disposing either dataset leaves the other intact.
        return new FrameDataset(Features.alias(), subsetLabels, Neighbours.index_select(0, rows), Context, []);
    }

    /// <summary>
    /// Spliced input for the given frame indices: shape [n, (2k+1)·dim], each row equal to that frame's row of
    /// <see cref="FrameSplicer.Splice"/> over its utterance.
    /// </summary>
    public Tensor Splice(Tensor frameIndices)
    {
        var rows = Neighbours.index_select(0, frameIndices).view(-1);
        return Features.index_select(0, rows).view(frameIndices.shape[0], -1);
    }

    /// <summary>Moves the tensors to a device (e.g. CUDA) so batches need no host-to-device copies.</summary>
    public void MoveTo(Device device)
    {
        if (Features.device_type == device.type && Features.device_index == device.index)
        {
            return;
        }
        Features = Replace(Features, Features.to(device));
        Labels = Labels is null ? null : Replace(Labels, Labels.to(device));
        Neighbours = Replace(Neighbours, Neighbours.to(device));
    }

    private static Tensor Replace(Tensor old, Tensor moved)
    {
        old.Dispose();
        return moved;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Features.Dispose();
        Labels?.Dispose();
        Neighbours.Dispose();
    }
}
