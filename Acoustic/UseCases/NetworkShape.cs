namespace AcousticDistill.Acoustic.UseCases;

/// <summary>
/// The hidden part of a new frame classifier: depth, width and dropout. Its input (features × context) comes from the
/// data it is trained on, its outputs are the phone-state classes.
/// </summary>
/// <param name="HiddenLayers">Hidden layers.</param>
/// <param name="HiddenWidth">Units per hidden layer.</param>
/// <param name="Dropout">Dropout after each hidden layer while training (0 disables).</param>
public sealed record NetworkShape(int HiddenLayers = 3, int HiddenWidth = 1024, double Dropout = 0.1)
{
    /// <summary>The full architecture of a network of this shape fed with <paramref name="data"/>.</summary>
    public MlpArchitecture For(PreparedCorpus data) =>
        new(data.Train.FeatureDim, data.Context, HiddenLayers, HiddenWidth, Dropout, PhoneSet.ClassCount);
}
