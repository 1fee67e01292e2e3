namespace AcousticDistill.Acoustic.Tests.Synthesis;

public sealed class EngineSynthesisTests
{
    // "usual" and "vision" carry zh, the rarest phone: each engine must be able to produce it.
    private const string Sentence = "The usual measure of a vision is four.";

    private static SynthesizedUtterance Speak(VoiceSpec voice, Prosody? prosody = null, string text = Sentence)
    {
        var raw = VoiceCatalog.CreateSynthesizer(voice).Synthesize([new SynthesisRequest("t1", text, prosody ?? Prosody.Neutral)]);
        var finished = new UtteranceFinisher(new FinishingOptions()).Finish(voice, Assert.Single(raw), out var rejection);
        Assert.True(finished is not null, rejection);
        return finished!;
    }

    private static void AssertPlausible(SynthesizedUtterance u)
    {
        Assert.Equal(16000, u.SampleRate);
        var seconds = u.Samples.Length / 16000.0;
        Assert.InRange(seconds, 1.0, 6.0);
        Assert.Equal(0, u.Phones[0].StartSample);
        Assert.Equal(u.Samples.Length, u.Phones[^1].EndSample);
        Assert.Equal("sil", u.Phones[0].Label);
        Assert.Equal("sil", u.Phones[^1].Label);
        for (var i = 1; i < u.Phones.Count; i++)
        {
            Assert.Equal(u.Phones[i - 1].EndSample, u.Phones[i].StartSample);
        }
        var speech = u.Phones.Where(p => p.Label != "sil").ToList();
        Assert.InRange(speech.Count, 18, 40);
        Assert.All(speech, p => Assert.InRange((p.EndSample - p.StartSample) / 16000.0, 0.005, 0.6));
        Assert.Contains(speech, p => p.Label == "zh");
        Assert.Contains(speech, p => p.Label == "v");
        Assert.All(u.Phones, p => Assert.True(PhoneSet.Contains(p.Label)));
        Assert.True(u.Samples.Max(Math.Abs) > 0.05f, "audio is near silent");
    }

    [EngineFact(SynthesisEngine.Festival)]
    public void Festival_Kal_SpeaksWithAlignedPhonesAndWordTimes()
    {
        var u = Speak(new VoiceSpec(SynthesisEngine.Festival, "voice_kal_diphone"));
        AssertPlausible(u);
        Assert.True(u.WordTimesKnown);
        Assert.Equal(["The", "usual", "measure", "of", "a", "vision", "is", "four"], u.Words.Select(w => w.Label));
        Assert.True(u.Words.Zip(u.Words.Skip(1)).All(p => p.First.EndSample <= p.Second.StartSample), "word times overlap");
    }

    [EngineFact(SynthesisEngine.Festival)]
    public void Festival_Kal_PitchFactor_ChangesAudioNotTiming()
    {
        var voice = new VoiceSpec(SynthesisEngine.Festival, "voice_kal_diphone");
        var low = Speak(voice, new Prosody(1.0, 1.0));
        var high = Speak(voice, new Prosody(1.0, 1.35));
        Assert.Equal(low.Phones.Select(p => p.Label), high.Phones.Select(p => p.Label));
        Assert.NotEqual(low.Samples, high.Samples);
    }

    [EngineFact(SynthesisEngine.Festival)]
    public void Festival_SltHts_SlowerStretch_GivesLongerAudio()
    {
        var voice = new VoiceSpec(SynthesisEngine.Festival, "voice_cmu_us_slt_arctic_hts");
        var fast = Speak(voice, new Prosody(0.8, 1.0));
        var slow = Speak(voice, new Prosody(1.25, 1.1));
        AssertPlausible(fast);
        Assert.True(slow.Samples.Length > fast.Samples.Length * 1.2, $"{slow.Samples.Length} vs {fast.Samples.Length}");
    }

    [EngineFact(SynthesisEngine.Flite)]
    public void Flite_Kal16_SpeaksWithAlignedPhones_WordsCarrySpeechSpan()
    {
        var u = Speak(new VoiceSpec(SynthesisEngine.Flite, "kal16"));
        AssertPlausible(u);
        Assert.False(u.WordTimesKnown);
        Assert.Equal(8, u.Words.Count);
        Assert.Single(u.Words.Select(w => (w.StartSample, w.EndSample)).Distinct());
    }

    [EngineFact(SynthesisEngine.Flite)]
    public void Flite_Slt_DurationStretch_GivesLongerAudio()
    {
        var voice = new VoiceSpec(SynthesisEngine.Flite, "slt");
        var fast = Speak(voice, new Prosody(0.8, 1.0));
        var slow = Speak(voice, new Prosody(1.25, 0.9));
        Assert.True(slow.Samples.Length > fast.Samples.Length * 1.2, $"{slow.Samples.Length} vs {fast.Samples.Length}");
    }

    [EngineFact(SynthesisEngine.Espeak)]
    public void Espeak_EnUs_SpeaksWithAlignedPhonesAndWordTimes()
    {
        var u = Speak(new VoiceSpec(SynthesisEngine.Espeak, "en-us"));
        AssertPlausible(u);
        Assert.True(u.WordTimesKnown);
        // eSpeak joins an unstressed word to its neighbour without a WORD event of its own ("of a" → "of"),
        // so the words are the text's words in order, possibly with such gaps.
        var expected = new Queue<string>(["The", "usual", "measure", "of", "a", "vision", "is", "four"]);
        foreach (var word in u.Words)
        {
            while (expected.Count > 0 && expected.Peek() != word.Label)
            {
                expected.Dequeue();
            }
            Assert.True(expected.Count > 0, $"word '{word.Label}' is not in the text, in order");
            expected.Dequeue();
        }
        Assert.Contains(u.Words, w => w.Label == "measure");
        Assert.Contains(u.Words, w => w.Label == "vision");
        Assert.True(u.Words.Zip(u.Words.Skip(1)).All(p => p.First.EndSample <= p.Second.StartSample), "word times overlap");
    }

    [EngineFact(SynthesisEngine.Espeak)]
    public void Espeak_VariantAndRate_AreApplied()
    {
        var voice = new VoiceSpec(SynthesisEngine.Espeak, "en-gb-x-rp+f2");
        var fast = Speak(voice, new Prosody(0.8, 1.2));
        var slow = Speak(voice, new Prosody(1.25, 0.8));
        AssertPlausible(slow);
        Assert.True(slow.Samples.Length > fast.Samples.Length * 1.2, $"{slow.Samples.Length} vs {fast.Samples.Length}");
    }

    [EngineFact(SynthesisEngine.Espeak)]
    public void Espeak_UnknownVoice_FailsClearly()
    {
        var synthesizer = new EspeakSynthesizer(new VoiceSpec(SynthesisEngine.Espeak, "xx-nonexistent"));
        var ex = Assert.Throws<SynthesisException>(() => synthesizer.Synthesize([new SynthesisRequest("x", "hello there", Prosody.Neutral)]));
        Assert.Contains("xx-nonexistent", ex.Message);
    }

    [Fact]
    public void AtLeastTenDefaultVoices_FromThreeEngines()
    {
        Assert.True(VoiceCatalog.Default.Count >= 10);
        Assert.Equal(3, VoiceCatalog.Default.Select(v => v.Engine).Distinct().Count());
        Assert.Equal(VoiceCatalog.Default.Count, VoiceCatalog.Default.Select(v => v.SpeakerId).Distinct().Count());
    }
}
