namespace GitOps.TestDoubles.GitLab;

/// <summary>A pipeline the fake created for a trigger, with the variables it was given.</summary>
public sealed record FakePipeline(int Id, string Ref, IReadOnlyDictionary<string, string> Variables);
