using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitOps.Platform.Promotion;

/// <summary>E2e records as JSON files, one per environment: <c>.nuke/temp/e2e/&lt;stage&gt;-&lt;cloud&gt;.json</c>.</summary>
public sealed class E2eRecordStore(string directory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Directory { get; } = directory;

    /// <summary>The store under a repository's <c>.nuke/temp/e2e</c>, where GitLab collects JUnit reports too.</summary>
    public static E2eRecordStore ForRepository(string repositoryRoot) =>
        new(Path.Combine(repositoryRoot, ".nuke", "temp", "e2e"));

    public string RecordPath(string stage, string cloud) => Path.Combine(Directory, $"{stage}-{cloud}.json");

    public string JUnitPath(string stage, string cloud) => Path.Combine(Directory, $"{stage}-{cloud}.junit.xml");

    public async Task WriteAsync(E2eRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        System.IO.Directory.CreateDirectory(Directory);
        await File.WriteAllTextAsync(RecordPath(record.Stage, record.Cloud), JsonSerializer.Serialize(record, Json), cancellationToken);
    }

    /// <summary>The environment's record, or null when RunE2E has not written one.</summary>
    public async Task<E2eRecord?> ReadAsync(string stage, string cloud, CancellationToken cancellationToken)
    {
        var path = RecordPath(stage, cloud);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<E2eRecord>(await File.ReadAllTextAsync(path, cancellationToken), Json)
                ?? throw new InvalidDataException($"{path}: empty e2e record; rerun RunE2E");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path}:{exception.LineNumber + 1}: not a valid e2e record ({exception.Message}); rerun RunE2E", exception);
        }
    }

    /// <summary>The records of a stage's clouds that exist.</summary>
    public async Task<IReadOnlyList<E2eRecord>> ReadStageAsync(string stage, IEnumerable<string> clouds, CancellationToken cancellationToken)
    {
        var records = new List<E2eRecord>();
        foreach (var cloud in clouds)
        {
            if (await ReadAsync(stage, cloud, cancellationToken) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }
}
