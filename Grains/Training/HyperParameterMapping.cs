namespace AcousticDistill.Grains.Training;

/// <summary>Translates a request's training settings into the library's options, as the CLI translates its flags.</summary>
public static class HyperParameterMapping
{
    /// <summary>The library's training options (on <paramref name="device"/>, with <paramref name="seed"/> overriding the request's).</summary>
    public static TrainingOptions ToTrainingOptions(this TrainingHyperParameters training, string device, int? seed = null)
    {
        var options = new TrainingOptions
        {
            Epochs = training.Epochs,
            BatchSize = training.BatchSize,
            Optimizer = training.Optimizer,
            LearningRate = training.LearningRate,
            Momentum = training.Momentum,
            WeightDecay = training.WeightDecay,
            Schedule = training.Schedule,
            Seed = seed ?? training.Seed,
            Device = device,
        };
        options.Validate();
        return options;
    }

    /// <summary>The hidden layers of a new network.</summary>
    public static NetworkShape ToShape(this TrainingHyperParameters training) =>
        new(training.HiddenLayers, training.HiddenWidth, training.Dropout);
}
