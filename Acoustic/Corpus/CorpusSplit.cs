namespace AcousticDistill.Acoustic.Corpus;

/// <summary>Which part of a corpus an utterance belongs to. Splits are speaker- and text-disjoint.</summary>
public enum CorpusSplit
{
    /// <summary>Training data.</summary>
    Train,
    /// <summary>Held-out data for choosing hyper-parameters and promotion decisions.</summary>
    Dev,
    /// <summary>Held-out voices and texts; reported, never tuned on.</summary>
    Test,
}
