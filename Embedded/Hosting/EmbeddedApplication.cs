using AcousticDistill.Gateway.Hosting;
using AcousticDistill.Silo.Hosting;

namespace AcousticDistill.Embedded.Hosting;

/// <summary>
/// The single-process mode: the Gateway with an Orleans silo co-hosted in the same process (localhost clustering,
/// in-memory state, the model store in <c>data/model-store</c>), which at start gives each family without a serving
/// model its committed default model (<c>models/</c> beside the program). A composition of the two hosts: neither
/// depends on the other.
/// </summary>
public static class EmbeddedApplication
{
    /// <summary>The configured application; <paramref name="configure"/> lets tests adjust the builder.</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = GatewayApplication.CreateBuilder(args);
        builder.AddAcousticSilo();
        configure?.Invoke(builder);
        return GatewayApplication.Build(builder);
    }
}
