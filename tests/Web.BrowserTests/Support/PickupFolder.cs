using System.Text.RegularExpressions;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AlexaLinkHub.Web.BrowserTests.Support;

/// <summary>The app's email pickup folder (<c>Email:PickupDirectory</c>): what a developer opens to read the emails of a
/// local run. An email is read once the dispatcher marked it sent, so never half-written.</summary>
public static partial class PickupFolder
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Waits for the newest email to <paramref name="to"/> to be delivered and returns its one link.</summary>
    public static async Task<string> WaitForLinkAsync(LinkHub hub, string to)
    {
        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            Guid? sent;
            await using (var scope = hub.App.Factory.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
                sent = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboundEmail>()
                    .Where(e => e.To == to && e.SentAt != null)
                    .OrderByDescending(e => e.CreatedAt)
                    .Select(e => (Guid?)e.Id)
                    .FirstOrDefaultAsync(ct);
            }
            if (sent is { } id)
            {
                var file = Assert.Single(Directory.GetFiles(hub.App.Factory.MailDirectory, $"*-{id:N}.eml"));
                var message = await MimeMessage.LoadAsync(file, ct);
                Assert.Equal(to, message.To.Mailboxes.Single().Address);
                var link = Assert.Single(LinkPattern().Matches(message.TextBody ?? string.Empty)).Value;
                return link;
            }
            Assert.True(DateTime.UtcNow < deadline, $"No email to {to} was delivered within {Patience.TotalSeconds} s.");
            await Task.Delay(50, ct);
        }
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();
}
