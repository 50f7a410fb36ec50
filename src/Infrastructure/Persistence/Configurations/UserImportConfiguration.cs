using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Infrastructure.Persistence.Staging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlexaLinkHub.Infrastructure.Persistence.Configurations;

internal sealed class UserImportConfiguration : IEntityTypeConfiguration<UserImport>
{
    public void Configure(EntityTypeBuilder<UserImport> builder)
    {
        builder.ToTable("UserImports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.TenantId, i.CreatedAt });
        builder.HasIndex(i => i.Status);
        builder.Property(i => i.Format).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.RequestedBy).HasMaxLength(200).IsRequired();
        builder.Property(i => i.CsvHeader).HasMaxLength(4000);
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.Ignore(i => i.IsFinished);
        builder.OwnsMany(i => i.Errors, error =>
        {
            error.ToTable("UserImportErrors");
            error.WithOwner().HasForeignKey("ImportId");
            error.HasKey("ImportId", nameof(UserImportError.Number));
            error.Property(e => e.Number).ValueGeneratedNever();
            error.Property(e => e.Field).HasMaxLength(100);
            error.Property(e => e.Message).HasMaxLength(UserImport.MaxMessageLength).IsRequired();
        });
        builder.Navigation(i => i.Errors).HasField("_errors");
    }
}

internal sealed class UserImportChunkConfiguration : IEntityTypeConfiguration<UserImportChunkRow>
{
    public void Configure(EntityTypeBuilder<UserImportChunkRow> builder)
    {
        builder.ToTable("UserImportChunks");
        builder.HasKey(c => new { c.ImportId, c.Sequence });
        builder.HasOne<UserImport>().WithMany().HasForeignKey(c => c.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Data).IsRequired();
    }
}

internal sealed class UserImportShadowConfiguration : IEntityTypeConfiguration<UserImportShadowRow>
{
    public void Configure(EntityTypeBuilder<UserImportShadowRow> builder)
    {
        builder.ToTable("UserImportShadows");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<UserImport>().WithMany().HasForeignKey(s => s.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.ExternalId).HasMaxLength(EndUser.ExternalIdMaxLength);
        builder.Property(s => s.NormalizedEmail).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.HasIndex(s => new { s.ImportId, s.NormalizedEmail });
        builder.HasIndex(s => new { s.ImportId, s.ExternalId });
    }
}

internal sealed class LegacySignInConfiguration : IEntityTypeConfiguration<LegacySignIn>
{
    public void Configure(EntityTypeBuilder<LegacySignIn> builder)
    {
        builder.ToTable("LegacySignIns");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.TenantId).IsUnique();
        builder.Property(e => e.Url).HasMaxLength(Domain.Webhooks.WebhookUrl.MaxLength).IsRequired();
        builder.Property(e => e.ProtectedSecret).HasMaxLength(1000).IsRequired();
    }
}
