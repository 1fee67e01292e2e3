namespace AcousticDistill.Acoustic.Specialists;

/// <summary>How a generalist and its specialists are combined per frame.</summary>
public sealed class SpecialistCombinerOptions
{
    /// <summary>
    /// The generalist's n most probable classes decide which specialists speak for a frame: those whose cluster holds
    /// any of them (the paper's "k most probable classes"; 1 means only the top class).
    /// </summary>
    public int TopN { get; set; } = 1;

    /// <summary>Adam steps on the logits of the combined distribution q.</summary>
    public int Steps { get; set; } = 40;

    /// <summary>Adam step size (in logit units per step).</summary>
    public double LearningRate { get; set; } = 0.1;

    /// <summary>Throws a clear error for values that cannot work with <paramref name="classes"/> classes.</summary>
    public void Validate(int classes)
    {
        if (TopN < 1 || TopN > classes)
        {
            throw new ArgumentException($"top-n must be in [1, {classes}] (got {TopN}).");
        }
        if (Steps < 0 || !(LearningRate > 0))
        {
            throw new ArgumentException($"The combiner needs steps >= 0 and a positive learning rate (got {Steps} and {LearningRate}).");
        }
    }
}
