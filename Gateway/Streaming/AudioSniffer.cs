using System.Text;

namespace AcousticDistill.Gateway.Streaming;

/// <summary>
/// Recognises the first bytes of common audio containers, so that a client sending a WAV, Ogg, FLAC, MP3 or WebM file
/// where raw PCM is expected gets a clear error instead of a transcript of noise.
/// </summary>
public static class AudioSniffer
{
    private static readonly (string Magic, string Name)[] s_containers =
    [
        ("RIFF", "a WAV (RIFF) file"), ("OggS", "an Ogg file"), ("fLaC", "a FLAC file"), ("ID3", "an MP3 file"), ("\u001aE\u00df\u00a3", "a WebM/Matroska file"),
    ];

    /// <summary>The container the bytes start with, or null when they may be raw PCM.</summary>
    public static string? Container(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, name) in s_containers)
        {
            var prefix = Encoding.Latin1.GetBytes(magic);
            if (bytes.Length >= prefix.Length && bytes[..prefix.Length].SequenceEqual(prefix))
            {
                return name;
            }
        }
        return null;
    }
}
