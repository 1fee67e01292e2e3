using AcousticDistill.Acoustic.Synthesis;

namespace AcousticDistill.Acoustic.Corpus;

/// <summary>Everything <see cref="SyntheticCorpusBuilder"/> can be told.</summary>
public sealed record SyntheticCorpusOptions
{
    /// <summary>Folder the corpus is written to.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Target amount of training speech, in minutes (the last utterance may overshoot a little).</summary>
    public double TrainMinutes { get; init; } = 10;

    /// <summary>Dev and test each get this fraction of <see cref="TrainMinutes"/>.</summary>
    public double HeldOutFraction { get; init; } = 0.1;

    /// <summary>Voices to use; persons behind them are assigned whole to one split.</summary>
    public IReadOnlyList<VoiceSpec> Voices { get; init; } = VoiceCatalog.Default;

    /// <summary>Persons held out for dev.</summary>
    public int DevPersons { get; init; } = 2;

    /// <summary>Persons held out for test.</summary>
    public int TestPersons { get; init; } = 2;

    /// <summary>Seed for text partition, voice assignment, prosody and noise: the same seed gives the same corpus.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Engine batches run in parallel (festival/flite are child processes; espeak-ng is serialised in-process).</summary>
    public int Jobs { get; init; } = 2;

    /// <summary>Utterances per engine call (festival loads its voice once per call).</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Fraction of the texts that are digit strings.</summary>
    public double DigitStringFraction { get; init; } = 0.2;

    /// <summary>Fractions of the texts reserved for dev and for test (the rest are training texts).</summary>
    public double DevTextFraction { get; init; } = 0.1;

    /// <inheritdoc cref="DevTextFraction"/>
    public double TestTextFraction { get; init; } = 0.1;

    /// <summary>Duration stretch drawn uniformly from [min, max] per utterance (&gt; 1 = slower).</summary>
    public double MinDurationStretch { get; init; } = 0.85;

    /// <inheritdoc cref="MinDurationStretch"/>
    public double MaxDurationStretch { get; init; } = 1.2;

    /// <summary>Pitch factor drawn uniformly from [min, max] per utterance.</summary>
    public double MinPitchFactor { get; init; } = 0.85;

    /// <inheritdoc cref="MinPitchFactor"/>
    public double MaxPitchFactor { get; init; } = 1.2;

    /// <summary>Sentences to speak; null reads fortunes-min from <see cref="SentenceSource.DefaultFortuneDirectory"/>.</summary>
    public IReadOnlyList<string>? Sentences { get; init; }

    /// <summary>Rate, edge silence, noise and sanity limits (its Seed is replaced by <see cref="Seed"/>).</summary>
    public FinishingOptions Finishing { get; init; } = new();
}
