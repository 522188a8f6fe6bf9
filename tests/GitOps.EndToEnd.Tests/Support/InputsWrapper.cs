namespace GitOps.EndToEnd.Tests.Support;

/// <summary>
/// How a test gives .gitlab-ci.yml the inputs a trigger's <c>inputs[name]=value</c> would: gitlab-ci-local 4.60.1 has no
/// flag for the top-level file's inputs, but reads a file that includes it with <c>include:inputs</c> (run with
/// <c>--file</c>), checking them against the header's options (not its regex: gitlab-ci-local skips those).
/// The file is written beside .gitlab-ci.yml and removed again.
/// </summary>
internal sealed class InputsWrapper : IDisposable
{
    private readonly string path;

    public InputsWrapper(string repository, IReadOnlyDictionary<string, string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        FileName = $".gitlab-ci-inputs-{Guid.NewGuid():N}.yml";
        path = Path.Combine(repository, FileName);
        var lines = inputs.Select(input => $"      {input.Key}: '{input.Value.Replace("'", "''", StringComparison.Ordinal)}'\n");
        File.WriteAllText(path, "include:\n  - local: .gitlab-ci.yml\n" + (inputs.Count > 0 ? "    inputs:\n" + string.Concat(lines) : string.Empty));
    }

    /// <summary>Relative to the repository, for <c>--file</c>.</summary>
    public string FileName { get; }

    public void Dispose() => File.Delete(path);
}
