namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// The one exception audio ingest raises for input it cannot use: not RIFF/WAVE, truncated header or data,
/// unsupported codec, zero channels, absurd sizes, wrong raw-stream framing. The message names the problem.
/// </summary>
public sealed class AudioFormatException : Exception
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    public AudioFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the lower-level error that revealed the problem.</summary>
    public AudioFormatException(string message, Exception inner) : base(message, inner)
    {
    }
}
