namespace AcousticDistill.Acoustic.Specialists;

/// <summary>How k-means is run: k-means++ seeding, several restarts (the lowest inertia wins), a bound on iterations.</summary>
public sealed class KMeansOptions
{
    /// <summary>Independent k-means++ starts; the one with the lowest inertia is kept.</summary>
    public int Restarts { get; set; } = 10;

    /// <summary>Lloyd iterations per start (it stops earlier when no point changes cluster).</summary>
    public int MaxIterations { get; set; } = 100;

    /// <summary>Seed of the k-means++ draws.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Throws a clear error for values that cannot work.</summary>
    public void Validate()
    {
        if (Restarts < 1 || MaxIterations < 1)
        {
            throw new ArgumentException($"k-means needs at least one restart and one iteration (got {Restarts} and {MaxIterations}).");
        }
    }
}
