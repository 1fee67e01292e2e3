using System.Text.Json;
using AcousticDistill.Acoustic.Alignment;
using AcousticDistill.Acoustic.Lexicon;
using AcousticDistill.Acoustic.Tests.Cli;
using AcousticDistill.Acoustic.Tests.Synthesis;
using Xunit.Abstractions;

namespace AcousticDistill.Acoustic.Tests.Decoding;

/// <summary>
/// Forced alignment against the synthesizers' own timings: a small 8 kHz model trained on a tiny synthetic corpus
/// aligns the corpus's held-out utterances (other voices, other texts) through CMUdict, and its word and phone
/// boundaries are compared with where the engines put them.
/// </summary>
public sealed class SyntheticAlignmentTests(ITestOutputHelper output)
{
    [EngineFact(SynthesisEngine.Festival)]
    public void Align_HeldOutSyntheticSpeech_BoundariesNearTheEnginesTimings()
    {
        Assert.True(File.Exists(PronunciationLexicon.DebianCmudictPath), "pocketsphinx-en-us (CMUdict) is needed: scripts/install-deps.sh installs it.");
        using var folder = new TempDirectory();
        var corpus = Path.Combine(folder.Path, "corpus");
        var model = Path.Combine(folder.Path, "m.adm");
        var timeout = TimeSpan.FromMinutes(4);
        Ok(CliRunner.Run(timeout, "corpus", "synth", "--out", corpus, "--minutes", "4", "--rate", "8000", "--seed", "11", "--json"));
        Ok(CliRunner.Run(timeout, "train", "--corpus", corpus, "--out", model, "--layers", "2", "--width", "256", "--epochs", "6", "--lr", "0.1", "--json"));

        var artifact = ModelArtifact.Load(model);
        var scorer = new AcousticScorer(artifact);
        var aligner = new ForcedAligner(scorer, PronunciationLexicon.Shared);
        var manifest = CorpusManifest.Load(corpus);
        var features = artifact.Metadata.Features;
        var wordErrors = new List<long>();
        var phoneErrors = new List<long>();
        var agreements = new List<double>();
        var aligned = 0;
        var skipped = 0;
        foreach (var utterance in manifest.Utterances.Where(u => u.Split != CorpusSplit.Train))
        {
            var referenceWords = ReadWords(Path.Combine(corpus, utterance.WordPath));
            if (referenceWords is null || referenceWords.Any(w => !PronunciationLexicon.Shared.Contains(w.Label)))
            {
                skipped++;
                continue;
            }
            var samples = WavDecoder.DecodeFile(Path.Combine(corpus, utterance.AudioPath), 8000);
            var result = aligner.Align(samples, string.Join(' ', referenceWords.Select(w => w.Label)));
            aligned++;
            var referencePhones = AlignmentFile.Read(Path.Combine(corpus, utterance.PhonePath));
            agreements.Add(BoundaryAgreement.FrameAgreement(referencePhones, result.Phones, samples.Length, 8000, features.WindowLength, features.WindowShift));
            wordErrors.AddRange(BoundaryAgreement.BoundaryErrors(referenceWords, result.Words) ?? throw new InvalidOperationException("word sequences differ"));
            phoneErrors.AddRange(BoundaryAgreement.BoundaryErrors(referencePhones, result.Phones) ?? []);
        }

        var shift = features.WindowShift;
        double Within(List<long> errors, int frames) => errors.Count(e => e <= frames * shift) / (double)Math.Max(1, errors.Count);
        double MedianFrames(List<long> errors) => errors.Order().ElementAt(errors.Count / 2) / (double)shift;
        output.WriteLine(JsonSerializer.Serialize(new
        {
            aligned,
            skipped_unknown_words_or_bad_wrd = skipped,
            frame_phone_agreement = agreements.Average(),
            word_boundaries = wordErrors.Count,
            word_median_error_frames = MedianFrames(wordErrors),
            word_within_2_frames = Within(wordErrors, 2),
            word_within_5_frames = Within(wordErrors, 5),
            phone_boundaries_same_sequence = phoneErrors.Count,
            phone_median_error_frames = phoneErrors.Count == 0 ? double.NaN : MedianFrames(phoneErrors),
            phone_within_2_frames = Within(phoneErrors, 2),
            phone_within_5_frames = Within(phoneErrors, 5),
        }));
        Assert.True(aligned >= 10, $"only {aligned} held-out utterances could be aligned");
        Assert.True(wordErrors.Count >= 40);
        Assert.InRange(MedianFrames(wordErrors), 0, 3);
        Assert.InRange(Within(wordErrors, 5), 0.7, 1);
        // Where CMUdict spells the utterance as the engine did, most phone boundaries are within 5 frames (50 ms).
        Assert.True(phoneErrors.Count >= 40, $"only {phoneErrors.Count} phone boundaries with the engine's phone sequence");
        Assert.InRange(MedianFrames(phoneErrors), 0, 2);
        Assert.InRange(Within(phoneErrors, 5), 0.85, 1);
        Assert.InRange(agreements.Average(), 0.6, 1);
    }

    // The word files of some engine voices contain a line without a word (a synthesis-side defect); such utterances
    // have no usable word reference and are skipped (counted in the output).
    private static TimedSegment[]? ReadWords(string path)
    {
        try
        {
            return AlignmentFile.Read(path).Select(w => w with { Label = w.Label.ToLowerInvariant() }).ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string Ok((int ExitCode, string Stdout, string Stderr) run)
    {
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        return run.Stdout;
    }
}
