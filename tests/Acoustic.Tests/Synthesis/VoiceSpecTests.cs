namespace AcousticDistill.Acoustic.Tests.Synthesis;

public sealed class VoiceSpecTests
{
    [Fact]
    public void Parse_EngineAndVoice_GivesSpeakerIds()
    {
        Assert.Equal("flite-slt", VoiceSpec.Parse("flite:slt").SpeakerId);
        Assert.Equal("festival-kal", VoiceSpec.Parse("festival:voice_kal_diphone").SpeakerId);
        Assert.Equal("festival-slt", VoiceSpec.Parse("Festival:voice_cmu_us_slt_arctic_hts").SpeakerId);
        Assert.Equal("espeak-en-gb-x-rp-f2", VoiceSpec.Parse("espeak:en-gb-x-rp+f2").SpeakerId);
    }

    [Theory]
    [InlineData("slt")]
    [InlineData("mbrola:us1")]
    [InlineData("flite:")]
    public void Parse_Malformed_ThrowsNamingInput(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => VoiceSpec.Parse(text));
        Assert.Contains(text, ex.Message);
    }

    [Fact]
    public void SplitPlanner_KeepsPersonsTogether_AndHoldsOutTwoEach()
    {
        var splits = SpeakerSplitPlanner.Assign(VoiceCatalog.Default, 2, 2, seed: 7);
        var personSplits = VoiceCatalog.Default.GroupBy(VoiceCatalog.PersonOf)
                                               .Select(g => g.Select(v => splits[v]).Distinct().ToList()).ToList();
        Assert.All(personSplits, s => Assert.Single(s));
        Assert.Equal(2, personSplits.Count(s => s[0] == CorpusSplit.Dev));
        Assert.Equal(2, personSplits.Count(s => s[0] == CorpusSplit.Test));
        Assert.True(VoiceCatalog.Default.Count(v => splits[v] == CorpusSplit.Train) >= 8);
        Assert.Equal(splits, SpeakerSplitPlanner.Assign(VoiceCatalog.Default, 2, 2, seed: 7));
    }

    [Fact]
    public void SplitPlanner_TooFewPersons_Throws()
    {
        List<VoiceSpec> voices = [new(SynthesisEngine.Flite, "kal"), new(SynthesisEngine.Flite, "kal16"), new(SynthesisEngine.Flite, "slt")];
        var ex = Assert.Throws<ArgumentException>(() => SpeakerSplitPlanner.Assign(voices, 1, 1, 1));
        Assert.Contains("2 distinct persons", ex.Message);
    }
}
