namespace AcousticDistill.Cli.Commands;

/// <summary>
/// Turns the errors a user can cause (bad files, bad options) into one clear line on stderr and exit
/// code 2, instead of a stack trace. Anything else is a bug and keeps its stack trace.
/// </summary>
internal static class CliErrors
{
    public static int Run(Func<int> run)
    {
        try
        {
            return run();
        }
        catch (Exception ex) when (ex is AudioFormatException or InvalidDataException or IOException or FileNotFoundException
                                       or DirectoryNotFoundException or ArgumentException or CommandParseException
                                       or CommandRuntimeException or InvalidOperationException)
        {
            var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            stderr.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 2;
        }
    }
}
