using AlexaLinkHub.Domain.Links;
using AlexaLinkHub.Domain.Skills;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Infrastructure.OAuth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlexaLinkHub.Infrastructure.Persistence.Configurations;

internal sealed class AccountLinkConfiguration : IEntityTypeConfiguration<AccountLink>
{
    public void Configure(EntityTypeBuilder<AccountLink> builder)
    {
        builder.ToTable("AccountLinks");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Skill>().WithMany().HasForeignKey(l => l.SkillId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<EndUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(l => l.ClientId).HasMaxLength(ClientId.MaxLength).IsRequired();
        builder.Property(l => l.GrantId).HasMaxLength(64).IsRequired();
        builder.HasIndex(l => l.GrantId).IsUnique();
        // A link ends once: two revocations racing on separate connections (a replayed code redeemed many times at once,
        // an admin and the skill revoking together) cannot both mark it, audit it and tell the vendor.
        builder.Property(l => l.RevokedAt).IsConcurrencyToken();
        builder.HasIndex(l => new { l.TenantId, l.UserId, l.SkillId });
        builder.HasIndex(l => new { l.TenantId, l.SkillId, l.RevokedAt });
        // The dashboard's links-per-day chart reads a tenant's links by date.
        builder.HasIndex(l => new { l.TenantId, l.LinkedAt });
        builder.Property(l => l.RevokedReason).HasMaxLength(50);
        // The minutely job finds the live test links to end (docs/decisions/021).
        builder.HasIndex(l => new { l.IsTest, l.RevokedAt });
        builder.Ignore(l => l.Scopes);
        builder.PrimitiveCollection<List<string>>("_scopes").HasColumnName("Scopes").IsRequired();
        builder.Ignore(l => l.IsActive);
    }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.ToTable("SignInThrottles");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Key).HasMaxLength(128).IsRequired();
        builder.HasIndex(t => new { t.TenantId, t.Key }).IsUnique();
    }
}

internal sealed class ServerKeyConfiguration : IEntityTypeConfiguration<ServerKey>
{
    public void Configure(EntityTypeBuilder<ServerKey> builder)
    {
        builder.ToTable("ServerKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Use).HasMaxLength(10).IsRequired();
        // One key per use and generation: two instances starting (or rotating) together cannot both create one.
        builder.HasIndex(k => new { k.Use, k.Generation }).IsUnique();
        builder.Ignore(k => k.KeyId);
        builder.Property(k => k.ProtectedPrivateKey).IsRequired();
    }
}

internal sealed class OAuthEntitiesConfiguration :
    IEntityTypeConfiguration<OAuthApplication>, IEntityTypeConfiguration<OAuthAuthorization>, IEntityTypeConfiguration<OAuthToken>, IEntityTypeConfiguration<OAuthScope>
{
    /// <summary>The client is the skill's own row (table splitting): only the key and the tenant are mapped, everything
    /// OpenIddict would store about a client is read from the skill (SkillApplicationStore).</summary>
    public void Configure(EntityTypeBuilder<OAuthApplication> builder)
    {
        builder.ToTable("Skills");
        builder.HasKey(a => a.Id);
        builder.HasOne<Skill>().WithOne().HasForeignKey<OAuthApplication>(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        // Grants and tokens name their client by ApplicationId, as in OpenIddict's own mapping.
        builder.HasMany(a => a.Authorizations).WithOne(a => a.Application!).HasForeignKey("ApplicationId").IsRequired(false);
        builder.HasMany(a => a.Tokens).WithOne(t => t.Application!).HasForeignKey("ApplicationId").IsRequired(false);
        builder.HasAnnotation(AppDbContext.GlobalAnnotation,
            "Only the key of a skill's row, for OpenIddict's grants and tokens to reference their client: it carries no data, and the skill itself is tenant-filtered.");
        builder.Ignore(a => a.Skill);
        builder.Ignore(a => a.ApplicationType);
        builder.Ignore(a => a.ClientId);
        builder.Ignore(a => a.ClientSecret);
        builder.Ignore(a => a.ClientType);
        builder.Ignore(a => a.ConcurrencyToken);
        builder.Ignore(a => a.ConsentType);
        builder.Ignore(a => a.DisplayName);
        builder.Ignore(a => a.DisplayNames);
        builder.Ignore(a => a.JsonWebKeySet);
        builder.Ignore(a => a.Permissions);
        builder.Ignore(a => a.PostLogoutRedirectUris);
        builder.Ignore(a => a.Properties);
        builder.Ignore(a => a.RedirectUris);
        builder.Ignore(a => a.Requirements);
        builder.Ignore(a => a.Settings);
    }

    public void Configure(EntityTypeBuilder<OAuthAuthorization> builder) => builder.HasIndex(a => a.TenantId);

    public void Configure(EntityTypeBuilder<OAuthToken> builder) => builder.HasIndex(t => t.TenantId);

    public void Configure(EntityTypeBuilder<OAuthScope> builder) => builder.HasIndex(s => s.TenantId);
}
