using System.Text;

namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>
/// One synthetic speaker: an engine and the engine's own voice name (e.g. <c>voice_kal_diphone</c>,
/// <c>slt</c>, <c>en-us+f3</c>). The speaker id used in corpora is derived from both.
/// </summary>
public sealed record VoiceSpec(SynthesisEngine Engine, string EngineVoice)
{
    /// <summary>Speaker id in a corpus, e.g. <c>festival-kal</c>, <c>flite-slt</c>, <c>espeak-en-us-f3</c>.</summary>
    public string SpeakerId
    {
        get
        {
            var name = EngineVoice;
            if (Engine == SynthesisEngine.Festival && name.StartsWith("voice_", StringComparison.Ordinal))
            {
                name = name["voice_".Length..].Replace("_diphone", "", StringComparison.Ordinal)
                                              .Replace("cmu_us_", "", StringComparison.Ordinal)
                                              .Replace("_arctic_hts", "", StringComparison.Ordinal);
            }
            var clean = new StringBuilder();
            foreach (var c in name.ToLowerInvariant())
            {
                clean.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
            }
            return $"{Engine.ToString().ToLowerInvariant()}-{clean}";
        }
    }

    /// <summary>Parses <c>engine:voice</c>, e.g. <c>flite:slt</c> or <c>espeak:en-gb-x-rp+m3</c>.</summary>
    public static VoiceSpec Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1
            || !Enum.TryParse<SynthesisEngine>(text[..colon], ignoreCase: true, out var engine)
            || !Enum.IsDefined(engine))
        {
            throw new ArgumentException(
                $"'{text}' is not a voice: expected engine:voice with engine festival, flite or espeak (e.g. flite:slt).");
        }
        return new VoiceSpec(engine, text[(colon + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Engine.ToString().ToLowerInvariant()}:{EngineVoice}";
}
