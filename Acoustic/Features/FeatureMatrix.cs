namespace AcousticDistill.Acoustic.Features;

/// <summary>
/// A frames × dim matrix of features in one row-major float array, so that it can be handed to
/// tensors and files without copying row by row.
/// </summary>
public sealed class FeatureMatrix
{
    /// <summary>Wraps <paramref name="data"/> (not copied), which must hold exactly frames × dim values.</summary>
    public FeatureMatrix(float[] data, int frames, int dim)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (frames < 0 || dim < 0)
        {
            throw new ArgumentException($"Frames and dim must not be negative, got {frames} × {dim}.");
        }
        if ((long)frames * dim != data.Length)
        {
            throw new ArgumentException($"A {frames} × {dim} matrix needs {(long)frames * dim} values, got {data.Length}.");
        }
        Data = data;
        Frames = frames;
        Dim = dim;
    }

    /// <summary>Creates a zero-filled matrix.</summary>
    public FeatureMatrix(int frames, int dim)
        : this(new float[checked(Math.Max(frames, 0) * Math.Max(dim, 0))], frames, dim)
    {
    }

    /// <summary>All values, row after row.</summary>
    public float[] Data { get; }

    /// <summary>Number of rows (frames).</summary>
    public int Frames { get; }

    /// <summary>Number of columns (values per frame).</summary>
    public int Dim { get; }

    /// <summary>One value.</summary>
    public float this[int frame, int index]
    {
        get => Row(frame)[index];
        set => Row(frame)[index] = value;
    }

    /// <summary>The values of frame <paramref name="frame"/>.</summary>
    public Span<float> Row(int frame)
    {
        if ((uint)frame >= (uint)Frames)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), frame, $"Frame index must be in [0, {Frames}).");
        }
        return Data.AsSpan(frame * Dim, Dim);
    }
}
