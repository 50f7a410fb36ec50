namespace AlexaLinkHub.Application.Linking;

public sealed record RevocationResult(int RevokedLinks);
