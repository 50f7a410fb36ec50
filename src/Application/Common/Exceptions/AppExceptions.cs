namespace AlexaLinkHub.Application.Common.Exceptions;

/// <summary>The thing asked for does not exist — or exists in a tenant the caller may not see (we do not confirm
/// existence across tenants).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The request collides with existing data (a taken slug, client_id or email). <see cref="Field"/> names the input.</summary>
public sealed class ConflictException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The caller is known but not allowed to do this.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>A dangerous action by an admin of the UI whose last proof of identity is older than the step-up window: the
/// UI asks for a second factor (or the password) again, then the admin repeats the action.</summary>
public sealed class StepUpRequiredException() : Exception("Confirm it's you before this action.");
