using System.Globalization;

namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>
/// CMU Flite through <c>flite -voice NAME -psdur -t TEXT -o out.wav</c>, one process per utterance (a flite
/// start costs ~20 ms). <c>-psdur</c> prints every segment as <c>name:end</c> in seconds. Flite reports no
/// word times (<c>-pw</c> prints names only), so the words of an utterance all carry the span of its speech.
/// Rate: <c>--setf duration_stretch</c>; pitch: <c>--setf int_f0_target_mean</c> = the voice's nominal mean
/// F0 × the pitch factor.
/// </summary>
public sealed class FliteSynthesizer : ISpeechSynthesizer
{
    private const string Tool = "flite";

    /// <summary>
    /// Nominal mean F0 (Hz) of the flite voices, the base the pitch factor scales. Approximate: flite does not
    /// print a voice's own value; these are typical of the speakers (kal/awb/rms male, slt female).
    /// </summary>
    private static readonly Dictionary<string, double> s_nominalF0 = new(StringComparer.Ordinal)
    {
        ["kal"] = 95, ["kal16"] = 95, ["awb"] = 110, ["rms"] = 100, ["slt"] = 170,
    };

    private readonly TimeSpan _timeout;

    /// <summary>Creates the synthesizer for a flite voice (<c>flite -lv</c>: kal, kal16, awb, rms, slt).</summary>
    public FliteSynthesizer(VoiceSpec voice, TimeSpan? timeout = null)
    {
        if (voice.Engine != SynthesisEngine.Flite)
        {
            throw new ArgumentException($"{voice} is not a flite voice.", nameof(voice));
        }
        if (!s_nominalF0.ContainsKey(voice.EngineVoice))
        {
            throw new ArgumentException($"flite voice '{voice.EngineVoice}' is not one of {string.Join(", ", s_nominalF0.Keys)}.", nameof(voice));
        }
        Voice = voice;
        _timeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    /// <inheritdoc />
    public VoiceSpec Voice { get; }

    /// <summary>True when the flite program is on PATH.</summary>
    public static bool IsAvailable() => ExternalTool.IsOnPath(Tool);

    /// <inheritdoc />
    public IReadOnlyList<EngineUtterance> Synthesize(IReadOnlyList<SynthesisRequest> requests, CancellationToken cancellationToken = default)
    {
        var work = Directory.CreateTempSubdirectory("flite-");
        try
        {
            return requests.Select(r => SynthesizeOne(r, work.FullName, cancellationToken)).ToList();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private EngineUtterance SynthesizeOne(SynthesisRequest request, string workDirectory, CancellationToken cancellationToken)
    {
        var wav = Path.Combine(workDirectory, "out.wav");
        File.Delete(wav);
        var f0 = s_nominalF0[Voice.EngineVoice] * request.Prosody.PitchFactor;
        var result = ExternalTool.Run(Tool,
        [
            "-voice", Voice.EngineVoice,
            "--setf", FormattableString.Invariant($"duration_stretch={request.Prosody.DurationStretch:0.####}"),
            "--setf", FormattableString.Invariant($"int_f0_target_mean={f0:0.#}"),
            "-psdur", "-t", request.Text, "-o", wav,
        ], workDirectory, _timeout, cancellationToken);
        if (result.ExitCode != 0 || !File.Exists(wav))
        {
            throw new SynthesisException($"flite ({Voice.EngineVoice}) failed on '{request.Text}' (exit {result.ExitCode}): {result.StandardError.Trim()}");
        }
        var (samples, rate) = EngineWav.Read(wav);
        var phones = ParseSegments(result.StandardOutput, rate);
        var speechStart = phones.FirstOrDefault(p => p.Label != "pau")?.StartSample ?? 0;
        var speechEnd = phones.LastOrDefault(p => p.Label != "pau")?.EndSample ?? samples.Length;
        var words = WordsOf(request.Text).Select(w => new TimedSegment(speechStart, speechEnd, w)).ToList();
        return new EngineUtterance(request, samples, rate, phones, words, WordTimesKnown: false);
    }

    /// <summary>Parses <c>-psdur</c> output: <c>pau:0.164 hh:0.255 ...</c> (end times in seconds).</summary>
    internal static List<TimedSegment> ParseSegments(string output, int sampleRate)
    {
        var phones = new List<TimedSegment>();
        long previousEnd = 0;
        foreach (var token in output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = token.LastIndexOf(':');
            if (colon <= 0 || !double.TryParse(token[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                throw new SynthesisException($"flite -psdur output not understood at '{token}'.");
            }
            var end = Math.Max(previousEnd, (long)Math.Round(seconds * sampleRate));
            phones.Add(new TimedSegment(previousEnd, end, token[..colon]));
            previousEnd = end;
        }
        return phones;
    }

    internal static IEnumerable<string> WordsOf(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(',', '.', ';', ':', '!', '?', '"', '-'))
            .Where(w => w.Length > 0);
}
