using System.Text.Json.Nodes;
using GitOps.TestDoubles.Kubernetes;

namespace GitOps.Platform.Tests.ArgoCd;

/// <summary>
/// The simulated repo-server substitutes helm parameter values as Argo CD's Env.Envsubst (Go's os.Expand) does, with the
/// variables of the source being rendered: what the PostSync hook then posts as REVISION.
/// </summary>
public sealed class ArgoBuildEnvironmentTests
{
    private const string Sha = "37760d764d2ca22b61f7406e9d56e7dc1c0bb5c5";

    private static readonly IReadOnlyDictionary<string, string> Variables = ArgoBuildEnvironment.For(
        new JsonObject { ["metadata"] = new JsonObject { ["name"] = "app-of-apps-qa-gcp" }, ["spec"] = new JsonObject { ["destination"] = new JsonObject { ["namespace"] = "argocd" } } },
        new JsonObject { ["repoURL"] = "https://gitlab.example/iac.git", ["path"] = "charts/app-of-apps", ["targetRevision"] = Sha },
        Sha);

    [Theory]
    [InlineData("$ARGOCD_APP_REVISION", Sha)]
    [InlineData("${ARGOCD_APP_REVISION}", Sha)]
    [InlineData("$ARGOCD_APP_REVISION_SHORT", "37760d7")]
    [InlineData("$ARGOCD_APP_REVISION_SHORT_8", "37760d76")]
    [InlineData("at-$ARGOCD_APP_NAME/x", "at-app-of-apps-qa-gcp/x")]
    [InlineData("$$ARGOCD_APP_REVISION", "$ARGOCD_APP_REVISION")]
    [InlineData("$UNKNOWN", "")]
    [InlineData("1.4.2", "1.4.2")]
    [InlineData("cost: 5$", "cost: 5$")]
    [InlineData("a $ b", "a $ b")]
    [InlineData("${}x", "x")]
    [InlineData("${ARGOCD_APP_REVISION", "ARGOCD_APP_REVISION")]
    [InlineData("$1abc", "abc")]
    public void Parameter_values_are_expanded_as_os_Expand_does(string value, string expected) =>
        ArgoBuildEnvironment.Substitute(value, Variables).ShouldBe(expected);
}
