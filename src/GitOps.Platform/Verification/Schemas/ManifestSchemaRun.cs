using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Verification.Schemas;

/// <summary>
/// One node process validating one Verify run's objects. It is started first and waits for its input file, which
/// <see cref="ValidateAsync"/> writes whole (by rename) once every object is known.
/// </summary>
internal sealed class ManifestSchemaRun : IAsyncDisposable
{
    /// <summary>How long node waits for the input before giving up by itself (Verify's helm work comes first).</summary>
    private static readonly TimeSpan InputWait = TimeSpan.FromMinutes(10);

    private readonly CancellationTokenSource stop;
    private readonly DirectoryInfo work;
    private readonly string input;
    private readonly Task<ToolResult> process;

    public ManifestSchemaRun(IToolRunner runner, string launcher, CancellationToken cancellationToken)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        work = Directory.CreateTempSubdirectory("gitops-schemas-");
        input = Path.Combine(work.FullName, "objects.json");
        var invocation = new ToolInvocation(launcher, [input, ((int)InputWait.TotalSeconds).ToString(CultureInfo.InvariantCulture)])
        {
            StreamOutput = false,
            ThrowOnFailure = false,
        };
        process = Task.Run(() => runner.RunAsync(invocation, stop.Token), stop.Token);
    }

    /// <summary>The problems of each object, by its index in <paramref name="objects"/>; objects without any are absent.</summary>
    /// <exception cref="ManifestSchemaException">When node fails (one line).</exception>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<SchemaProblem>>> ValidateAsync(IReadOnlyList<JsonNode?> objects, CancellationToken cancellationToken)
    {
        var document = new JsonArray([.. objects.Select(item => (JsonNode)new JsonObject { ["object"] = item?.DeepClone() })]);
        var partial = input + ".partial";
        await File.WriteAllTextAsync(partial, document.ToJsonString(), cancellationToken);
        File.Move(partial, input);
        ToolResult result;
        try
        {
            result = await process.WaitAsync(cancellationToken);
        }
        catch (ToolFailedException exception)
        {
            throw new ManifestSchemaException($"the schema check could not run: {exception.Message.Split('\n')[0]}");
        }

        if (!result.Succeeded)
        {
            var reason = result.StandardError.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.Length > 0) ?? $"exit code {result.ExitCode}";
            throw new ManifestSchemaException($"the schema check failed: {reason}");
        }

        return Parse(result.StandardOutput);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await process;
        }
        catch (Exception exception) when (exception is OperationCanceledException or ToolFailedException)
        {
            // stopped because Verify no longer needs it (done, failed or interrupted)
        }

        stop.Dispose();
        work.Delete(recursive: true);
    }

    // Read with JsonNode, not reflection-based deserialisation, which trimmed or file-based builds switch off.
    private static Dictionary<int, IReadOnlyList<SchemaProblem>> Parse(string output)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(output);
        }
        catch (JsonException)
        {
            parsed = null;
        }

        if (parsed is not JsonArray entries)
        {
            return Unreadable();
        }

        var problems = new Dictionary<int, IReadOnlyList<SchemaProblem>>();
        foreach (var entry in entries)
        {
            if (entry?["index"] is not JsonValue index || !index.TryGetValue<int>(out var position) || entry["errors"] is not JsonArray errors)
            {
                return Unreadable();
            }

            var found = new List<SchemaProblem>();
            foreach (var error in errors)
            {
                if (error?["path"] is not JsonArray path || error["message"] is not JsonValue message || !message.TryGetValue<string>(out var text))
                {
                    return Unreadable();
                }

                found.Add(new SchemaProblem([.. path.Select(segment => segment?.ToString() ?? string.Empty)], text));
            }

            problems[position] = found;
        }

        return problems;
    }

    private static Dictionary<int, IReadOnlyList<SchemaProblem>> Unreadable() =>
        throw new ManifestSchemaException("the schema check printed no result Verify can read; delete .nuke/tools/manifest-schemas to reinstall it");
}
