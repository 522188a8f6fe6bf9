using System.Globalization;

namespace GitOps.Platform.Helm;

/// <summary>Reads helm's version output (<c>v4.1.4</c>, <c>v3.8.0+g5ab0c7d</c>).</summary>
public static class HelmVersion
{
    /// <summary>The oldest helm we accept: OCI support and <c>helm template</c> behaviour we rely on arrived in 3.8.</summary>
    public static Version Minimum { get; } = new(3, 8, 0);

    public static bool TryParse(string? text, out Version version)
    {
        version = new Version();
        var trimmed = text?.Trim().TrimStart('v') ?? string.Empty;
        var end = trimmed.IndexOfAny(['+', '-', ' ', '\n']);
        var core = end < 0 ? trimmed : trimmed[..end];
        var parts = core.Split('.');
        if (parts.Length != 3 || !parts.All(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return false;
        }

        version = new Version(
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture));
        return true;
    }
}
