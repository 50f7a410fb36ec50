namespace AlexaLinkHub.Application.Common.Security;

/// <summary>Hashes passwords people choose (slow, salted: ASP.NET Core Identity's hasher).</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    PasswordCheck Verify(string hash, string password);
}

public enum PasswordCheck
{
    Failed,
    Success,
    SuccessRehashNeeded,
}
