using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>The default target on a fresh clone, and what it says when an environment is broken.</summary>
[Collection(SharedClone.Name)]
public sealed class VerifyTests(FreshClone clone)
{
    [Fact]
    public void Default_target_verifies_all_five_environments_and_says_so()
    {
        var result = clone.BuildSh("--no-logo");
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldContain("Verified 5 environments with no findings: dev-gcp, nightly-gcp, qa-gcp, qa-int-gcp, prod-gcp");
        result.Output.ShouldContain("Build succeeded");
    }

    [Fact]
    public void A_broken_version_a_plaintext_secret_and_a_missing_values_file_are_all_reported_with_their_files()
    {
        var qaValues = Path.Combine(clone.Root, "environments", "qa", "app-of-apps-qa.yaml");
        var prodValues = Path.Combine(clone.Root, "environments", "prod", "values-prod-gcp.yaml");
        var secret = Path.Combine(clone.Root, "environments", "qa", "leaked-secret.yaml");
        var originalQa = File.ReadAllText(qaValues);
        var originalProd = File.ReadAllText(prodValues);
        try
        {
            File.WriteAllText(qaValues, originalQa.Replace("value: \"1.4.2\"", "value: \"latest\"", StringComparison.Ordinal));
            File.WriteAllText(secret, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: leaked\nstringData:\n  password: hunter2\n");
            File.Delete(prodValues);

            var result = clone.BuildSh("Verify", "--no-logo");

            result.ExitCode.ShouldBe(1);
            result.Output.ShouldContain("environments/qa/app-of-apps-qa.yaml:");
            result.Output.ShouldContain("deployedRelease 'latest' is not a SemVer");
            result.Output.ShouldContain("environments/qa/leaked-secret.yaml:2: GO014");
            result.Output.ShouldContain("environments/prod/values-prod-gcp.yaml");
            result.Output.ShouldContain("GO002");
            result.Output.ShouldNotContain("hunter2");
        }
        finally
        {
            File.WriteAllText(qaValues, originalQa);
            File.WriteAllText(prodValues, originalProd);
            File.Delete(secret);
        }
    }

    [Fact]
    public void A_broken_application_and_a_literal_password_are_reported_by_the_schema_and_secret_checks()
    {
        var appOfApps = Path.Combine(clone.Root, "environments", "qa", "app-of-apps-qa.yaml");
        var prodValues = Path.Combine(clone.Root, "environments", "prod", "values-prod-gcp.yaml");
        var (originalApp, originalProd) = (File.ReadAllText(appOfApps), File.ReadAllText(prodValues));
        try
        {
            // The chart source's targetRevision is qa's pin, a SHA.
            var pinned = System.Text.RegularExpressions.Regex.Replace(originalApp, "      targetRevision: [0-9a-f]{40}\n      path:", "      targetRevision: [main]\n      path:");
            File.WriteAllText(appOfApps, pinned
                .Replace("  name: app-of-apps-qa-gcp\n", "  labels: { team: platform }\n", StringComparison.Ordinal)
                .Replace("  syncPolicy:\n", "  syncPolicy:\n    automatic: true\n", StringComparison.Ordinal));
            File.WriteAllText(prodValues, originalProd.Replace("<path:eurodat/data/prod/identity#adminPassword>", "canary-hunter2", StringComparison.Ordinal));

            var result = clone.BuildSh("Verify", "--no-logo");

            result.ExitCode.ShouldBe(1, result.Output + result.Error);
            var lines = File.ReadAllLines(appOfApps);
            int LineOf(string text) => Array.FindIndex(lines, line => line.Contains(text, StringComparison.Ordinal)) + 1;
            var metadata = Array.FindIndex(lines, Array.FindIndex(lines, line => line == "kind: Application"), line => line == "metadata:") + 1;
            result.Output.ShouldContain($"environments/qa/app-of-apps-qa.yaml:{metadata}: GO022 Application (unnamed): metadata.name is required");
            result.Output.ShouldContain($"environments/qa/app-of-apps-qa.yaml:{LineOf("targetRevision: [main]")}: GO022 Application (unnamed): spec.sources[0].targetRevision must be string (Argo CD v3 schema)");
            result.Output.ShouldContain($"environments/qa/app-of-apps-qa.yaml:{LineOf("automatic: true")}: GO022 Application (unnamed): spec.syncPolicy.automatic is not a field");
            var prodLine = Array.FindIndex(File.ReadAllLines(prodValues), line => line.Contains("canary-hunter2", StringComparison.Ordinal)) + 1;
            result.Output.ShouldContain($"environments/prod/values-prod-gcp.yaml:{prodLine}: GO023 platform.components.identity.values.admin.password holds a literal value");
            (result.Output + result.Error).ShouldNotContain("canary-hunter2");
            File.ReadAllText(Path.Combine(clone.Root, ".nuke", "temp", "build.log")).ShouldNotContain("canary-hunter2");
        }
        finally
        {
            File.WriteAllText(appOfApps, originalApp);
            File.WriteAllText(prodValues, originalProd);
        }
    }

    [Fact]
    public void Without_the_schema_check_installed_and_no_registry_Verify_fails_with_one_line()
    {
        var tools = Path.Combine(clone.Root, ".nuke", "tools");
        foreach (var launcher in Directory.Exists(Path.Combine(tools, "bin")) ? Directory.GetFiles(Path.Combine(tools, "bin"), "gitops-manifest-schemas*") : [])
        {
            File.Delete(launcher);
        }

        var cache = Directory.CreateTempSubdirectory("gitops-npm-cache-");
        try
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop(); // nobody listens there now: the registry is unreachable

            var result = clone.BuildSh(
                new Dictionary<string, string?> { ["npm_config_registry"] = $"http://127.0.0.1:{port}/", ["npm_config_cache"] = cache.FullName },
                "Verify", "--no-logo");

            result.ExitCode.ShouldBe(1, result.Output + result.Error);
            var reported = (result.Output + result.Error).Split('\n').Where(line => line.Contains("installing it failed", StringComparison.Ordinal)).ToList();
            reported.Count.ShouldBe(1, result.Output + result.Error);
            reported[0].ShouldContain("gitops-manifest-schemas: not found on PATH or under .nuke/tools, and installing it failed: "
                + "npm ci could not install @kubernetes-models/argo-cd@4.0.0 and kubernetes-models@5.1.0 (is the npm registry reachable?): ");
            reported[0].ShouldContain("ECONNREFUSED");
            (result.Output + result.Error).ShouldNotContain("Exception");
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }

    [Fact]
    public void Render_writes_the_environment_manifests_for_review()
    {
        var result = clone.BuildSh("Render", "--stage", "qa", "--cloud", "gcp", "--no-logo");
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        var rendered = Path.Combine(clone.Root, ".nuke", "temp", "rendered", "qa-gcp");
        Directory.GetFiles(rendered, "*.yaml").ShouldNotBeEmpty();
    }
}
