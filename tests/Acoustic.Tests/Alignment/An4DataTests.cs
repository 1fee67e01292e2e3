using AcousticDistill.Acoustic.Alignment;
using AcousticDistill.Acoustic.Lexicon;
using AcousticDistill.Acoustic.Tests.Language;

namespace AcousticDistill.Acoustic.Tests.Alignment;

/// <summary>
/// <see cref="An4Corpus"/> on the real AN4 at ../shared/data/an4 (skipped, saying so, when absent): the standard set
/// sizes and speakers, and the byte order of its audio, which its README gets wrong.
/// </summary>
public sealed class An4DataTests
{
    private static string An4Directory => Path.GetDirectoryName(Path.GetDirectoryName(An4TranscriptionFactAttribute.TrainTranscription))!;

    [An4TranscriptionFact]
    public void Load_RealAn4_HasTheStandardSetsWithDisjointSpeakers()
    {
        var train = An4Corpus.Load(An4Directory, An4Corpus.Train);
        var test = An4Corpus.Load(An4Directory, An4Corpus.Test);

        Assert.Equal(948, train.Count);
        Assert.Equal(130, test.Count);
        var trainSpeakers = train.Select(f => f.Speaker).ToHashSet();
        var testSpeakers = test.Select(f => f.Speaker).ToHashSet();
        Assert.Equal(74, trainSpeakers.Count);
        Assert.Equal(10, testSpeakers.Count);
        Assert.Empty(trainSpeakers.Intersect(testSpeakers));
        Assert.All(train.Concat(test), f => Assert.False(string.IsNullOrWhiteSpace(f.Text), f.UtteranceId));
    }

    [An4TranscriptionFact]
    public void RealAn4Audio_IsSpeechLikeBigEndian_AndNoiseLittleEndian()
    {
        var files = An4Corpus.Load(An4Directory, An4Corpus.Train).Concat(An4Corpus.Load(An4Directory, An4Corpus.Test));

        Assert.All(files, file =>
        {
            var bigEndian = Rms(RawPcmReader.ReadFile(file.AudioPath, new RawPcmFormat(16000, BigEndian: true)));
            var littleEndian = Rms(RawPcmReader.ReadFile(file.AudioPath, new RawPcmFormat(16000, BigEndian: false)));

            Assert.True(bigEndian < 0.2, $"{file.UtteranceId}: big-endian RMS {bigEndian:F3}");
            Assert.True(littleEndian > 0.2 && littleEndian > 3 * bigEndian,
                $"{file.UtteranceId}: little-endian RMS {littleEndian:F3} against big-endian {bigEndian:F3}");
        });
    }

    [An4TranscriptionFact]
    public void RealAn4Dictionary_ParsesAndSpellsEveryTranscribedWord()
    {
        var dictionary = PronunciationLexicon.Load(An4Corpus.DictionaryPath(An4Directory));
        var words = An4Corpus.Load(An4Directory, An4Corpus.Train).Concat(An4Corpus.Load(An4Directory, An4Corpus.Test))
            .SelectMany(f => PronunciationLexicon.Words(f.Text)).Distinct();

        Assert.All(words, w => Assert.True(dictionary.Contains(w), $"'{w}' is not in an4.dic"));
    }

    private static double Rms(float[] samples) => Math.Sqrt(samples.Sum(s => s * (double)s) / samples.Length);
}
