using System.Text.Json;

namespace GitOps.TestDoubles.GitLab;

public sealed partial class FakeGitLab
{
    private const string VariablesPrefix = "variables[";
    private const string InputsPrefix = "inputs[";

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

        var inputs = request.Fields
            .Where(field => field.Key.StartsWith(InputsPrefix, StringComparison.Ordinal) && field.Key.EndsWith(']'))
            .ToDictionary(field => field.Key[InputsPrefix.Length..^1], field => field.Value, StringComparer.Ordinal);

        // Ci::Pipeline::Chain::Validate::Abilities: the trigger token acts as its owner, who may not set pipeline variables
        // under the project's restriction. Inputs are not pipeline variables and pass, except before gitlab-org/gitlab!204230
        // (TRIGGER_PAYLOAD, which the trigger API adds itself, counted as one).
        if ((given.Count > 0 && !TriggerOwnerMaySetVariables) || TriggerPayloadIsRefused)
        {
            return FakeResponse.Message(400, new Dictionary<string, string[]> { ["base"] = ["Insufficient permissions to set pipeline variables"] });
        }

        // Ci::CreatePipelineService's populate step; the trigger API answers with render_validation_error!.
        if (TriggeredJobs?.Invoke(reference, given, inputs) is { Count: 0 })
        {
            return FakeResponse.Message(400, new Dictionary<string, string[]> { ["base"] = ["No stages / jobs for this pipeline."] });
        }

        lock (gate)
        {
            var pipeline = new FakePipeline(5000 + pipelines.Count + 1, reference, given) { Inputs = inputs };
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
