namespace AcousticDistill.Acoustic.Decoding;

/// <summary>Pruning of the beam search (Kaldi-like defaults for scores on the log-likelihood scale).</summary>
public sealed record DecoderOptions
{
    /// <summary>Tokens scoring more than this below the frame's best are dropped.</summary>
    public float Beam { get; init; } = 16f;

    /// <summary>At most this many states stay active per frame (the best ones).</summary>
    public int MaxActive { get; init; } = 7000;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (!(Beam > 0) || !float.IsFinite(Beam) || MaxActive < 1)
        {
            throw new ArgumentException($"The beam must be positive and finite and max-active at least 1; got {Beam}, {MaxActive}.");
        }
    }
}
