using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlexaLinkHub.Infrastructure.Persistence.Configurations;

internal sealed class AdminUserConfiguration : IEntityTypeConfiguration<AdminUser>
{
    public void Configure(EntityTypeBuilder<AdminUser> builder)
    {
        builder.ToTable("AdminUsers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Email).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.Property(a => a.NormalizedEmail).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.HasIndex(a => a.NormalizedEmail).IsUnique();
        builder.Property(a => a.PasswordHash).HasMaxLength(500).IsRequired();
        builder.Property(a => a.SecurityStamp).HasMaxLength(64).IsRequired();
        builder.HasMany(a => a.Memberships).WithOne().HasForeignKey(m => m.AdminUserId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Memberships).HasField("_memberships").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(a => a.IsInvitationPending);
    }
}

internal sealed class AdminMembershipConfiguration : IEntityTypeConfiguration<AdminMembership>
{
    public void Configure(EntityTypeBuilder<AdminMembership> builder)
    {
        builder.ToTable("AdminMemberships");
        builder.HasKey(m => new { m.AdminUserId, m.TenantId });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
