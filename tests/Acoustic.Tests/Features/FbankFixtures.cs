using System.Text.Json;

namespace AcousticDistill.Acoustic.Tests.Features;

/// <summary>Reads the torchaudio golden cases written by scripts/fixtures/make_fbank_fixtures.py.</summary>
internal static class FbankFixtures
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "fbank");

    private static readonly Lazy<JsonDocument> s_manifest =
        new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "cases.json"))));

    public static IEnumerable<string> CaseNames =>
        s_manifest.Value.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!);

    public static IEnumerable<(int Rate, int Bins, int FirstEmptyBin)> EmptyMelBinLayouts =>
        s_manifest.Value.RootElement.GetProperty("empty_mel_bin").EnumerateArray().Select(e => (
            e.GetProperty("sample_frequency").GetInt32(),
            e.GetProperty("num_mel_bins").GetInt32(),
            e.GetProperty("first_empty_bin").GetInt32()));

    public static GoldenCase Load(string name)
    {
        var element = s_manifest.Value.RootElement.GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == name);
        var options = ToOptions(element.GetProperty("args"));
        var samples = WavDecoder.DecodeFile(Path.Combine(Directory, element.GetProperty("wav").GetString()!),
                                            (int)options.SampleFrequency);
        var frames = element.GetProperty("frames").GetInt32();
        var dim = element.GetProperty("dim").GetInt32();
        var bytes = File.ReadAllBytes(Path.Combine(Directory, name + ".f32"));
        var expected = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] = BitConverter.ToSingle(bytes, i * sizeof(float));
        }
        return new GoldenCase(name, options, samples, new FeatureMatrix(expected, frames, dim));
    }

    // Kaldi/torchaudio argument names → our options; anything not listed is a fixture the test can't read.
    private static FbankOptions ToOptions(JsonElement args)
    {
        var options = new FbankOptions();
        foreach (var arg in args.EnumerateObject())
        {
            var v = arg.Value;
            switch (arg.Name)
            {
                case "sample_frequency": options.SampleFrequency = v.GetDouble(); break;
                case "dither": options.Dither = v.GetSingle(); break;
                case "energy_floor": options.EnergyFloor = v.GetSingle(); break;
                case "num_mel_bins": options.NumMelBins = v.GetInt32(); break;
                case "window_type": options.WindowType = Enum.Parse<FeatureWindowType>(v.GetString()!, ignoreCase: true); break;
                case "use_energy": options.UseEnergy = v.GetBoolean(); break;
                case "raw_energy": options.RawEnergy = v.GetBoolean(); break;
                case "use_power": options.UsePower = v.GetBoolean(); break;
                case "round_to_power_of_two": options.RoundToPowerOfTwo = v.GetBoolean(); break;
                case "low_freq": options.LowFreq = v.GetDouble(); break;
                case "high_freq": options.HighFreq = v.GetDouble(); break;
                case "preemphasis_coefficient": options.PreemphasisCoefficient = v.GetSingle(); break;
                case "remove_dc_offset": options.RemoveDcOffset = v.GetBoolean(); break;
                case "frame_length": options.FrameLengthMs = v.GetDouble(); break;
                case "frame_shift": options.FrameShiftMs = v.GetDouble(); break;
                default: throw new InvalidDataException($"Fixture argument '{arg.Name}' has no FbankOptions mapping.");
            }
        }
        return options;
    }
}

internal sealed record GoldenCase(string Name, FbankOptions Options, float[] Samples, FeatureMatrix Expected);
