using AcousticDistill.Acoustic.Audio;

namespace AcousticDistill.Gateway.Tests.Fixtures;

/// <summary>Spoken test audio from Debian's festival (installed by scripts/install-deps.sh), cached per text and rate.</summary>
public static class Speech
{
    private static readonly string s_cache = Path.Combine(Path.GetTempPath(), "acoustic-gateway-speech");

    /// <summary>A WAV file of <paramref name="text"/> at <paramref name="rate"/> Hz, followed by <paramref name="silenceSeconds"/> of silence.</summary>
    public static string Wav(string text, int rate, double silenceSeconds = 1.0)
    {
        Directory.CreateDirectory(s_cache);
        var path = Path.Combine(s_cache, $"{string.Join('_', text.Split(' '))}-{rate}-{silenceSeconds:0.0}.wav");
        if (File.Exists(path))
        {
            return path;
        }
        // Collections run in parallel and the cache outlives the run: write under a unique name, then move into place,
        // so that no test reads a half-written file or deletes another's intermediate one.
        var spoken = $"{path}.{Guid.NewGuid():N}.speech.wav";
        using (var process = Process.Start(new ProcessStartInfo("text2wave", ["-F", rate.ToString(), "-o", spoken])
               { RedirectStandardInput = true, RedirectStandardError = true })
               ?? throw new InvalidOperationException("text2wave (festival) could not be started; run scripts/install-deps.sh."))
        {
            process.StandardInput.Write(text);
            process.StandardInput.Close();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"text2wave failed: {process.StandardError.ReadToEnd()}");
        }
        var samples = WavDecoder.DecodeFile(spoken, rate).Concat(new float[(int)(rate * silenceSeconds)]).ToArray();
        var written = spoken + ".wav";
        WavWriter.WritePcm16(written, samples, rate);
        File.Delete(spoken);
        File.Move(written, path, overwrite: true);
        return path;
    }

    /// <summary>The audio of <paramref name="wav"/> as raw 16-bit little-endian PCM at <paramref name="rate"/> Hz.</summary>
    public static byte[] Pcm16(string wav, int rate) => Pcm16Encoder.Encode(WavDecoder.DecodeFile(wav, rate));
}
