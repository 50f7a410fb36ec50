using AlexaLinkHub.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlexaLinkHub.Infrastructure.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("Tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Slug).HasMaxLength(TenantSlug.MaxLength).IsRequired();
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.DisplayName).HasMaxLength(Tenant.DisplayNameMaxLength).IsRequired();
        builder.Property(t => t.Status).HasConversion<int>();
        builder.ComplexProperty(t => t.Branding, branding =>
        {
            branding.Property(b => b.LogoUrl).HasColumnName("LogoUrl").HasMaxLength(2000);
            branding.Property(b => b.PrimaryColor).HasColumnName("PrimaryColor").HasMaxLength(7).IsRequired();
            branding.Property(b => b.BackgroundColor).HasColumnName("BackgroundColor").HasMaxLength(7).IsRequired();
            branding.Property(b => b.SupportUrl).HasColumnName("SupportUrl").HasMaxLength(2000);
            branding.Property(b => b.PrivacyUrl).HasColumnName("PrivacyUrl").HasMaxLength(2000);
            branding.Property(b => b.FaviconUrl).HasColumnName("FaviconUrl").HasMaxLength(2000);
        });
        builder.OwnsMany(t => t.Texts, text =>
        {
            text.ToTable("TenantTexts");
            text.WithOwner().HasForeignKey("TenantId");
            text.HasKey("TenantId", nameof(BrandingText.Language));
            text.Property(t => t.Language).HasMaxLength(10);
            text.Property(t => t.LoginHeading).HasMaxLength(BrandingText.LoginHeadingMaxLength);
            text.Property(t => t.LoginHelp).HasMaxLength(BrandingText.LoginHelpMaxLength);
            text.Property(t => t.SupportMessage).HasMaxLength(BrandingText.SupportMessageMaxLength);
            text.Ignore(t => t.IsEmpty);
        });
        builder.Navigation(t => t.Texts).HasField("_texts");
        builder.Ignore(t => t.IsActive);
    }
}
