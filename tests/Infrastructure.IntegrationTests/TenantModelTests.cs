using System.Reflection;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Infrastructure.IntegrationTests.Support;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AlexaLinkHub.Infrastructure.IntegrationTests;

/// <summary>The rule of the house: every entity is either tenant-filtered or explicitly declared global, with a reason.
/// A new entity that is neither fails here, by name, before it can leak one vendor's data to another.</summary>
public sealed class TenantModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Model_EveryEntity_IsTenantFilteredOrDeclaredGlobal(DatabaseProvider provider)
    {
        using var db = OfflineContexts.Create(provider);

        var offenders = TenancyRule.Offenders(db.Model);

        Assert.True(offenders.Count == 0,
            "Every entity must be tenant-owned (ITenantOwned / ITenantOrPlatformOwned, and so tenant-filtered) or declared global " +
            $"([GlobalEntity(\"why\")] or the {AppDbContext.GlobalAnnotation} annotation). Offending: {string.Join("; ", offenders)}");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Model_EveryTenantOwnedEntity_HasTheTenantQueryFilter(DatabaseProvider provider)
    {
        using var db = OfflineContexts.Create(provider);
        var tenantOwned = db.Model.GetEntityTypes().Where(e => !e.IsOwned() && TenancyRule.IsTenantOwned(e.ClrType)).ToList();

        Assert.Contains(tenantOwned, e => e.ClrType == typeof(Domain.Users.EndUser));
        Assert.Contains(tenantOwned, e => e.ClrType == typeof(Domain.Skills.Skill));
        Assert.Contains(tenantOwned, e => e.ClrType == typeof(Domain.Audit.AuditEvent));
        Assert.All(tenantOwned, e => Assert.True(TenancyRule.HasTenantFilter(e), $"{e.DisplayName()} is tenant-owned but has no tenant query filter."));
    }

    [Fact]
    public void Model_GlobalEntities_AreExactlyTheDeclaredOnes()
    {
        using var db = OfflineContexts.Create(DatabaseProvider.Sqlite);

        var global = db.Model.GetEntityTypes().Where(e => !e.IsOwned() && TenancyRule.IsDeclaredGlobal(e)).Select(e => e.ClrType.Name).Order();

        // OAuthApplication is only the key of a skill's row (the skill itself is tenant-filtered), see docs/decisions/011;
        // ChangeNotice is the cross-instance change feed of the token cache (ids only), see docs/decisions/014.
        Assert.Equal(["AdminMembership", "AdminPasskey", "AdminRecoveryCode", "AdminSignInThrottle", "AdminUser", "ApiKey", "ChangeNotice", "DataProtectionKey", "OAuthApplication", "ServerKey", "Tenant"], global);
    }

    [Fact]
    public void TenancyRule_EntityNeitherOwnedNorGlobal_IsReportedByName()
    {
        using var db = new UndeclaredContext();

        var offenders = TenancyRule.Offenders(db.Model);

        Assert.Equal([$"{nameof(UndeclaredEntity)}: neither tenant-owned nor declared global"], offenders);
    }

    [Fact]
    public void TenancyRule_TenantOwnedEntityWithoutFilter_IsReportedByName()
    {
        using var db = new UnfilteredContext();

        var offenders = TenancyRule.Offenders(db.Model);

        Assert.Equal([$"{nameof(UnfilteredTenantEntity)}: tenant-owned but has no tenant query filter"], offenders);
    }

    private sealed class UndeclaredEntity
    {
        public int Id { get; set; }
    }

    private sealed class UnfilteredTenantEntity : ITenantOwned
    {
        public int Id { get; set; }
        public Guid TenantId { get; set; }
    }

    private sealed class UndeclaredContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlite("Data Source=never-opened.db");

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<UndeclaredEntity>();
    }

    private sealed class UnfilteredContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlite("Data Source=never-opened.db");

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<UnfilteredTenantEntity>();
    }
}

/// <summary>The tenancy rule over an EF model, kept apart from the assertions so it can be shown to catch offenders.</summary>
public static class TenancyRule
{
    public static bool IsTenantOwned(Type clr) =>
        typeof(ITenantOwned).IsAssignableFrom(clr) || typeof(ITenantOrPlatformOwned).IsAssignableFrom(clr);

    public static bool IsDeclaredGlobal(IReadOnlyEntityType entity) =>
        entity.ClrType.GetCustomAttribute<GlobalEntityAttribute>() is { Reason.Length: > 0 }
        || entity.FindAnnotation(AppDbContext.GlobalAnnotation)?.Value is string { Length: > 0 };

    /// <summary>A query filter that reads the current tenant (the one AppDbContext installs), not just any filter.</summary>
    public static bool HasTenantFilter(IReadOnlyEntityType entity) =>
        entity.GetDeclaredQueryFilters().Any(f => f.Expression?.ToString().Contains("CurrentTenantId", StringComparison.Ordinal) == true);

    public static List<string> Offenders(IModel model)
    {
        var offenders = new List<string>();
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            var name = entity.ClrType.Name;
            if (IsTenantOwned(entity.ClrType))
            {
                if (!HasTenantFilter(entity))
                    offenders.Add($"{name}: tenant-owned but has no tenant query filter");
            }
            else if (!IsDeclaredGlobal(entity))
            {
                offenders.Add($"{name}: neither tenant-owned nor declared global");
            }
        }
        return offenders;
    }
}
