using GitOps.Platform.Verification.Checks;

namespace GitOps.Platform.Tests.Verification;

/// <summary>What a Verify run's checks get when they read the same YAML file.</summary>
public sealed class YamlFileTests
{
    [Fact]
    public void A_file_several_checks_read_is_parsed_once_per_run_and_an_unreadable_one_reported_once()
    {
        var root = Directory.CreateTempSubdirectory("gitops-yaml-file-");
        try
        {
            File.WriteAllText(Path.Combine(root.FullName, "good.yaml"), "kind: Application\nmetadata: { name: a }\n");
            File.WriteAllText(Path.Combine(root.FullName, "bad.yaml"), "a: [unclosed\n");
            var run = new RepositoryFiles(root.FullName);
            var sink = new FindingSink();

            var first = YamlFile.Read(run, "good.yaml", sink);
            var second = YamlFile.Read(run, "good.yaml", sink);
            YamlFile.Read(run, "bad.yaml", sink).ShouldBeNull();
            YamlFile.Read(run, "bad.yaml", sink).ShouldBeNull();

            first.ShouldNotBeNull();
            second.ShouldBeSameAs(first);
            YamlFile.Read(new RepositoryFiles(root.FullName), "good.yaml", sink).ShouldNotBeSameAs(first, "another run reads the file again");
            sink.Collate().ShouldHaveSingleItem().File.ShouldBe("bad.yaml");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
