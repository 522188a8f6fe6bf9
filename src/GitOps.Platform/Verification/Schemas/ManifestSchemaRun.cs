using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Verification.Schemas;

/// <summary>
/// One node process validating one Verify run's objects. It is started first and validates each batch
/// <see cref="Submit"/> hands it (a file written whole, by rename) while Verify still renders the next environments;
/// <see cref="CompleteAsync"/> says that no more come and collects every object's problems.
/// </summary>
internal sealed class ManifestSchemaRun : IAsyncDisposable
{
    /// <summary>How long node waits for the last batch before giving up by itself (Verify's helm work comes first).</summary>
    private static readonly TimeSpan InputWait = TimeSpan.FromMinutes(10);

    private readonly CancellationTokenSource stop;
    private readonly DirectoryInfo work;
    private readonly Task<ToolResult> process;
    private readonly Lock gate = new();
    private int batches;
    private int submitted;
    private bool complete;

    public ManifestSchemaRun(IToolRunner runner, string launcher, CancellationToken cancellationToken)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        work = Directory.CreateTempSubdirectory("gitops-schemas-");
        var invocation = new ToolInvocation(launcher, [work.FullName, ((int)InputWait.TotalSeconds).ToString(CultureInfo.InvariantCulture)])
        {
            StreamOutput = false,
            ThrowOnFailure = false,
        };
        process = Task.Run(() => runner.RunAsync(invocation, stop.Token), stop.Token);
    }

    /// <summary>
    /// Hands objects to node, which validates them at once; safe to call from checks running in parallel.
    /// </summary>
    /// <returns>The index of the first of them in <see cref="CompleteAsync"/>'s answer (objects count across batches).</returns>
    public int Submit(IReadOnlyList<JsonNode?> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var text = new JsonArray([.. objects.Select(item => (JsonNode)new JsonObject { ["object"] = item?.DeepClone() })]).ToJsonString();
        lock (gate)
        {
            if (complete)
            {
                throw new InvalidOperationException("the schema check's input is complete; no objects can be added");
            }

            var first = submitted;
            if (objects.Count > 0)
            {
                WriteWhole($"{batches}.json", text);
                batches++;
                submitted += objects.Count;
            }

            return first;
        }
    }

    /// <summary>The problems of each object submitted, by its index (see <see cref="Submit"/>); objects without any are absent.</summary>
    /// <exception cref="ManifestSchemaException">When node fails (one line).</exception>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<SchemaProblem>>> CompleteAsync(CancellationToken cancellationToken)
    {
        int count;
        lock (gate)
        {
            complete = true;
            count = submitted;
            WriteWhole("end", batches.ToString(CultureInfo.InvariantCulture));
        }

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

        return Parse(result.StandardOutput, count);
    }

    /// <summary>All objects in one batch: <see cref="Submit"/> then <see cref="CompleteAsync"/>.</summary>
    /// <exception cref="ManifestSchemaException">When node fails (one line).</exception>
    public Task<IReadOnlyDictionary<int, IReadOnlyList<SchemaProblem>>> ValidateAsync(IReadOnlyList<JsonNode?> objects, CancellationToken cancellationToken)
    {
        Submit(objects);
        return CompleteAsync(cancellationToken);
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
    private void WriteWhole(string name, string content)
    {
        var path = Path.Combine(work.FullName, name);
        File.WriteAllText(path + ".partial", content);
        File.Move(path + ".partial", path);
    }

    private static Dictionary<int, IReadOnlyList<SchemaProblem>> Parse(string output, int count)
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
            if (entry?["index"] is not JsonValue index || !index.TryGetValue<int>(out var position) || position < 0 || position >= count
                || entry["errors"] is not JsonArray errors)
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
