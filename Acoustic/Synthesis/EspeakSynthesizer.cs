using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>
/// eSpeak NG in-process through libespeak-ng.so.1 in synchronous mode with phoneme events (eSpeak mnemonics,
/// not IPA: they are ASCII and one event per phoneme, which maps cleanly). The library is one global state,
/// so every call is serialised by a process-wide lock; speed comes from its being far faster than real time.
/// </summary>
public sealed unsafe class EspeakSynthesizer : ISpeechSynthesizer
{
    private const int DefaultRateWordsPerMinute = 175;
    private const int DefaultPitch = 50;

    private static readonly Lock s_lock = new();
    private static int s_sampleRate;
    private static EventCollector? s_collector;

    /// <summary>Creates the synthesizer for an eSpeak voice name such as <c>en-us</c> or <c>en-gb-x-rp+f3</c>.</summary>
    public EspeakSynthesizer(VoiceSpec voice)
    {
        if (voice.Engine != SynthesisEngine.Espeak)
        {
            throw new ArgumentException($"{voice} is not an espeak voice.", nameof(voice));
        }
        Voice = voice;
    }

    /// <inheritdoc />
    public VoiceSpec Voice { get; }

    /// <summary>True when libespeak-ng.so.1 can be loaded.</summary>
    public static bool IsAvailable()
    {
        if (NativeLibrary.TryLoad("libespeak-ng.so.1", out var handle))
        {
            NativeLibrary.Free(handle);
            return true;
        }
        return false;
    }

    /// <inheritdoc />
    public IReadOnlyList<EngineUtterance> Synthesize(IReadOnlyList<SynthesisRequest> requests, CancellationToken cancellationToken = default)
    {
        var results = new List<EngineUtterance>(requests.Count);
        foreach (var request in requests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(SynthesizeOne(request));
        }
        return results;
    }

    private EngineUtterance SynthesizeOne(SynthesisRequest request)
    {
        EventCollector collector;
        int sampleRate;
        lock (s_lock)
        {
            sampleRate = EnsureInitialized();
            if (EspeakNative.SetVoiceByName(Voice.EngineVoice) != 0)
            {
                throw new SynthesisException($"espeak-ng has no voice '{Voice.EngineVoice}' (see espeak-ng --voices=en).");
            }
            var rate = (int)Math.Round(DefaultRateWordsPerMinute / request.Prosody.DurationStretch);
            EspeakNative.SetParameter(EspeakNative.ParameterRate, Math.Clamp(rate, 80, 450), 0);
            var pitch = (int)Math.Round(DefaultPitch * request.Prosody.PitchFactor);
            EspeakNative.SetParameter(EspeakNative.ParameterPitch, Math.Clamp(pitch, 0, 100), 0);

            collector = new EventCollector();
            s_collector = collector;
            try
            {
                var text = Encoding.UTF8.GetBytes(request.Text + "\0");
                fixed (byte* textPointer = text)
                {
                    var error = EspeakNative.Synth(textPointer, (nuint)text.Length, 0, 1, 0,
                                                   EspeakNative.CharsUtf8, null, 0);
                    if (error != 0)
                    {
                        throw new SynthesisException($"espeak_Synth failed with error {error} for '{request.Text}'.");
                    }
                }
                EspeakNative.Synchronize();
            }
            finally
            {
                s_collector = null;
            }
        }
        return collector.ToUtterance(request, sampleRate);
    }

    private static int EnsureInitialized()
    {
        if (s_sampleRate > 0)
        {
            return s_sampleRate;
        }
        var rate = EspeakNative.Initialize(EspeakNative.AudioOutputSynchronous, 0, null,
                                           EspeakNative.InitializePhonemeEvents | EspeakNative.InitializeDontExit);
        if (rate <= 0)
        {
            throw new SynthesisException("espeak_Initialize failed: is espeak-ng-data installed (package espeak-ng-data)?");
        }
        EspeakNative.SetSynthCallback(&OnSynth);
        s_sampleRate = rate;
        return rate;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnSynth(short* wav, int numSamples, EspeakNative.Event* events)
    {
        var collector = s_collector;
        if (collector is null)
        {
            return 1;
        }
        if (wav is not null && numSamples > 0)
        {
            collector.AddAudio(new ReadOnlySpan<short>(wav, numSamples));
        }
        for (var e = events; e is not null && e->Type != EspeakNative.EventListTerminated; e++)
        {
            collector.AddEvent(*e);
        }
        return 0;
    }

    /// <summary>Gathers one utterance's audio and events as the callback delivers them.</summary>
    private sealed class EventCollector
    {
        private readonly List<short> _audio = [];
        private readonly List<(long Ms, string Name)> _phonemes = [];
        private readonly List<(long Ms, int TextPosition, int Length)> _words = [];

        public void AddAudio(ReadOnlySpan<short> samples) => _audio.AddRange(samples);

        public void AddEvent(EspeakNative.Event e)
        {
            switch (e.Type)
            {
                case EspeakNative.EventPhoneme:
                    _phonemes.Add((e.AudioPositionMs, DecodeName(e.Id)));
                    break;
                case EspeakNative.EventWord:
                    _words.Add((e.AudioPositionMs, e.TextPosition, e.Length));
                    break;
            }
        }

        private static string DecodeName(long id)
        {
            Span<byte> bytes = stackalloc byte[8];
            MemoryMarshal.Write(bytes, in id);
            var length = bytes.IndexOf((byte)0);
            return Encoding.UTF8.GetString(length < 0 ? bytes : bytes[..length]);
        }

        public EngineUtterance ToUtterance(SynthesisRequest request, int sampleRate)
        {
            var samples = new float[_audio.Count];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = _audio[i] / 32768f;
            }
            long total = samples.Length;
            long ToSample(long ms) => Math.Min(total, ms * sampleRate / 1000);

            var phones = new List<TimedSegment>();
            for (var i = 0; i < _phonemes.Count; i++)
            {
                var start = ToSample(_phonemes[i].Ms);
                var end = i + 1 < _phonemes.Count ? ToSample(_phonemes[i + 1].Ms) : total;
                if (end > start)
                {
                    phones.Add(new TimedSegment(start, end, _phonemes[i].Name));
                }
            }

            var words = new List<TimedSegment>();
            long previousEnd = 0;
            for (var i = 0; i < _words.Count; i++)
            {
                var (ms, position, length) = _words[i];
                // WORD events fire a few ms before the word's first phone, inside the previous word.
                var start = Math.Max(ToSample(ms), previousEnd);
                var next = i + 1 < _words.Count ? ToSample(_words[i + 1].Ms) : total;
                // A word ends where its last sounding phone ends, not where the following pause ends.
                var end = phones.Where(p => p.StartSample >= start && p.StartSample < next && !EspeakPhoneMap.IsPause(p.Label))
                                .Select(p => p.EndSample).DefaultIfEmpty(next).Max();
                var text = position >= 1 && position - 1 + length <= request.Text.Length
                    ? request.Text.Substring(position - 1, length)
                    : $"word{i}";
                words.Add(new TimedSegment(start, Math.Max(start, end), text));
                previousEnd = Math.Max(start, end);
            }
            return new EngineUtterance(request, samples, sampleRate, phones, words, WordTimesKnown: true);
        }
    }
}
