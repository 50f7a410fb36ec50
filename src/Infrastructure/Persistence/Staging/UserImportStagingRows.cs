using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Infrastructure.Persistence.Staging;

/// <summary>A chunk of an uploaded import file, waiting in the shared database for the job (on whichever instance runs
/// it); deleted once applied.</summary>
internal sealed class UserImportChunkRow : ITenantOwned
{
    public Guid ImportId { get; set; }
    public int Sequence { get; set; }
    public Guid TenantId { get; set; }
    public long FirstLine { get; set; }
    public int Rows { get; set; }
    public byte[] Data { get; set; } = [];
}

/// <summary>A user a dry run would have created, so that later rows of the same file find it.</summary>
internal sealed class UserImportShadowRow : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid ImportId { get; set; }
    public Guid TenantId { get; set; }
    public string? ExternalId { get; set; }
    public string NormalizedEmail { get; set; } = string.Empty;
}
