using AlexaLinkHub.Application.ApiKeys;
using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.TestSupport;
using FluentValidation;

namespace AlexaLinkHub.Application.UnitTests.Audit;

public sealed class ExportAuditEventsTests
{
    [Fact]
    public async Task Export_WithFilters_IsCsvOfTheMatchingEventsNewestFirst()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.AsAdminOf<EndUserDto>(acme, Requests.User("jo@example.com", externalId: "crm,1"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.AsAdminOf<CreatedApiKeyDto>(acme, new CreateApiKey { Name = "say \"hi\"" });
        var globex = await app.CreateTenantAsync("globex");
        await app.AsAdminOf<EndUserDto>(globex, Requests.User("other@example.com"));

        var all = await app.AsAdminOf<AuditExport>(acme, new ExportAuditEvents());
        var users = await app.AsAdminOf<AuditExport>(acme, new ExportAuditEvents { Action = AuditActions.UserCreated });

        var lines = all.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal((3, false), (all.Rows, all.Truncated));
        Assert.Equal(AuditExport.Header, lines[0]);
        Assert.StartsWith("2026-11-25T12:02:00Z,api-key:tenant-test-acme,api_key.created,api-key:alh_", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",\"name=say \"\"hi\"\"; role=admin\",127.0.0.1", lines[1], StringComparison.Ordinal);
        Assert.Contains(",user.created,user:", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",\"externalId=crm,1\",127.0.0.1", lines[2], StringComparison.Ordinal);
        Assert.Contains(",tenant.created,tenant:acme,", lines[3], StringComparison.Ordinal);
        Assert.Equal(2, users.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("other@example.com", all.Csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("plain", "plain")]
    [InlineData("a\nb", "\"a\nb\"")]
    public void Cell_FormulaOrSpecialCharacters_IsDefusedAndQuoted(string value, string expected) =>
        Assert.Equal(expected, CsvText.Cell(value));

    [Fact]
    public async Task Export_ToBeforeFrom_IsRefused()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var now = app.Clock.GetUtcNow();

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            app.AsAdminOf<AuditExport>(acme, new ExportAuditEvents { From = now, To = now.AddDays(-1) }));

        Assert.Equal(["'to' must not be before 'from'."], invalid.MessagesFor("To"));
    }
}
