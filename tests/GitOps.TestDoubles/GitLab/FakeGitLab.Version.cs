namespace GitOps.TestDoubles.GitLab;

public sealed partial class FakeGitLab
{
    /// <summary>
    /// What <c>GET /version</c> answers (any authenticated token may read it). Below
    /// <see cref="TriggerPayloadAllowedFrom"/> the fake behaves as GitLab before gitlab-org/gitlab!204230: the trigger
    /// API adds its own TRIGGER_PAYLOAD variable to every pipeline, so once the project lets no one set pipeline
    /// variables it refuses every trigger call, inputs only or not (gitlab-org/gitlab#557381).
    /// </summary>
    public string ServerVersion
    {
        get
        {
            lock (gate)
            {
                return serverVersion;
            }
        }

        set
        {
            lock (gate)
            {
                serverVersion = value;
            }
        }
    }

    private string serverVersion = "18.6.0-ee";

    /// <summary>The first version the fake treats as holding gitlab-org/gitlab!204230.</summary>
    public static Version TriggerPayloadAllowedFrom { get; } = new(18, 6);

    private bool TriggerPayloadIsRefused =>
        !TriggerOwnerMaySetVariables
        && System.Version.TryParse(ServerVersion.Split('-')[0], out var version) && version < TriggerPayloadAllowedFrom;

    private FakeResponse GetVersion(FakeCaller caller) => caller is FakeCaller.Anonymous
        ? FakeResponse.Message(401, "401 Unauthorized")
        : FakeResponse.Json(200, new { version = ServerVersion, revision = "0123456789a" });
}
