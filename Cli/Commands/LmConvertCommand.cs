using System.Diagnostics;
using AcousticDistill.Acoustic.Language;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic lm convert</c>: reads a language model in any format the project reads (ARPA, CMU Sphinx's binary trie
/// such as Debian's <c>en-us.lm.bin</c>, or the project's compact form) and writes it as compact <c>.adlm</c> (what the
/// decoder loads) or as ARPA text (<c>.arpa</c>, for other toolkits).
/// </summary>
internal sealed class LmConvertCommand : Command<LmConvertCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--in <FILE>"), Description("The model to read: ARPA text, a CMU Sphinx trie binary (*.lm.bin) or an .adlm file.")]
        public string In { get; init; } = "";

        [CommandOption("--out <FILE>"), Description("The file to write: ARPA text when it ends in .arpa, else the compact .adlm form.")]
        public string Out { get; init; } = "";

        [CommandOption("--json"), Description("Print the counts as JSON on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(In) ? ValidationResult.Error("--in is required.")
            : string.IsNullOrEmpty(Out) ? ValidationResult.Error("--out is required.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var format = LanguageModelFiles.FormatOf(settings.In);
        IReadOnlyList<long>? declared = null;
        NgramLanguageModel model;
        if (format == "sphinx-trie")
        {
            var read = SphinxTrieLanguageModelReader.Read(settings.In);
            model = read.Model;
            declared = read.DeclaredCounts;
        }
        else
        {
            model = LanguageModelFiles.Load(settings.In);
        }
        var readSeconds = clock.Elapsed.TotalSeconds;
        var toArpa = settings.Out.EndsWith(".arpa", StringComparison.OrdinalIgnoreCase);
        if (toArpa)
        {
            NgramArpaWriter.Save(model, settings.Out);
        }
        else
        {
            CompactLanguageModelFile.Save(model, settings.Out);
        }
        var summary = new
        {
            @in = settings.In,
            in_format = format,
            @out = settings.Out,
            out_format = toArpa ? "arpa" : "adlm",
            order = model.Order,
            vocabulary = model.Words.Count,
            ngrams = model.Counts,
            declared_ngrams = declared,
            memory_bytes = model.SizeInBytes,
            read_seconds = readSeconds,
            seconds = clock.Elapsed.TotalSeconds,
        };
        JsonOutput.Print(settings.Json, summary, () =>
        {
            AnsiConsole.MarkupLineInterpolated($"[bold]{settings.Out}[/]: order {model.Order}, vocabulary {model.Words.Count}, {string.Join(", ", model.Counts.Select((c, i) => $"{i + 1}-grams {c}"))}");
            if (declared is not null && !declared.SequenceEqual(model.Counts.Select(c => (long)c)))
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]note:[/] the Sphinx header declares {string.Join(", ", declared)}; the trie holds the counts above.");
            }
        });
        return 0;
    }
}
