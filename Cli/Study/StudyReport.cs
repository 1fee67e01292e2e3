using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AcousticDistill.Cli.Study;

/// <summary>The study's results: every seed's rows, the summary over seeds with the claims, and the runs it took.</summary>
internal sealed record StudyReport(
    StudyConfig Config,
    double TrainingHours,
    long TrainFrames,
    long DevFrames,
    long TestFrames,
    IReadOnlyDictionary<int, IReadOnlyList<StudyRow>> Seeds,
    StudySummary Summary,
    IReadOnlyList<JsonElement> Runs)
{
    public string Markdown()
    {
        static string Pct(double? value) => value is not { } v || double.IsNaN(v) ? "–" : (100 * v).ToString("F2", CultureInfo.InvariantCulture);
        static string Sd(double? value) => value is not { } v || double.IsNaN(v) ? "" : " ± " + (100 * v).ToString("F2", CultureInfo.InvariantCulture);
        static string Num(double? value) => value is not { } v || double.IsNaN(v) ? "–" : v.ToString("F3", CultureInfo.InvariantCulture);
        var wall = Runs.Sum(r => r.GetProperty("wall_seconds").GetDouble());
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Corpus `{Config.CorpusName}`, scale `{Config.Scale.Name}` ({Config.Scale.Members} teachers of {Config.Scale.TeacherLayers}×{Config.Scale.TeacherWidth}), seeds {string.Join(", ", Summary.Seeds)}: {TrainingHours:F2} h of training speech ({TrainFrames:N0} frames), dev {DevFrames:N0} frames, test {TestFrames:N0} frames; {wall / 60:F1} min wall over {Runs.Count} run(s).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| model | test frame acc. % (mean ± sd) | test WER % | {Config.HeldOutName ?? "held-out"} frame acc. % | params | MACs/frame | computed on |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in Summary.Rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Name} | {Pct(row.FrameAccuracyMean)}{Sd(row.FrameAccuracySd)} | {Pct(row.WerMean)}{Sd(row.WerSd)} | {Pct(row.HeldOutFrameAccuracyMean)}{Sd(row.HeldOutFrameAccuracySd)} | {row.Parameters:N0} | {row.MacsPerFrame:N0} | {string.Join(", ", row.Devices)} |");
        }
        text.AppendLine();
        text.AppendLine("| claim | effect (mean) | 95% interval (paired t over seeds; the bootstrap when one seed) | bootstrap over test utterances | per seed | holds | rule |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var claim in Summary.Claims)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {claim.Claim} | {Num(claim.EffectMean)} | [{Num(claim.CiLow)}, {Num(claim.CiHigh)}] | [{Num(claim.BootstrapCiLow)}, {Num(claim.BootstrapCiHigh)}] | {string.Join(", ", claim.PerSeed.Select(v => Num(v)))} | {(claim.Holds ? "yes" : "no")} | {claim.Rule} |");
        }
        foreach (var (seed, rows) in Seeds)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Seed {seed}:");
            text.AppendLine();
            text.AppendLine("| model | T | α | test frame acc. % | dev frame acc. % | test WER % | held-out frame acc. % | covered-class acc. % | params | train frames/s | note |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var row in rows)
            {
                var name = row.Selected == true ? $"**{row.Name}** (dev-selected)" : row.Name;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} | {row.Temperature?.ToString(CultureInfo.InvariantCulture) ?? ""} | {row.Alpha?.ToString(CultureInfo.InvariantCulture) ?? ""} | {Pct(row.FrameAccuracy)} | {Pct(row.DevFrameAccuracy)} | {Pct(row.Wer)} | {Pct(row.HeldOutFrameAccuracy)} | {Pct(row.CoveredFrameAccuracy)} | {row.Params:N0} | {row.TrainFramesPerSecond?.ToString("N0", CultureInfo.InvariantCulture) ?? ""} | {row.Note ?? ""} |");
            }
        }
        return text.ToString();
    }
}
