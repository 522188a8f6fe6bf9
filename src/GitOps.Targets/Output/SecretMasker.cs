namespace GitOps.Targets.Output;

/// <summary>Replaces every registered secret with <c>***</c>. Thread-safe; longest secrets are masked first.</summary>
public sealed class SecretMasker : ISecretRegistry
{
    public const string Mask = "***";

    // Very short values (a "1", "true") would mask ordinary text everywhere while protecting nothing.
    private const int MinimumLength = 3;

    private readonly Lock gate = new();
    private string[] secrets = [];

    public void Register(string secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < MinimumLength)
        {
            return;
        }

        lock (gate)
        {
            // Multi-line secrets (kubeconfigs, keys) are also masked line by line: tools print them a line at a time.
            var candidates = secret.Split('\n').Select(line => line.TrimEnd('\r')).Append(secret)
                .Where(value => value.Trim().Length >= MinimumLength);
            secrets = [.. secrets.Concat(candidates).Distinct(StringComparer.Ordinal)
                .OrderByDescending(value => value.Length)];
        }
    }

    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var current = Volatile.Read(ref secrets);
        foreach (var secret in current)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
