namespace AcousticDistill.Grains.Interfaces.Transcription;

/// <summary>
/// The audio given to a session cannot be decoded (not WAV, a truncated or unsupported file, raw PCM that ends in the
/// middle of a sample); the message names the problem and is meant for the client. A contract type, so that a
/// Gateway that has no audio code still tells this apart from a failure of the service.
/// </summary>
[GenerateSerializer, Alias("AcousticDistill.BadAudioException")]
public sealed class BadAudioException : Exception
{
    /// <summary>The audio is unusable for the reason in <paramref name="message"/>.</summary>
    public BadAudioException(string message) : base(message)
    {
    }

    /// <summary>The audio is unusable for the reason in <paramref name="message"/>, found by <paramref name="inner"/>.</summary>
    public BadAudioException(string message, Exception inner) : base(message, inner)
    {
    }
}
