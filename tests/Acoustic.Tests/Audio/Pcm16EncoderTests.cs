namespace AcousticDistill.Acoustic.Tests.Audio;

public sealed class Pcm16EncoderTests
{
    [Fact]
    public void Encode_ThenStreamDecode_RoundTripsWithinOneStep()
    {
        var samples = Enumerable.Range(0, 1000).Select(i => (float)Math.Sin(i * 0.05) * 0.9f).ToArray();

        var bytes = Pcm16Encoder.Encode(samples);
        var decoded = new List<float>();
        var decoder = new Pcm16StreamDecoder(16000, 16000);
        decoder.Accept(bytes, decoded);
        decoder.Finish(decoded);

        Assert.Equal(2000, bytes.Length);
        Assert.Equal(samples.Length, decoded.Count);
        Assert.All(samples.Zip(decoded), p => Assert.InRange(p.Second - p.First, -1.5f / 32768, 1.5f / 32768));
    }

    [Fact]
    public void Encode_OutOfRange_ClipsToTheSixteenBitLimits()
    {
        var bytes = Pcm16Encoder.Encode([2f, -2f, 0f]);

        Assert.Equal(short.MaxValue, BitConverter.ToInt16(bytes, 0));
        Assert.Equal(short.MinValue, BitConverter.ToInt16(bytes, 2));
        Assert.Equal(0, BitConverter.ToInt16(bytes, 4));
    }
}
