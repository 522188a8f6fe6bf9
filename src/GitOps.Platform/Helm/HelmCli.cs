using GitOps.Targets.Tooling;

namespace GitOps.Platform.Helm;

/// <summary>The helm commands the build uses, over <see cref="IToolRunner"/> (output captured, not streamed).</summary>
/// <param name="runner">Runs the helm process.</param>
/// <param name="executable">helm's path (from <see cref="HelmInstaller.EnsureAsync"/>) or "helm" to look it up.</param>
public sealed class HelmCli(IToolRunner runner, string executable = "helm")
{
    // Colour codes would end up in findings and messages.
    private static readonly Dictionary<string, string?> QuietEnvironment = new() { ["NO_COLOR"] = "1" };

    public string Executable { get; } = executable;

    public async Task<Version> VersionAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(["version", "--template", "{{.Version}}"], cancellationToken);
        return result.Succeeded && HelmVersion.TryParse(result.StandardOutput, out var version)
            ? version
            : throw new HelmException($"'{Executable} version' did not report a version: {FirstLine(result)}");
    }

    public async Task<HelmLintResult> LintAsync(
        string chartDirectory, IReadOnlyList<string> valuesFiles, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? stringParameters = null)
    {
        ArgumentNullException.ThrowIfNull(valuesFiles);
        var result = await RunAsync(["lint", chartDirectory, .. ValuesArguments(valuesFiles), .. ParameterArguments(stringParameters)], cancellationToken);
        var output = result.StandardOutput + result.StandardError;
        return new HelmLintResult(result.Succeeded, HelmOutput.LintErrors(output), output);
    }

    /// <summary>Renders the chart like Argo CD does and returns the manifests (a multi-document YAML stream).</summary>
    /// <exception cref="HelmException">When helm cannot render the chart with these values.</exception>
    /// <remarks><c>stringParameters</c> are Argo CD's helm parameters with forceString (<c>--set-string</c>); they win over every values file.</remarks>
    public async Task<string> TemplateAsync(
        string chartDirectory,
        string releaseName,
        string @namespace,
        IReadOnlyList<string> valuesFiles,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? stringParameters = null)
    {
        ArgumentNullException.ThrowIfNull(valuesFiles);
        var result = await RunAsync(
            ["template", releaseName, chartDirectory, "--namespace", @namespace, .. ValuesArguments(valuesFiles), .. ParameterArguments(stringParameters)],
            cancellationToken);
        return result.Succeeded
            ? result.StandardOutput
            : throw new HelmException($"helm template {releaseName} failed: {FirstLine(result)}") { Details = result.StandardError };
    }

    private Task<ToolResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        runner.RunAsync(
            new ToolInvocation(Executable, arguments)
            {
                StreamOutput = false,
                ThrowOnFailure = false,
                Environment = QuietEnvironment,
                Timeout = TimeSpan.FromMinutes(2),
            },
            cancellationToken);

    private static IEnumerable<string> ValuesArguments(IEnumerable<string> valuesFiles) =>
        valuesFiles.SelectMany(file => new[] { "--values", file });

    // helm splits --set-string on commas and reads backslashes as escapes, as Argo CD's own escaping of parameters expects.
    private static IEnumerable<string> ParameterArguments(IReadOnlyDictionary<string, string>? parameters) =>
        (parameters ?? new Dictionary<string, string>()).OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .SelectMany(pair => new[] { "--set-string", $"{pair.Key}={pair.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)}" });

    private static string FirstLine(ToolResult result) =>
        HelmOutput.ErrorSummary(result.StandardError.Length > 0 ? result.StandardError : result.StandardOutput);
}
