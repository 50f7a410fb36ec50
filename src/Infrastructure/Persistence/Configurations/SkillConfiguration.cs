using AlexaLinkHub.Domain.Skills;
using AlexaLinkHub.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlexaLinkHub.Infrastructure.Persistence.Configurations;

internal sealed class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    public void Configure(EntityTypeBuilder<Skill> builder)
    {
        builder.ToTable("Skills");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Name).HasMaxLength(Skill.NameMaxLength).IsRequired();
        builder.Property(s => s.ClientId).HasMaxLength(ClientId.MaxLength).IsRequired();
        // client_id is globally unique: Alexa sends it without any tenant context.
        builder.HasIndex(s => s.ClientId).IsUnique();
        builder.HasIndex(s => s.TenantId);
        builder.Property(s => s.GrantType).HasConversion<int>();
        builder.Property(s => s.ClientSecretHash).HasMaxLength(128).IsRequired();
        builder.Property(s => s.PreviousClientSecretHash).HasMaxLength(128);

        builder.OwnsMany(s => s.Scopes, scopes =>
        {
            scopes.ToJson("Scopes");
            scopes.Property(s => s.Name).HasMaxLength(SkillScope.NameMaxLength);
            scopes.Property(s => s.Description).HasMaxLength(SkillScope.DescriptionMaxLength);
        });
        builder.Navigation(s => s.Scopes).HasField("_scopes").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Ignore(s => s.Domains);
        builder.Ignore(s => s.RedirectUrls);
        builder.PrimitiveCollection<List<string>>("_domains").HasColumnName("Domains").IsRequired();
        builder.PrimitiveCollection<List<string>>("_redirectUrls").HasColumnName("RedirectUrls").IsRequired();
        builder.Ignore(s => s.AccessTokenLifetime);
    }
}
