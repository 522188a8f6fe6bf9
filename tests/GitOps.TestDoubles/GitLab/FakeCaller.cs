namespace GitOps.TestDoubles.GitLab;

/// <summary>Who a request's token says the caller is.</summary>
internal enum FakeCaller
{
    Anonymous,

    /// <summary>An access token with the api scope and the Maintainer role.</summary>
    Maintainer,

    /// <summary>A valid access token with read access only: writes and variables are 403.</summary>
    Reporter,

    /// <summary>A CI job token: only the allowlisted endpoints accept it.</summary>
    Job,
}
