namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// Stacks each frame with its <see cref="Context"/> neighbours on both sides, like Kaldi's
/// <c>splice-feats --left-context=k --right-context=k</c>: output row t is frames t−k … t+k concatenated
/// (dimension (2k+1)·d), and frames beyond either end are replaced by the first or last frame.
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

    /// <summary>Output dimension for input frames of <paramref name="inputDim"/> values.</summary>
    public int OutputDim(int inputDim) => ((2 * Context) + 1) * inputDim;

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
                var neighbour = Math.Clamp(t + offset, 0, features.Frames - 1);
                source.Slice(neighbour * dim, dim).CopyTo(row.Slice((offset + Context) * dim, dim));
            }
        }
        return result;
    }
}
