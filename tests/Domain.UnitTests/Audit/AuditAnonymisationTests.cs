using AlexaLinkHub.Domain.Audit;

namespace AlexaLinkHub.Domain.UnitTests.Audit;

public sealed class AuditAnonymisationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Anonymise_DetailsQuotingPersonalData_AreRedactedAndTheSourceIpDropped()
    {
        var e = AuditEvent.Record(Guid.NewGuid(), "api-key:alh_x", "user.created", "user:42", "externalId=CRM-4711", "203.0.113.7", Now);

        e.Anonymise(["Erin", "crm-4711"]);

        Assert.Equal(AuditEvent.RedactedDetails, e.Details);
        Assert.Null(e.SourceIp);
        Assert.Equal(("api-key:alh_x", "user.created", "user:42", Now), (e.Actor, e.Action, e.Target, e.OccurredAt));
    }

    [Fact]
    public void Anonymise_DetailsWithoutPersonalData_AreKept()
    {
        var e = AuditEvent.Record(Guid.NewGuid(), "user:42", "account.linked", "user:42", "clientId=taxi; scopes=taxi.order", "203.0.113.7", Now);

        e.Anonymise(["erin@example.com", ""]);

        Assert.Equal("clientId=taxi; scopes=taxi.order", e.Details);
        Assert.Null(e.SourceIp);
    }
}
