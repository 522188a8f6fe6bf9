using GitOps.Platform.Verification.Checks;

namespace GitOps.Platform.Tests.Verification;

public sealed class SmallRuleTests
{
    [Theory]
    [InlineData("password: <path:eurodat/data/prod/db#password>")]
    [InlineData("password: <path:eurodat/data/prod/db#password#3>")]
    [InlineData("bucket: s3://<path:dso/data/env/values#backup | jsonPath {.s3BucketName}>/cnpg")]
    [InlineData("# e.g. <path:broken")]
    [InlineData("plain: value")]
    public void Well_formed_placeholders_pass(string line) => PlaceholderRule.Problems(line).ShouldBeEmpty();

    [Theory]
    [InlineData("password: <path:eurodat/data/prod/db>", "is malformed")]
    [InlineData("password: <path:eurodat/data/prod/db#password", "is not closed")]
    [InlineData("password: <path: eurodat/db#password>", "is malformed")]
    [InlineData("password: <path:eurodat/db#>", "is malformed")]
    public void Malformed_placeholders_are_named(string line, string problem) =>
        PlaceholderRule.Problems(line).Single().ShouldContain(problem);

    [Theory]
    [InlineData("kubeconfig", true)]
    [InlineData("environments/qa/kubeconfig-qa-gcp", true)]
    [InlineData("admin.kubeconfig", true)]
    [InlineData("terraform/terraform.tfstate", true)]
    [InlineData("terraform/terraform.tfstate.backup", true)]
    [InlineData(".env", true)]
    [InlineData("boot/.env.local", true)]
    [InlineData("boot/.env.example", false)]
    [InlineData("environments/qa/values-qa-gcp.yaml", false)]
    [InlineData("src/Environment.cs", false)]
    public void Credential_files_are_recognised(string path, bool sensitive) => TrackedFilesRule.IsSensitive(path).ShouldBe(sensitive);
}
