namespace GitOps.TestDoubles.Kubernetes;

/// <summary>A REST path taken apart: <c>/api/v1/...</c> or <c>/apis/{group}/{version}/...</c>, namespaced or not.</summary>
internal sealed record ResourcePath(ResourceType Type, string Namespace, string? Name)
{
    public static ResourcePath? Parse(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (group, version, rest) = segments switch
        {
            ["api", var v, .. var tail] => (string.Empty, v, tail),
            ["apis", var g, var v, .. var tail] => (g, v, tail),
            _ => (string.Empty, string.Empty, Array.Empty<string>()),
        };

        return rest switch
        {
            ["namespaces", var ns, var plural] => Build(group, version, plural, ns, null),
            ["namespaces", var ns, var plural, var name] => Build(group, version, plural, ns, name),
            [var plural] => Build(group, version, plural, string.Empty, null),
            [var plural, var name] => Build(group, version, plural, string.Empty, name),
            _ => null,
        };
    }

    private static ResourcePath? Build(string group, string version, string plural, string @namespace, string? name) =>
        ResourceType.Find(group, version, plural) is { } type ? new ResourcePath(type, @namespace, name) : null;
}
