using static TorchSharp.torch;

namespace AcousticDistill.Acoustic.Models;

/// <summary>
/// Dropout that draws its masks from a generator owned by the training run instead of torch's process-wide one, so two
/// runs with the same seed drop the same units even when they train at the same time in one process. Without a
/// generator it draws from the global one, like torch's own dropout. It has no parameters, so checkpoints are unchanged.
/// </summary>
public sealed class SeededDropout(double probability) : nn.Module<Tensor, Tensor>(nameof(SeededDropout))
{
    /// <summary>The probability of zeroing each unit while training.</summary>
    public double Probability { get; } = probability;

    /// <summary>Where the masks come from; null means torch's global generator.</summary>
    public Generator? Generator { get; set; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (!training || Probability == 0)
        {
            // A new handle, never the input itself: Sequential disposes each layer's input once the next layer has run.
            return input.alias();
        }
        using var keep = empty_like(input).bernoulli_(1 - Probability, Generator);
        return input * keep / (1 - Probability);
    }
}
