using AcousticDistill.Acoustic.Audio;
using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Evaluation;
using AcousticDistill.Acoustic.Lexicon;
using AcousticDistill.Grains.Transcription;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AcousticDistill.Grains.Tests.Transcription;

/// <summary>
/// The shipped en-16k model, served as a session serves it (its tuned decoding defaults, the family's AN4 language
/// model, live chunks), on the three committed AN4 test utterances (samples/an4: speakers in no training data).
/// </summary>
public sealed class ShippedModelRealSpeechTests
{
    [Fact]
    public void ShippedEn16k_WithTheAn4LanguageModel_RecognisesTheRealSpeechSamples()
    {
        var root = RepositoryRoot();
        var samples = Path.Combine(root, "samples", "an4");
        var options = new TranscriptionOptions { LanguageModels = new() { ["en-16k"] = Path.Combine(samples, "an4-train-bigram.arpa") } };
        var artifact = ModelArtifact.Load(Path.Combine(root, "models", "en-16k.admodel"));
        var tuned = artifact.Metadata.Decoding;
        Assert.NotNull(tuned);
        var model = new ServingModel("en-16k", "v1", new AcousticScorer(artifact, new AcousticScoringOptions { AcousticScale = tuned.AcousticScale }));
        using var graphs = new RecognitionGraphs(Options.Create(options), NullLogger<RecognitionGraphs>.Instance);
        var graph = graphs.Default("en-16k", tuned.WordInsertionPenalty);
        var said = new Dictionary<string, string>
        {
            ["cen6-fcaw-b"] = "one five two three six",
            ["cen8-mdms2-b"] = "march seven nineteen sixty seven",
            ["an422-menk-b"] = "enter thirty",
        };

        var errors = default(WordErrors);
        foreach (var (id, reference) in said)
        {
            var audio = WavDecoder.DecodeFile(Path.Combine(samples, id + ".wav"), 16_000);
            var stream = new LiveStream(model, graph, 16_000, options.Endpoint.ToRules(),
                new DecoderOptions { Beam = tuned.Beam, MaxActive = tuned.MaxActive });
            var finals = stream.Accept(Pcm16Encoder.Encode(audio)).Finals.ToList();
            finals.Add(stream.Finish());
            var heard = string.Join(' ', finals.Select(f => f.Text).Where(t => t.Length > 0));
            errors += WordErrors.Count(reference.Split(' '), PronunciationLexicon.Words(heard));
        }

        Assert.Equal(12, errors.ReferenceWords);
        Assert.True(errors.Errors <= 1, $"{errors.Errors} word errors in 12 words (sub {errors.Substitutions}, del {errors.Deletions}, ins {errors.Insertions}).");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "samples", "an4", "an4-train-bigram.arpa")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The repository's samples/an4 folder was not found above the test binaries.");
    }
}
