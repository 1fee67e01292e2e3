namespace AcousticDistill.Grains.Interfaces.Registry;

/// <summary>What the registry decided about a candidate, why, and which version serves afterwards.</summary>
[GenerateSerializer, Immutable, Alias("AcousticDistill.PromotionDecision")]
public sealed record PromotionDecision(
    [property: Id(0)] bool Promoted,
    [property: Id(1)] string CandidateId,
    [property: Id(2)] string? ServingId,
    [property: Id(3)] string Reason);
