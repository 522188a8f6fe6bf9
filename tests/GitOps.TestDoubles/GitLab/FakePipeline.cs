namespace GitOps.TestDoubles.GitLab;

/// <summary>A pipeline the fake created for a trigger, with the variables and the inputs (spec:inputs) it was given.</summary>
public sealed record FakePipeline(int Id, string Ref, IReadOnlyDictionary<string, string> Variables)
{
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
