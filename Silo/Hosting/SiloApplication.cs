using AcousticDistill.ServiceDefaults;
using Orleans.Dashboard;

namespace AcousticDistill.Silo.Hosting;

/// <summary>Builds the silo web application: Orleans silo, the service defaults' endpoints and the dashboard at <c>/dashboard</c>.</summary>
public static class SiloApplication
{
    /// <summary>The configured application; <paramref name="configure"/> lets tests adjust the builder (e.g. a test server).</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(ObservabilityExtensions.OrleansMeter);
        builder.AddAcousticSilo();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapOrleansDashboard(routePrefix: "/dashboard");
        return app;
    }
}
