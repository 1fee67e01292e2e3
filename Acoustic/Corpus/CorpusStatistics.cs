namespace AcousticDistill.Acoustic.Corpus;

/// <summary>Totals of one split (or the whole corpus).</summary>
public sealed record SplitStatistics(double Hours, int Utterances, int Speakers);

/// <summary>
/// What a corpus holds: hours, utterances and speakers in all and per split, and how many frames fall in each
/// of the 120 classes (frames labelled by <see cref="FrameLabeler"/>) — the class balance training sees.
/// </summary>
public sealed record CorpusStatistics(
    string Name,
    int SampleRate,
    SplitStatistics Total,
    IReadOnlyDictionary<CorpusSplit, SplitStatistics> Splits,
    IReadOnlyList<long> FramesPerClass,
    IReadOnlyDictionary<CorpusSplit, IReadOnlyList<long>> FramesPerClassBySplit)
{
    /// <summary>Reads a corpus folder's manifest and alignments.</summary>
    public static CorpusStatistics Compute(string corpusDirectory, FrameOptions? frames = null, Action<double, string?>? progress = null)
    {
        frames ??= new FrameOptions();
        var manifest = CorpusManifest.Load(corpusDirectory);
        var rate = manifest.SampleRate;
        var length = frames.LengthSamples(rate);
        var shift = frames.ShiftSamples(rate);
        var perSplit = Enum.GetValues<CorpusSplit>().ToDictionary(s => s, _ => new long[PhoneSet.ClassCount]);
        var done = 0;
        foreach (var utterance in manifest.Utterances)
        {
            var phonePath = Path.Combine(corpusDirectory, utterance.PhonePath);
            if (!File.Exists(phonePath))
            {
                throw new FileNotFoundException($"utterance {utterance.Id} has no phone alignment {phonePath}.", phonePath);
            }
            IReadOnlyList<int> labels;
            try
            {
                labels = FrameLabeler.Label(AlignmentFile.Read(phonePath), utterance.NumSamples, rate, length, shift);
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidDataException($"{phonePath}: {ex.Message}", ex);
            }
            var counts = perSplit[utterance.Split];
            foreach (var label in labels)
            {
                counts[label]++;
            }
            progress?.Invoke(++done, null);
        }

        SplitStatistics Summarise(IEnumerable<UtteranceEntry> utterances)
        {
            var list = utterances.ToList();
            return new SplitStatistics(list.Sum(u => u.NumSamples) / (3600.0 * rate), list.Count,
                                       list.Select(u => u.Speaker).Distinct(StringComparer.Ordinal).Count());
        }

        var total = new long[PhoneSet.ClassCount];
        foreach (var counts in perSplit.Values)
        {
            for (var c = 0; c < total.Length; c++)
            {
                total[c] += counts[c];
            }
        }
        return new CorpusStatistics(
            manifest.Name, rate, Summarise(manifest.Utterances),
            Enum.GetValues<CorpusSplit>().ToDictionary(s => s, s => Summarise(manifest.InSplit(s))),
            total,
            perSplit.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<long>)kv.Value));
    }
}
