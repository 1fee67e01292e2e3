namespace AcousticDistill.Cli.Output;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the calling thread at once (unlike <see cref="Progress{T}"/>, which posts
/// to a synchronisation context and may report after the work has finished).
/// </summary>
internal sealed class ActionProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
