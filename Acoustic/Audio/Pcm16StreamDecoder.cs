using System.Runtime.InteropServices;

namespace AcousticDistill.Acoustic.Audio;

/// <summary>
/// Decodes live raw audio (16-bit signed little-endian mono PCM) arriving in chunks of any size into
/// float samples in [-1, 1] at a target rate. A chunk may end in the middle of a sample: the odd byte is
/// kept and joined with the next chunk. Resampling state carries across chunks, so feeding a stream in
/// pieces gives the samples one call would (bit-identical at equal rates). Call <see cref="Finish"/> at
/// end of stream to drain the resampler. Not thread-safe: one instance per stream.
/// </summary>
public sealed class Pcm16StreamDecoder
{
    private const int BytesPerSample = 2;

    private readonly StreamingResampler? _resampler;
    private float[] _scratch = [];
    private byte? _pendingByte;
    private bool _finished;

    /// <summary>Creates a decoder from <paramref name="sourceSampleRate"/> to <paramref name="targetSampleRate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is outside the range of <see cref="WavDecodeOptions"/> defaults.</exception>
    public Pcm16StreamDecoder(int sourceSampleRate, int targetSampleRate, ResamplerOptions? resamplerOptions = null)
    {
        var limits = WavDecodeOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceSampleRate, limits.MinSampleRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sourceSampleRate, limits.MaxSampleRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetSampleRate, limits.MinSampleRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetSampleRate, limits.MaxSampleRate);
        SourceSampleRate = sourceSampleRate;
        TargetSampleRate = targetSampleRate;
        if (sourceSampleRate != targetSampleRate)
        {
            _resampler = new StreamingResampler(sourceSampleRate, targetSampleRate, resamplerOptions ?? ResamplerOptions.Default);
        }
    }

    /// <summary>Rate of the incoming PCM, in Hz.</summary>
    public int SourceSampleRate { get; }

    /// <summary>Rate of the samples produced, in Hz.</summary>
    public int TargetSampleRate { get; }

    /// <summary>
    /// Decodes <paramref name="chunk"/> and appends the samples that are ready to <paramref name="output"/>.
    /// With resampling a few samples stay held back for interpolation until later chunks or <see cref="Finish"/>.
    /// </summary>
    /// <returns>The number of samples appended.</returns>
    /// <exception cref="InvalidOperationException">Called after <see cref="Finish"/> without <see cref="Reset"/>.</exception>
    public int Accept(ReadOnlySpan<byte> chunk, List<float> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_finished)
        {
            throw new InvalidOperationException("the stream was already finished; call Reset to start a new one.");
        }
        if (chunk.IsEmpty)
        {
            return 0;
        }
        var added = 0;
        if (_pendingByte is { } low)
        {
            ReadOnlySpan<byte> joined = [low, chunk[0]];
            _pendingByte = null;
            added += Emit(joined, output);
            chunk = chunk[1..];
        }
        var whole = chunk.Length - chunk.Length % BytesPerSample;
        added += Emit(chunk[..whole], output);
        if (whole < chunk.Length)
        {
            _pendingByte = chunk[whole];
        }
        return added;
    }

    /// <summary>Ends the stream: appends the samples the resampler still holds to <paramref name="output"/>.</summary>
    /// <returns>The number of samples appended.</returns>
    /// <exception cref="AudioFormatException">The stream ended with half a sample (an odd number of bytes in total).</exception>
    public int Finish(List<float> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_finished)
        {
            return 0;
        }
        _finished = true;
        if (_pendingByte is not null)
        {
            throw new AudioFormatException(
                "raw PCM stream ended in the middle of a 16-bit sample (odd number of bytes in total).");
        }
        return _resampler?.Flush(output) ?? 0;
    }

    /// <summary>Forgets all state (pending byte, resampler history) to decode a new stream.</summary>
    public void Reset()
    {
        _resampler?.Reset();
        _pendingByte = null;
        _finished = false;
    }

    private int Emit(ReadOnlySpan<byte> pcm, List<float> output)
    {
        var count = pcm.Length / BytesPerSample;
        if (count == 0)
        {
            return 0;
        }
        if (_resampler is null)
        {
            var start = output.Count;
            CollectionsMarshal.SetCount(output, start + count);
            SampleConverter.FromPcm16(pcm, CollectionsMarshal.AsSpan(output).Slice(start, count));
            return count;
        }
        if (_scratch.Length < count)
        {
            _scratch = new float[count];
        }
        var samples = _scratch.AsSpan(0, count);
        SampleConverter.FromPcm16(pcm, samples);
        return _resampler.Process(samples, output);
    }
}
