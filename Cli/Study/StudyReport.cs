using System.Globalization;
using System.Text;

namespace AcousticDistill.Cli.Study;

/// <summary>The study's results: rows, derived figures against the targets, and how it was run.</summary>
internal sealed record StudyReport(
    string Corpus,
    string Scale,
    int Members,
    double TrainingHours,
    long TrainFrames,
    long DevFrames,
    long TestFrames,
    IReadOnlyList<StudyRow> Rows,
    IReadOnlyDictionary<string, double> Figures,
    double WallSeconds)
{
    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "study.json"), JsonOutput.Serialize(this));
        File.WriteAllText(Path.Combine(directory, "study.md"), Markdown());
    }

    public string Markdown()
    {
        static string Pct(double value) => double.IsNaN(value) ? "–" : (100 * value).ToString("F2", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Corpus `{Corpus}`, scale `{Scale}` ({Members} teachers): {TrainingHours:F2} h of training speech ({TrainFrames:N0} frames), dev {DevFrames:N0} frames, test {TestFrames:N0} frames; {WallSeconds / 60:F1} min wall.");
        text.AppendLine();
        text.AppendLine("| model | T | α | test frame acc. % | dev frame acc. % | covered-class acc. % | params | MACs/frame | train frames/s | note |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in Rows)
        {
            var name = row.Selected == true ? $"**{row.Name}** (dev-selected)" : row.Name;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {row.Temperature?.ToString(CultureInfo.InvariantCulture) ?? ""} | {row.Alpha?.ToString(CultureInfo.InvariantCulture) ?? ""} | {Pct(row.FrameAccuracy)} | {Pct(row.DevFrameAccuracy)} | {(row.CoveredFrameAccuracy is { } c ? Pct(c) : "")} | {row.Params:N0} | {row.InferenceMacsPerFrame:N0} | {row.TrainFramesPerSecond?.ToString("N0", CultureInfo.InvariantCulture) ?? ""} | {row.Note ?? ""} |");
        }
        text.AppendLine();
        foreach (var (name, value) in Figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {value:G4}");
        }
        return text.ToString();
    }
}
