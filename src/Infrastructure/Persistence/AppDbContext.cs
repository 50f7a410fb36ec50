using System.Linq.Expressions;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Skills;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.Domain.Links;
using AlexaLinkHub.Domain.Webhooks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using OpenIddict.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence;

/// <summary>The one EF Core model. Each database provider has a subclass only so that its migrations can live apart
/// (EF's documented "multiple context types" pattern); the model itself is identical but for one collation (ProviderContexts).</summary>
public abstract class AppDbContext(DbContextOptions options, ITenantContext tenant) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>Annotation naming why an entity that is neither tenant-owned nor a domain <see cref="GlobalEntityAttribute"/>
    /// is visible everywhere (framework tables). The model test reads it.</summary>
    public const string GlobalAnnotation = "AlexaLinkHub:Global";

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<EndUser> EndUsers => Set<EndUser>();
    public DbSet<AdminUser> AdminUsers => Set<AdminUser>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AccountLink> AccountLinks => Set<AccountLink>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>Outbox rows (emails, webhook deliveries) added in this context and not yet committed; their delivery jobs
    /// are enqueued once the transaction that stored them commits (see <see cref="Jobs.OutboxJobInterceptor"/>).</summary>
    internal List<Jobs.OutboxItem> PendingOutbox { get; } = [];

    /// <summary>Ids of rows changed in this context whose caches must drop them (see Caching.ChangeFeedInterceptor).</summary>
    internal List<Guid> PendingChanges { get; } = [];

    /// <summary>New rows written past the change tracker by the next save (an import's users, see BulkInserts.BulkInsert).</summary>
    internal BulkInserts.PendingBulkInserts PendingBulkInserts { get; } = new();

    /// <summary>Whether <see cref="BulkInserts.BulkInsert"/> can write for this provider (SQLite, PostgreSQL).</summary>
    internal virtual bool SupportsBulkInsert => false;

    /// <summary>Whether other processes may use the same database (anything but SQLite): changes are then announced to
    /// them through <see cref="Caching.ChangeNotice"/> rows.</summary>
    internal virtual bool SharesDatabase => true;

    // Read by the global query filters; EF re-evaluates them for each query against the context instance in use.
    internal Guid? CurrentTenantId => tenant.TenantId;
    internal bool IsPlatformScope => tenant.IsPlatformScope;

    private bool? _platformModel;

    /// <summary>Which of the two models this context uses, fixed by the scope at its first query (see
    /// <see cref="ApplyTenantFilters"/>, <see cref="ScopeModelCacheKeyFactory"/>). Only a context already in a tenant
    /// gets the tenant model: one first used in no scope (an admin page reads its admin before it enters the platform
    /// scope) keeps the general filter, which is as closed with no scope and still right once a scope is entered.</summary>
    internal bool UsesPlatformModel => _platformModel ??= tenant.IsPlatformScope || tenant.TenantId is null;
    internal ITenantContext TenantScope => tenant;

    /// <summary>A SaveChanges is running: the execution strategy must not retry it (ReadRetryingExecutionStrategy).</summary>
    internal bool IsSaving { get; private set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!PendingBulkInserts.IsEmpty)
            throw new InvalidOperationException("Rows added for a bulk insert are saved by SaveChangesAsync.");
        IsSaving = true;
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            IsSaving = false;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        IsSaving = true;
        try
        {
            return PendingBulkInserts.IsEmpty
                ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
                : await SaveWithBulkInsertsAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            IsSaving = false;
        }
    }

    // The bulk rows and the tracked changes form one save: in the command's transaction, or in one of their own.
    private async Task<int> SaveWithBulkInsertsAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await PendingBulkInserts.WriteAsync(this, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null)
                await own.CommitAsync(cancellationToken);
            PendingBulkInserts.Clear();
            return saved;
        }
        catch
        {
            if (own is not null)
                await own.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }
    // Every skill row is its client's row, so the client "always exists" — what EF warns an all-shared dependent means.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.OptionalDependentWithoutIdentifyingPropertyWarning))
            .ReplaceService<IModelCacheKeyFactory, ScopeModelCacheKeyFactory>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // OpenIddict's own mapping of grants, scopes and tokens; its client is ours (the skill's row, OAuthEntitiesConfiguration).
        modelBuilder.ApplyConfiguration(new OpenIddictEntityFrameworkCoreAuthorizationConfiguration<OAuthAuthorization, OAuthApplication, OAuthToken, Guid>());
        modelBuilder.ApplyConfiguration(new OpenIddictEntityFrameworkCoreScopeConfiguration<OAuthScope, Guid>());
        modelBuilder.ApplyConfiguration(new OpenIddictEntityFrameworkCoreTokenConfiguration<OAuthToken, OAuthApplication, OAuthAuthorization, Guid>());
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        modelBuilder.Entity<DataProtectionKey>().HasAnnotation(GlobalAnnotation, "ASP.NET Core data-protection key ring, shared by every instance.");
        ApplyTenantFilters(modelBuilder);
    }

    /// <summary>Every tenant-owned entity is visible only inside its tenant, or in the explicit platform scope. With no
    /// scope at all nothing tenant-owned is visible: forgetting to set the tenant fails closed.
    /// Two models, chosen by the scope a context starts in: a context started in a tenant filters by
    /// "@hasTenant AND TenantId = @current" alone, which SQLite matches to the (TenantId, …) indexes; only a context
    /// started in the platform scope, or in none, carries "@platform OR (…)" — SQLite cannot use an index through that OR, so it
    /// used to scan every tenant's rows for every tenant's query (ADR 020). A tenant-model context that later enters
    /// the platform scope sees nothing tenant-owned (fails closed); a general-model one narrowed to a tenant sees that tenant.</summary>
    private void ApplyTenantFilters(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.BaseType is null))
        {
            var clr = entityType.ClrType;
            if (!typeof(ITenantOwned).IsAssignableFrom(clr) && !typeof(ITenantOrPlatformOwned).IsAssignableFrom(clr))
                continue;

            var entity = Expression.Parameter(clr, "e");
            var context = Expression.Constant(this);
            var tenantId = Expression.Property(entity, nameof(ITenantOwned.TenantId));
            var tenantIdNullable = tenantId.Type == typeof(Guid) ? (Expression)Expression.Convert(tenantId, typeof(Guid?)) : tenantId;
            var current = Expression.Property(context, nameof(CurrentTenantId));
            Expression body = Expression.AndAlso(
                Expression.AndAlso(
                    Expression.NotEqual(current, Expression.Constant(null, typeof(Guid?))),
                    Expression.Not(Expression.Property(context, nameof(IsPlatformScope)))),
                Expression.Equal(tenantIdNullable, current));
            if (UsesPlatformModel)
                body = Expression.OrElse(Expression.Property(context, nameof(IsPlatformScope)), body);
            modelBuilder.Entity(clr).HasQueryFilter(Expression.Lambda(body, entity));
        }
    }
}
