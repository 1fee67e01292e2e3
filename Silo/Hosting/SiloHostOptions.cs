using AcousticDistill.ServiceDefaults;

namespace AcousticDistill.Silo.Hosting;

/// <summary>
/// How this silo joins a cluster and keeps grain state (section <c>Silo</c>; the cluster and service ids of the same
/// section are <see cref="ClusterIdentityOptions"/>, shared with the Gateway).
/// </summary>
public sealed class SiloHostOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Silo";

    /// <summary><c>localhost</c> (development, one silo) or <c>redis</c> (membership in Redis: several silos, <see cref="RedisOptions"/>).</summary>
    public string Clustering { get; set; } = "localhost";

    /// <summary><c>memory</c> (state rebuilt from the model store's manifests) or <c>redis</c> (grain state and reminders in Redis).</summary>
    public string Storage { get; set; } = "memory";

    /// <summary>
    /// Address other silos and clients reach this silo at (Redis clustering); default: the <c>POD_IP</c> environment
    /// variable (Kubernetes), else 127.0.0.1 (several silos on one machine).
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Redis clustering: listen for silos and clients on every address of the host (0.0.0.0) instead of only on
    /// <see cref="AdvertisedAddress"/>. Default false; set it only where the advertised address is not an address of this
    /// host (NAT, a proxy in front of the silo). Redis clustering also needs mutual TLS on those ports (<c>Orleans:Tls</c>).
    /// </summary>
    public bool ListenOnAnyAddress { get; set; }

    /// <summary>
    /// Run under Orleans' Kubernetes hosting (pod labels, POD_* and ORLEANS_* variables, pod deletion of dead silos);
    /// default: on when the Kubernetes service environment and POD_NAMESPACE are present.
    /// </summary>
    public bool? Kubernetes { get; set; }

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;
}
