using System.Text.Json;

namespace GitOps.TestDoubles.GitLab;

public sealed partial class FakeGitLab
{
    private const string VariablesPrefix = "variables[";

    private FakeResponse TriggerPipeline(FakeRequest request)
    {
        var token = request.Field("token");
        if (token is null)
        {
            return FakeResponse.Error(400, "token is missing");
        }

        // GitLab hides the project from a wrong trigger token rather than saying the token is wrong.
        if (token != TriggerToken && token != JobToken)
        {
            return FakeResponse.NotFound();
        }

        var reference = request.Field("ref");
        if (reference is null)
        {
            return FakeResponse.Error(400, "ref is missing");
        }

        var given = request.Fields
            .Where(field => field.Key.StartsWith(VariablesPrefix, StringComparison.Ordinal) && field.Key.EndsWith(']'))
            .ToDictionary(field => field.Key[VariablesPrefix.Length..^1], field => field.Value, StringComparer.Ordinal);
        if (request.Structured.TryGetValue("variables", out var json) && json.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in json.EnumerateObject())
            {
                given[property.Name] = property.Value.ToString();
            }
        }

        // Ci::CreatePipelineService's populate step; the trigger API answers with render_validation_error!.
        if (TriggeredJobs?.Invoke(reference, given) is { Count: 0 })
        {
            return FakeResponse.Message(400, new Dictionary<string, string[]> { ["base"] = ["No stages / jobs for this pipeline."] });
        }

        lock (gate)
        {
            var pipeline = new FakePipeline(5000 + pipelines.Count + 1, reference, given);
            pipelines.Add(pipeline);
            return FakeResponse.Json(201, new
            {
                id = pipeline.Id,
                iid = pipelines.Count,
                project_id = ProjectId,
                status = "created",
                @ref = reference,
                web_url = new Uri(WebUrl, $"{ProjectPath}/-/pipelines/{pipeline.Id}").ToString(),
            });
        }
    }
}
