using AcousticDistill.Grains.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AcousticDistill.Silo.Hosting;

/// <summary>Healthy when the model store can be listed (its folder exists and is readable).</summary>
public sealed class ModelStoreHealthCheck(IModelStore store) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var ids = await store.ListAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{ids.Count} artifacts");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("model store unreadable", ex);
        }
    }
}
