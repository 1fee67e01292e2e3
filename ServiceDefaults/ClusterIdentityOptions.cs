using Microsoft.Extensions.Configuration;

namespace AcousticDistill.ServiceDefaults;

/// <summary>
/// Which Orleans cluster a process belongs to (keys <c>ClusterId</c> and <c>ServiceId</c> of section <c>Silo</c>): silos
/// and the Gateways that are their clients must agree on both, so both read them from here.
/// </summary>
public sealed class ClusterIdentityOptions
{
    /// <summary>Configuration section name (shared with the silo's own settings).</summary>
    public const string Section = "Silo";

    /// <summary>Cluster id (silos with the same id form one cluster).</summary>
    public string ClusterId { get; set; } = "acoustic-dev";

    /// <summary>Service id (stable across deployments; keys persistent state and reminders).</summary>
    public string ServiceId { get; set; } = "acoustic-distill";

    /// <summary>The configured identity (defaults where unset).</summary>
    public static ClusterIdentityOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ClusterIdentityOptions>() ?? new ClusterIdentityOptions();
}
