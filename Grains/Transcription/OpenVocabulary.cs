using System.Diagnostics;
using AcousticDistill.Acoustic.Decoding.Lvcsr;
using AcousticDistill.Acoustic.Language;
using AcousticDistill.Acoustic.Lexicon;

namespace AcousticDistill.Grains.Transcription;

/// <summary>
/// The silo's open-vocabulary task: the general language model (<see cref="TranscriptionOptions.GeneralLanguageModel"/>,
/// Debian's 72 k-word US English trigram by default) loaded once — converted into the compact form on first start, see
/// <see cref="CompiledLanguageModels"/> — and its lexicon tree built once, on the thread pool, then shared by every
/// session of the silo: nothing of it is copied per stream. A model that cannot be loaded (missing, malformed,
/// truncated, over <see cref="TranscriptionOptions.MaxLanguageModelBytes"/>) fails only the streams that need it, with
/// the reason; phrase lists keep working.
/// </summary>
public sealed class OpenVocabulary(IOptions<TranscriptionOptions> options, ILogger<OpenVocabulary> logger)
{
    private readonly Lazy<Task<OpenVocabularyTask>> _task = new(() => Task.Run(() => Load(options.Value, logger)));

    /// <summary>The shared task; <see cref="InvalidOperationException"/> naming the problem when the model cannot be used.</summary>
    public Task<OpenVocabularyTask> GetAsync(CancellationToken cancellationToken = default) => _task.Value.WaitAsync(cancellationToken);

    private static OpenVocabularyTask Load(TranscriptionOptions settings, ILogger logger)
    {
        var path = settings.GeneralLanguageModel;
        var clock = Stopwatch.StartNew();
        try
        {
            var lm = CompiledLanguageModels.Load(path, settings.LanguageModelCache, settings.MaxLanguageModelBytes,
                warning => logger.LogWarning("Open vocabulary: {Warning}", warning));
            var tree = LexiconTree.Build(lm, PronunciationLexicon.LoadShared(settings.Lexicon));
            logger.LogInformation(
                "Open vocabulary: {Path} loaded in {Seconds:0.0} s: order {Order}, {Words} words ({Skipped} without a pronunciation), {LmMegabytes:0} MB LM, {TreeMegabytes:0} MB tree",
                path, clock.Elapsed.TotalSeconds, lm.Order, tree.WordCount, tree.SkippedWords.Count, lm.SizeInBytes / 1048576.0, tree.SizeInBytes / 1048576.0);
            return new OpenVocabularyTask(tree);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            logger.LogError(ex, "Open vocabulary: the general language model {Path} cannot be used", path);
            throw new InvalidOperationException(
                $"The general language model cannot be used: {ex.Message} Send a phrase_list, or fix Transcription:GeneralLanguageModel.", ex);
        }
    }
}
