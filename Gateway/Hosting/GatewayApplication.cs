using AcousticDistill.Gateway.Rest;
using AcousticDistill.Gateway.Streaming;
using AcousticDistill.ServiceDefaults;

namespace AcousticDistill.Gateway.Hosting;

/// <summary>
/// Builds the Gateway: the Vosk-compatible WebSocket, the REST API, the demo page, health and metrics, in front of a
/// cluster. What serves the grains is added between <see cref="CreateBuilder"/> and <see cref="Build"/>: an Orleans
/// client (<see cref="Create"/>, the Gateway alone) or a co-hosted silo (the embedded host, <c>Embedded/</c>).
/// </summary>
public static class GatewayApplication
{
    /// <summary>Orleans' own meter (client-side messaging): orleans_* series.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// The Gateway alone: an Orleans client of the cluster that <c>Gateway:Cluster</c> names. <paramref name="configure"/>
    /// lets tests adjust the builder.
    /// </summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = CreateBuilder(args);
        builder.AddClusterClient();
        configure?.Invoke(builder);
        return Build(builder);
    }

    /// <summary>The Gateway's settings and services, with the service defaults; the grains' host is still to be added.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // Settings and the demo page live beside the program, so it behaves the same from any working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        options.Limits.Validate();
        (builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions()).Validate();
        // One body limit: Kestrel's own (30,000,000 bytes by default) would otherwise fire first, as an exception.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.Limits.MaxUploadBytes);
        builder.AddServiceDefaults(GatewayMetrics.MeterName, OrleansMeter);
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.Section));
        builder.Services.Configure<FamilyOptions>(builder.Configuration.GetSection(FamilyOptions.Section));
        builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
        builder.Services.AddSingleton<ApiKeys>();
        builder.Services.AddSingleton<BrowserRequestGuard>();
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddSingleton<StreamAdmission>();
        builder.Services.AddSingleton<VoskStreamHandler>();
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>The application: middleware, the demo page, the default endpoints and the <c>/v1</c> API.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        // A body over Kestrel's limit (or otherwise malformed) is the client's fault: its 4xx status, not a 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapDefaultEndpoints();
        var v1 = app.MapGroup("/v1");
        v1.MapStreamApi();
        v1.MapRecognizeApi();
        v1.MapModelsApi();
        return app;
    }
}
