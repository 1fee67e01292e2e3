namespace AcousticDistill.Acoustic.Tests.Synthesis;

public sealed class UtteranceFinisherTests
{
    private static readonly VoiceSpec s_flite = new(SynthesisEngine.Flite, "slt");

    /// <summary>One second at 32 kHz: pau 0–0.2 s, a 440 Hz tone as "aa" 0.2–0.8 s, pau to the end.</summary>
    private static EngineUtterance Tone(long? lastPhoneEnd = null)
    {
        const int rate = 32000;
        var samples = new float[rate];
        for (var i = (int)(0.2 * rate); i < (int)(0.8 * rate); i++)
        {
            samples[i] = 0.5f * MathF.Sin(2 * MathF.PI * 440 * i / rate);
        }
        List<TimedSegment> phones = [new(0, 6400, "pau"), new(6400, 25600, "aa"), new(25600, lastPhoneEnd ?? rate, "pau")];
        return new EngineUtterance(new SynthesisRequest("u1", "ah", Prosody.Neutral), samples, rate, phones,
                                   [new TimedSegment(6400, 25600, "ah")], true);
    }

    [Fact]
    public void Finish_Resamples_AndScalesTimes()
    {
        var u = new UtteranceFinisher(new FinishingOptions { SampleRate = 8000 }).Finish(s_flite, Tone(), out var rejection);
        Assert.Null(rejection);
        Assert.NotNull(u);
        Assert.InRange(u.Samples.Length, 7990, 8010);
        Assert.Equal([new TimedSegment(0, 1600, "sil"), new TimedSegment(1600, 6400, "aa"), new TimedSegment(6400, u.Samples.Length, "sil")], u.Phones);
        Assert.Equal(new TimedSegment(1600, 6400, "ah"), Assert.Single(u.Words));
    }

    [Fact]
    public void Finish_PadsShortEdgeSilence()
    {
        var raw = Tone() with { Phones = [new(0, 6400, "aa"), new(6400, 32000, "pau")] };
        var u = new UtteranceFinisher(new FinishingOptions { SampleRate = 16000, EdgeSilenceSeconds = 0.15 }).Finish(s_flite, raw, out var rejection);
        Assert.Null(rejection);
        Assert.Equal(new TimedSegment(0, 2400, "sil"), u!.Phones[0]);
        Assert.Equal(new TimedSegment(2400, 2400 + 3200, "aa"), u.Phones[1]);
        Assert.Equal(16000 + 2400, u.Samples.Length);
    }

    [Fact]
    public void Finish_AddsNoiseAtTheRequestedSnr_Reproducibly()
    {
        var clean = new UtteranceFinisher(new FinishingOptions()).Finish(s_flite, Tone(), out _)!;
        var noisyA = new UtteranceFinisher(new FinishingOptions { SnrDb = 10, Seed = 5 }).Finish(s_flite, Tone(), out _)!;
        var noisyB = new UtteranceFinisher(new FinishingOptions { SnrDb = 10, Seed = 5 }).Finish(s_flite, Tone(), out _)!;
        Assert.Equal(noisyA.Samples, noisyB.Samples);
        var signal = clean.Samples.Sum(s => (double)s * s);
        var noise = clean.Samples.Zip(noisyA.Samples).Sum(p => (double)(p.Second - p.First) * (p.Second - p.First));
        Assert.InRange(10 * Math.Log10(signal / noise), 9.5, 10.5);
    }

    [Fact]
    public void Finish_PhonesEndingFarFromAudioEnd_AreRejected()
    {
        var u = new UtteranceFinisher(new FinishingOptions()).Finish(s_flite, Tone(lastPhoneEnd: 64000), out var rejection);
        Assert.Null(u);
        Assert.Contains("phones end", rejection);
    }

    [Fact]
    public void Finish_UnknownEnginePhone_IsRejectedWithItsName()
    {
        var raw = Tone() with { Phones = [new(0, 6400, "pau"), new(6400, 25600, "xx"), new(25600, 32000, "pau")] };
        Assert.Null(new UtteranceFinisher(new FinishingOptions()).Finish(s_flite, raw, out var rejection));
        Assert.Contains("'xx'", rejection);
    }

    [Fact]
    public void Validator_FlagsGapsAndSilentAudio()
    {
        var options = new FinishingOptions();
        var samples = new float[16000];
        Assert.Contains("silent", UtteranceValidator.Check([new(0, 8000, "sil"), new(8000, 16000, "aa")], samples, 16000, options));
        samples[100] = 0.5f;
        Assert.Contains("starts at", UtteranceValidator.Check([new(0, 8000, "sil"), new(8100, 16000, "aa")], samples, 16000, options));
        Assert.Null(UtteranceValidator.Check([new(0, 8000, "sil"), new(8000, 16000, "aa")], samples, 16000, options));
    }
}
