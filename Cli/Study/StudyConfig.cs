namespace AcousticDistill.Cli.Study;

/// <summary>
/// Everything that decides a study's results, written once into its directory so that <c>--resume</c> continues the
/// same study on any machine. Where it runs (device, threads) is not part of it: a resumed study may move.
/// </summary>
internal sealed record StudyConfig(
    string Corpus,
    string CorpusName,
    int CorpusUtterances,
    StudyScale Scale,
    IReadOnlyList<int> Seeds,
    double LearningRate,
    int Batch,
    string? Lm,
    string? HeldOutCorpus,
    string? HeldOutName,
    StudyDecoding Decoding,
    string CodeVersion,
    string? LmSha256 = null);

/// <summary>
/// One decoding setting for every model of the study, so that their word error rates compare: the acoustic scale, word
/// penalty and beam the shipped en-16k student was tuned to on AN4 dev.
/// </summary>
internal sealed record StudyDecoding(float AcousticScale = 0.08f, float WordPenalty = 1f, float Beam = 10f, int MaxActive = 7000);

/// <summary>Where this run of a study computes: not recorded as part of the study (a resumed study may move).</summary>
internal sealed record StudyMachine(string Device, int Threads, Action<StudyRow>? OnRow = null);
