namespace AcousticDistill.Cli.Commands;

/// <summary>Settings of a verb that runs torch: its <c>--threads</c> is the process's torch thread count.</summary>
internal interface ITorchThreadsSettings
{
    int Threads { get; }
}

/// <summary>
/// Sets torch's thread count once, before the verb runs, from its <c>--threads</c> (torch's count is process-wide, so no
/// verb or library call changes it later).
/// </summary>
internal sealed class TorchThreadsInterceptor : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        if (settings is ITorchThreadsSettings { Threads: > 0 } torch)
        {
            TorchRuntime.SetThreads(torch.Threads);
        }
    }
}
