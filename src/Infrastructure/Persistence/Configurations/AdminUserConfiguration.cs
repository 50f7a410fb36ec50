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
        builder.Property(a => a.ProtectedTotpSecret).HasMaxLength(1000);
        builder.Property(a => a.PendingTotpSecret).HasMaxLength(1000);
        builder.HasMany(a => a.RecoveryCodes).WithOne().HasForeignKey(c => c.AdminUserId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.RecoveryCodes).HasField("_recoveryCodes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Passkeys).WithOne().HasForeignKey(p => p.AdminUserId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Passkeys).HasField("_passkeys").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(a => a.IsInvitationPending);
        builder.Ignore(a => a.ActiveMemberships);
        builder.Ignore(a => a.HasTotp);
        builder.Ignore(a => a.HasMfa);
        builder.Ignore(a => a.RecoveryCodesLeft);
    }
}

internal sealed class AdminRecoveryCodeConfiguration : IEntityTypeConfiguration<AdminRecoveryCode>
{
    public void Configure(EntityTypeBuilder<AdminRecoveryCode> builder)
    {
        builder.ToTable("AdminRecoveryCodes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.CodeHash).HasMaxLength(128).IsRequired();
        builder.HasIndex(c => c.AdminUserId);
    }
}

internal sealed class AdminPasskeyConfiguration : IEntityTypeConfiguration<AdminPasskey>
{
    public void Configure(EntityTypeBuilder<AdminPasskey> builder)
    {
        builder.ToTable("AdminPasskeys");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.CredentialId).HasMaxLength(1023).IsRequired();
        builder.Property(p => p.PublicKey).HasMaxLength(2048).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(AdminPasskey.NameMaxLength).IsRequired();
        // WebAuthn §6.1: a credential id belongs to one account.
        builder.HasIndex(p => p.CredentialId).IsUnique();
        builder.HasIndex(p => p.AdminUserId);
    }
}

internal sealed class AdminSignInThrottleConfiguration : IEntityTypeConfiguration<AdminSignInThrottle>
{
    public void Configure(EntityTypeBuilder<AdminSignInThrottle> builder)
    {
        builder.ToTable("AdminSignInThrottles");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Key).HasMaxLength(128).IsRequired();
        builder.HasIndex(t => t.Key).IsUnique();
    }
}

internal sealed class AdminMembershipConfiguration : IEntityTypeConfiguration<AdminMembership>
{
    public void Configure(EntityTypeBuilder<AdminMembership> builder)
    {
        builder.ToTable("AdminMemberships");
        builder.HasKey(m => new { m.AdminUserId, m.TenantId });
        // Memberships that existed before roles were stored (an admin then could do everything) become owners.
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(10).HasDefaultValue(AdminRole.Owner).HasSentinel(default(AdminRole));
        builder.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
