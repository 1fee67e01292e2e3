using System.Globalization;
using AcousticDistill.Cli.Study;

namespace AcousticDistill.Cli.Commands;

/// <summary>
/// <c>acoustic study</c>: the whole distillation comparison on one corpus over several seeds, checkpointed after every
/// model so that <c>--resume DIR</c> continues a stopped study (on any machine) with the same results.
/// </summary>
internal sealed class StudyCommand : Command<StudyCommand.Settings>
{
    public sealed class Settings : CommandSettings, ITorchThreadsSettings
    {
        [CommandOption("--corpus <DIR>"), Description("Corpus folder (train/dev/test splits with held-out speakers). With --resume: where the study's corpus is now, if it moved.")]
        public string? Corpus { get; init; }

        [CommandOption("--scale <SCALE>"), Description("tiny (tests), medium (N=10 2x256, ~1 h for 3 seeds on 2 CPU cores), small (N=4 2x512) or full (N=10 3x1024, >= 3 h of speech; for a GPU)."), DefaultValue("small")]
        public string Scale { get; init; } = "small";

        [CommandOption("--seeds <LIST>"), Description("Comma-separated seeds (default 1); every model of every row is trained once per seed (mean ± sd and intervals over them). With --resume: seeds to add.")]
        public string? Seeds { get; init; }

        [CommandOption("--out <DIR>"), Description("New study directory: manifest, checkpoints, models, study.json, summary.json, study.md."), DefaultValue("out/study")]
        public string Out { get; init; } = "out/study";

        [CommandOption("--resume <DIR>"), Description("Continue the study in DIR where it stopped; its manifest fixes everything but --threads, --device, moved paths and added --seeds.")]
        public string? Resume { get; init; }

        [CommandOption("--lm <FILE>"), Description("ARPA language model: also decode the test split and report WER (e.g. samples/an4/an4-train-bigram.arpa).")]
        public string? Lm { get; init; }

        [CommandOption("--held-out-corpus <DIR>"), Description("Also report frame accuracy on this corpus's test split (e.g. synthetic voices no model trained on).")]
        public string? HeldOutCorpus { get; init; }

        [CommandOption("--acoustic-scale <S>"), Description("Acoustic scale of every decode (one setting for all models so their WERs compare)."), DefaultValue(0.08f)]
        public float AcousticScale { get; init; } = 0.08f;

        [CommandOption("--word-penalty <LOGP>"), Description("Word insertion log weight of every decode."), DefaultValue(1f)]
        public float WordPenalty { get; init; } = 1f;

        [CommandOption("--beam <B>"), Description("Beam of every decode."), DefaultValue(10f)]
        public float Beam { get; init; } = 10f;

        [CommandOption("--members <N>"), Description("Override the scale's number of teachers.")]
        public int? Members { get; init; }

        [CommandOption("--temperatures <LIST>"), Description("Override the scale's distillation temperatures, e.g. 2,5.")]
        public string? Temperatures { get; init; }

        [CommandOption("--alphas <LIST>"), Description("Override the scale's hard-label weights, e.g. 0,0.5.")]
        public string? Alphas { get; init; }

        [CommandOption("--threads <N>"), Description("Torch threads, feature workers and decoding threads."), DefaultValue(2)]
        public int Threads { get; init; } = 2;

        [CommandOption("--device <DEVICE>"), Description("cpu, cuda or cuda:N."), DefaultValue("cpu")]
        public string Device { get; init; } = "cpu";

        [CommandOption("--lr <RATE>"), Description("Initial SGD learning rate of every model."), DefaultValue(0.05)]
        public double LearningRate { get; init; } = 0.05;

        [CommandOption("--batch <N>"), Description("Minibatch size of every model."), DefaultValue(256)]
        public int Batch { get; init; } = 256;

