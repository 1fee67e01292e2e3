namespace AcousticDistill.Acoustic.Training;

/// <summary>How a frame classifier is trained. Every number a user may want to change lives here.</summary>
public sealed class TrainingOptions
{
    /// <summary>Passes over the training frames.</summary>
    public int Epochs { get; set; } = 8;

    /// <summary>Frames per minibatch.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary><c>sgd</c> (with momentum) or <c>adam</c>.</summary>
    public string Optimizer { get; set; } = "sgd";

    /// <summary>Initial learning rate.</summary>
    public double LearningRate { get; set; } = 0.05;

    /// <summary>SGD momentum.</summary>
    public double Momentum { get; set; } = 0.9;

    /// <summary>L2 weight decay.</summary>
    public double WeightDecay { get; set; }

    /// <summary>
    /// <c>constant</c>; <c>plateau</c> (halve the rate and go back to the best weights when dev accuracy stops
    /// improving — the "newbob" schedule of hybrid speech systems; needs a dev set); or <c>cosine</c>.
    /// </summary>
    public string Schedule { get; set; } = "plateau";

    /// <summary>Dev accuracy gain (absolute, 0–1) below which <c>plateau</c> halves the rate.</summary>
    public double PlateauMinGain { get; set; } = 0.002;

    /// <summary>Seed for weight initialisation and shuffling.</summary>
    public int Seed { get; set; } = 1;

    /// <summary><c>cpu</c> or <c>cuda</c> (or <c>cuda:N</c>).</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>Throws a clear error for values that cannot work.</summary>
    public void Validate()
    {
        if (Epochs < 1 || BatchSize < 1)
        {
            throw new ArgumentException("epochs and batch size must be at least 1.");
        }
        if (LearningRate <= 0 || Momentum is < 0 or >= 1 || WeightDecay < 0)
        {
            throw new ArgumentException("learning rate must be > 0, momentum in [0, 1), weight decay >= 0.");
        }
        if (Optimizer is not ("sgd" or "adam"))
        {
            throw new ArgumentException($"optimizer '{Optimizer}' is not one of: sgd, adam.");
        }
        if (Schedule is not ("constant" or "plateau" or "cosine"))
        {
            throw new ArgumentException($"schedule '{Schedule}' is not one of: constant, plateau, cosine.");
        }
        TorchRuntime.ParseDevice(Device);
    }
}
