namespace AcousticDistill.Acoustic.Training;

/// <summary>
/// Extra versions of each training utterance, made when its features are loaded: speed-perturbed copies (the audio
/// resampled as if played <see cref="Speeds"/> times faster, which moves both tempo and formants, with the phone
/// alignment rescaled; Ko et al. 2015) and VTLP copies (<see cref="Vtlp"/>). Only for training data: dev, test and
/// serving stay as recorded, and nothing here is stored in a model.
/// </summary>
public sealed record TrainingAugmentation
{
    /// <summary>Speed factors of the speed-perturbed copies (e.g. 0.9 and 1.1); none by default.</summary>
    public IReadOnlyList<double> Speeds { get; init; } = [];

    /// <summary>Vocal tract length perturbation copies, or null for none.</summary>
    public VtlpOptions? Vtlp { get; init; }

    /// <summary>Versions of each utterance including the original.</summary>
    public int Versions => 1 + Speeds.Count + (Vtlp?.Copies ?? 0);

    /// <summary>Throws <see cref="ArgumentException"/> on unusable values.</summary>
    public void Validate()
    {
        foreach (var speed in Speeds)
        {
            if (!double.IsFinite(speed) || speed < 0.5 || speed > 2.0 || speed == 1.0)
            {
                throw new ArgumentException($"Speed factors must be in [0.5, 2] and not 1, got {speed}.");
            }
        }
        Vtlp?.Validate();
    }

    /// <summary>
    /// <paramref name="audio"/> at <paramref name="sampleRate"/> played <paramref name="speed"/> times faster (read as
    /// if recorded at rate × speed and resampled back to the rate), and its phones rescaled to match.
    /// </summary>
    public static (float[] Audio, IReadOnlyList<TimedSegment> Phones) ChangeSpeed(
        float[] audio, IReadOnlyList<TimedSegment> phones, int sampleRate, double speed)
    {
        var resampler = new StreamingResampler((int)Math.Round(sampleRate * speed), sampleRate, ResamplerOptions.Default);
        var output = new List<float>(audio.Length + 256);
        resampler.Process(audio, output);
        resampler.Flush(output);
        var length = (int)Math.Round(audio.Length / speed);
        var result = new float[length];
        output.CopyTo(0, result, 0, Math.Min(length, output.Count));
        var scaled = new TimedSegment[phones.Count];
        for (var i = 0; i < phones.Count; i++)
        {
            var start = (long)Math.Round(phones[i].StartSample / speed);
            var end = i == phones.Count - 1 && phones[i].EndSample >= audio.Length
                ? length
                : (long)Math.Round(phones[i].EndSample / speed);
            scaled[i] = phones[i] with { StartSample = start, EndSample = end };
        }
        return (result, scaled);
    }
}
