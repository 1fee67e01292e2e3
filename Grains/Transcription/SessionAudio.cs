using AcousticDistill.Acoustic.Audio;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// Audio decoding for a session, with every problem raised as the contract's <see cref="BadAudioException"/>: the Gateway
/// has no audio code, so the library's <see cref="AudioFormatException"/> never crosses the grain boundary.
/// </summary>
public static class SessionAudio
{
    /// <summary>The sample rate in a WAV file's header.</summary>
    public static int SampleRate(byte[] wav) => Checked(() => WavDecoder.ReadSampleRate(new MemoryStream(wav, writable: false)));

    /// <summary>Runs <paramref name="decode"/>, turning an <see cref="AudioFormatException"/> into a <see cref="BadAudioException"/> with its message.</summary>
    public static T Checked<T>(Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (AudioFormatException ex)
        {
            throw new BadAudioException(ex.Message);
        }
    }
}
