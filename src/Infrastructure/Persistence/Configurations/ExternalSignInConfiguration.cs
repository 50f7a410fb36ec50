using AlexaLinkHub.Domain.ExternalSignIn;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlexaLinkHub.Infrastructure.Persistence.Configurations;

internal sealed class IdentityProviderConfiguration : IEntityTypeConfiguration<IdentityProvider>
{
    public void Configure(EntityTypeBuilder<IdentityProvider> builder)
    {
        builder.ToTable("IdentityProviders");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(IdentityProvider.NameMaxLength).IsRequired();
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.DisplayName).HasMaxLength(IdentityProvider.DisplayNameMaxLength).IsRequired();
        builder.Property(p => p.Issuer).HasMaxLength(2000);
        builder.Property(p => p.ClientId).HasMaxLength(IdentityProvider.ClientIdMaxLength).IsRequired();
        builder.Property(p => p.ProtectedClientSecret).HasMaxLength(8000).IsRequired();
        builder.Property(p => p.AuthorizationEndpoint).HasMaxLength(2000).IsRequired();
        builder.Ignore(p => p.Scopes);
        builder.PrimitiveCollection<List<string>>("_scopes").HasColumnName("Scopes").IsRequired();
    }
}

internal sealed class ExternalLoginConfiguration : IEntityTypeConfiguration<ExternalLogin>
{
    public void Configure(EntityTypeBuilder<ExternalLogin> builder)
    {
        builder.ToTable("ExternalLogins");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        // The user's cascade removes their identities; the provider's is NoAction (SQL Server allows one cascade path
        // from the tenant), so deleting a provider deletes its identities first (IdentityProviderRepository).
        builder.HasOne<EndUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<IdentityProvider>().WithMany().HasForeignKey(l => l.ProviderId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(l => new { l.ProviderId, l.Subject }).IsUnique();
        builder.HasIndex(l => l.UserId);
        builder.HasIndex(l => l.TenantId);
        builder.Property(l => l.Subject).HasMaxLength(ExternalLogin.SubjectMaxLength).IsRequired();
    }
}
