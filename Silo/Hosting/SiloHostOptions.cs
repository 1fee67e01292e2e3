namespace AcousticDistill.Silo.Hosting;

/// <summary>How this silo joins a cluster and keeps grain state (section <c>Silo</c>).</summary>
public sealed class SiloHostOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Silo";

    /// <summary><c>localhost</c> (development, one machine) or <c>redis</c>.</summary>
    public string Clustering { get; set; } = "localhost";

    /// <summary><c>memory</c> (state rebuilt by re-registering from the model store) or <c>redis</c>.</summary>
    public string Storage { get; set; } = "memory";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Cluster id (silos with the same id form one cluster).</summary>
    public string ClusterId { get; set; } = "acoustic-dev";

    /// <summary>Service id (stable across deployments; keys persistent state and reminders).</summary>
    public string ServiceId { get; set; } = "acoustic-distill";
}
