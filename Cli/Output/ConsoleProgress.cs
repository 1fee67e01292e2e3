namespace AcousticDistill.Cli.Output;

/// <summary>
/// Progress for long CLI work, always on stderr so that stdout stays clean for <c>--json</c>:
/// a live Spectre.Console bar on a terminal, plain "description: 40% (detail)" lines otherwise.
/// </summary>
internal static class ConsoleProgress
{
    private static readonly IAnsiConsole s_stderr =
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>The console that progress and notes go to (stderr).</summary>
    public static IAnsiConsole Stderr => s_stderr;

    /// <summary>
    /// Runs <paramref name="work"/>, which reports (done, detail) against <paramref name="total"/>.
    /// </summary>
    public static T Run<T>(string description, double total, Func<Action<double, string?>, T> work)
    {
        if (!Console.IsErrorRedirected)
        {
            return s_stderr.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                         new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1e-9));
                    var result = work((done, detail) =>
                    {
                        task.Value = Math.Min(done, total);
                        if (detail is not null)
                        {
                            task.Description = Markup.Escape($"{description} ({detail})");
                        }
                    });
                    task.Value = total;
                    return result;
                });
        }

        var lastDecile = -1;
        return work((done, detail) =>
        {
            var decile = total <= 0 ? 10 : (int)Math.Floor(10 * Math.Min(done, total) / total);
            if (decile != lastDecile)
            {
                lastDecile = decile;
                Console.Error.WriteLine(detail is null
                    ? $"{description}: {decile * 10}%"
                    : $"{description}: {decile * 10}% ({detail})");
            }
        });
    }
}
