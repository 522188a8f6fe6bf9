namespace GitOps.Platform.Terraform.Internal;

/// <summary>The "Lock Info" block Terraform prints when it cannot acquire the state lock.</summary>
internal sealed record StateLock(string? Id, string? Who, string? Operation, string? Created)
{
    public const string Marker = "Error acquiring the state lock";

    public static bool IsLockFailure(string standardError) =>
        standardError.Contains(Marker, StringComparison.Ordinal);

    public static StateLock Parse(string standardError)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var inLockInfo = false;
        foreach (var raw in standardError.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim() == "Lock Info:")
            {
                inLockInfo = true;
                continue;
            }

            if (!inLockInfo)
            {
                continue;
            }

            // The block is the indented "  Name: value" lines right after the heading.
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (!line.StartsWith("  ", StringComparison.Ordinal) || colon < 0)
            {
                inLockInfo = false;
                continue;
            }

            fields.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }

        return new StateLock(Field("ID"), Field("Who"), Field("Operation"), Field("Created"));

        string? Field(string name) => fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
    }

    /// <summary>"OperationTypeApply" reads better as "apply".</summary>
    public string? OperationName => Operation?.Replace("OperationType", string.Empty, StringComparison.Ordinal)
        .ToLowerInvariant();
}
