using GitOps.Platform.Promotion;

namespace GitOps.Platform.E2e;

/// <summary>
/// Where an environment answers, from its values file: the portal's ingress host, the platform's public entry point,
/// which every values file sets because the chart routes the portal by it.
/// </summary>
public static class EnvironmentUrl
{
    public const string HostKey = "platform.components.portal.values.ingress.host";

    /// <summary><c>https://&lt;portal host&gt;</c>; throws <see cref="ValuesFileException"/> (file:line) when the key is missing.</summary>
    public static string Read(string valuesText, string source)
    {
        var host = ValuesFileEditor.ReadScalar(valuesText, HostKey, source).Trim();
        return host.Contains("://", StringComparison.Ordinal) ? host.TrimEnd('/') : $"https://{host}";
    }
}
