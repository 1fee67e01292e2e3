using System.Text;

namespace AcousticDistill.Acoustic.Tests.Corpus;

public sealed class TimitImporterTests
{
    private const string Phones = "0 1000 h#\n1000 1500 bcl\n1500 2000 b\n2000 2200 q\n2200 4000 iy\n4000 5000 dx\n5000 6000 ax-h\n6000 8000 h#\n";

    private static short[] Tone(int count) =>
        Enumerable.Range(0, count).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 300 * i / 16000))).ToArray();

    internal static void WriteSphere(string path, short[] samples, string coding = "pcm", bool bigEndian = false)
    {
        var header = new StringBuilder("NIST_1A\n   1024\n")
            .Append($"sample_count -i {samples.Length}\nsample_rate -i 16000\nchannel_count -i 1\nsample_n_bytes -i 2\n")
            .Append($"sample_byte_format -s2 {(bigEndian ? "10" : "01")}\nsample_coding -s{coding.Length} {coding}\nend_head\n");
        var bytes = new byte[1024 + 2 * samples.Length];
        Array.Fill(bytes, (byte)' ', 0, 1024);
        Encoding.ASCII.GetBytes(header.ToString()).CopyTo(bytes, 0);
        for (var i = 0; i < samples.Length; i++)
        {
            var (hi, lo) = ((byte)(samples[i] >> 8), (byte)samples[i]);
            bytes[1024 + 2 * i] = bigEndian ? hi : lo;
            bytes[1024 + 2 * i + 1] = bigEndian ? lo : hi;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static void WriteUtterance(string speakerDir, string name, string text, bool sphere = true, bool upper = true)
    {
        string P(string ext) => Path.Combine(speakerDir, upper ? name.ToUpperInvariant() + ext.ToUpperInvariant() : name + ext);
        if (sphere)
        {
            WriteSphere(P(".wav"), Tone(8000));
        }
        else
        {
            Directory.CreateDirectory(speakerDir);
            WavWriter.WritePcm16(P(".wav"), Tone(8000).Select(s => s / 32768f).ToArray(), 16000);
        }
        File.WriteAllText(P(".phn"), Phones);
        var words = text.TrimEnd('.').Split(' ');
        File.WriteAllText(P(".wrd"), string.Join("", words.Select((w, i) => $"{1500 + 1000 * i} {2500 + 1000 * i} {w.ToLowerInvariant()}\n")));
        File.WriteAllText(P(".txt"), $"0 8000 {text}\n");
    }

    private static string MakeTimit(string root)
    {
        var timit = Path.Combine(root, "timit");
        WriteUtterance(Path.Combine(timit, "TRAIN", "DR1", "FCJF0"), "si1027", "Bee tea ahh.");
        WriteUtterance(Path.Combine(timit, "TRAIN", "DR1", "FCJF0"), "sa1", "She had your dark suit.");
        WriteUtterance(Path.Combine(timit, "TRAIN", "dr2", "mabc0"), "sx1", "Shared with test.", sphere: false, upper: false);
        WriteUtterance(Path.Combine(timit, "TRAIN", "dr2", "mabc0"), "sx2", "Only in train.", sphere: false, upper: false);
        WriteUtterance(Path.Combine(timit, "TEST", "DR1", "FAKS0"), "sx3", "Shared with test.");
        WriteUtterance(Path.Combine(timit, "TEST", "DR1", "MDAB0"), "si4", "Test speaker two.");
        WriteUtterance(Path.Combine(timit, "TEST", "DR1", "MWBT0"), "si5", "Dev speaker own text.");
        WriteUtterance(Path.Combine(timit, "TEST", "DR1", "MWBT0"), "sx6", "Bee tea ahh.");
        return timit;
    }

    [Fact]
    public void Import_FoldsPhones_MapsSplits_AndKeepsTextsDisjoint()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out");
        var report = new TimitImporter(new TimitImportOptions { TimitDirectory = MakeTimit(dir.Path), OutputDirectory = output }).Import();
        var manifest = CorpusManifest.Load(output);

        Assert.Equal(1, report.SkippedSaSentences);
        Assert.Equal(2, report.DroppedForSharedText);
        Assert.Equal(["dr1-fcjf0-si1027", "dr2-mabc0-sx2"], manifest.InSplit(CorpusSplit.Train).Select(u => u.Id));
        Assert.Equal(["dr1-faks0-sx3", "dr1-mdab0-si4"], manifest.InSplit(CorpusSplit.Test).Select(u => u.Id));
        Assert.Equal(["dr1-mwbt0-si5"], manifest.InSplit(CorpusSplit.Dev).Select(u => u.Id));

        var first = manifest.Utterances.Single(u => u.Id == "dr1-fcjf0-si1027");
        Assert.Equal("Bee tea ahh.", first.Text);
        Assert.Equal(8000, first.NumSamples);
        Assert.Equal(
        [
            new TimedSegment(0, 1500, "sil"), new TimedSegment(1500, 2200, "b"), new TimedSegment(2200, 4000, "iy"),
            new TimedSegment(4000, 5000, "t"), new TimedSegment(5000, 6000, "ah"), new TimedSegment(6000, 8000, "sil"),
        ], AlignmentFile.Read(Path.Combine(output, first.PhonePath)));
        Assert.Equal(new TimedSegment(1500, 2500, "bee"), AlignmentFile.Read(Path.Combine(output, first.WordPath))[0]);
        var audio = WavDecoder.DecodeFile(Path.Combine(output, first.AudioPath), 16000);
        Assert.Equal(Tone(8000).Select(s => s / 32768f), audio, (a, b) => Math.Abs(a - b) < 1e-4f);
    }

    [Fact]
    public void Import_At8k_HalvesTimes()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out");
        new TimitImporter(new TimitImportOptions { TimitDirectory = MakeTimit(dir.Path), OutputDirectory = output, SampleRate = 8000 }).Import();
        var manifest = CorpusManifest.Load(output);
        Assert.Equal(8000, manifest.SampleRate);
        var riff = manifest.Utterances.Single(u => u.Id == "dr2-mabc0-sx2");
        Assert.InRange(riff.NumSamples, 3990, 4010);
        var phones = AlignmentFile.Read(Path.Combine(output, riff.PhonePath));
        Assert.Equal(new TimedSegment(750, 1100, "b"), phones[1]);
        Assert.Equal(riff.NumSamples, phones[^1].EndSample);
    }

    [Fact]
    public void Import_NotTimitLayout_SaysSo()
    {
        using var dir = new TempDirectory();
        var ex = Assert.Throws<InvalidDataException>(() =>
            new TimitImporter(new TimitImportOptions { TimitDirectory = dir.Path, OutputDirectory = Path.Combine(dir.Path, "o") }).Import());
        Assert.Contains("TRAIN", ex.Message);
    }

    [Fact]
    public void Sphere_BigEndian_Reads_AndShortenIsRefused()
    {
        using var dir = new TempDirectory();
        var big = Path.Combine(dir.Path, "big.wav");
        WriteSphere(big, [1000, -2000, 3000], bigEndian: true);
        var (samples, rate) = SphereReader.Read(big);
        Assert.Equal(16000, rate);
        Assert.Equal([1000 / 32768f, -2000 / 32768f, 3000 / 32768f], samples);

        var shortened = Path.Combine(dir.Path, "shorten.wav");
        WriteSphere(shortened, [1, 2, 3], coding: "pcm,embedded-shorten-v2.00");
        var ex = Assert.Throws<AudioFormatException>(() => SphereReader.Read(shortened));
        Assert.Contains("sph2pipe", ex.Message);
    }
}
