namespace AcousticDistill.Acoustic.Decoding;

/// <summary>One frame's row of scores, as a search takes it.</summary>
public delegate void FrameStep(ReadOnlySpan<float> row);

/// <summary>Cuts row-major scores (frames × classes) into frames for a search, refusing a partial frame.</summary>
public static class ScoreRows
{
    /// <summary>Calls <paramref name="step"/> with each frame's row of <paramref name="classes"/> scores, in order.</summary>
    public static void Feed(ReadOnlySpan<float> scores, int classes, FrameStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (scores.Length % classes != 0)
        {
            throw new ArgumentException($"{scores.Length} scores are not whole frames of {classes} classes.");
        }
        for (var start = 0; start < scores.Length; start += classes)
        {
            step(scores.Slice(start, classes));
        }
    }
}
