using System.Net;

namespace GitOps.Platform.GitLab.Http;

/// <summary>What the attempts of one request have seen so far: the last problem, and whether GitLab may have acted.</summary>
internal sealed class AttemptHistory
{
    public int Attempts { get; set; }

    /// <summary>True once an attempt of a non-idempotent request reached GitLab without a clear "not processed".</summary>
    public bool MayHaveTakenEffect { get; set; }

    public string? LastProblem { get; set; }

    public HttpStatusCode? LastStatus { get; set; }
}
