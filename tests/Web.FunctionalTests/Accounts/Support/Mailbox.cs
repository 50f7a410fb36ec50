using System.Text.RegularExpressions;
using AlexaLinkHub.Domain.Emails;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace AlexaLinkHub.Web.FunctionalTests.Accounts.Support;

/// <summary>The emails the app delivered into its pickup folder (<c>Email:PickupDirectory</c>), read as a newcomer would:
/// the .eml files. An email counts as delivered once the dispatcher marked its outbox row sent, so a file is never read
/// half-written.</summary>
public static partial class Mailbox
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Waits (up to a few seconds; the test dispatcher polls every 200 ms) until <paramref name="count"/>
    /// emails to <paramref name="to"/> were delivered, and returns them oldest first, read from their .eml files.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(AccountsFixture app, string to, int count = 1)
    {
        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var sent = await app.QueryDbAsync(db => db.Set<OutboundEmail>()
                .Where(e => e.To == to && e.SentAt != null)
                .OrderBy(e => e.CreatedAt).ThenBy(e => e.SentAt)
                .Select(e => e.Id)
                .ToListAsync(ct));
            if (sent.Count >= count)
            {
                var messages = new List<MimeMessage>();
                foreach (var id in sent)
                    messages.Add(await MimeMessage.LoadAsync(FileOf(app, id), ct));
                Assert.All(messages, m => Assert.Equal(to, m.To.Mailboxes.Single().Address));
                return messages;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{sent.Count} of {count} email(s) to {to} delivered within {Patience.TotalSeconds} s.");
            await Task.Delay(50, ct);
        }
    }

    public static async Task<MimeMessage> WaitForOneAsync(AccountsFixture app, string to) => (await WaitForAsync(app, to)).Single();

    /// <summary>The .eml files in the pickup folder addressed to <paramref name="to"/>.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> FilesToAsync(AccountsFixture app, string to)
    {
        if (!Directory.Exists(app.Factory.MailDirectory))
            return [];
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(app.Factory.MailDirectory, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
                messages.Add(message);
        }
        return messages;
    }

    /// <summary>The one link of an account email: the same in its text and HTML parts.</summary>
    public static Uri LinkIn(MimeMessage message)
    {
        var links = LinkPattern().Matches(message.TextBody ?? string.Empty).Select(m => m.Value).Distinct().ToList();
        Assert.True(links.Count == 1, $"Expected one link in:{Environment.NewLine}{message.TextBody}");
        Assert.Contains($"href=\"{System.Net.WebUtility.HtmlEncode(links[0])}\"", message.HtmlBody ?? string.Empty, StringComparison.Ordinal);
        return new Uri(links[0]);
    }

    private static string FileOf(AccountsFixture app, Guid id)
    {
        var files = Directory.GetFiles(app.Factory.MailDirectory, $"*-{id:N}.eml");
        Assert.True(files.Length == 1, $"No .eml for email {id} in {app.Factory.MailDirectory}.");
        return files[0];
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();
}
