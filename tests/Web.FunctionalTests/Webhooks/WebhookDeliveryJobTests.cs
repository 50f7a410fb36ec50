using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AlexaLinkHub.Infrastructure.Jobs;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using AlexaLinkHub.Web.FunctionalTests.Webhooks.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Webhooks;

/// <summary>Events reach a real receiver (Kestrel on 127.0.0.1), signed per Standard Webhooks and retried on failure.</summary>
public sealed class WebhookDeliveryJobTests(WebhookAppFixture app) : IClassFixture<WebhookAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Link_SubscribedWebhook_ReceivesSignedAccountLinked()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = await WebhookScenario.CreateAsync(app, receiver, "account.linked");

        await scenario.LinkAsync();

        var webhook = await receiver.NextAsync();
        Assert.Equal(("POST", $"/{scenario.Slug}"), (webhook.Method, webhook.Path));
        Assert.StartsWith("application/json", webhook.Header("content-type"), StringComparison.Ordinal);
        Assert.True(StandardWebhooks.Verify(scenario.Secret, webhook), "The signature does not verify with the webhook's secret.");
        Assert.False(StandardWebhooks.Verify("whsec_" + Convert.ToBase64String(new byte[32]), webhook));
        Assert.InRange(long.Parse(webhook.Header("webhook-timestamp"), System.Globalization.CultureInfo.InvariantCulture),
            app.Clock.GetUtcNow().ToUnixTimeSeconds() - 5, app.Clock.GetUtcNow().ToUnixTimeSeconds());
        using var body = JsonDocument.Parse(webhook.Body);
        Assert.Equal("account.linked", body.RootElement.Str("type"));
        var data = body.RootElement.GetProperty("data");
        Assert.Equal(scenario.ClientId, data.Str("clientId"));
        Assert.Equal(scenario.UserId.ToString(), data.Str("userId"));
        Assert.Equal(["taxi.order", "profile"], data.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        var delivery = await scenario.WaitForDeliveryAsync(attempts: 1, status: "succeeded");
        Assert.Equal(webhook.Header("webhook-id"), delivery.Str("id"));
        Assert.Equal("account.linked", delivery.Str("eventType"));
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("nextAttemptAt").ValueKind);
        Assert.Equal(204, delivery.GetProperty("attempts")[0].GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Delivery_ReceiverAnswers500Once_IsRetriedAndTheLogShowsBothAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = await WebhookScenario.CreateAsync(app, receiver, "account.linked");
        receiver.Answer(500);

        await scenario.LinkAsync();

        var first = await receiver.NextAsync();
        var failed = await scenario.WaitForDeliveryAsync(attempts: 1, status: "pending");
        var firstAttempt = failed.GetProperty("attempts")[0];
        Assert.Equal(500, firstAttempt.GetProperty("statusCode").GetInt32());
        Assert.Equal("HTTP 500", firstAttempt.Str("error"));
        var retryIn = failed.GetProperty("nextAttemptAt").GetDateTimeOffset() - firstAttempt.GetProperty("at").GetDateTimeOffset();
        Assert.InRange(retryIn, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        // Past the retry time (and the sweep's grace): the sweep hands the delivery to a job of its tenant.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        app.Factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(RecurringJobs.WebhookSweep);

        var second = await receiver.NextAsync();
        Assert.Equal(first.Header("webhook-id"), second.Header("webhook-id"));
        Assert.Equal(first.Body, second.Body);
        Assert.True(StandardWebhooks.Verify(scenario.Secret, second));
        var delivered = await scenario.WaitForDeliveryAsync(attempts: 2, status: "succeeded");
        Assert.Equal(first.Header("webhook-id"), delivered.Str("id"));
        Assert.Equal([500, 204], delivered.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal([1, 2], delivered.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("number").GetInt32()));
        Assert.Equal(1, (await scenario.DeliveriesAsync()).GetArrayLength());
    }

    [Fact]
    public async Task AdminRevoke_LinkedUser_ReceivesTokenRevokedWithReasonAdmin()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = await WebhookScenario.CreateAsync(app, receiver, "token.revoked");
        await scenario.LinkAsync();

        var revoked = await app.Platform.PostAsync($"/api/v1/tenants/{scenario.Slug}/users/{scenario.UserId}/revoke", null, Ct);
        await ApiAssert.JsonAsync(revoked, HttpStatusCode.OK);

        var webhook = await receiver.NextAsync();
        Assert.True(StandardWebhooks.Verify(scenario.Secret, webhook));
        using var body = JsonDocument.Parse(webhook.Body);
        Assert.Equal("token.revoked", body.RootElement.Str("type"));
        Assert.Equal("admin", body.RootElement.GetProperty("data").Str("reason"));
        Assert.Equal(scenario.ClientId, body.RootElement.GetProperty("data").Str("clientId"));
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task DisableUser_ThroughTheApi_SendsUserDisabledForEverySkill_AndTheTokenWorksAgainOnceEnabled()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = await WebhookScenario.CreateAsync(app, receiver, "user.disabled");
        var token = await scenario.LinkAsync();
        Assert.True(await IsActiveAsync(scenario, token));

        var disabled = await app.Platform.PostAsync($"/api/v1/tenants/{scenario.Slug}/users/{scenario.UserId}/disable", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        Assert.False(await IsActiveAsync(scenario, token));

        var webhook = await receiver.NextAsync();
        Assert.True(StandardWebhooks.Verify(scenario.Secret, webhook));
        using var body = JsonDocument.Parse(webhook.Body);
        Assert.Equal("user.disabled", body.RootElement.Str("type"));
        var data = body.RootElement.GetProperty("data");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("clientId").ValueKind);
        Assert.Equal(scenario.UserId.ToString(), data.Str("userId"));
        Assert.Equal("user_disabled", data.Str("reason"));

        // Disabling again changes nothing and tells nobody twice; enabling restores the link (nothing was revoked).
        Assert.Equal(HttpStatusCode.NoContent, (await app.Platform.PostAsync($"/api/v1/tenants/{scenario.Slug}/users/{scenario.UserId}/disable", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Platform.PostAsync($"/api/v1/tenants/{scenario.Slug}/users/{scenario.UserId}/enable", null, Ct)).StatusCode);
        Assert.True(await IsActiveAsync(scenario, token));
        await scenario.WaitForDeliveryAsync(attempts: 1, status: "succeeded");
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task DeleteUser_ThroughTheApi_EndsTheLinkWithTokenRevokedUserDeleted_AndTheUserIsGone()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = await WebhookScenario.CreateAsync(app, receiver, "token.revoked");
        var token = await scenario.LinkAsync();

        var deleted = await app.Platform.DeleteAsync($"/api/v1/tenants/{scenario.Slug}/users/{scenario.UserId}", Ct);
        var result = await ApiAssert.JsonAsync(deleted, HttpStatusCode.OK);
        Assert.Equal(1, result.GetProperty("revokedLinks").GetInt32());
        Assert.False(await IsActiveAsync(scenario, token));

        var webhook = await receiver.NextAsync();
        using var body = JsonDocument.Parse(webhook.Body);
        Assert.Equal(("token.revoked", "user_deleted"), (body.RootElement.Str("type"), body.RootElement.GetProperty("data").Str("reason")));
        var gone = await app.Platform.GetAsync($"/api/v1/tenants/{scenario.Slug}/users/{scenario.UserId}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.DoesNotContain(scenario.Email, await gone.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<bool> IsActiveAsync(WebhookScenario scenario, string token)
    {
        using var response = await AsTheSkillAsync(scenario, "introspect", token);
        return (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("active").GetBoolean();
    }

    /// <summary>POSTs the token to one of the tenant's OAuth endpoints as the skill does (HTTP Basic, RFC 6749 §2.3.1).</summary>
    private static async Task<HttpResponseMessage> AsTheSkillAsync(WebhookScenario scenario, string endpoint, string token, params KeyValuePair<string, string>[] more)
    {
        using var skill = scenario.App.Factory.CreateApiClient(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/t/{scenario.Slug}/connect/{endpoint}")
        {
            Content = new FormUrlEncodedContent(more.Prepend(new KeyValuePair<string, string>("token", token))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(scenario.ClientId)}:{Uri.EscapeDataString(scenario.ClientSecret)}")));
        return await skill.SendAsync(request, Ct);
    }

    [Fact]
    public async Task ClientRevocation_SkillRevokesItsToken_ReceivesTokenRevokedWithReasonClientRevocation()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = await WebhookScenario.CreateAsync(app, receiver, "token.revoked", "account.unlinked");
        var token = await scenario.LinkAsync();

        using var revoked = await AsTheSkillAsync(scenario, "revoke", token, KeyValuePair.Create("token_type_hint", "access_token"));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        var webhook = await receiver.NextAsync();
        Assert.True(StandardWebhooks.Verify(scenario.Secret, webhook));
        using var body = JsonDocument.Parse(webhook.Body);
        Assert.Equal("token.revoked", body.RootElement.Str("type"));
        Assert.Equal("client_revocation", body.RootElement.GetProperty("data").Str("reason"));
    }

    [Fact]
    public async Task SendTest_Webhook_DeliversASignedTestEvent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var scenario = await WebhookScenario.CreateAsync(app, receiver, "account.unlinked");

        var accepted = await ApiAssert.JsonAsync(await app.Platform.PostAsync($"{scenario.WebhookPath}/test", null, Ct), HttpStatusCode.Accepted);

        Assert.Equal(("webhook.test", "pending"), (accepted.Str("eventType"), accepted.Str("status")));
        var webhook = await receiver.NextAsync();
        Assert.Equal(accepted.Str("id"), webhook.Header("webhook-id"));
        Assert.True(StandardWebhooks.Verify(scenario.Secret, webhook));
        using var body = JsonDocument.Parse(webhook.Body);
        Assert.Equal("webhook.test", body.RootElement.Str("type"));
        await scenario.WaitForDeliveryAsync(attempts: 1, status: "succeeded");
    }
}
