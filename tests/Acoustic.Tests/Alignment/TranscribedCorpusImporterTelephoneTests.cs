using AcousticDistill.Acoustic.Alignment;
using AcousticDistill.Acoustic.Tests.Decoding;

namespace AcousticDistill.Acoustic.Tests.Alignment;

/// <summary>
/// The importer with a wide-band (16 kHz, untrained) aligner: raw AN4-style input is read, and with the telephone
/// channel the corpus is written at 8 kHz with the alignment rescaled so that it still tiles the audio.
/// </summary>
public sealed class TranscribedCorpusImporterTelephoneTests : IDisposable
{
    private const int WideRate = 16000;

    private readonly TempDirectory _input = new();
    private readonly TempDirectory _output = new();

    public void Dispose()
    {
        _input.Dispose();
        _output.Dispose();
    }

    private static ForcedAligner UntrainedAligner16k()
    {
        var architecture = TestModels.Tiny(featureDim: 40, context: 2, classes: PhoneSet.ClassCount);
        using var model = new FrameClassifier(architecture);
        var artifact = ModelArtifact.Deserialize(ModelArtifact.Serialize(model, TestModels.MetadataFor(architecture)));
        Assert.Equal(WideRate, new AcousticScorer(artifact).SampleRate);
        return new ForcedAligner(new AcousticScorer(artifact), TestLexicon.Digits());
    }

    private static float[] Hum(int samples) => Enumerable.Range(0, samples).Select(i => (float)(0.2 * Math.Sin(i * 0.07))).ToArray();

    // A WAV file and a big-endian raw file of different, odd and even lengths.
    private IReadOnlyList<TranscribedFile> WriteInputs()
    {
        var wav = Path.Combine(_input.Path, "ann-1.wav");
        WavWriter.WritePcm16(wav, Hum(12345), WideRate);
        var raw = Path.Combine(_input.Path, "bob-1.raw");
        File.WriteAllBytes(raw, SyntheticAn4.BigEndianBytes(Hum(9600)));
        return
        [
            new TranscribedFile(wav, "ann-1", "ann", "one two"),
            new TranscribedFile(raw, "bob-1", "bob", "three") { Raw = new RawPcmFormat(WideRate, BigEndian: true) },
        ];
    }

    [Fact]
    public void Import_TelephoneChannel_Writes8kHzAudioWithHalfTheSamples_AndPhonesTilingIt()
    {
        var files = WriteInputs();

        var report = new TranscribedCorpusImporter(UntrainedAligner16k(), WideRate).Import(files,
            new TranscribedImportOptions { OutputDirectory = _output.Path, TelephoneChannel = true, TestSpeakers = new HashSet<string> { "bob" } });

        Assert.Empty(report.Failed);
        var manifest = CorpusManifest.Load(_output.Path);
        Assert.Equal(8000, manifest.SampleRate);
        Assert.Equal(["ann-1", "bob-1"], manifest.Utterances.Select(u => u.Id));
        Assert.All(manifest.Utterances.Zip([12345, 9600]), p => Assert.InRange(p.First.NumSamples, p.Second / 2 - 8, p.Second / 2 + 8));
        Assert.All(manifest.Utterances, u =>
        {
            var (samples, rate) = WavDecoder.DecodeFileAtItsRate(Path.Combine(_output.Path, u.AudioPath));
            Assert.Equal(8000, rate);
            Assert.Equal(u.NumSamples, samples.Length);
            foreach (var path in new[] { u.PhonePath, u.WordPath })
            {
                var segments = AlignmentFile.Read(Path.Combine(_output.Path, path));
                Assert.Equal(0, segments[0].StartSample);
                Assert.Equal(u.NumSamples, segments[^1].EndSample);
                Assert.All(segments.Zip(segments.Skip(1)), p => Assert.Equal(p.First.EndSample, p.Second.StartSample));
                Assert.All(segments, s => Assert.True(s.StartSample < s.EndSample, $"{path}: empty segment {s}"));
            }
            var phones = AlignmentFile.Read(Path.Combine(_output.Path, u.PhonePath));
            Assert.NotEmpty(FrameLabeler.Label(phones, u.NumSamples, 8000, 200, 80));
        });
    }

    [Fact]
    public void Import_RawFile_IsReadInItsByteOrder()
    {
        var files = WriteInputs();

        var report = new TranscribedCorpusImporter(UntrainedAligner16k(), WideRate).Import(files, new TranscribedImportOptions { OutputDirectory = _output.Path });

        Assert.Empty(report.Failed);
        var raw = CorpusManifest.Load(_output.Path).Utterances.Single(u => u.Id == "bob-1");
        Assert.Equal(("bob", "three"), (raw.Speaker, raw.Text));
        var (samples, rate) = WavDecoder.DecodeFileAtItsRate(Path.Combine(_output.Path, raw.AudioPath));
        Assert.Equal(WideRate, rate);
        Assert.Equal(9600, samples.Length);
        Assert.All(samples.Zip(Hum(9600)), p => Assert.Equal(p.Second, p.First, 1e-4f));
    }
}
