using AcousticDistill.Acoustic.Alignment;

namespace AcousticDistill.Acoustic.Tests.Decoding;

public sealed class ViterbiAlignerTests
{
    private static readonly FrameTiming s_timing = new(WindowLength: 400, WindowShift: 160, SampleRate: 16000);

    private static long SamplesFor(int frames) => 400 + (frames - 1) * 160L;

    private static AlignmentResult Align(string transcript, int[] frameClasses) =>
        ViterbiAligner.Align(DecodingGraph.Build(Grammar.Transcript(transcript), TestLexicon.Digits()),
                             TestLexicon.Scores(frameClasses), PhoneSet.ClassCount, s_timing, SamplesFor(frameClasses.Length));

    [Fact]
    public void Align_CleanScores_RecoversPhonesWordsAndFrameLabels()
    {
        var truth = TestLexicon.FrameClasses(("sil", 5), ("w", 6), ("ah", 9), ("n", 6), ("sil", 4), ("t", 6), ("uw", 9), ("sil", 5));

        var result = Align("one two", truth);

        Assert.Equal(truth, result.FrameLabels);
        Assert.Equal(["sil", "w", "ah", "n", "sil", "t", "uw", "sil"], result.Phones.Select(p => p.Label));
        Assert.Equal(0, result.Phones[0].StartSample);
        Assert.Equal(SamplesFor(truth.Length), result.Phones[^1].EndSample);
        Assert.Equal(s_timing.StartSample(5), result.Phones[1].StartSample);
        Assert.Equal(["one", "two"], result.Words.Select(w => w.Label));
        Assert.Equal(s_timing.StartSample(5), result.Words[0].StartSample);
        Assert.Equal(s_timing.StartSample(26), result.Words[0].EndSample);
        Assert.Equal(s_timing.StartSample(30), result.Words[1].StartSample);
        // Written out and relabelled like any corpus, every frame gets back the phone it was aligned to.
        var relabelled = FrameLabeler.Label(result.Phones, SamplesFor(truth.Length), 16000, 400, 160);
        Assert.Equal(truth.Select(PhoneSet.PhoneOfClass), relabelled.Select(PhoneSet.PhoneOfClass));
    }

    [Fact]
    public void Align_AlternatePronunciationAndNoSilence_ChoosesTheSpokenVariant()
    {
        var truth = TestLexicon.FrameClasses(("hh", 3), ("w", 6), ("ah", 6), ("n", 3), ("z", 3), ("iy", 6), ("r", 3), ("ow", 6));

        var result = Align("one zero", truth);

        Assert.Equal(truth, result.FrameLabels);
        Assert.Equal(["hh", "w", "ah", "n", "z", "iy", "r", "ow"], result.Phones.Select(p => p.Label));
        Assert.Equal(["one", "zero"], result.Words.Select(w => w.Label));
        Assert.Equal(0, result.Words[0].StartSample);
    }

    [Fact]
    public void Align_AudioTooShortForTheTranscript_IsAClearError()
    {
        var truth = TestLexicon.FrameClasses(("sil", 2), ("t", 3), ("uw", 3));

        var error = Assert.Throws<InvalidDataException>(() => Align("seven eight nine", truth));
        Assert.Contains("too short", error.Message);
    }

    [Fact]
    public void Build_UnknownWordInTranscript_NamesIt()
    {
        var error = Assert.Throws<AcousticDistill.Acoustic.Lexicon.UnknownWordException>(
            () => DecodingGraph.Build(Grammar.Transcript("one eleven"), TestLexicon.Digits()));
        Assert.Equal("eleven", error.Word);
    }
}
