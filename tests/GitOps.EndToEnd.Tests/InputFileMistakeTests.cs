using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// Files of the repository a user breaks (issue 13 item 6 and its review): a values file, the stage catalog, .env, a
/// single-dash option. Each is one line on stderr with exit 2, naming the file (relative to the root) or option, before
/// any target starts: no target table.
/// </summary>
[Collection(SharedClone.Name)]
public sealed class InputFileMistakeTests(FreshClone clone) : IDisposable
{
    private const string DevValues = "environments/dev/values-dev-gcp.yaml";

    private readonly string scratch = Directory.CreateTempSubdirectory("gitops-input-mistakes-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Theory]
    [InlineData("missing", "not found")]
    [InlineData("directory", "is a directory, not a regular file")]
    public void A_values_file_that_is_missing_or_a_directory_is_one_line_before_render_runs(string shape, string problem)
    {
        using var broken = new BrokenFile(clone.Root, DevValues, shape, scratch);

        var result = clone.BuildSh("Render", "--stage", "dev", "--cloud", "gcp", "--verbosity", "verbose");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldStartWith($"error: {DevValues}: {problem}; dev-gcp's values file must be a regular file");
        result.Output.ShouldNotContain("═══");
        Directory.Exists(Path.Combine(clone.Root, ".nuke", "temp", "rendered", "dev-gcp")).ShouldBeFalse();
    }

    /// <summary>A values file the stage's parent Application names (not only the layout's) is checked before the deploy touches a cluster.</summary>
    [Fact]
    public void A_values_file_the_parent_names_that_is_missing_is_one_line_with_the_parents_line()
    {
        var parent = Path.Combine(clone.Root, "environments", "dev", "app-of-apps-dev.yaml");
        var original = File.ReadAllText(parent);
        var reference = $"          - $values/{DevValues}\n";
        var line = 1 + original[..(original.IndexOf(reference, StringComparison.Ordinal) + reference.Length)].Count(c => c == '\n');
        File.WriteAllText(parent, original.Replace(reference, reference + "          - $values/environments/dev/values-dev-extra.yaml\n", StringComparison.Ordinal));
        try
        {
            var result = clone.BuildSh("DeployAppOfApps", "--stage", "dev", "--cloud", "gcp");

            result.ExitCode.ShouldBe(2, result.Output + result.Error);
            OneLine(result.Error).ShouldBe($"error: environments/dev/app-of-apps-dev.yaml:{line}: Application app-of-apps-dev-gcp names the values file "
                + "environments/dev/values-dev-extra.yaml, which is not found; a values file must be a regular file in this repository");
            result.Output.ShouldNotContain("PrepareSensitiveInformation");
        }
        finally
        {
            File.WriteAllText(parent, original);
        }
    }

    [Theory]
    [InlineData("missing", "not found; every build needs the stage catalog (run from the repository's root, or pass --root)")]
    [InlineData("directory", "is a directory; the stage catalog must be a YAML file")]
    public void A_missing_stage_catalog_under_verify_is_one_line(string shape, string problem)
    {
        using var broken = new BrokenFile(clone.Root, "environments/stages.yaml", shape, scratch);

        var result = clone.BuildSh("Verify");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldBe($"error: environments/stages.yaml: {problem}");
        result.Output.ShouldNotContain("═══");
    }

    [Theory]
    [InlineData("ListSensitiveInformation")]
    [InlineData("RunE2E", "--stage", "qa", "--cloud", "gcp", "--e2e-base-url", "http://127.0.0.1:9")]
    public void A_dotenv_line_that_is_not_key_value_is_one_line_relative_to_the_root(params string[] args)
    {
        var dotEnv = Path.Combine(clone.Root, ".env");
        File.WriteAllText(dotEnv, "# local secrets\nGITLAB_TOKEN\n");
        try
        {
            var result = clone.BuildSh(args);

            result.ExitCode.ShouldBe(2, result.Output + result.Error);
            OneLine(result.Error).ShouldBe("error: .env:2: expected KEY=VALUE with a KEY of letters, digits and _ (not starting with a digit)");
            result.Output.ShouldNotContain("═══");
        }
        finally
        {
            File.Delete(dotEnv);
        }
    }

    [Fact]
    public void A_dotenv_directory_is_one_line()
    {
        using var broken = new BrokenFile(clone.Root, ".env", "directory", scratch);

        var result = clone.BuildSh("ListSensitiveInformation");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldBe("error: .env: is a directory; .env must be a file of KEY=VALUE lines, or absent");
    }

    [Theory]
    [InlineData(new[] { "Verify", "-x" }, "error: Unknown option '-x': options start with two dashes (--name value); no option starts with 'x'. Run ./build.sh --help to list the parameters.")]
    [InlineData(new[] { "Provision", "-stage", "dev" }, "error: Unknown option '-stage': options start with two dashes (--name value). Did you mean '--stage'? Run ./build.sh --help to list the parameters.")]
    public void A_single_dash_option_is_an_unknown_option_not_a_target(string[] args, string expected)
    {
        var result = clone.BuildSh(args);

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldBe(expected);
    }

    private static string OneLine(string error)
    {
        // build.sh says so on stderr when it compiles first (whichever test runs first).
        var lines = error.TrimEnd().Split('\n').Where(line => !line.StartsWith("Compiling the build", StringComparison.Ordinal)).ToArray();
        lines.Length.ShouldBe(1, error);
        lines[0].ShouldNotContain("Exception");
        lines[0].ShouldNotContain("   at ");
        lines[0].ShouldNotContain("/tmp/");
        return lines[0];
    }

    /// <summary>Moves a file of the shared clone aside (leaving nothing, or a directory, in its place) and puts it back.</summary>
    private sealed class BrokenFile : IDisposable
    {
        private readonly string path;
        private readonly string saved;

        public BrokenFile(string root, string relativePath, string shape, string scratch)
        {
            path = Path.Combine(root, relativePath);
            saved = Path.Combine(scratch, Guid.NewGuid().ToString("N"));
            if (File.Exists(path))
            {
                File.Move(path, saved);
            }

            if (shape == "directory")
            {
                Directory.CreateDirectory(path);
            }
        }

        public void Dispose()
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            if (File.Exists(saved))
            {
                File.Move(saved, path);
            }
        }
    }
}
