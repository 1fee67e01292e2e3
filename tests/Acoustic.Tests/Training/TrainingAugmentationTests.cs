namespace AcousticDistill.Acoustic.Tests.Training;

public sealed class TrainingAugmentationTests
{
    private static float[] Tone(double hz, int samples, int rate = 8000) =>
        Enumerable.Range(0, samples).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * hz * i / rate))).ToArray();

    // Zero crossings per second / 2: the tone's frequency, away from the edges.
    private static double Frequency(float[] audio, int rate = 8000)
    {
        var crossings = 0;
        for (var i = 1001; i < audio.Length - 1000; i++)
        {
            if ((audio[i - 1] < 0) != (audio[i] < 0))
            {
                crossings++;
            }
        }
        return crossings / 2.0 * rate / (audio.Length - 2001);
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(1.1)]
    public void ChangeSpeed_ScalesLengthPitchAndPhones(double speed)
    {
        var audio = Tone(1000, 8000);
        TimedSegment[] phones = [new(0, 3000, "sil"), new(3000, 6000, "w"), new(6000, 8000, "sil")];

        var (fast, fastPhones) = TrainingAugmentation.ChangeSpeed(audio, phones, 8000, speed);

        Assert.Equal((int)Math.Round(8000 / speed), fast.Length);
        Assert.InRange(Frequency(fast), (1000 * speed) - 10, (1000 * speed) + 10);
        Assert.Equal(Math.Round(3000 / speed), fastPhones[1].StartSample);
        Assert.Equal(fast.Length, fastPhones[^1].EndSample);
        var options = new FbankOptions { SampleFrequency = 8000 };
        var labels = FrameLabeler.Label(fastPhones, fast.Length, 8000, options.WindowLength, options.WindowShift);
        Assert.Equal(new FilterbankExtractor(options).Compute(fast).Frames, labels.Length);
    }

    [Fact]
    public void Validate_RejectsSpeedOneAndAbsurdSpeeds()
    {
        Assert.Throws<ArgumentException>(() => new TrainingAugmentation { Speeds = [1.0] }.Validate());
        Assert.Throws<ArgumentException>(() => new TrainingAugmentation { Speeds = [3.0] }.Validate());
        Assert.Equal(4, new TrainingAugmentation { Speeds = [0.9, 1.1], Vtlp = new VtlpOptions { Copies = 1 } }.Versions);
    }
}
