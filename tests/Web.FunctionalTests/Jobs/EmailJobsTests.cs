using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Webhooks;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using AlexaLinkHub.Web.FunctionalTests.Webhooks.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Jobs;

/// <summary>Queued emails leave through a job enqueued when the request commits — within seconds, under the test clock.</summary>
public sealed class EmailJobsTests
{
    [Fact]
    public async Task RequestPasswordReset_WithAFakeClock_EmailLandsInThePickupFolderOnce()
    {
        await using var factory = await AlexaLinkHubFactory.CreateAsync(clock: new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));
        using var platform = factory.CreateApiClient();
        var slug = ApiFixture.NewSlug();
        var tenant = await platform.CreateTenantOkAsync(slug, "Acme");
        await platform.CreateUserOkAsync(slug, "jo@acme.example");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ActorContext>().Set(Actor.Anonymous("127.0.0.1"));
            scope.ServiceProvider.GetRequiredService<TenantContext>().EnterTenant(tenant.GetProperty("id").GetGuid(), slug);
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RequestPasswordReset("jo@acme.example", null), TestContext.Current.CancellationToken);
        }

        var email = await Eventually.ValueAsync(async () =>
        {
            await using var check = factory.Services.CreateAsyncScope();
            check.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
            var row = await check.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboundEmail>().AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
            return row.SentAt is null ? null : row;
        }, "the reset email to be sent", TimeSpan.FromSeconds(20));
        Assert.Equal((1, (DateTimeOffset?)factory.Clock!.GetUtcNow()), (email!.Attempts, email.SentAt));
        var file = Assert.Single(Directory.GetFiles(factory.MailDirectory, "*.eml"));
        var message = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.Contains("To: jo@acme.example", message, StringComparison.Ordinal);
        Assert.Contains("reset-password", message, StringComparison.Ordinal);
    }
}
