using System.Net;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Web.FunctionalTests;

public sealed class HealthTests
{
    [Fact]
    public async Task Ready_AfterStartup_Returns200()
    {
        await using var factory = await AlexaLinkHubFactory.CreateAsync();
        var response = await factory.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
