using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GitOps.EndToEnd.Tests.Support;
using GitOps.TestDoubles.GitLab;
using Microsoft.AspNetCore.Http;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// The generated Provision job, run by gitlab-ci-local's shell executor on a machine whose PATH has no terraform and
/// whose tools cache has none either: the build must install the pinned terraform itself and get as far as running
/// it. The download site is a loopback server serving a stand-in archive (a script that records how it is called);
/// the checkout's pin table carries that archive's URL and checksum, as a site's own mirror and pins would.
/// </summary>
[Collection(SharedClone.Name)]
public sealed class ProvisionJobToolchainTests(FreshClone clone)
{
    private const string Job = "main:Provision:dev-gcp";

    // Provision runs with DeployAppOfApps in the child pipeline main:Deploy:dev-gcp starts.
    private const string ChildPipeline = ".ci/pipelines/main-dev-gcp.yml";

    [Fact]
    public async Task Provision_job_without_terraform_on_PATH_installs_the_pinned_one_and_reaches_terraform_init()
    {
        var ready = clone.BuildSh("--help");
        ready.ExitCode.ShouldBe(0, ready.Output + ready.Error);
        using var copy = new CommittedCopy(clone);
        var work = Directory.CreateTempSubdirectory("gitops-provision-job-").FullName;
        try
        {
            var calls = Path.Combine(work, "terraform-calls.log");
            var archive = StandInArchive(calls);
            var platform = $"{(OperatingSystem.IsMacOS() ? "darwin" : "linux")}_{(System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "amd64")}";
            var (server, root) = await LoopbackHost.StartAsync(context => ServeAsync(context, $"/releases/terraform_1.11.4_{platform}.zip", archive));
            await using (server)
            {
                // In a pipeline a root that requires providers must commit its lock (TerraformLockFile); a maintainer makes it
                // where the registry is reachable. Its hashes do not matter to the stand-in.
                foreach (var terraformRoot in new[] { "management-cluster", "environment-cluster" })
                {
                    File.WriteAllText(Path.Combine(copy.Root, "environments", "terraform", "gcp", terraformRoot, ".terraform.lock.hcl"),
                        "provider \"registry.terraform.io/hashicorp/google\" {\n  version     = \"6.50.0\"\n  constraints = \"6.50.0\"\n  hashes = [\n    \"zh:stand-in\",\n  ]\n}\n");
                    FreshClone.Git(copy.Root, "add", $"environments/terraform/gcp/{terraformRoot}/.terraform.lock.hcl");
                }
                PinStandIn(copy.Root, root + "releases/terraform_{version}_{os}_{arch}.zip", platform, Convert.ToHexStringLower(SHA256.HashData(archive)));
                RemoveCachedTerraform(copy.Root);

                // The job passes --require-newest-commit, which asks origin for the head of main: the copy's own commits
                // (the locks, the stand-in pin) are the newest there once origin is the copy itself.
                FreshClone.Git(copy.Root, "remote", "set-url", "origin", copy.Root);
                var run = GitLabCiLocal.Get().Run(
                    copy.Root,
                    new Dictionary<string, string>
                    {
                        ["CI_PIPELINE_SOURCE"] = "push",
                        ["CI_COMMIT_BRANCH"] = "main",
                        ["CI_DEFAULT_BRANCH"] = "main",
                        ["GITLAB_CI"] = "true",
                        // A pipeline reaches Google only through the job's OIDC token (the build writes the Workload
                        // Identity file terraform gets; no exchange happens before terraform runs).
                        ["GCP_ID_TOKEN"] = "stand-in-id-token",
                    },
                    new Dictionary<string, string?> { ["PATH"] = PathWithoutTerraform() },
                    "--file", ChildPipeline, Job, "--shell-isolation", "--force-shell-executor");

                var output = run.Output + run.Error;
                output.ShouldContain($"Installing terraform 1.11.4 for {platform} from {root}releases/terraform_1.11.4_{platform}.zip");
                output.ShouldNotContain("terraform: not found on PATH or under .nuke/tools, and installing it failed");
                File.Exists(calls).ShouldBeTrue($"the stand-in terraform never ran:\n{output}");
                File.ReadAllLines(calls).ShouldContain(line => line.StartsWith("init", StringComparison.Ordinal), $"no terraform init:\n{File.ReadAllText(calls)}\n{output}");
                File.ReadAllLines(calls).ShouldContain(line => line.StartsWith("init", StringComparison.Ordinal) && line.Contains("-lockfile=readonly", StringComparison.Ordinal));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>terraform as far as this test needs it: a version like the pin's, and a record of every call.</summary>
    private static byte[] StandInArchive(string calls)
    {
        var script = $$"""
            #!/bin/sh
            echo "$*" >> '{{calls}}'
            case "$1" in
              version) echo 'Terraform v1.11.4'; echo 'on linux_amd64' ;;
              *) echo "terraform stand-in: '$1' is as far as this test goes" >&2; exit 1 ;;
            esac

            """;
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("terraform").Open()))
        {
            writer.Write(script.Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        return memory.ToArray();
    }

    private static Task ServeAsync(HttpContext context, string path, byte[] archive)
    {
        if (context.Request.Path.Value != path)
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }

        context.Response.ContentLength = archive.Length;
        return context.Response.Body.WriteAsync(archive).AsTask();
    }

    /// <summary>The checkout's own pin table, committed, pointing terraform at the stand-in.</summary>
    private static void PinStandIn(string repository, string url, string platform, string checksum)
    {
        var file = Path.Combine(repository, ".nuke", "tool-pins.json");
        var pins = JsonNode.Parse(File.ReadAllText(file))!;
        pins["terraform"]!["url"] = url;
        pins["terraform"]!["sha256"]![platform] = checksum;
        File.WriteAllText(file, pins.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        FreshClone.Git(repository, "-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "--quiet", "-am", "pin the stand-in terraform");
    }

    /// <summary>A warm tools cache may hold terraform from another run; this job must start without one.</summary>
    private static void RemoveCachedTerraform(string repository)
    {
        var cached = Path.Combine(repository, ".gitlab-ci-local", "cache", "tools", ".nuke", "tools", "bin", "terraform");
        if (File.Exists(cached))
        {
            File.Delete(cached);
        }
    }

    private static string PathWithoutTerraform()
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(directory => directory.Length > 0 && !File.Exists(Path.Combine(directory, "terraform")))
            .ToList();
        directories.ShouldNotContain(directory => File.Exists(Path.Combine(directory, "terraform")));
        return string.Join(Path.PathSeparator, directories);
    }
}
