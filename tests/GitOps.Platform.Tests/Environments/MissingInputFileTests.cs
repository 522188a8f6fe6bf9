using GitOps.Platform.Environments;
using GitOps.Platform.Promotion;

namespace GitOps.Platform.Tests.Environments;

/// <summary>A stage catalog or values file that is missing, a directory or not UTF-8 is one line naming it.</summary>
public sealed class MissingInputFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("gitops-inputs-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_missing_stage_catalog_is_named()
    {
        var path = Path.Combine(directory, "stages.yaml");
        Should.Throw<CatalogException>(() => StageCatalog.Load(path)).Message
            .ShouldBe($"{path}: not found; every build needs the stage catalog (run from the repository's root, or pass --root)");
    }

    [Fact]
    public void A_directory_where_the_stage_catalog_should_be_is_named()
    {
        var path = Path.Combine(directory, "stages.yaml");
        Directory.CreateDirectory(path);
        Should.Throw<CatalogException>(() => StageCatalog.Load(path)).Message.ShouldBe($"{path}: is a directory; the stage catalog must be a YAML file");
    }

    [Fact]
    public async Task A_missing_values_file_is_named()
    {
        var path = Path.Combine(directory, "values-qa-gcp.yaml");
        (await Should.ThrowAsync<ValuesFileException>(() => ValuesFileText.ReadAsync(path, CancellationToken.None))).Message.ShouldBe($"{path}: not found");
    }

    [Fact]
    public async Task A_directory_where_a_values_file_should_be_is_named()
    {
        var path = Path.Combine(directory, "values-qa-gcp.yaml");
        Directory.CreateDirectory(path);
        (await Should.ThrowAsync<ValuesFileException>(() => ValuesFileText.ReadAsync(path, CancellationToken.None))).Message
            .ShouldBe($"{path}: is a directory, not a values file");
    }

    [Fact]
    public async Task A_values_file_that_is_not_utf8_names_the_line()
    {
        var path = Path.Combine(directory, "values-qa-gcp.yaml");
        await File.WriteAllBytesAsync(path, [.. "global:\n  name: caf"u8.ToArray(), 0xE9, (byte)'\n']);
        (await Should.ThrowAsync<ValuesFileException>(() => ValuesFileText.ReadAsync(path, CancellationToken.None))).Message
            .ShouldBe($"{path}:2: not UTF-8 text; save it as UTF-8");
    }
}
