using AcousticDistill.Acoustic.Language;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic lm build</c>: estimates a back-off n-gram language model from a file of sentences (e.g. AN4's training
/// transcription) and writes it as ARPA text for <c>acoustic decode --lm</c> and pocketsphinx alike.
/// </summary>
internal sealed class LmBuildCommand : Command<LmBuildCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--text <FILE>"), Description("Sentences, one per line; AN4 transcription markup (<s>, </s> and a trailing (utterance-id)) is removed.")]
        public string Text { get; init; } = "";

        [CommandOption("--order <N>"), Description("Highest n-gram order: 1, 2 or 3."), DefaultValue(2)]
        public int Order { get; init; } = 2;

        [CommandOption("--out <FILE>"), Description("The ARPA file to write.")]
        public string Out { get; init; } = "";

        [CommandOption("--json"), Description("Print the counts as JSON on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Text) ? ValidationResult.Error("--text is required.")
            : string.IsNullOrEmpty(Out) ? ValidationResult.Error("--out is required.")
            : Order is < NgramModelBuilder.MinOrder or > NgramModelBuilder.MaxOrder
                ? ValidationResult.Error($"--order must be from {NgramModelBuilder.MinOrder} to {NgramModelBuilder.MaxOrder}; got {Order}.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var sentences = SentenceText.Load(settings.Text);
        var model = NgramModelBuilder.Build(sentences, settings.Order);
        ArpaWriter.Save(model, settings.Out);

        var ngrams = model.Ngrams.Select(level => level.Count).ToArray();
        var summary = new
        {
            text = settings.Text,
            @out = settings.Out,
            order = model.Order,
            sentences = sentences.Count,
            words = sentences.Sum(s => s.Length),
            vocabulary = model.Vocabulary.Count - 2, // less <s> and </s>
            ngrams,
        };
        JsonOutput.Print(settings.Json, summary, () =>
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[bold]{settings.Out}[/]: order {model.Order}, {summary.sentences} sentences, {summary.words} words, vocabulary {summary.vocabulary}");
            AnsiConsole.WriteLine(string.Join(", ", ngrams.Select((count, i) => $"{i + 1}-grams {count}")));
        });
        return 0;
    }
}
