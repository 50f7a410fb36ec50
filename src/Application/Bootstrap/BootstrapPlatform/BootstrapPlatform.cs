using System.Security.Cryptography;
using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.ApiKeys;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Bootstrap;

/// <summary>Makes sure the platform can be reached: installs the configured platform key and admin, and on a first
/// start with none configured generates them. Generated secrets are returned so the host can print them once.</summary>
public sealed record BootstrapPlatform(string? PlatformApiKey, string? AdminEmail, string? AdminPassword)
    : ICommand<BootstrapResult>, IPlatformAdminRequest;

public sealed record BootstrapResult(string? GeneratedApiKey, string? GeneratedAdminEmail, string? GeneratedAdminPassword)
{
    public bool GeneratedAnything => GeneratedApiKey is not null || GeneratedAdminPassword is not null;
}

public sealed class BootstrapPlatformHandler(
    IApiKeyRepository keys,
    IAdminUserRepository admins,
    IPasswordHasher hasher,
    IAuditLog audit,
    TimeProvider clock) : ICommandHandler<BootstrapPlatform, BootstrapResult>
{
    public async ValueTask<BootstrapResult> Handle(BootstrapPlatform command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        string? generatedKey = null, generatedEmail = null, generatedPassword = null;

        if (!string.IsNullOrWhiteSpace(command.PlatformApiKey))
        {
            var hash = SecretTokens.Hash(command.PlatformApiKey);
            if (await keys.FindByHashAsync(hash, cancellationToken) is null)
                AddPlatformKey("bootstrap (configured)", command.PlatformApiKey, now);
        }
        else if (!await keys.AnyPlatformKeyAsync(cancellationToken))
        {
            generatedKey = SecretTokens.NewApiKey();
            AddPlatformKey("bootstrap (generated)", generatedKey, now);
        }

        if (!string.IsNullOrWhiteSpace(command.AdminEmail) && !string.IsNullOrEmpty(command.AdminPassword))
        {
            if (await admins.FindByEmailAsync(command.AdminEmail, cancellationToken) is null)
                AddAdmin(command.AdminEmail, command.AdminPassword, now);
        }
        else if (!await admins.AnyPlatformAdminAsync(cancellationToken))
        {
            generatedEmail = string.IsNullOrWhiteSpace(command.AdminEmail) ? BootstrapOptions.GeneratedAdminEmail : command.AdminEmail.Trim();
            generatedPassword = RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
            AddAdmin(generatedEmail, generatedPassword, now);
        }

        return new BootstrapResult(generatedKey, generatedEmail, generatedPassword);
    }

    private void AddPlatformKey(string name, string key, DateTimeOffset now)
    {
        var apiKey = ApiKey.CreatePlatformKey(name, SecretTokens.DisplayPrefix(key), SecretTokens.Hash(key), now);
        keys.Add(apiKey);
        audit.Record(AuditActions.ApiKeyCreated, AuditTarget.ApiKey(apiKey.Prefix), AuditDetails.Of("name", name).And("reach", "platform"));
    }

    private void AddAdmin(string email, string password, DateTimeOffset now)
    {
        var admin = AdminUser.CreatePlatformAdmin(email, hasher.Hash(password), now);
        admins.Add(admin);
        audit.Record(AuditActions.AdminCreated, AuditTarget.Admin(admin.Email), AuditDetails.Of("role", "platform admin").And("via", "bootstrap"));
    }
}
