namespace AcousticDistill.Cli.Commands;

/// <summary>Options of the verbs that compute the filterbank of one WAV file (features, bench fbank).</summary>
internal class FbankFileSettings : CommandSettings
{
    [CommandOption("--wav <FILE>")]
    [Description("WAV file to analyse (PCM or IEEE float, mono or stereo).")]
    public string? Wav { get; init; }

    [CommandOption("--rate <HZ>")]
    [Description("Sample rate to compute features at; the audio is resampled to it. Default: the WAV file's own rate.")]
    public int? Rate { get; init; }

    [CommandOption("--bins <N>")]
    [Description("Number of mel bins.")]
    [DefaultValue(40)]
    public int Bins { get; init; } = 40;

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Wav))
        {
            return ValidationResult.Error("--wav FILE is required.");
        }
        return Rate is <= 0 ? ValidationResult.Error($"--rate must be a positive number of Hz, got {Rate}.") : ValidationResult.Success();
    }

    /// <summary>The file's samples at the chosen rate, and the (validated) filterbank options for that rate.</summary>
    public (float[] Samples, FbankOptions Options) ReadAudio()
    {
        var rate = Rate ?? WavDecoder.ReadSampleRate(Wav!);
        var options = new FbankOptions { SampleFrequency = rate, NumMelBins = Bins };
        options.Validate();
        return (WavDecoder.DecodeFile(Wav!, rate), options);
    }
}
