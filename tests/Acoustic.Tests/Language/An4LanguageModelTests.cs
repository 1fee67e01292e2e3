using AcousticDistill.Acoustic.Language;

namespace AcousticDistill.Acoustic.Tests.Language;

/// <summary>
/// The language-model builder on AN4's real training transcription at ../shared/data/an4 (beside the repository);
/// skipped, with a message saying where it was looked for, when the data is absent.
/// </summary>
public sealed class An4LanguageModelTests
{
    [An4TranscriptionFact]
    public void Build_An4Train_GivesAProperBigramModelOverItsWords_WhenAn4Present()
    {
        var sentences = SentenceText.Load(An4TranscriptionFactAttribute.TrainTranscription!);
        using var text = new StringWriter();

        ArpaWriter.Write(NgramModelBuilder.Build(sentences, order: 2), text);
        var lm = ArpaLanguageModel.Parse(new StringReader(text.ToString()), "an4.arpa");

        Assert.Equal(948, sentences.Count);
        Assert.All(sentences.SelectMany(s => s), w => Assert.True(lm.Unigrams.ContainsKey(w), w));
        Assert.DoesNotContain(lm.Unigrams.Keys, w => w.StartsWith('(') || w != w.ToLowerInvariant());
        Assert.All(lm.Unigrams.Keys.Where(w => w != "</s>"), h => Assert.Equal(1.0, NgramSums.Of(lm, h), 4));
    }
}

/// <summary>A fact skipped, with a clear message, when AN4's training transcription is not at ../shared/data/an4.</summary>
public sealed class An4TranscriptionFactAttribute : FactAttribute
{
    /// <summary>The training transcription file when found.</summary>
    public static string? TrainTranscription { get; } = Find();

    public An4TranscriptionFactAttribute()
    {
        if (TrainTranscription is null)
        {
            Skip = "AN4 is not present at ../shared/data/an4 beside the repository (etc/an4_train.transcription); this check needs it.";
        }
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AcousticDistill.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "an4", "etc", "an4_train.transcription"));
                return File.Exists(path) ? path : null;
            }
        }
        return null;
    }
}
