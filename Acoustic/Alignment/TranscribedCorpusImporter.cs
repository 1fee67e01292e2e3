using AcousticDistill.Acoustic.Decoding;

namespace AcousticDistill.Acoustic.Alignment;

/// <summary>
/// Turns transcribed-only audio into a phone-aligned corpus: each file is decoded at the aligner's rate, force-aligned
/// to its transcript with a bootstrap model, and written in the corpus format (<c>.wav</c>, <c>.phn</c>, <c>.wrd</c>,
/// <c>.txt</c>, manifest) with its speaker and split. Files that cannot be aligned are reported, not written.
/// </summary>
public sealed class TranscribedCorpusImporter(ForcedAligner aligner, int sampleRate)
{
    /// <summary>Imports <paramref name="files"/>; <paramref name="progress"/> gets (done, total).</summary>
    public TranscribedImportReport Import(IReadOnlyList<TranscribedFile> files, TranscribedImportOptions options,
                                          Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        if (options.DevEvery < 0)
        {
            throw new ArgumentException($"DevEvery must be 0 or more, got {options.DevEvery}.");
        }
        var outputRate = options.TelephoneChannel ? Augmentation.TelephoneChannel.SampleRate : sampleRate;
        Directory.CreateDirectory(options.OutputDirectory);
        var entries = new List<UtteranceEntry>();
        var failed = new List<string>();
        var scores = new List<double>();
        var trainIndex = 0;
        double seconds = 0;
        for (var i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = files[i];
            var split = SplitOf(file, options, ref trainIndex);
            try
            {
                var samples = file.ReadSamples(sampleRate);
                if (options.NormalizeRms is { } level)
                {
                    LevelNormalization.ToRms(samples, level);
                }
                var alignment = aligner.Align(samples, file.Text);
                if (alignment.LogScorePerFrame < options.MinLogScorePerFrame)
                {
                    failed.Add($"{file.AudioPath}: fits its transcript poorly ({alignment.LogScorePerFrame:F2} per frame)");
                    continue;
                }
                scores.Add(alignment.LogScorePerFrame);
                seconds += samples.Length / (double)sampleRate;
                var (phones, words) = (alignment.Phones, alignment.Words);
                if (options.TelephoneChannel)
                {
                    // Aligned on the wide-band audio (more evidence, and a wide-band model may align), written narrow-band.
                    samples = Augmentation.TelephoneChannel.Apply(samples, sampleRate);
                    (phones, words) = (Rescale(phones, sampleRate, outputRate, samples.Length), Rescale(words, sampleRate, outputRate, samples.Length));
                }
                entries.Add(CorpusWriter.Write(options.OutputDirectory, split, file.Speaker, file.UtteranceId, samples, outputRate,
                    phones, words, string.Join(' ', words.Select(w => w.Label))));
            }
            catch (Exception ex) when (ex is InvalidDataException or AudioFormatException or ArgumentException or FileNotFoundException)
            {
                failed.Add($"{file.AudioPath}: {ex.Message}");
            }
            finally
            {
                progress?.Invoke(i + 1, files.Count);
            }
        }
        var included = options.IncludeCorpus is null ? 0 : CopyCorpus(options.IncludeCorpus, options.OutputDirectory, entries, outputRate);
        new CorpusManifest(options.Name, outputRate, options.Source, entries).Save(options.OutputDirectory);
        var counts = Enum.GetValues<CorpusSplit>().ToDictionary(s => s, s => entries.Count(e => e.Split == s));
        return new TranscribedImportReport(counts, failed, included, scores.Count == 0 ? 0 : scores.Average(), seconds);
    }

    // Segment boundaries at another rate; the last one ends exactly where the resampled audio does.
    private static IReadOnlyList<TimedSegment> Rescale(IReadOnlyList<TimedSegment> segments, int fromRate, int toRate, long length) =>
        segments.Select((s, i) => new TimedSegment(
            s.StartSample * toRate / fromRate,
            i == segments.Count - 1 ? length : Math.Min(length, s.EndSample * toRate / fromRate),
            s.Label)).ToArray();

    private static CorpusSplit SplitOf(TranscribedFile file, TranscribedImportOptions options, ref int trainIndex)
    {
        if (options.TestSpeakers.Contains(file.Speaker))
        {
            return CorpusSplit.Test;
        }
        if (options.DevSpeakers.Contains(file.Speaker))
        {
            return CorpusSplit.Dev;
        }
        if (options.DevSpeakers.Count == 0 && options.DevEvery > 0 && ++trainIndex % options.DevEvery == 0)
        {
            return CorpusSplit.Dev;
        }
        return CorpusSplit.Train;
    }

    // Copies another corpus's train and dev utterances (files and entries) into the output corpus.
    private static int CopyCorpus(string source, string destination, List<UtteranceEntry> entries, int outputRate)
    {
        var manifest = CorpusManifest.Load(source);
        if (manifest.SampleRate != outputRate)
        {
            throw new InvalidDataException($"Corpus '{source}' is {manifest.SampleRate} Hz but this import is {outputRate} Hz.");
        }
        var taken = entries.Select(e => e.AudioPath).ToHashSet(StringComparer.Ordinal);
        var copied = 0;
        foreach (var entry in manifest.Utterances.Where(u => u.Split != CorpusSplit.Test))
        {
            if (!taken.Add(entry.AudioPath))
            {
                throw new InvalidDataException($"'{entry.AudioPath}' of corpus '{source}' collides with an imported file.");
            }
            foreach (var relative in new[] { entry.AudioPath, entry.PhonePath, entry.WordPath, Path.ChangeExtension(entry.AudioPath, ".txt") })
            {
                var from = Path.Combine(source, relative);
                if (File.Exists(from))
                {
                    var to = Path.Combine(destination, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                    File.Copy(from, to, overwrite: true);
                }
            }
            entries.Add(entry);
            copied++;
        }
        return copied;
    }
}
