using System.Collections.Immutable;

namespace AcousticDistill.Gateway.Streaming;

/// <summary>A stream's settings as they build up: query string first (<c>model</c>, <c>sample_rate</c>), then the config message.</summary>
public sealed class StreamOptions
{
    /// <summary>Rate assumed when neither the query nor a config message gives one.</summary>
    public const int DefaultSampleRate = 16000;

    /// <summary>Stream sample rate.</summary>
    public int SampleRate { get; set; } = DefaultSampleRate;

    /// <summary>Requested model family (null = by sample rate).</summary>
    public string? Family { get; set; }

    /// <summary>Word times wanted in finals.</summary>
    public bool Words { get; set; }

    /// <summary>Phrase list (empty = the family's default grammar).</summary>
    public ImmutableArray<string> PhraseList { get; set; } = [];

    /// <summary>Word boosts for open vocabulary (empty = none).</summary>
    public ImmutableDictionary<string, float> Boost { get; set; } = ImmutableDictionary<string, float>.Empty;

    /// <summary>Settings from the request's query; <see cref="StreamError"/> for a malformed value.</summary>
    public static StreamOptions FromQuery(IQueryCollection query)
    {
        var options = new StreamOptions { Family = query["model"].FirstOrDefault() };
        if (query["sample_rate"].FirstOrDefault() is { } rate)
        {
            options.SampleRate = int.TryParse(rate, out var value) ? value
                : throw new StreamError("bad_config", $"sample_rate '{rate}' is not a whole number of Hz.");
        }
        if (query["words"].FirstOrDefault() is { } words)
        {
            options.Words = words is "1" or "true";
        }
        return options;
    }

    /// <summary>Applies a config message.</summary>
    public void Apply(VoskConfig config)
    {
        SampleRate = config.SampleRate ?? SampleRate;
        Words = config.Words ?? Words;
        if (!config.PhraseList.IsDefaultOrEmpty)
        {
            PhraseList = config.PhraseList;
        }
        if (!config.Boost.IsEmpty)
        {
            Boost = config.Boost;
        }
    }

    /// <summary>The session's configuration.</summary>
    public RecognitionConfig ToConfig() => new(SampleRate, Family, Words, PhraseList) { Boost = Boost };
}
