using System.Collections.Concurrent;
using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlexaLinkHub.Web.FunctionalTests.Security;

/// <summary>The authorization endpoint under 10,000 mutated requests (FsCheck generators, a fixed seed so a finding can
/// be replayed): parameters repeated, missing, renamed, oversized, mis-encoded, unicode, CR/LF, NUL, hostile redirect
/// URIs and states, as GET and POST, through the real pipeline. The rules: no answer is a 5xx, no redirect leaves for
/// anything but a registered redirect URI (or our own login page), and the state is never echoed unescaped.</summary>
public sealed class AuthorizeFuzzTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int Cases = 10_000;
    private const ulong Seed = 16_2026;

    private static readonly string[] s_hostile =
    [
        "", " ", "<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", "\r\nSet-Cookie: owned=1", "a\0b", "%00", "%zz", "%C3", "%E2%82",
        "ünïcødé ✓", "🙂🙃", "\u202Egnp.exe", "e\u0301\u0301\u0301", "javascript:alert(1)", "https://evil.example/", "//evil.example/x",
        "https://pitangui.amazon.com@evil.example/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA",
        "https://PITANGUI.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA",
        "https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA#frag",
        "https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA&x=1",
        "http://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA",
        "token", "code", "token code", "id_token", "none", "openid", "order_car order_car", "order_car\tbasic_profile", "unknown_scope",
        new string('a', 5_000), new string('%', 3_000), string.Concat(Enumerable.Repeat("é", 4_000)),
    ];

    private static readonly string[] s_names = ["state", "client_id", "scope", "response_type", "redirect_uri", "nonce", "response_mode", "prompt", "code_challenge", "code_challenge_method", "request", "request_uri"];

    [Fact]
    public async Task Authorize_TenThousandMutatedRequests_NoServerError_NoForeignRedirect_NoUnescapedState()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var baseline = new List<(string Name, string Value)>
        {
            ("state", "xyz"), ("client_id", setup.Skill.ClientId), ("scope", "order_car basic_profile"), ("response_type", "token"), ("redirect_uri", setup.Skill.RedirectUri),
        };
        var requests = Gen.Sample(RequestGen(baseline), Cases, new Rnd(Seed), 40);
        var findings = new ConcurrentBag<string>();
        var sent = 0;

        using var client = api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken }, async (request, ct) =>
        {
            using var message = request.ToMessage(setup.Slug);
            using var response = await client.SendAsync(message, ct);
            Interlocked.Increment(ref sent);
            var body = await response.Content.ReadAsStringAsync(ct);
            if ((int)response.StatusCode >= 500)
                findings.Add($"{(int)response.StatusCode} for {request}");
            if ((int)response.StatusCode is >= 300 and < 400 && !AllowedRedirect(response.Headers.Location, setup))
                findings.Add($"redirect to {response.Headers.Location} for {request}");
            foreach (var state in request.Values("state").Where(v => v.IndexOfAny(['<', '>', '"']) >= 0))
            {
                if (body.Contains(state, StringComparison.Ordinal) || (response.Headers.Location?.OriginalString.Contains(state, StringComparison.Ordinal) ?? false))
                    findings.Add($"state reflected unescaped for {request}");
            }
        });

        TestContext.Current.TestOutputHelper?.WriteLine($"{sent} mutated authorization requests, {findings.Count} findings");
        Assert.Equal(Cases, sent);
        Assert.True(findings.IsEmpty, string.Join(Environment.NewLine, findings.Where(f => !f.StartsWith("500", StringComparison.Ordinal)).Take(10).Concat(findings.Take(10))));
    }

    /// <summary>Our own login page (an anonymous visitor), or a registered redirect URI with the response appended —
    /// and nothing in it a browser would read as markup or a header.</summary>
    private static bool AllowedRedirect(Uri? location, LinkSetup setup)
    {
        if (location is null)
            return false;
        var target = location.OriginalString;
        if (target.IndexOfAny(['<', '>', '"', '\'', ' ', '\r', '\n', '\0']) >= 0)
            return false;
        if (target.StartsWith($"/t/{setup.Slug}/login?", StringComparison.Ordinal) || target.StartsWith($"{ApiFixture.PublicBaseUrl}/t/{setup.Slug}/login?", StringComparison.Ordinal)
            || target.StartsWith($"http://localhost/t/{setup.Slug}/login?", StringComparison.Ordinal))
            return true;
        return setup.Skill.RedirectUrls.Any(uri => target.StartsWith(uri + "#", StringComparison.Ordinal) || target.StartsWith(uri + "&", StringComparison.Ordinal));
    }

    private static Gen<FuzzRequest> RequestGen(IReadOnlyList<(string Name, string Value)> baseline)
    {
        var value = Gen.Frequency(
            (4, Gen.Elements(s_hostile)),
            (2, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)),
            (1, Gen.Elements(baseline.Select(p => p.Value).ToArray())));
        var name = Gen.Frequency((5, Gen.Elements(s_names)), (1, Gen.Elements(s_names).Select(n => n.ToUpperInvariant())), (1, Gen.Elements("", "x", "client_id[]", "state\0")));
        var mutation = Gen.Choose(0, 4).SelectMany(kind => name.SelectMany(n => value.Select(v => (Kind: kind, Name: n, Value: v))));
        return from mutations in Gen.ListOf(mutation).Select(m => m.Take(6).ToList())
               from encoding in Gen.Elements(Shape.Escaped, Shape.Raw, Shape.Form)
               select new FuzzRequest(Apply(baseline, mutations), encoding);
    }

    private static List<(string Name, string Value)> Apply(IReadOnlyList<(string Name, string Value)> baseline, IEnumerable<(int Kind, string Name, string Value)> mutations)
    {
        var parameters = baseline.ToList();
        foreach (var (kind, name, value) in mutations)
        {
            var index = parameters.FindIndex(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            switch (kind)
            {
                case 0 when index >= 0: parameters.RemoveAt(index); break;                       // missing
                case 1: parameters.Add((name, index >= 0 ? parameters[index].Value : value)); break; // repeated
                case 2 when index >= 0: parameters[index] = (parameters[index].Name, value); break;  // replaced
                case 3: parameters.Add((name, value)); break;                                        // extra
                default: parameters.Insert(0, (name, value)); break;
            }
        }
        return parameters;
    }

    private enum Shape
    {
        Escaped,
        Raw,
        Form,
    }

    private sealed record FuzzRequest(IReadOnlyList<(string Name, string Value)> Parameters, Shape Mode)
    {
        public IEnumerable<string> Values(string name) => Parameters.Where(p => p.Name == name).Select(p => p.Value);

        public HttpRequestMessage ToMessage(string slug)
        {
            var path = $"/t/{slug}/connect/authorize";
            if (Mode == Shape.Form)
                return new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(Parameters.Select(p => KeyValuePair.Create(p.Name, p.Value))) };
            var escaped = string.Join('&', Parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
            if (Mode == Shape.Raw)
            {
                // Values as typed, not encoded (what a sloppy client sends): the URI parser escapes what it must.
                var raw = string.Join('&', Parameters.Select(p => $"{p.Name}={p.Value}"));
                if (Uri.TryCreate("http://localhost" + path + "?" + raw, UriKind.Absolute, out var uri))
                    return new HttpRequestMessage(HttpMethod.Get, uri);
            }
            return new HttpRequestMessage(HttpMethod.Get, path + "?" + escaped);
        }

        public override string ToString()
        {
            var text = $"{Mode} {string.Join('&', Parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"))}";
            return text.Length > 300 ? text[..300] + "…" : text;
        }
    }
}
