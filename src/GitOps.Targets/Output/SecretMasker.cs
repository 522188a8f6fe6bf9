namespace GitOps.Targets.Output;

/// <summary>Replaces every registered secret with <c>***</c>. Thread-safe; longest secrets are masked first.</summary>
public sealed class SecretMasker : ISecretRegistry
{
    public const string Mask = "***";

    // Very short values (a "1", "true") would mask ordinary text everywhere while protecting nothing.
    private const int MinimumLength = 3;
    private const int MinimumLineValueLength = 16;

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
            // Tools print multi-line secrets (kubeconfigs, keys) a line at a time, so each line's value is masked too;
            // short structural lines ("users:", "apiVersion: v1") are not secret and would mask ordinary output.
            var candidates = secret.Contains('\n', StringComparison.Ordinal)
                ? secret.Split('\n').Select(LineValue).Where(value => value.Length >= MinimumLineValueLength).Append(secret)
                : [secret];
            secrets = [.. secrets.Concat(candidates).Distinct(StringComparer.Ordinal)
                .OrderByDescending(value => value.Length)];
        }
    }

    private static string LineValue(string line)
    {
        var trimmed = line.Trim();
        var separator = trimmed.IndexOf(": ", StringComparison.Ordinal);
        return (separator >= 0 ? trimmed[(separator + 2)..] : trimmed).Trim().Trim('"', '\'');
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
