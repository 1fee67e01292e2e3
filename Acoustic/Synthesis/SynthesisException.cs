namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>An engine failed (missing tool or voice, non-zero exit, output it could not parse). The message says which.</summary>
public sealed class SynthesisException : Exception
{
    /// <summary>Creates the exception with a message naming the engine and the problem.</summary>
    public SynthesisException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the lower-level error.</summary>
    public SynthesisException(string message, Exception inner) : base(message, inner)
    {
    }
}
