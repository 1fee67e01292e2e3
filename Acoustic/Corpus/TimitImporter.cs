using System.Text.RegularExpressions;

namespace AcousticDistill.Acoustic.Corpus;

/// <summary>
/// Imports a corpus in TIMIT layout, <c>{TRAIN,TEST}/DR*/SPKR/*.{WAV,PHN,WRD,TXT}</c> with any letter case
/// (and <c>X.WAV.wav</c> as some converted copies name them). Audio is NIST SPHERE (uncompressed 16-bit) or
/// RIFF WAV. Phones are folded 61 → 40 by <see cref="TimitPhoneMap"/>. TRAIN → train; TEST → test, except
/// every <see cref="TimitImportOptions.DevSpeakerEvery"/>-th TEST speaker, who goes to dev. Splits are made
/// text-disjoint: SA sentences are skipped unless asked for, and a dev (then train) utterance whose text is
/// also in a later-ranked split (test, then train) is dropped and counted.
/// </summary>
public sealed partial class TimitImporter(TimitImportOptions options)
{
    private sealed record Source(CorpusSplit Split, string Speaker, string Id, string Audio, string Phones, string? Words, string? Text);

    /// <summary>Imports; <paramref name="progress"/> gets (utterances done, detail) against <see cref="CountUtterances"/>.</summary>
    public TimitImportReport Import(Action<double, string?>? progress = null)
    {
        if (options.SampleRate is not (8000 or 16000))
        {
            throw new ArgumentException($"rate must be 16000 or 8000, not {options.SampleRate}.");
        }
        var (sources, skippedSa, incomplete) = Discover();
        var (kept, droppedShared) = MakeTextDisjoint(sources);
        var entries = new List<UtteranceEntry>();
        foreach (var source in kept)
        {
            entries.Add(ImportOne(source));
            progress?.Invoke(entries.Count, source.Id);
        }
        new CorpusManifest(Path.GetFileName(Path.GetFullPath(options.OutputDirectory).TrimEnd('/')), options.SampleRate,
                           $"TIMIT layout from {options.TimitDirectory}; phones folded 61→40; dev = every {options.DevSpeakerEvery}th TEST speaker",
                           entries).Save(options.OutputDirectory);
        var splits = Enum.GetValues<CorpusSplit>();
        return new TimitImportReport(
            splits.ToDictionary(s => s, s => entries.Count(e => e.Split == s)),
            splits.ToDictionary(s => s, s => entries.Where(e => e.Split == s).Select(e => e.Speaker).Distinct().Count()),
            skippedSa, droppedShared, incomplete);
    }

    /// <summary>How many utterances the import will consider (before text-disjointness), for progress.</summary>
    public int CountUtterances() => Discover().Sources.Count;

