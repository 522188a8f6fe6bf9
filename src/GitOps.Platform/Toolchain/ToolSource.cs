using GitOps.Targets.Errors;

namespace GitOps.Platform.Toolchain;

/// <summary>
/// Where pinned archives are downloaded from: each tool's official URL, or a mirror for sites without internet
/// access, which serves the same files as <c>&lt;mirror&gt;/&lt;tool&gt;/&lt;version&gt;/&lt;official file name&gt;</c>.
/// </summary>
public sealed class ToolSource
{
    private ToolSource(Uri? mirror) => Mirror = mirror;

    public static ToolSource Official { get; } = new(null);

    public Uri? Mirror { get; }

    /// <summary>
    /// The source <c>--tools-mirror</c> names; null or empty means official. Anything but an absolute http(s) URL is a
    /// usage error, found before a download starts.
    /// </summary>
    public static ToolSource From(string? mirror)
    {
        if (string.IsNullOrWhiteSpace(mirror))
        {
            return Official;
        }

        if (!Uri.TryCreate(mirror.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new UsageException($"--tools-mirror '{mirror}': not an absolute http(s) URL; expected e.g. https://mirror.example.com/tools");
        }

        return new ToolSource(new Uri(uri.AbsoluteUri.TrimEnd('/') + "/"));
    }

    public Uri UrlOf(ToolPin pin, ToolPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var official = new Uri(pin.Expand(pin.UrlTemplate, platform));
        return Mirror is null
            ? official
            : new Uri(Mirror, $"{Uri.EscapeDataString(pin.Name)}/{pin.Version.ToString(3)}/{official.Segments[^1]}");
    }

    /// <summary>A URL fit for messages: any user:password in a mirror URL is left out.</summary>
    public static string Display(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);
    }

    public override string ToString() => Mirror is null ? "the official download" : $"the mirror {Display(Mirror)}";
}
