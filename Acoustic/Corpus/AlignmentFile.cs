using System.Globalization;

namespace AcousticDistill.Acoustic.Corpus;

/// <summary>Reads and writes TIMIT-style alignment files: one <c>start end label</c> line per segment, in samples.</summary>
public static class AlignmentFile
{
    /// <summary>Reads an alignment; a clear error naming the file and line for anything malformed.</summary>
    public static IReadOnlyList<TimedSegment> Read(string path)
    {
        var segments = new List<TimedSegment>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3
                || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
                || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var end)
                || start < 0 || end < start)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected 'start end label' with 0 <= start <= end, got '{line}'.");
            }
            segments.Add(new TimedSegment(start, end, parts[2]));
        }
        return segments;
    }

    /// <summary>Writes an alignment.</summary>
    public static void Write(string path, IEnumerable<TimedSegment> segments)
    {
        using var writer = new StreamWriter(path);
        foreach (var s in segments)
        {
            writer.Write(s.StartSample.ToString(CultureInfo.InvariantCulture));
            writer.Write(' ');
            writer.Write(s.EndSample.ToString(CultureInfo.InvariantCulture));
            writer.Write(' ');
            writer.WriteLine(s.Label);
        }
    }
}
