using AlexaLinkHub.Domain.Skills;
using AlexaLinkHub.Domain.Tenants;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
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

        // A JSON column through a value converter rather than EF's owned JSON mapping: the skill's row is also its OAuth
        // client's (table splitting, see OAuthEntitiesConfiguration), which EF does not allow next to owned JSON.
        builder.Ignore(s => s.Scopes);
        builder.Property<List<SkillScope>>("_scopes").HasColumnName("Scopes").IsRequired()
            .HasConversion(StoredScopes.Converter, StoredScopes.Comparer);

        builder.Ignore(s => s.Domains);
        builder.Ignore(s => s.RedirectUrls);
        builder.PrimitiveCollection<List<string>>("_domains").HasColumnName("Domains").IsRequired();
        builder.PrimitiveCollection<List<string>>("_redirectUrls").HasColumnName("RedirectUrls").IsRequired();
        builder.Ignore(s => s.AccessTokenLifetime);
    }
}

/// <summary>A skill's scopes as stored: <c>[{"Name":"…","Description":"…"}]</c>.</summary>
internal static class StoredScopes
{
    private sealed record Stored(string Name, string Description);

    public static readonly ValueConverter<List<SkillScope>, string> Converter = new(
        scopes => JsonSerializer.Serialize(scopes.Select(s => new Stored(s.Name, s.Description)), JsonSerializerOptions.Default),
        json => (JsonSerializer.Deserialize<List<Stored>>(json, JsonSerializerOptions.Default) ?? new List<Stored>())
            .Select((s, i) => SkillScope.Create(s.Name, s.Description, i)).ToList());

    public static readonly ValueComparer<List<SkillScope>> Comparer = new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        scopes => scopes.Aggregate(0, (hash, scope) => HashCode.Combine(hash, scope.GetHashCode())),
        scopes => scopes.ToList());
}
