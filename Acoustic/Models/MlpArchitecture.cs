namespace AcousticDistill.Acoustic.Models;

/// <summary>
/// Shape of a <see cref="FrameClassifier"/>: spliced filterbank frames in, frame-class logits out.
/// Sizes are configuration, not code; the artifact records them so a model can be rebuilt to load.
/// </summary>
/// <param name="FeatureDim">Filterbank bins per frame.</param>
/// <param name="Context">Frames of context on each side (±k); the input is (2k+1) × FeatureDim.</param>
/// <param name="HiddenLayers">Number of hidden layers.</param>
/// <param name="HiddenWidth">Units per hidden layer.</param>
/// <param name="Dropout">Dropout after each hidden layer while training (0 disables).</param>
/// <param name="Classes">Output classes (120 for the phone-state set).</param>
public sealed record MlpArchitecture(int FeatureDim, int Context, int HiddenLayers, int HiddenWidth, double Dropout, int Classes)
{
    /// <summary>Width of the spliced input vector.</summary>
    public int InputDim => (2 * Context + 1) * FeatureDim;

    /// <summary>Number of trainable parameters (weights and biases).</summary>
    public long ParameterCount
    {
        get
        {
            long count = 0;
            var width = InputDim;
            for (var i = 0; i < HiddenLayers; i++)
            {
                count += (long)width * HiddenWidth + HiddenWidth;
                width = HiddenWidth;
            }
            return count + (long)width * Classes + Classes;
        }
    }

    /// <summary>Multiply-accumulates per frame of inference.</summary>
    public long MacsPerFrame => ParameterCount - (HiddenLayers * (long)HiddenWidth) - Classes;

    /// <summary>Throws a clear error for sizes that cannot make a model.</summary>
    public void Validate()
    {
        if (FeatureDim <= 0 || Context < 0 || HiddenLayers < 0 || Classes < 2)
        {
            throw new ArgumentException($"Invalid architecture {this}: feature dim and classes must be positive, context and depth non-negative.");
        }
        if (HiddenLayers > 0 && HiddenWidth <= 0)
        {
            throw new ArgumentException($"Invalid architecture {this}: hidden width must be positive.");
        }
        if (Dropout is < 0 or >= 1)
        {
            throw new ArgumentException($"Invalid architecture {this}: dropout must be in [0, 1).");
        }
    }
}
