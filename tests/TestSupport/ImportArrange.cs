using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AlexaLinkHub.TestSupport;

/// <summary>Imports through the admin API, as a vendor's script would: upload the file, then poll the import until it is
/// done.</summary>
public static class ImportArrange
{
    public const string Ndjson = "application/x-ndjson";
    public const string Csv = "text/csv";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> UploadImportAsync(this HttpClient api, string slug, string file, string contentType = Ndjson, bool dryRun = false) =>
        api.UploadImportAsync(slug, new ByteArrayContent(Encoding.UTF8.GetBytes(file)), contentType, dryRun);

    public static async Task<HttpResponseMessage> UploadImportAsync(this HttpClient api, string slug, HttpContent content, string contentType = Ndjson, bool dryRun = false)
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await api.PostAsync($"/api/v1/tenants/{slug}/users/import{(dryRun ? "?dryRun=true" : "")}", content, Ct);
    }

    /// <summary>Uploads, expects 202, and returns the import once it is completed or failed.</summary>
    public static async Task<JsonElement> ImportAsync(this HttpClient api, string slug, string file, string contentType = Ndjson, bool dryRun = false, TimeSpan? timeout = null)
    {
        using var response = await api.UploadImportAsync(slug, file, contentType, dryRun);
        return await api.AwaitImportAsync(slug, response, timeout);
    }

    public static async Task<JsonElement> AwaitImportAsync(this HttpClient api, string slug, HttpResponseMessage accepted, TimeSpan? timeout = null)
    {
        var text = await accepted.Content.ReadAsStringAsync(Ct);
        if (accepted.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"The upload answered {(int)accepted.StatusCode}: {text}");
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var import = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/tenants/{slug}/users/imports/{id}", Ct)).RootElement.Clone();
            if (import.GetProperty("status").GetString() != "running")
                return import;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Import {id} still running after {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds} s: {import}");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>One NDJSON line for a user (null fields left out).</summary>
    public static string Row(string email, string displayName = "Imported User", string? externalId = null, string? passwordHash = null, string? password = null, bool? emailVerified = null)
    {
        var fields = new Dictionary<string, object>
        {
            ["email"] = email,
            ["displayName"] = displayName,
        };
        if (externalId is not null)
            fields["externalId"] = externalId;
        if (passwordHash is not null)
            fields["passwordHash"] = passwordHash;
        if (password is not null)
            fields["password"] = password;
        if (emailVerified is not null)
            fields["emailVerified"] = emailVerified;
        return JsonSerializer.Serialize(fields);
    }

    /// <summary>The import's counters, for one-line asserts.</summary>
    public static (string Status, long Read, long Created, long Updated, long Failed) Counts(this JsonElement import) =>
        (import.GetProperty("status").GetString()!, import.GetProperty("read").GetInt64(), import.GetProperty("created").GetInt64(),
            import.GetProperty("updated").GetInt64(), import.GetProperty("failed").GetInt64());

    public static IReadOnlyList<(long? Line, string? Field, string Message)> Errors(this JsonElement import) =>
        import.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").ValueKind == JsonValueKind.Null ? (long?)null : e.GetProperty("line").GetInt64(),
                e.GetProperty("field").GetString(), e.GetProperty("message").GetString()!))
            .ToList();
}
