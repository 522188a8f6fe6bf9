using System.Text.Json.Nodes;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>
/// Parses .tf files with HashiCorp's own HCL parser (@cdktf/hcl2json, run by tests/tools/provider-schema/hcl-to-json.js)
/// into HCL's JSON form: blocks as arrays of objects, expressions as <c>${...}</c> strings. One node process for all files.
/// </summary>
internal sealed class HclParser(string nodeModules)
{
    /// <summary>Each file's body, or the parser's message (which names file:line) when it is not valid HCL.</summary>
    public async Task<IReadOnlyDictionary<string, HclParseResult>> ParseAsync(IReadOnlyList<string> files)
    {
        var runner = new ToolRunner(new ToolLocator(Path.Combine(RepositoryRoot.Path, ".nuke", "tools")), NullLog.Instance, new SecretMasker());
        var script = Path.Combine(RepositoryRoot.Path, "tests", "tools", "provider-schema", "hcl-to-json.js");
        var result = await runner.RunAsync(
            new ToolInvocation("node", [script, nodeModules, .. files]) { StreamOutput = false, Timeout = TimeSpan.FromMinutes(2) },
            CancellationToken.None);
        var parsed = JsonNode.Parse(result.StandardOutput)!.AsObject();
        return files.ToDictionary(
            file => file,
            file => parsed[file]!.AsObject() is var body && body["__error"] is { } error
                ? new HclParseResult(null, error.GetValue<string>())
                : new HclParseResult(parsed[file]!.AsObject(), null),
            StringComparer.Ordinal);
    }
}
