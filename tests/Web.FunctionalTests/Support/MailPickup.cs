using MimeKit;

namespace AlexaLinkHub.Web.FunctionalTests.Support;

/// <summary>The .eml files the app's email dispatcher writes into the factory's pickup folder.</summary>
public static class MailPickup
{
    /// <summary>Waits for the dispatcher (it polls the outbox) to deliver a complete message to <paramref name="to"/>.
    /// The folder is shared by the tests of a fixture, so messages are told apart by recipient.</summary>
    public static async Task<MimeMessage> WaitForMessageToAsync(string directory, string to, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = Directory.Exists(directory)
                ? Directory.EnumerateFiles(directory, "*.eml").Select(TryLoad)
                    .FirstOrDefault(m => m is not null && m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))
                : null;
            if (message is not null)
                return message;
            if (DateTime.UtcNow > deadline)
            {
                var present = Directory.Exists(directory) ? string.Join(", ", Directory.EnumerateFiles(directory).Select(Path.GetFileName)) : "no folder";
                Assert.Fail($"No email to {to} arrived in {directory} within {timeout ?? TimeSpan.FromSeconds(10)} (present: {present}).");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The message, or null while the file is still being written (locked, or its HTML part not yet complete).</summary>
    private static MimeMessage? TryLoad(string path)
    {
        try
        {
            var message = MimeMessage.Load(path);
            return message.HtmlBody?.Contains("</html>", StringComparison.Ordinal) == true ? message : null;
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            return null;
        }
    }
}
