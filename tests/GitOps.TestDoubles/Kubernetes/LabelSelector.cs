using System.Text.Json.Nodes;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>The equality-based label selector subset: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k</c>, <c>!k</c>.</summary>
internal sealed class LabelSelector
{
    private readonly List<Func<JsonObject?, bool>> requirements = [];

    public static LabelSelector Parse(string? text)
    {
        var selector = new LabelSelector();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            selector.requirements.Add(Requirement(part));
        }

        return selector;
    }

    public bool Matches(JsonObject resource)
    {
        var labels = resource["metadata"]?["labels"] as JsonObject;
        return requirements.TrueForAll(requirement => requirement(labels));
    }

    private static Func<JsonObject?, bool> Requirement(string part)
    {
        if (part.Contains("!=", StringComparison.Ordinal))
        {
            var (key, value) = Split(part, "!=");
            return labels => Label(labels, key) != value;
        }

        if (part.Contains('=', StringComparison.Ordinal))
        {
            var (key, value) = Split(part, part.Contains("==", StringComparison.Ordinal) ? "==" : "=");
            return labels => Label(labels, key) == value;
        }

        return part.StartsWith('!') ? labels => Label(labels, part[1..]) is null : labels => Label(labels, part) is not null;
    }

    private static (string Key, string Value) Split(string part, string separator)
    {
        var index = part.IndexOf(separator, StringComparison.Ordinal);
        return (part[..index].Trim(), part[(index + separator.Length)..].Trim());
    }

    private static string? Label(JsonObject? labels, string key) => labels?[key]?.GetValue<string>();
}
