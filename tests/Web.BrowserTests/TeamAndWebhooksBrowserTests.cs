using AlexaLinkHub.Web.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlexaLinkHub.Web.BrowserTests;

/// <summary>The Team and Webhooks pages in Chromium: an owner invites a viewer (who, on a phone, sees the tenant but whose
/// crafted POSTs are refused with 403 and change nothing), changes roles and is stopped at the last owner; then adds a
/// webhook (the secret shown once), sends a test event and disables it. axe-core on every new page; screenshots in
/// artifacts/screenshots/admin-team*.png and admin-webhook*.png.</summary>
public sealed class TeamAndWebhooksBrowserTests(LinkHub hub, Chromium chromium)
{
    private const string Password = "vendor secret passphrase";

    private string Url(string path) => new Uri(hub.App.BaseUrl, path).ToString();

    private static ILocator RoleOf(IPage page, string email) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).Locator("select[name=Role]");

    /// <summary>A POST the page does not offer (as a hand-made request would send it, with the session's antiforgery token,
    /// taken from the API keys page's form).</summary>
    private async Task<IResponse> PostFormAsync(IPage page, string slug, string path, IReadOnlyDictionary<string, string> fields)
    {
        await page.GotoAsync(Url($"admin/t/{slug}/api-keys"));
        // Waits for the navigation the form starts to finish (its document loaded), not only for the POST's answer: the
        // next GotoAsync would otherwise interrupt it.
        var response = await page.RunAndWaitForResponseAsync(() => page.EvaluateAsync(
            """
            ([path, fields]) => {
                const form = document.createElement('form');
                form.method = 'post';
                form.action = path;
                const token = document.querySelector('input[name=__RequestVerificationToken]').value;
                for (const [name, value] of Object.entries({ ...fields, __RequestVerificationToken: token })) {
                    const input = document.createElement('input');
                    input.type = 'hidden'; input.name = name; input.value = value;
                    form.append(input);
                }
                document.body.append(form);
                form.submit();
            }
            """, new object[] { path, fields }), response => response.Request.Method == "POST");
        await page.WaitForURLAsync(url => url.EndsWith(path, StringComparison.Ordinal));
        return response;
    }

    [Fact]
    public async Task Owner_InvitesAViewer_WhoSeesButCannotChange_ThenRunsAWebhook()
    {
        await using var desktop = await chromium.OpenDesktopAsync();
        var owner = desktop.Page;
        var slug = $"v-{Guid.NewGuid():N}"[..14];
        var viewerEmail = $"viewer@{slug}.example";
        await owner.GotoAsync(Url("admin/signup"));
        await owner.GetByLabel("Email").FillAsync($"owner@{slug}.example");
        await owner.GetByLabel("Password").FillAsync(Password);
        await owner.GetByLabel("Organization name").FillAsync("Car Fu Motors");
        await owner.GetByLabel("Tenant slug").FillAsync(slug);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(owner).ToHaveURLAsync(Url($"admin/t/{slug}"));

        await owner.GetByRole(AriaRole.Link, new() { Name = "Team", Exact = true }).ClickAsync();
        await owner.GetByLabel("Invite an admin by email").FillAsync(viewerEmail);
        await owner.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("viewer");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(owner.GetByText($"Invitation sent to {viewerEmail}.")).ToBeVisibleAsync();
        await desktop.ScreenshotAsync("admin-team");
        await Expect(RoleOf(owner, viewerEmail)).ToHaveValueAsync("viewer");
        await Accessibility.AssertNoSeriousViolationsAsync(owner);

        // The viewer accepts on a phone and looks around: everything is visible, nothing offers a change.
        await using var phone = await chromium.OpenPhoneAsync();
        var viewer = phone.Page;
        await viewer.GotoAsync(await PickupFolder.WaitForLinkAsync(hub, viewerEmail));
        await Accessibility.AssertNoSeriousViolationsAsync(viewer);
        await viewer.GetByLabel("Password").FillAsync(Password);
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        await viewer.GotoAsync(Url($"admin/t/{slug}/team"));
        await Expect(viewer.GetByText("You are a viewer here")).ToBeVisibleAsync();
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Send invitation" })).ToHaveCountAsync(0);
        Assert.False(await viewer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the team page scrolls sideways on a phone");
        await phone.ScreenshotAsync("admin-team-viewer-phone");
        await viewer.GotoAsync(Url($"admin/t/{slug}/webhooks"));
        await Expect(viewer.GetByText("No webhooks yet.")).ToBeVisibleAsync();
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Add webhook" })).ToHaveCountAsync(0);

        var promote = await PostFormAsync(viewer, slug, $"/admin/t/{slug}/team?handler=Role&id={Guid.NewGuid()}", new Dictionary<string, string> { ["Role"] = "owner" });
        var hook = await PostFormAsync(viewer, slug, $"/admin/t/{slug}/webhooks", new Dictionary<string, string> { ["ReceiverUrl"] = "https://hooks.carfu.example/a", ["Events"] = "account.linked" });
        var key = await PostFormAsync(viewer, slug, $"/admin/t/{slug}/api-keys?handler=Create", new Dictionary<string, string> { ["Name"] = "mine", ["Role"] = "admin" });

        Assert.Equal([403, 403, 403], new[] { promote.Status, hook.Status, key.Status });
        await owner.ReloadAsync();
        await Expect(RoleOf(owner, viewerEmail)).ToHaveValueAsync("viewer");

        // Roles: the owner promotes the viewer, and cannot step down while they are the only owner.
        await RoleOf(owner, viewerEmail).SelectOptionAsync("admin");
        await owner.GetByRole(AriaRole.Button, new() { Name = $"Change the role of {viewerEmail}" }).ClickAsync();
        await Expect(owner.GetByText($"{viewerEmail} is now admin.")).ToBeVisibleAsync();
        await RoleOf(owner, $"owner@{slug}.example").SelectOptionAsync("viewer");
        await owner.GetByRole(AriaRole.Button, new() { Name = $"Change the role of owner@{slug}.example" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Alert)).ToContainTextAsync("last owner");
        await Expect(RoleOf(owner, $"owner@{slug}.example")).ToHaveValueAsync("owner");

        // Webhooks: add one (the secret shown once), send a test event, see the delivery, disable it.
        await owner.GetByRole(AriaRole.Link, new() { Name = "Webhooks", Exact = true }).ClickAsync();
        await owner.GetByLabel("Receiver URL (HTTPS)").FillAsync("https://hooks.carfu.example/alexa");
        await owner.GetByLabel("account.linked").CheckAsync();
        await owner.GetByLabel("token.revoked").CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
        Assert.StartsWith("whsec_", await owner.GetByLabel("Signing secret").InputValueAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(owner);
        await desktop.ScreenshotAsync("admin-webhooks");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Open the webhook" }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Send test event" }).ClickAsync();
        await Expect(owner.GetByText("Test event msg_")).ToBeVisibleAsync();
        await Expect(owner.GetByRole(AriaRole.Cell, new() { Name = "webhook.test" })).ToBeVisibleAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Expect(owner.GetByText("disabled: gets no new events")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(owner);
        await desktop.ScreenshotAsync("admin-webhook");

        Assert.Empty(desktop.CspViolations);
        Assert.Empty(desktop.PageErrors);
        Assert.Empty(phone.CspViolations);
    }
}
