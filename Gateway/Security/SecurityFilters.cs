namespace AcousticDistill.Gateway.Security;

/// <summary>Endpoint filters that apply <see cref="ApiKeys"/> to a route group.</summary>
public static class SecurityFilters
{
    /// <summary>Admin endpoints: an admin key, or loopback when none is configured.</summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<ApiKeys>().RefuseAdmin(context.HttpContext) ?? await next(context));

    /// <summary>Streaming and recognition: a stream key when any is configured.</summary>
    public static TBuilder RequireStreamKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<ApiKeys>().RefuseStream(context.HttpContext) ?? await next(context));
}
