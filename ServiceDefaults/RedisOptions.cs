using Microsoft.Extensions.Configuration;

namespace AcousticDistill.ServiceDefaults;

/// <summary>The Redis that holds membership, grain state and reminders (section <c>Redis</c>), read by silos and Gateways alike.</summary>
public sealed class RedisOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis connection string, e.g. <c>redis:6379,password=…</c>; give it through the environment
    /// (<c>Redis__ConnectionString</c>, from a Kubernetes secret), never in a committed file.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The connection string, or a clear error naming the setting that needs it.</summary>
    public static string Required(IConfiguration configuration, string neededBy) =>
        configuration.GetSection(Section).Get<RedisOptions>()?.ConnectionString is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException($"{neededBy} needs Redis:ConnectionString (environment Redis__ConnectionString), e.g. localhost:6379.");
}
