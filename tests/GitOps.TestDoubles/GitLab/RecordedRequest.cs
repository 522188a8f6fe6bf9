namespace GitOps.TestDoubles.GitLab;

/// <summary>
/// A request as the fake received it. <see cref="Path"/> is the raw path (still encoded, query removed);
/// header names are lower case.
/// </summary>
public sealed record RecordedRequest(
    string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body);
