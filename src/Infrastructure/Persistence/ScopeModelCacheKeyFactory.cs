using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AlexaLinkHub.Infrastructure.Persistence;

/// <summary>One model per context type and scope kind (platform, or a tenant / none): their tenant filters differ in
/// shape (AppDbContext.ApplyTenantFilters), and EF caches models and compiled queries by this key.</summary>
internal sealed class ScopeModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is AppDbContext { UsesPlatformModel: true }, designTime);
}
