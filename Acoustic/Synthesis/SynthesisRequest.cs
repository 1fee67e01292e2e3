namespace AcousticDistill.Acoustic.Synthesis;

/// <summary>One sentence to speak, with its utterance id and prosody variation.</summary>
public sealed record SynthesisRequest(string UtteranceId, string Text, Prosody Prosody);
