using System.Globalization;
using System.Text;

namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>
/// Festival through <c>festival -b script.scm</c>: one process per batch (loading a voice costs ~0.3 s),
/// each utterance made with <c>utt.synth</c>, saved with <c>utt.save.wave</c>, and its Segment relation
/// (end times in seconds) and word spans (first segment start to last segment end, via SylStructure) written
/// by a small Scheme function. Rate: <c>Duration_Stretch</c> (diphone voices) or the HTS engine's
/// <c>-r</c>; pitch: <c>int_lr_params</c> target mean/std (diphone voices only: this festival build ignores the HTS
/// engine's <c>-fm</c> half-tone shift, checked by comparing outputs, so the HTS voice varies in rate alone).
/// </summary>
public sealed class FestivalSynthesizer : ISpeechSynthesizer
{
    private const string Tool = "festival";
    private readonly TimeSpan _timeoutPerUtterance;

    /// <summary>Creates the synthesizer for a festival voice function such as <c>voice_kal_diphone</c>.</summary>
    public FestivalSynthesizer(VoiceSpec voice, TimeSpan? timeoutPerUtterance = null)
    {
        if (voice.Engine != SynthesisEngine.Festival)
        {
            throw new ArgumentException($"{voice} is not a festival voice.", nameof(voice));
        }
        if (!voice.EngineVoice.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{voice.EngineVoice}' is not a festival voice function name.", nameof(voice));
        }
        Voice = voice;
        _timeoutPerUtterance = timeoutPerUtterance ?? TimeSpan.FromSeconds(30);
    }

    /// <inheritdoc />
    public VoiceSpec Voice { get; }

    /// <summary>True when the festival program is on PATH.</summary>
    public static bool IsAvailable() => ExternalTool.IsOnPath(Tool);

    /// <inheritdoc />
    public IReadOnlyList<EngineUtterance> Synthesize(IReadOnlyList<SynthesisRequest> requests, CancellationToken cancellationToken = default)
    {
        if (requests.Count == 0)
        {
            return [];
        }
        var work = Directory.CreateTempSubdirectory("festival-");
        try
        {
            var script = new StringBuilder();
            script.Append(ScriptPrelude(Voice.EngineVoice));
            for (var i = 0; i < requests.Count; i++)
            {
                var prosody = requests[i].Prosody;
                script.Append(CultureInfo.InvariantCulture,
                    $"(ad_say \"{Escape(requests[i].Text)}\" \"u{i}.wav\" \"u{i}.lab\" {prosody.DurationStretch:0.####} {prosody.PitchFactor:0.####})\n");
            }
            File.WriteAllText(Path.Combine(work.FullName, "script.scm"), script.ToString());
            var result = ExternalTool.Run(Tool, ["-b", "script.scm"], work.FullName,
                                          _timeoutPerUtterance * (requests.Count + 1), cancellationToken);
            var utterances = new List<EngineUtterance>(requests.Count);
            for (var i = 0; i < requests.Count; i++)
            {
                var wav = Path.Combine(work.FullName, $"u{i}.wav");
                var lab = Path.Combine(work.FullName, $"u{i}.lab");
                if (!File.Exists(wav) || !File.Exists(lab))
                {
                    throw new SynthesisException(
                        $"festival ({Voice.EngineVoice}) made no output for '{requests[i].Text}' (exit {result.ExitCode}): {Tail(result.StandardError + result.StandardOutput)}");
                }
                utterances.Add(Parse(requests[i], wav, lab));
            }
            return utterances;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static EngineUtterance Parse(SynthesisRequest request, string wavPath, string labPath)
    {
        var (samples, rate) = EngineWav.Read(wavPath);
        long ToSample(string seconds) =>
            (long)Math.Round(double.Parse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture) * rate);
        var phones = new List<TimedSegment>();
        var words = new List<TimedSegment>();
        long previousEnd = 0;
        foreach (var line in File.ReadLines(labPath))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && parts[0] == "P")
            {
                var end = ToSample(parts[2]);
                phones.Add(new TimedSegment(previousEnd, Math.Max(previousEnd, end), parts[1]));
                previousEnd = Math.Max(previousEnd, end);
            }
            else if (parts.Length == 4 && parts[0] == "W")
            {
                words.Add(new TimedSegment(ToSample(parts[2]), ToSample(parts[3]), parts[1]));
            }
            else
            {
                throw new SynthesisException($"festival alignment line not understood: '{line}' in {labPath}.");
            }
        }
        return new EngineUtterance(request, samples, rate, phones, words, WordTimesKnown: true);
    }

    private static string ScriptPrelude(string voice) => $$"""
        ({{voice}})
        (define ad_base_lr (if (boundp 'int_lr_params) int_lr_params nil))
        (define ad_base_hts (if (boundp 'hts_engine_params) hts_engine_params nil))
        (define (ad_scale_lr p f0)
          (if (or (equal? (car p) 'target_f0_mean) (equal? (car p) 'target_f0_std))
              (list (car p) (* f0 (car (cdr p))))
              p))
        (define (ad_prosody stretch f0)
          (if ad_base_hts
              (set! hts_engine_params (append ad_base_hts (list (list "-r" (/ 1.0 stretch)))))
              (begin
                (Parameter.set 'Duration_Stretch stretch)
                (if ad_base_lr (set! int_lr_params (mapcar (lambda (p) (ad_scale_lr p f0)) ad_base_lr))))))
        (define (ad_dump utt path)
          (let ((fd (fopen path "w")))
            (mapcar (lambda (s) (format fd "P %s %f\n" (item.name s) (item.feat s "end")))
                    (utt.relation.items utt 'Segment))
            (mapcar (lambda (w) (format fd "W %s %f %f\n" (item.name w)
                      (item.feat w "R:SylStructure.daughter1.daughter1.segment_start")
                      (item.feat w "R:SylStructure.daughtern.daughtern.segment_end")))
                    (utt.relation.items utt 'Word))
            (fclose fd)))
        (define (ad_say text wav lab stretch f0)
          (ad_prosody stretch f0)
          (let ((utt (utt.synth (eval (list (quote Utterance) (quote Text) text)))))
            (utt.save.wave utt wav 'riff)
            (ad_dump utt lab)))

        """;

    private static string Escape(string text) => text.Replace("\\", " ", StringComparison.Ordinal).Replace("\"", " ", StringComparison.Ordinal);

    private static string Tail(string text) => text.Length <= 400 ? text.Trim() : text[^400..].Trim();
}
