using GitOps.Platform.ArgoCd;

namespace GitOps.Platform.Tests.ArgoCd;

/// <summary>argocd-server faces the internet: in the environment clusters it may read, and not change anything or read secrets.</summary>
public sealed class ArgoCdServerClusterAccessTests
{
    private static readonly string[] ReadVerbs = ["get", "list", "watch"];

    [Fact]
    public void The_servers_role_grants_only_read_verbs_no_secrets_and_pod_logs()
    {
        var rules = ArgoCdServerClusterAccess.Role()["rules"]!.AsArray().Select(rule => (
            Groups: rule!["apiGroups"]!.AsArray().Select(node => node!.GetValue<string>()).ToArray(),
            Resources: rule["resources"]!.AsArray().Select(node => node!.GetValue<string>()).ToArray(),
            Verbs: rule["verbs"]!.AsArray().Select(node => node!.GetValue<string>()).ToArray(),
            Other: rule.AsObject().Select(property => property.Key).Except(["apiGroups", "resources", "verbs"]).ToArray())).ToArray();

        rules.ShouldNotBeEmpty();
        rules.SelectMany(rule => rule.Verbs).Except(ReadVerbs).ShouldBeEmpty("no write verb, no wildcard verb");
        rules.SelectMany(rule => rule.Other).ShouldBeEmpty("no resourceNames or nonResourceURLs");
        rules.SelectMany(rule => rule.Groups).ShouldNotContain("*", "a wildcard group includes the core group and so secrets");
        rules.Where(rule => rule.Groups.Contains(string.Empty)).SelectMany(rule => rule.Resources)
            .ShouldAllBe(resource => resource != "*" && resource != "secrets" && !resource.StartsWith("secrets/", StringComparison.Ordinal));
        rules.ShouldContain(rule => rule.Groups.Contains(string.Empty) && rule.Resources.Contains("pods/log") && rule.Verbs.Contains("get"), "the UI's live pod logs");
    }

    [Fact]
    public void The_binding_names_the_servers_google_identity_as_a_user()
    {
        var binding = ArgoCdServerClusterAccess.Binding("argocd-server-dev@p.iam.gserviceaccount.com");

        binding["roleRef"]!["name"]!.GetValue<string>().ShouldBe(ArgoCdServerClusterAccess.RoleName);
        var subject = binding["subjects"]!.AsArray().ShouldHaveSingleItem()!;
        subject["kind"]!.GetValue<string>().ShouldBe("User");
        subject["name"]!.GetValue<string>().ShouldBe("argocd-server-dev@p.iam.gserviceaccount.com");
    }
}
