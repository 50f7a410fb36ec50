using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.SkillBackend.Tests.Support;

/// <summary>Counts, inside the AlexaLinkHub server, the introspection requests it receives per tenant: the first
/// middleware of its pipeline, before anything else sees the request.</summary>
public sealed class IntrospectionCounter : IStartupFilter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int For(string slug) => _counts.GetValueOrDefault($"/t/{slug}/connect/introspect");

    public void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter>(this);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var path = context.Request.Path.Value ?? string.Empty;
            if (path.EndsWith("/connect/introspect", StringComparison.Ordinal))
                _counts.AddOrUpdate(path, 1, (_, n) => n + 1);
            await nextMiddleware(context);
        });
        next(app);
    };
}
