namespace AcousticDistill.Grains.Interfaces.Registry;

/// <summary>Where a registered model version stands in its family.</summary>
[GenerateSerializer]
public enum ModelVersionStatus
{
    /// <summary>Registered, not yet judged.</summary>
    Candidate = 0,

    /// <summary>The version live traffic uses.</summary>
    Serving = 1,

    /// <summary>Served once, replaced by a newer version or rolled back.</summary>
    Retired = 2,

    /// <summary>Judged and refused by the promotion guard; kept with the reason.</summary>
    Rejected = 3,
}
