namespace AcousticDistill.Acoustic.Decoding;

/// <summary>Kaldi's endpoint rules (<see cref="EndpointOptions"/>) applied to where a search's best path stands.</summary>
public static class EndpointRule
{
    /// <summary>
    /// True when the utterance is over: <paramref name="frames"/> decoded, the best path's last
    /// <paramref name="silenceFrames"/> in silence, whether it holds words and whether it may end where it is.
    /// </summary>
    public static bool IsEndpoint(EndpointOptions rules, FrameTiming timing, int frames, int silenceFrames, bool hasWords, bool canEnd)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var seconds = frames * (double)timing.WindowShift / timing.SampleRate;
        var silence = silenceFrames * (double)timing.WindowShift / timing.SampleRate;
        if (seconds >= rules.MaxUtteranceSeconds)
        {
            return true;
        }
        if (!hasWords)
        {
            return silence >= rules.SilenceOnlySeconds;
        }
        return silence >= (canEnd ? rules.AfterFinalSeconds : rules.AfterWordsSeconds);
    }
}
