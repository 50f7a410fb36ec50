using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlexaLinkHub.Infrastructure.Persistence.Configurations;

internal sealed class EndUserConfiguration : IEntityTypeConfiguration<EndUser>
{
    public void Configure(EntityTypeBuilder<EndUser> builder)
    {
        builder.ToTable("EndUsers");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(u => u.Email).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.Property(u => u.NormalizedEmail).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        // One account per email per tenant; the same email in another tenant is another person's account.
        builder.HasIndex(u => new { u.TenantId, u.NormalizedEmail }).IsUnique();
        builder.Property(u => u.ExternalId).HasMaxLength(EndUser.ExternalIdMaxLength);
        builder.HasIndex(u => new { u.TenantId, u.ExternalId }).IsUnique();
        builder.Property(u => u.DisplayName).HasMaxLength(EndUser.DisplayNameMaxLength).IsRequired();
        builder.Property(u => u.PasswordHash).HasMaxLength(EndUser.MaxPasswordHashLength).IsRequired();
        builder.Property(u => u.PasswordSource).HasConversion<string>().HasMaxLength(10);
        builder.Property(u => u.SecurityStamp).HasMaxLength(64).IsRequired().IsConcurrencyToken();
        builder.Ignore(u => u.IsErased);
    }
}
