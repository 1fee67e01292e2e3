using System.Collections.Frozen;

namespace AcousticDistill.Acoustic.Phones;

/// <summary>
/// An explicit table from one source's phone names (an engine's or a corpus's) to <see cref="PhoneSet"/> names.
/// Each source name maps to zero phones (dropped: its time goes to the phone before it, or after it at the
/// start), one phone, or several (a diphthong + r the source writes as one symbol; its span is split equally).
/// Names not in the table are an error, never silently guessed.
/// </summary>
public sealed class PhoneMappingTable
{
    private readonly FrozenDictionary<string, string[]> _entries;

    /// <summary>Creates a table; every target must be a <see cref="PhoneSet"/> phone.</summary>
    public PhoneMappingTable(string sourceName, IReadOnlyDictionary<string, string[]> entries)
    {
        SourceName = sourceName;
        foreach (var (name, targets) in entries)
        {
            foreach (var target in targets)
            {
                if (!PhoneSet.Contains(target))
                {
                    throw new ArgumentException($"{sourceName} table maps '{name}' to '{target}', which is not a phone of the label set.");
                }
            }
        }
        _entries = entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Where the names come from (e.g. "festival/flite", "espeak-ng", "TIMIT"), for error messages.</summary>
    public string SourceName { get; }

    /// <summary>Every source name the table knows, with its targets.</summary>
    public IReadOnlyDictionary<string, string[]> Entries => _entries;

    /// <summary>The set of <see cref="PhoneSet"/> phones some source name maps to.</summary>
    public IReadOnlySet<string> Image => _entries.Values.SelectMany(t => t).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when the table has an entry for <paramref name="name"/>.</summary>
    public bool Contains(string name) => _entries.ContainsKey(name);

    /// <summary>The phones a source name maps to; an <see cref="InvalidDataException"/> naming the source for an unknown name.</summary>
    public IReadOnlyList<string> Map(string name) =>
        _entries.TryGetValue(name, out var targets)
            ? targets
            : throw new InvalidDataException($"{SourceName} phone '{name}' has no entry in the mapping table to the 40-phone label set.");

    /// <summary>
    /// Maps a whole alignment: renames, splits multi-phone entries equally, gives dropped spans to a neighbour
    /// and merges adjacent silences. Times are kept; the result covers the same span as the input.
    /// </summary>
    public IReadOnlyList<TimedSegment> MapSegments(IReadOnlyList<TimedSegment> segments)
    {
        var result = new List<TimedSegment>(segments.Count);
        long? pendingStart = null;
        var lastFromSplit = false;
        foreach (var segment in segments)
        {
            var targets = Map(segment.Label);
            var start = pendingStart ?? segment.StartSample;
            if (targets.Count == 0)
            {
                if (result.Count > 0)
                {
                    result[^1] = result[^1] with { EndSample = segment.EndSample };
                }
                else
                {
                    pendingStart ??= segment.StartSample;
                }
                continue;
            }
            pendingStart = null;
            var span = segment.EndSample - start;
            for (var i = 0; i < targets.Count; i++)
            {
                var pieceStart = start + span * i / targets.Count;
                var pieceEnd = start + span * (i + 1) / targets.Count;
                var fromSplit = targets.Count > 1;
                // "A@ r" from a rhotic voice would give "aa r r": a split piece equal to its neighbour is one phone.
                Append(result, new TimedSegment(pieceStart, pieceEnd, targets[i]), mergeSame: fromSplit || lastFromSplit);
                lastFromSplit = fromSplit;
            }
        }
        return result;
    }

    private static void Append(List<TimedSegment> result, TimedSegment segment, bool mergeSame)
    {
        if (segment.EndSample <= segment.StartSample)
        {
            return;
        }
        if (result.Count > 0 && segment.Label == result[^1].Label && (mergeSame || segment.Label == PhoneSet.Silence))
        {
            result[^1] = result[^1] with { EndSample = segment.EndSample };
            return;
        }
        result.Add(segment);
    }
}
