using GitOps.Platform.Clouds;

namespace GitOps.Platform.Tests.Clouds;

public sealed class ClusterKeyTests
{
    [Fact]
    public void Environment_and_management_clusters_of_a_stage_have_distinct_names()
    {
        var environment = ClusterKey.Environment("qa-int", "gcp");
        var management = ClusterKey.Management("qa-int");

        environment.ToString().ShouldBe("qa-int-gcp");
        environment.IsManagement.ShouldBeFalse();
        management.ToString().ShouldBe("qa-int-mgmt");
        management.IsManagement.ShouldBeTrue();
        ClusterKey.Environment("dev", "gcp").ShouldBe(ClusterKey.Environment("dev", "gcp"));
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("Dev")]
    [InlineData("")]
    [InlineData("dev/gcp")]
    public void Names_that_could_leave_the_temp_folder_are_refused(string stage)
    {
        var failure = Should.Throw<ArgumentException>(() => ClusterKey.Environment(stage, "gcp"));

        failure.Message.ShouldStartWith($"'{stage}' is not a valid stage name; use lowercase letters, digits and hyphens");
    }
}
