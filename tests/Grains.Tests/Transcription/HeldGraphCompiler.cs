using AcousticDistill.Acoustic.Decoding;
using AcousticDistill.Acoustic.Lexicon;
using AcousticDistill.Grains.Transcription;

namespace AcousticDistill.Grains.Tests.Transcription;

/// <summary>
/// A graph compiler that holds every build until <see cref="Release"/> (or until the build's token fires), so a test
/// can look at the session or the cache while a build is known to be running, without timing. With
/// <c>holdThroughCancellation</c> a build is held until released whatever its token says (a builder kept busy).
/// </summary>
internal sealed class HeldGraphCompiler(bool holdThroughCancellation = false) : IDecodingGraphCompiler
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    /// <summary>Set when the first build has started (and is held).</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when a held build stopped because its token fired.</summary>
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The first build's cancellation token (default until it starts).</summary>
    public CancellationToken FirstBuildToken { get; private set; }

    /// <summary>Builds started so far.</summary>
    public int StartedBuilds => Volatile.Read(ref _started);

    /// <summary>Lets every held build (and later ones) run.</summary>
    public void Release() => _release.TrySetResult();

    public DecodingGraph Compile(Grammar grammar, PronunciationLexicon lexicon, DecodingGraphOptions options, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _started) == 1)
        {
            FirstBuildToken = cancellationToken;
        }
        Started.TrySetResult();
        try
        {
            _release.Task.Wait(holdThroughCancellation ? CancellationToken.None : cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Cancelled.TrySetResult();
            throw;
        }
        return DecodingGraph.Build(grammar, lexicon, options, cancellationToken);
    }
}
