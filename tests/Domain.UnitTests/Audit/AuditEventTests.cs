using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.UnitTests.Audit;

public class AuditEventTests
{
    private static readonly Guid TenantId = Guid.Parse("0195a1b2-0000-7000-8000-000000000003");

    [Fact]
    public void Record_AllFields_AreKept()
    {
        var audit = AuditEvent.Record(TenantId, "api-key:alh_ab12", AuditActions.SkillRegistered, "skill:carfu", "scopes=order_car", "203.0.113.7", TestTime.Now);

        Assert.Equal(7, audit.Id.Version);
        Assert.Equal(TenantId, audit.TenantId);
        Assert.Equal("api-key:alh_ab12", audit.Actor);
        Assert.Equal("skill.registered", audit.Action);
        Assert.Equal("skill:carfu", audit.Target);
        Assert.Equal("scopes=order_car", audit.Details);
        Assert.Equal("203.0.113.7", audit.SourceIp);
        Assert.Equal(TestTime.Now, audit.OccurredAt);
    }

    [Fact]
    public void Record_PlatformEvent_HasNoTenantAndOptionalFieldsMayBeAbsent()
    {
        var audit = AuditEvent.Record(null, "system", AuditActions.ApiKeyCreated, "api-key:alh_ab12", null, null, TestTime.Now);

        Assert.Null(audit.TenantId);
        Assert.Null(audit.Details);
        Assert.Null(audit.SourceIp);
    }

    [Theory]
    [InlineData("", "skill.registered", "skill:carfu")]
    [InlineData("  ", "skill.registered", "skill:carfu")]
    [InlineData("system", "", "skill:carfu")]
    [InlineData("system", "skill.registered", "")]
    [InlineData("system", "skill.registered", "\t")]
    public void Record_MissingActorActionOrTarget_IsRefused(string actor, string action, string target)
    {
        var ex = Assert.Throws<DomainException>(() => AuditEvent.Record(null, actor, action, target, null, null, TestTime.Now));

        Assert.Contains("actor, an action and a target", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_OverlongFields_AreTruncatedToTheirColumnLimits()
    {
        var audit = AuditEvent.Record(
            TenantId,
            new string('a', 500),
            new string('b', 500),
            new string('c', 500),
            new string('d', 5000),
            new string('e', 100),
            TestTime.Now);

        Assert.Equal(new string('a', 200), audit.Actor);
        Assert.Equal(new string('b', 100), audit.Action);
        Assert.Equal(new string('c', 300), audit.Target);
        Assert.Equal(new string('d', AuditEvent.DetailsMaxLength), audit.Details);
        Assert.Equal(new string('e', 64), audit.SourceIp);
    }

    [Fact]
    public void Record_FieldsExactlyAtTheLimit_AreKeptWhole()
    {
        var details = new string('d', AuditEvent.DetailsMaxLength);

        var audit = AuditEvent.Record(TenantId, new string('a', 200), new string('b', 100), new string('c', 300), details, "2001:db8::1", TestTime.Now);

        Assert.Equal(200, audit.Actor.Length);
        Assert.Equal(100, audit.Action.Length);
        Assert.Equal(300, audit.Target.Length);
        Assert.Equal(details, audit.Details);
        Assert.Equal("2001:db8::1", audit.SourceIp);
    }

    [Fact]
    public void Record_TwoEvents_GetDistinctTimeOrderedIds()
    {
        var first = AuditEvent.Record(null, "system", "a.b", "x", null, null, TestTime.Now);
        var second = AuditEvent.Record(null, "system", "a.b", "x", null, null, TestTime.Now.AddMilliseconds(1));

        Assert.True(first.Id.CompareTo(second.Id) < 0);
    }
}
