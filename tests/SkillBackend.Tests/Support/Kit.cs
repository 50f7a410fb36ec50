using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.SkillBackend.Tests.Support;

/// <summary>The kit as a vendor's host registers it (<c>AddAlexaLinkHub</c>), without a web host around it.</summary>
public static class Kit
{
    public static ServiceProvider Create(Action<AlexaLinkHubOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAlexaLinkHub(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
