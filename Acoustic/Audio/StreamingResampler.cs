using System.Runtime.InteropServices;
using NAudio.Dsp;

namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// Mono rate conversion with NAudio's managed WDL resampler in input-driven mode: feed any number of
/// samples at a time, the filter and interpolation state carry over, and <see cref="Flush"/> drains the
/// samples still held back at the end. Output is clamped to [-1, 1] and appended to a caller's list in place, so the only
/// allocations are the list's own growth and the WDL resampler's internal buffer.
/// </summary>
internal sealed class StreamingResampler
{
    private const int Mono = 1;

    // WDL stages its input in one internal buffer; feeding bounded blocks keeps that buffer small.
    private const int MaxBlock = 16_384;

    // Slack on top of the exact output estimate; WDL never needs more than a couple of extra samples.
    private const int OutputSlack = 16;

    private readonly WdlResampler _resampler = new();
    private readonly double _outputPerInput;
    private readonly int _flushPadding;
    private long _inputCount;
    private long _outputCount;

    public StreamingResampler(int sourceSampleRate, int targetSampleRate, ResamplerOptions options)
    {
        _outputPerInput = (double)targetSampleRate / sourceSampleRate;
        _resampler.SetMode(interp: true, options.FilterCount, options.UseSinc, options.SincSize, options.SincInterpolationSize);
        _resampler.SetFilterParms(options.FilterCutoff, options.FilterQ);
        _resampler.SetFeedMode(true);
        _resampler.SetRates(sourceSampleRate, targetSampleRate);
        // On flush WDL pads with zeros: twice what was requested plus twice the sinc length.
        _flushPadding = 2 + (options.UseSinc ? 2 * options.SincSize : 0);
    }

    /// <summary>Resamples <paramref name="input"/> and appends what is ready to <paramref name="output"/>.</summary>
    public int Process(ReadOnlySpan<float> input, List<float> output)
    {
        var added = 0;
        while (!input.IsEmpty)
        {
            var wanted = Math.Min(input.Length, MaxBlock);
            var accepted = _resampler.ResamplePrepare(wanted, Mono, out var staging);
            if (accepted <= 0)
            {
                throw new AudioFormatException("resampler refused input (internal buffer could not grow).");
            }
            input[..accepted].CopyTo(staging);
            input = input[accepted..];
            _inputCount += accepted;
            added += Drain(accepted, output);
        }
        return added;
    }

    /// <summary>Emits the samples WDL holds back for interpolation; call once at end of stream.</summary>
    public int Flush(List<float> output)
    {
        // Requesting input and then supplying none is WDL's signal to pad with zeros and drain.
        _resampler.ResamplePrepare(1, Mono, out _);
        return Drain(0, output, _flushPadding);
    }

    /// <summary>Forgets all state so the instance can start a new stream.</summary>
    public void Reset()
    {
        _resampler.Reset();
        _inputCount = 0;
        _outputCount = 0;
    }

    private int Drain(int suppliedInput, List<float> output, int padding = 0)
    {
        // Everything fed so far, plus padding, bounds the output WDL can produce now.
        var expectedTotal = (long)Math.Ceiling((_inputCount + padding) * _outputPerInput);
        var capacity = (int)Math.Max(0, expectedTotal - _outputCount) + OutputSlack;
        var start = output.Count;
        CollectionsMarshal.SetCount(output, start + capacity);
        var produced = _resampler.ResampleOut(CollectionsMarshal.AsSpan(output).Slice(start, capacity), suppliedInput, capacity, Mono);
        // Sinc interpolation overshoots near full-scale edges (Gibbs); callers are promised [-1, 1].
        foreach (ref var sample in CollectionsMarshal.AsSpan(output).Slice(start, produced))
        {
            sample = Math.Clamp(sample, -1f, 1f);
        }
        CollectionsMarshal.SetCount(output, start + produced);
        _outputCount += produced;
        return produced;
    }
}
