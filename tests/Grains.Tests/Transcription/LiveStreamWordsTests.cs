using AcousticDistill.Acoustic.Audio;
using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Grains.Interfaces.Transcription;
using AcousticDistill.Grains.Transcription;
using Microsoft.Extensions.Options;

namespace AcousticDistill.Grains.Tests.Transcription;

/// <summary>
/// Vosk's <c>words</c> flag (<see cref="RecognitionConfig.Words"/>): finals carry word times only when asked for, and
/// the text is the same either way.
/// </summary>
public sealed class LiveStreamWordsTests
{
    [Fact]
    public void Finals_CarryWordTimesOnlyWhenAskedFor_WithTheSameText()
    {
        var withWords = Recognise(wordTimes: true);
        var withoutWords = Recognise(wordTimes: false);

        Assert.Equal(withWords.Select(f => f.Text), withoutWords.Select(f => f.Text));
        var text = string.Join(' ', withWords.Select(f => f.Text).Where(t => t.Length > 0));
        Assert.NotEmpty(text);
        Assert.Equal(text.Split(' '), withWords.SelectMany(f => f.Words).Select(w => w.Word));
        Assert.All(withWords.SelectMany(f => f.Words), w => Assert.True(w.End > w.Start));
        Assert.All(withoutWords, f => Assert.Empty(f.Words));
    }

    // The committed 16 kHz default model on the repository's spoken test clip, followed by a second of silence.
    private static List<RecognitionResult> Recognise(bool wordTimes)
    {
        var root = RepositoryRoot();
        var artifact = ModelArtifact.Load(Path.Combine(root, "models", "en-16k.admodel"));
        var model = new ServingModel("en-16k", "v1", new AcousticScorer(artifact));
        using var graphs = new RecognitionGraphs(Options.Create(new TranscriptionOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<RecognitionGraphs>.Instance);
        var graph = graphs.Default("en-16k");
        var speech = WavDecoder.DecodeFile(Path.Combine(root, "tests", "Acoustic.Tests", "Fixtures", "fbank", "speech_16k.wav"), 16_000);
        var stream = new LiveStream(model, graph, 16_000, new TranscriptionOptions().Endpoint.ToRules(), new DecoderOptions(),
            wordTimes: wordTimes);

        var finals = stream.Accept(Pcm16Encoder.Encode([.. speech, .. new float[16_000]])).Finals.ToList();
        finals.Add(stream.Finish());
        return finals;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            // The solution file marks the root: models/ alone also exists in the test output (the Silo project copies it there).
            if (File.Exists(Path.Combine(directory.FullName, "AcousticDistill.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (AcousticDistill.sln) was not found above the test binaries.");
    }
}
