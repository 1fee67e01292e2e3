namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// The one definition of ±k splicing, shared by serving and training: output row t of an utterance is its frames
/// t−k … t+k concatenated in that order (dimension (2k+1)·d), and a frame beyond either end of the utterance is
/// replaced by the first or last frame, like Kaldi's <c>splice-feats --left-context=k --right-context=k</c>.
/// Serving splices feature matrices with <see cref="Splice"/>; training (<c>FrameDataset</c>) stores the same
/// neighbour indices from <see cref="WriteNeighbours"/> and gathers rows per batch, so both read identical rows.
/// </summary>
public sealed class FrameSplicer
{
    /// <summary>Creates a splicer with <paramref name="context"/> frames on each side (0 copies the input).</summary>
    public FrameSplicer(int context)
    {
        if (context < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(context), context, "Splice context must be zero or positive.");
        }
        Context = context;
    }

    /// <summary>Frames of context on each side.</summary>
    public int Context { get; }

    /// <summary>Input frames concatenated into one output row (2k+1).</summary>
    public int Width => (2 * Context) + 1;

    /// <summary>Output dimension for input frames of <paramref name="inputDim"/> values.</summary>
    public int OutputDim(int inputDim) => Width * inputDim;

    /// <summary>
    /// The edge rule: the frame of an utterance of <paramref name="frames"/> frames read at <paramref name="offset"/>
    /// (−k … k) from frame <paramref name="frame"/>; past either end it is the first or last frame.
    /// </summary>
    public static int Neighbour(int frame, int offset, int frames) => Math.Clamp(frame + offset, 0, frames - 1);

    /// <summary>
    /// Writes, for each frame of an utterance of <paramref name="frames"/> frames, the indices of the <see cref="Width"/>
    /// frames its output row concatenates, in row order, each plus <paramref name="first"/> (the utterance's first row
    /// in a larger table): <paramref name="frames"/> × <see cref="Width"/> values.
    /// </summary>
    public void WriteNeighbours(int frames, long first, Span<long> destination)
    {
        if (destination.Length < (long)frames * Width)
        {
            throw new ArgumentException($"{frames} frames need {(long)frames * Width} neighbour slots; got {destination.Length}.");
        }
        var slot = 0;
        for (var t = 0; t < frames; t++)
        {
            for (var offset = -Context; offset <= Context; offset++)
            {
                destination[slot++] = first + Neighbour(t, offset, frames);
            }
        }
    }

    /// <summary>The spliced features; the frame count is unchanged.</summary>
    public FeatureMatrix Splice(FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var dim = features.Dim;
        var result = new FeatureMatrix(features.Frames, OutputDim(dim));
        var source = features.Data.AsSpan();
        for (var t = 0; t < features.Frames; t++)
        {
            var row = result.Row(t);
            for (var offset = -Context; offset <= Context; offset++)
            {
                var neighbour = Neighbour(t, offset, features.Frames);
                source.Slice(neighbour * dim, dim).CopyTo(row.Slice((offset + Context) * dim, dim));
            }
        }
        return result;
    }
}
