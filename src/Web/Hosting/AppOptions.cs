namespace AlexaLinkHub.Web.Hosting;

/// <summary>Configuration section <c>App</c>.</summary>
public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>The externally visible base URL (emails, the URIs reported to vendors). Default: the first address the
    /// app listens on.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Require HTTPS (default: everywhere but Development). Health probes are exempt.</summary>
    public bool? RequireHttps { get; set; }

    /// <summary>Proxies whose X-Forwarded-For/-Proto are trusted (IP addresses). Loopback is always trusted.</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>On SIGTERM the listener closes at once, readiness turns unhealthy, and requests in flight get this long to
    /// finish before the process exits.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Networks (CIDR) whose forwarded headers are trusted, e.g. the load balancer's subnet.</summary>
    public string[] TrustedNetworks { get; set; } = [];
}
