using AcousticDistill.Acoustic.Alignment;

namespace AcousticDistill.Cli.Commands;

/// <summary><c>acoustic align</c>: forced alignment of one WAV file to its transcript; phone and word segments and frame labels.</summary>
internal sealed class AlignCommand : Command<AlignCommand.Settings>
{
    public sealed class Settings : WavFileSettings
    {
        [CommandOption("--text <TEXT>"), Description("What is said, e.g. \"three one four\".")]
        public string Text { get; init; } = "";

        [CommandOption("--out <PREFIX>"), Description("Also write PREFIX.phn and PREFIX.wrd (TIMIT-style, in samples at the model's rate).")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Wav) || string.IsNullOrWhiteSpace(Text)
                ? ValidationResult.Error("--wav and --text are required.")
                : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scorer = settings.LoadScorer();
        var aligner = new ForcedAligner(scorer, settings.LoadLexicon(), settings.GraphOptions());
        var samples = settings.ReadAudio(settings.Wav, scorer.SampleRate);
        var result = aligner.Align(samples, settings.Text);
        if (settings.Out is not null)
        {
            AlignmentFile.Write(settings.Out + ".phn", result.Phones);
            AlignmentFile.Write(settings.Out + ".wrd", result.Words);
        }

        var rate = (double)scorer.SampleRate;
        var summary = new
        {
            wav = settings.Wav,
            sample_rate = scorer.SampleRate,
            frames = result.Frames,
            log_score_per_frame = result.LogScorePerFrame,
            priors = scorer.Priors.Source,
            words = result.Words.Select(w => Segment(w, rate)),
            phones = result.Phones.Select(p => Segment(p, rate)),
            frame_labels = result.FrameLabels.Select(PhoneSet.ClassName),
        };
        JsonOutput.Print(settings.Json, summary, () =>
        {
            foreach (var w in result.Words)
            {
                AnsiConsole.MarkupLineInterpolated($"[bold]{w.Label}[/] {w.StartSample / rate:F2}–{w.EndSample / rate:F2} s");
            }
            AnsiConsole.WriteLine(string.Join(' ', result.Phones.Select(p => $"{p.Label}({p.StartSample / rate:F2})")));
        });
        return 0;
    }

    private static object Segment(TimedSegment s, double rate) => new
    {
        label = s.Label,
        start_sample = s.StartSample,
        end_sample = s.EndSample,
        start = Math.Round(s.StartSample / rate, 4),
        end = Math.Round(s.EndSample / rate, 4),
    };
}