    private (List<Source> Sources, int SkippedSa, int Incomplete) Discover()
    {
        if (!Directory.Exists(options.TimitDirectory))
        {
            throw new DirectoryNotFoundException($"TIMIT folder '{options.TimitDirectory}' does not exist.");
        }
        var train = ChildIgnoringCase(options.TimitDirectory, "TRAIN");
        var test = ChildIgnoringCase(options.TimitDirectory, "TEST");
        if (train is null && test is null)
        {
            throw new InvalidDataException($"'{options.TimitDirectory}' has neither a TRAIN nor a TEST folder: not TIMIT layout.");
        }
        var sources = new List<Source>();
        int skippedSa = 0, incomplete = 0;
        foreach (var (root, isTest) in new[] { (train, false), (test, true) })
        {
            if (root is null)
            {
                continue;
            }
            var speakerIndex = 0;
            foreach (var region in SortedDirectories(root).Where(d => DialectRegion().IsMatch(Path.GetFileName(d))))
            {
                foreach (var speakerDir in SortedDirectories(region))
                {
                    var split = !isTest ? CorpusSplit.Train
                        : speakerIndex++ % options.DevSpeakerEvery == options.DevSpeakerEvery - 1 && options.DevSpeakerEvery > 1
                            ? CorpusSplit.Dev : CorpusSplit.Test;
                    var speaker = $"{Path.GetFileName(region)}-{Path.GetFileName(speakerDir)}".ToLowerInvariant();
                    var files = Directory.GetFiles(speakerDir);
                    foreach (var audio in files.Where(f => f.EndsWith(".wav", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
                    {
                        var stem = StemOf(audio);
                        if (!options.IncludeSaSentences && Path.GetFileName(stem).StartsWith("sa", StringComparison.OrdinalIgnoreCase))
                        {
                            skippedSa++;
                            continue;
                        }
                        var phones = Sibling(files, stem, ".phn");
                        if (phones is null)
                        {
                            incomplete++;
                            continue;
                        }
                        sources.Add(new Source(split, speaker, $"{speaker}-{Path.GetFileName(stem).ToLowerInvariant()}", audio, phones,
                                               Sibling(files, stem, ".wrd"), Sibling(files, stem, ".txt")));
                    }
                }
            }
        }
        return (sources, skippedSa, incomplete);
    }

    /// <summary>Drops dev utterances whose text is in train or test, then train utterances whose text is in test.</summary>
    private static (List<Source> Kept, int Dropped) MakeTextDisjoint(List<Source> sources)
    {
        var texts = sources.ToDictionary(s => s, s => Normalise(TextOf(s)));
        var testTexts = sources.Where(s => s.Split == CorpusSplit.Test).Select(s => texts[s]).ToHashSet(StringComparer.Ordinal);
        var trainTexts = sources.Where(s => s.Split == CorpusSplit.Train && !testTexts.Contains(texts[s]))
                                .Select(s => texts[s]).ToHashSet(StringComparer.Ordinal);
        var kept = sources.Where(s => s.Split switch
        {
            CorpusSplit.Train => !testTexts.Contains(texts[s]),
            CorpusSplit.Dev => !testTexts.Contains(texts[s]) && !trainTexts.Contains(texts[s]),
            _ => true,
        }).ToList();
        return (kept, sources.Count - kept.Count);
    }

    private UtteranceEntry ImportOne(Source source)
    {
        var (samples, rate) = SphereReader.IsSphere(source.Audio)
            ? SphereReader.Read(source.Audio)
            : ReadRiff(source.Audio);
        long Scale(long t) => t * options.SampleRate / rate;
        List<TimedSegment> phones;
        try
        {
            phones = [.. TimitPhoneMap.Table.MapSegments(AlignmentFile.Read(source.Phones))];
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{source.Phones}: {ex.Message}", ex);
        }
        var resampled = SampleRateConverter.Convert(samples, rate, options.SampleRate);
        phones = AlignmentCoverage.CoverExactly([.. phones.Select(p => new TimedSegment(Scale(p.StartSample), Scale(p.EndSample), p.Label))],
                                                resampled.Length);
        var words = source.Words is null
            ? []
            : AlignmentFile.Read(source.Words)
                           .Select(w => new TimedSegment(Math.Min(Scale(w.StartSample), resampled.Length),
                                                         Math.Min(Scale(w.EndSample), resampled.Length), w.Label))
                           .ToList();
        return CorpusWriter.Write(options.OutputDirectory, source.Split, source.Speaker, source.Id, resampled, options.SampleRate,
                                  phones, words, TextOf(source));
    }

    private static (float[] Samples, int Rate) ReadRiff(string path)
    {
        try
        {
            return WavDecoder.DecodeFileAtItsRate(path);
        }
        catch (AudioFormatException ex)
        {
            throw new AudioFormatException($"{path} is neither NIST SPHERE nor a readable RIFF WAV file: {ex.Message}", ex);
        }
    }

    /// <summary>The sentence: TIMIT's .TXT is "start end words..."; without it, the words of the .WRD file.</summary>
    private static string TextOf(Source source)
    {
        if (source.Text is not null)
        {
            var parts = File.ReadAllText(source.Text).Trim().Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && long.TryParse(parts[0], out _) && long.TryParse(parts[1], out _))
            {
                return parts[2].Trim();
            }
            return string.Join(' ', parts);
        }
        return source.Words is null ? "" : string.Join(' ', AlignmentFile.Read(source.Words).Select(w => w.Label));
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                             .Select(w => new string(w.Where(c => char.IsAsciiLetter(c) || c == '\'').ToArray())));

    private static string StemOf(string audioPath)
    {
        var stem = audioPath[..^4];
        return stem.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) ? stem[..^4] : stem;
    }

    private static string? Sibling(string[] files, string stem, string extension) =>
        files.FirstOrDefault(f => string.Equals(f, stem + extension, StringComparison.OrdinalIgnoreCase));

    private static string? ChildIgnoringCase(string directory, string name) =>
        Directory.GetDirectories(directory).FirstOrDefault(d => string.Equals(Path.GetFileName(d), name, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> SortedDirectories(string directory) =>
        Directory.GetDirectories(directory).OrderBy(d => Path.GetFileName(d).ToLowerInvariant(), StringComparer.Ordinal);

    [GeneratedRegex("^dr[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex DialectRegion();
}
