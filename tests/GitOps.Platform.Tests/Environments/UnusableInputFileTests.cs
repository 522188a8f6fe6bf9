using System.Diagnostics;
using GitOps.Platform.Environments;
using GitOps.Platform.Kubeconfig;
using GitOps.Platform.Kubernetes;
using GitOps.Platform.Secrets;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Tests.Environments;

/// <summary>
/// The files the build reads from the user (issue 13): the stage catalog, kubeconfigs, .env and env.template. Each
/// problem is a usage error of one line naming the file (and line), in plain words: no parser jargon, no type names,
/// and /dev/zero or a FIFO is refused before it is opened.
/// </summary>
public sealed class UnusableInputFileTests : IDisposable
{
    private const string Catalog = "environments/stages.yaml";

    private readonly string directory = Directory.CreateTempSubdirectory("gitops-unusable-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Every_catalog_problem_is_a_usage_error()
    {
        var path = Path.Combine(directory, "stages.yaml");
        Should.Throw<CatalogException>(() => StageCatalog.Load(path, Catalog)).ShouldBeAssignableTo<UsageException>();
    }

    [Fact]
    public void A_catalog_that_is_not_utf8_names_its_line_and_byte()
    {
        var path = Write("stages.yaml", [.. "clusterName: 'x-{stage}-{cloud}'\nstages:\n  - name: d"u8.ToArray(), 0xE9, .. "v\n"u8.ToArray()]);

        var error = Should.Throw<CatalogException>(() => StageCatalog.Load(path, Catalog));

        error.Errors.ShouldHaveSingleItem().ToString().ShouldBe($"{Catalog}:3: not UTF-8 text (byte 0xE9 at column 12); save the file as UTF-8.");
    }

    [Fact]
    public void A_nul_byte_in_the_catalog_is_named_by_line_and_column()
    {
        var path = Write("stages.yaml", "clusterName: 'x-{stage}-{cloud}'\nstages: []\npromotions: [\0]\n"u8.ToArray());

        Should.Throw<CatalogException>(() => StageCatalog.Load(path, Catalog)).Errors.ShouldHaveSingleItem().ToString()
            .ShouldBe($"{Catalog}:3: the control character U+0000 (NUL) at column 14 is not allowed in YAML (helm refuses it too); remove it");
    }

    [Theory]
    [InlineData("stages:\n  - name: dev\n    clouds: [gcp\n", 4)]
    [InlineData("stages:\n  - name: dev\n   clouds: [gcp]\n", 3)]
    [InlineData("stages:\n  - name: \"dev\\q\"\n", 2)]
    [InlineData("stages:\n  - name: dev\n  clouds: a: b\n", 3)]
    [InlineData("promotions: *missing\n", 1)]
    public void A_yaml_syntax_error_in_the_catalog_is_its_line_in_plain_words(string yaml, int line)
    {
        var error = Should.Throw<CatalogException>(() => StageCatalog.Parse(yaml, Catalog)).Errors.ShouldHaveSingleItem();

        error.Line.ShouldBe(line);
        error.Message.ShouldStartWith("not valid YAML: ");
        error.Message.ShouldNotContain("While");
        error.Message.ShouldNotContain("Idx");
        error.Message.ShouldNotContain("scalar");
        error.Message.ShouldNotContain("Exception");
    }

    [Fact]
    public void A_fifo_as_the_catalog_is_refused_without_opening_it()
    {
        var path = Mkfifo("stages.yaml");
        Should.Throw<CatalogException>(() => StageCatalog.Load(path, Catalog)).Message
            .ShouldBe($"{Catalog}: is a named pipe (FIFO), not a regular file; the stage catalog must be a regular file of at most 1 MiB");
    }

    [Fact]
    public void Dev_zero_as_a_kubeconfig_is_refused_at_once()
    {
        var clock = Stopwatch.StartNew();
        Should.Throw<KubeconfigException>(() => KubeconfigFile.Validate("/dev/zero")).Message
            .ShouldBe("/dev/zero: is a character device, not a regular file; a kubeconfig must be a regular file of at most 1 MiB");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_fifo_as_a_kubeconfig_is_refused_instead_of_hanging()
    {
        var path = Mkfifo("kubeconfig");
        var refused = await Task.Run(() => Should.Throw<KubeconfigException>(() => KubeconfigFile.Validate(path))).WaitAsync(TimeSpan.FromSeconds(20));
        refused.Message.ShouldBe($"{path}: is a named pipe (FIFO), not a regular file; a kubeconfig must be a regular file of at most 1 MiB");
    }

    [Fact]
    public void A_kubeconfig_over_one_mebibyte_is_refused_naming_the_cap()
    {
        var path = Write("kubeconfig", System.Text.Encoding.UTF8.GetBytes("# " + new string('x', 1024 * 1024) + "\n"));
        Should.Throw<KubeconfigException>(() => KubeconfigFile.Validate(path)).Message
            .ShouldBe($"{path}: is larger than 1 MiB; a kubeconfig must be a regular file of at most 1 MiB");
    }

    [Fact]
    public void A_nul_byte_in_a_kubeconfig_is_named_by_line()
    {
        var path = Write("kubeconfig", "apiVersion: v1\nkind: Config\0\n"u8.ToArray());
        Should.Throw<KubeconfigException>(() => KubeconfigFile.Validate(path)).Message
            .ShouldStartWith($"{path}:2: the control character U+0000 (NUL) is not allowed in YAML");
    }

    [Fact]
    public async Task A_dot_env_that_is_a_directory_is_one_line()
    {
        var path = Path.Combine(directory, ".env");
        Directory.CreateDirectory(path);
        var error = await Should.ThrowAsync<DotEnvFormatException>(() => DotEnvFile.ReadAsync(path, CancellationToken.None));
        error.Message.ShouldBe($"{path}: is a directory; .env must be a file of KEY=VALUE lines, or absent");
        error.ShouldBeAssignableTo<UsageException>();
    }

    [Fact]
    public async Task A_dot_env_that_is_not_utf8_names_its_line()
    {
        var path = Write(".env", [.. "A=1\nB=caf"u8.ToArray(), 0xE9, (byte)'\n']);
        (await Should.ThrowAsync<DotEnvFormatException>(() => DotEnvFile.ReadAsync(path, CancellationToken.None))).Message
            .ShouldBe($"{path}:2: not UTF-8 text (byte 0xE9 at column 6); save the file as UTF-8.");
    }

    [Fact]
    public async Task A_dot_env_that_is_a_fifo_is_refused_instead_of_hanging()
    {
        var path = Mkfifo(".env");
        (await Should.ThrowAsync<DotEnvFormatException>(() => Task.Run(() => DotEnvFile.ReadAsync(path, CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(20)))).Message
            .ShouldBe($"{path}: is a named pipe (FIFO), not a regular file; a .env file must be a regular file of at most 1 MiB");
    }

    [Fact]
    public async Task A_missing_env_template_is_one_line()
    {
        (await Should.ThrowAsync<DotEnvFormatException>(() => EnvTemplate.ReadAsync(directory, CancellationToken.None))).Message
            .ShouldBe("environments/env.template: not found; it lists the variables a person sets (# description, then KEY=example), restore it from git");
    }

    [Fact]
    public async Task An_env_template_that_is_a_directory_is_one_line()
    {
        Directory.CreateDirectory(Path.Combine(directory, "environments", "env.template"));
        (await Should.ThrowAsync<DotEnvFormatException>(() => EnvTemplate.ReadAsync(directory, CancellationToken.None))).Message
            .ShouldStartWith("environments/env.template: is a directory;");
    }

    [Fact]
    public async Task An_env_template_that_is_not_utf8_names_its_line()
    {
        Directory.CreateDirectory(Path.Combine(directory, "environments"));
        await File.WriteAllBytesAsync(Path.Combine(directory, EnvTemplate.RelativePath), [.. "# The URL.\nURL=caf"u8.ToArray(), 0xE9, (byte)'\n']);
        (await Should.ThrowAsync<DotEnvFormatException>(() => EnvTemplate.ReadAsync(directory, CancellationToken.None))).Message
            .ShouldBe("environments/env.template:2: not UTF-8 text (byte 0xE9 at column 8); save the file as UTF-8.");
    }

    [Theory]
    [InlineData("# The URL.\nGITLAB_URL\n", 2)]
    [InlineData("# ok\nA=1\n1BAD=x\n", 3)]
    [InlineData("A = 1\n", 1)]
    public void A_malformed_env_template_line_is_named_instead_of_dropped(string text, int line) =>
        Should.Throw<DotEnvFormatException>(() => EnvTemplate.Parse(text)).Message
            .ShouldBe($"environments/env.template:{line}: expected KEY=example with a KEY of letters, digits and _ (not starting with a digit), a # comment or a blank line");

    [Fact]
    public async Task The_repositorys_own_env_template_reads()
    {
        var template = await EnvTemplate.ReadAsync(RepositoryRoot.Path, CancellationToken.None);
        template.Variables.ShouldNotBeEmpty();
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Mkfifo(string name)
    {
        var path = Path.Combine(directory, name);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.ShouldBe(0);
        return path;
    }
}
