namespace AcousticDistill.Gateway.Security;

/// <summary>Endpoint filters that apply <see cref="ApiKeys"/> and <see cref="BrowserRequestGuard"/> to a route group.</summary>
public static class SecurityFilters
{
    /// <summary>
    /// Admin endpoints: an allowed <c>Host</c>, no foreign <c>Origin</c>, then an admin key (or loopback when none is
    /// configured). Host and origin come first so that a browser on this machine cannot be used to pass the loopback check.
    /// </summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var guard = http.RequestServices.GetRequiredService<BrowserRequestGuard>();
            return guard.RefuseHost(http) ?? guard.RefuseOrigin(http)
                ?? http.RequestServices.GetRequiredService<ApiKeys>().RefuseAdmin(http) ?? await next(context);
        });

    /// <summary>Streaming and recognition: a stream key when any is configured.</summary>
    public static TBuilder RequireStreamKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<ApiKeys>().RefuseStream(context.HttpContext) ?? await next(context));

    /// <summary>The WebSocket: browsers' handshakes only from the Gateway's own or an allowed origin.</summary>
    public static TBuilder RequireAllowedOrigin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<BrowserRequestGuard>().RefuseOrigin(context.HttpContext) ?? await next(context));
}
