using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.UserImports;

public sealed record GetUserImport(Guid Id) : IQuery<UserImportDto>, ITenantAdminRequest;

public sealed class GetUserImportHandler(IUserImportRepository imports) : IQueryHandler<GetUserImport, UserImportDto>
{
    public async ValueTask<UserImportDto> Handle(GetUserImport query, CancellationToken cancellationToken) =>
        UserImportDto.From(await imports.FindAsync(query.Id, cancellationToken) ?? throw new NotFoundException("Import not found."));
}
