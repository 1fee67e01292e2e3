using System.Globalization;
using System.Text;

namespace AcousticDistill.Acoustic.Corpus;

/// <summary>
/// Reads NIST SPHERE audio as TIMIT ships it: an ASCII header (<c>NIST_1A</c>, header size, then
/// <c>name -type value</c> lines up to <c>end_head</c>) followed by uncompressed 16-bit PCM. Shorten-compressed
/// or other sample codings are refused with a message saying how to convert them.
/// </summary>
public static class SphereReader
{
    /// <summary>True when the file starts with the SPHERE magic <c>NIST_1A</c>.</summary>
    public static bool IsSphere(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[7];
        return stream.ReadAtLeast(magic, 7, throwOnEndOfStream: false) == 7 && Encoding.ASCII.GetString(magic) == "NIST_1A";
    }

    /// <summary>Mono samples in [-1, 1] (channels averaged) and the file's sample rate.</summary>
    public static (float[] Samples, int SampleRate) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 16 || Encoding.ASCII.GetString(bytes, 0, 7) != "NIST_1A")
        {
            throw new AudioFormatException($"{path} is not a NIST SPHERE file (no NIST_1A header).");
        }
        var headerLines = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).Split('\n');
        if (headerLines.Length < 2 || !int.TryParse(headerLines[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var headerSize)
            || headerSize < 16 || headerSize > bytes.Length)
        {
            throw new AudioFormatException($"{path}: SPHERE header size line is missing or impossible.");
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Encoding.ASCII.GetString(bytes, 0, headerSize).Split('\n').Skip(2))
        {
            var trimmed = line.Trim();
            if (trimmed == "end_head")
            {
                break;
            }
            var parts = trimmed.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3)
            {
                fields[parts[0]] = parts[2];
            }
        }
        int Field(string name, int fallback) =>
            fields.TryGetValue(name, out var v) ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
        var rate = Field("sample_rate", 0);
        var width = Field("sample_n_bytes", 2);
        var channels = Field("channel_count", 1);
        var coding = fields.GetValueOrDefault("sample_coding", "pcm");
        var byteFormat = fields.GetValueOrDefault("sample_byte_format", "01");
        if (rate <= 0 || channels < 1)
        {
            throw new AudioFormatException($"{path}: SPHERE header lacks a sample_rate or channel_count.");
        }
        if (width != 2 || coding != "pcm" || byteFormat is not ("01" or "10"))
        {
            throw new AudioFormatException(
                $"{path}: only uncompressed 16-bit SPHERE is read (this one is {width}-byte '{coding}', byte format '{byteFormat}'); convert it with sph2pipe -f wav.");
        }
        var frameCount = (bytes.Length - headerSize) / (2 * channels);
        if (fields.ContainsKey("sample_count"))
        {
            frameCount = Math.Min(frameCount, Field("sample_count", frameCount));
        }
        var samples = new float[frameCount];
        var bigEndian = byteFormat == "10";
        for (var i = 0; i < frameCount; i++)
        {
            var sum = 0f;
            for (var c = 0; c < channels; c++)
            {
                var at = headerSize + 2 * (i * channels + c);
                var value = bigEndian ? (short)(bytes[at] << 8 | bytes[at + 1]) : (short)(bytes[at] | bytes[at + 1] << 8);
                sum += value / 32768f;
            }
            samples[i] = sum / channels;
        }
        return (samples, rate);
    }
}