        [CommandOption("--json"), Description("Print the summary as JSON on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Resume is null && string.IsNullOrEmpty(Corpus))
            {
                return ValidationResult.Error("--corpus is required (or --resume DIR).");
            }
            if (!StudyScale.Names.Contains(Scale))
            {
                return ValidationResult.Error($"--scale '{Scale}' is not one of: {string.Join(", ", StudyScale.Names)}.");
            }
            if (Seeds is not null && ParseList(Seeds, int.Parse) is not { Count: > 0 } || SeedList.Any(s => s < 1))
            {
                return ValidationResult.Error($"--seeds '{Seeds}' is not a list of positive integers, e.g. 1,2,3.");
            }
            if (Temperatures is not null && (ParseList(Temperatures, double.Parse) is not { Count: > 0 } temperatures || temperatures.Any(t => !double.IsFinite(t) || t <= 0)))
            {
                return ValidationResult.Error($"--temperatures '{Temperatures}' is not a list of positive numbers.");
            }
            if (Alphas is not null && (ParseList(Alphas, double.Parse) is not { Count: > 0 } alphas || alphas.Any(a => a is < 0 or > 1 or double.NaN)))
            {
                return ValidationResult.Error($"--alphas '{Alphas}' is not a list of numbers in [0, 1].");
            }
            return Threads < 1 || Batch < 1 || LearningRate <= 0 || Members < 1 || !(AcousticScale > 0) || !(Beam > 0)
                ? ValidationResult.Error("--threads, --batch, --lr, --members, --acoustic-scale and --beam must be positive.")
                : ValidationResult.Success();
        }

        /// <summary>The seeds asked for (1 when none), each once.</summary>
        public IReadOnlyList<int> SeedList => ParseList(Seeds ?? "1", int.Parse)?.Distinct().ToArray() ?? [];

        /// <summary>Numbers separated by commas; null when one does not parse.</summary>
        public static IReadOnlyList<T>? ParseList<T>(string? text, Func<string, IFormatProvider, T> parse)
        {
            try
            {
                return text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(s => parse(s, CultureInfo.InvariantCulture)).ToArray();
            }
            catch (FormatException)
            {
                return null;
            }
            catch (OverflowException)
            {
                return null;
            }
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var study = settings.Resume is { } resume ? Reopen(resume, settings) : StudyDirectory.Create(settings.Out, NewConfig(settings));
        var machine = new StudyMachine(settings.Device, settings.Threads, row => ConsoleProgress.Stderr.MarkupLineInterpolated(
            $"[green]seed {row.Seed} {row.Name}[/] T={row.Temperature} α={row.Alpha}: test {row.FrameAccuracy:P2}, WER {row.Wer:P2}, dev {row.DevFrameAccuracy:P2}, {row.Params:N0} params"));
        var report = StudySession.Run(study, machine, cancellationToken);
        JsonOutput.Print(settings.Json, report.Summary, () =>
        {
            AnsiConsole.WriteLine(report.Markdown());
            AnsiConsole.MarkupLineInterpolated($"Written to {Path.Combine(study.Path, "summary.json")}, study.json and study.md.");
        });
        return 0;
    }

    private static StudyConfig NewConfig(Settings settings)
    {
        var corpus = Path.GetFullPath(settings.Corpus!);
        var manifest = CorpusManifest.Load(corpus);
        var scale = StudyScale.Parse(settings.Scale);
        scale = scale with
        {
            Members = settings.Members ?? scale.Members,
            Temperatures = Settings.ParseList(settings.Temperatures, double.Parse) ?? scale.Temperatures,
            Alphas = Settings.ParseList(settings.Alphas, double.Parse) ?? scale.Alphas,
        };
        var heldOut = settings.HeldOutCorpus is null ? null : Path.GetFullPath(settings.HeldOutCorpus);
        if (heldOut is not null && CorpusManifest.Load(heldOut).SampleRate != manifest.SampleRate)
        {
            throw new ArgumentException($"--held-out-corpus '{heldOut}' is not {manifest.SampleRate} Hz like --corpus.");
        }
        if (settings.Lm is not null && !File.Exists(settings.Lm))
        {
            throw new ArgumentException($"--lm '{settings.Lm}' does not exist.");
        }
        return new StudyConfig(corpus, manifest.Name, manifest.Utterances.Count, scale, settings.SeedList,
            settings.LearningRate, settings.Batch, settings.Lm is null ? null : Path.GetFullPath(settings.Lm), heldOut,
            heldOut is null ? null : CorpusManifest.Load(heldOut).Name,
            new StudyDecoding(settings.AcousticScale, settings.WordPenalty, settings.Beam), CodeVersion.Current,
            settings.Lm is null ? null : Sha256(settings.Lm));
    }

    private static string Sha256(string path) => ModelArtifact.ContentHash(File.ReadAllBytes(path));

    // The manifest decides; a corpus, LM or held-out corpus that moved may be named again (each is checked to be the same
    // one: results already checkpointed were measured with it), and seeds may be added.
    private static StudyDirectory Reopen(string path, Settings settings)
    {
        var study = StudyDirectory.Open(path);
        var config = study.Config;
        if (config.CodeVersion != CodeVersion.Current)
        {
            ConsoleProgress.Stderr.MarkupLineInterpolated(
                $"[yellow]warning:[/] the study was started by code version {config.CodeVersion}; this is {CodeVersion.Current} (runs.jsonl records which run used which).");
        }
        if (settings.Lm is { } lm && (config.Lm is null || (config.LmSha256 is { } hash && Sha256(lm) != hash)))
        {
            throw new ArgumentException(config.Lm is null
                ? "The study was started without --lm; its language model is fixed when it starts."
                : $"--lm '{lm}' is not the language model the study was started with ({config.Lm}).");
        }
        if (settings.HeldOutCorpus is { } heldOut && CorpusManifest.Load(heldOut).Name != config.HeldOutName)
        {
            throw new ArgumentException(config.HeldOutName is null
                ? "The study was started without --held-out-corpus; its test sets are fixed when it starts."
                : $"--held-out-corpus '{heldOut}' is not '{config.HeldOutName}', the held-out corpus the study was started with.");
        }
        if (settings.Corpus is { } moved)
        {
            var manifest = CorpusManifest.Load(moved);
            if (manifest.Name != config.CorpusName || manifest.Utterances.Count != config.CorpusUtterances)
            {
                throw new ArgumentException(
                    $"--corpus '{moved}' is '{manifest.Name}' with {manifest.Utterances.Count} utterances; the study was started on '{config.CorpusName}' with {config.CorpusUtterances}.");
            }
            config = config with { Corpus = Path.GetFullPath(moved) };
        }
        config = config with
        {
            Lm = settings.Lm is null ? config.Lm : Path.GetFullPath(settings.Lm),
            HeldOutCorpus = settings.HeldOutCorpus is null ? config.HeldOutCorpus : Path.GetFullPath(settings.HeldOutCorpus),
            Seeds = settings.Seeds is null ? config.Seeds : config.Seeds.Union(settings.SeedList).Order().ToArray(),
        };
        return StudyDirectory.Rewrite(path, config);
    }
}
