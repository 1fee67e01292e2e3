namespace AcousticDistill.Cli.Commands;

/// <summary>Options shared by every verb that trains a network (train, ensemble, distill, specialists).</summary>
internal class TrainingSettings : CommandSettings, ITorchThreadsSettings
{
    [CommandOption("--corpus <DIR>"), Description("Corpus folder (with manifest.json): its train split is trained on, its dev split selects the best epoch.")]
    public string Corpus { get; init; } = "";

    [CommandOption("--epochs <N>"), Description("Passes over the training frames."), DefaultValue(8)]
    public int Epochs { get; init; } = 8;

    [CommandOption("--batch <N>"), Description("Frames per minibatch."), DefaultValue(256)]
    public int Batch { get; init; } = 256;

    [CommandOption("--optimizer <NAME>"), Description("sgd (with momentum) or adam."), DefaultValue("sgd")]
    public string Optimizer { get; init; } = "sgd";

    [CommandOption("--lr <RATE>"), Description("Initial learning rate."), DefaultValue(0.05)]
    public double LearningRate { get; init; } = 0.05;

    [CommandOption("--momentum <M>"), Description("SGD momentum."), DefaultValue(0.9)]
    public double Momentum { get; init; } = 0.9;

    [CommandOption("--weight-decay <W>"), Description("L2 weight decay."), DefaultValue(0.0)]
    public double WeightDecay { get; init; }

    [CommandOption("--schedule <NAME>"), Description("plateau (newbob: halve on no dev gain), cosine or constant."), DefaultValue("plateau")]
    public string Schedule { get; init; } = "plateau";

    [CommandOption("--threads <N>"), Description("Torch threads for the whole run (and feature-extraction workers)."), DefaultValue(1)]
    public int Threads { get; init; } = 1;

    [CommandOption("--seed <N>"), Description("Seed for initialisation and shuffling."), DefaultValue(1)]
    public int Seed { get; init; } = 1;

    [CommandOption("--device <DEVICE>"), Description("cpu, cuda or cuda:N."), DefaultValue("cpu")]
    public string Device { get; init; } = "cpu";

    [CommandOption("--json"), Description("Print the result as JSON on stdout.")]
    public bool Json { get; init; }

    public TrainingOptions ToTrainingOptions(int? seed = null) => new()
    {
        Epochs = Epochs,
        BatchSize = Batch,
        Optimizer = Optimizer,
        LearningRate = LearningRate,
        Momentum = Momentum,
        WeightDecay = WeightDecay,
        Schedule = Schedule,
        Seed = seed ?? Seed,
        Device = Device,
    };

    public override Spectre.Console.ValidationResult Validate()
    {
        if (string.IsNullOrEmpty(Corpus))
        {
            return Spectre.Console.ValidationResult.Error("--corpus is required.");
        }
        try
        {
            ToTrainingOptions().Validate();
            if (Threads < 1)
            {
                return Spectre.Console.ValidationResult.Error("--threads must be at least 1.");
            }
            return Spectre.Console.ValidationResult.Success();
        }
        catch (ArgumentException ex)
        {
            return Spectre.Console.ValidationResult.Error(ex.Message);
        }
    }
}

/// <summary>Options that shape a new network (its input is decided elsewhere: by the features, or by its teachers).</summary>
internal class NetworkSettings : TrainingSettings
{
    [CommandOption("--layers <N>"), Description("Hidden layers."), DefaultValue(3)]
    public int Layers { get; init; } = 3;

    [CommandOption("--width <N>"), Description("Units per hidden layer."), DefaultValue(1024)]
    public int Width { get; init; } = 1024;

    [CommandOption("--dropout <P>"), Description("Dropout after each hidden layer."), DefaultValue(0.1)]
    public double Dropout { get; init; } = 0.1;

    [CommandOption("--family <NAME>"), Description("Model family name (default: en-16k or en-8k from the corpus rate).")]
    public string? Family { get; init; }

    /// <summary>The hidden layers of the network to train (with <paramref name="width"/> overriding --width when given).</summary>
    public NetworkShape ToShape(int? width = null) => new(Layers, width ?? Width, Dropout);
}

/// <summary>Options that shape a new frame classifier and its features.</summary>
internal class ModelShapeSettings : NetworkSettings
{
    [CommandOption("--context <K>"), Description("Frames of context each side (input = (2K+1) x bins)."), DefaultValue(5)]
    public int Context { get; init; } = 5;

    [CommandOption("--bins <N>"), Description("Mel filterbank bins."), DefaultValue(40)]
    public int Bins { get; init; } = 40;
}
