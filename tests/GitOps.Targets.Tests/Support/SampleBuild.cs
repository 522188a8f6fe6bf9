using GitOps.Targets.Errors;
using GitOps.Targets.Output;
using GitOps.Targets.Parameters;
using GitOps.Targets.Tooling;

namespace GitOps.Targets.Tests.Support;

public enum Flavour
{
    Plain,
    ExtraHot,
}

/// <summary>A small build exercising every modifier; each target records that it ran.</summary>
internal sealed class SampleBuild : BuildScript
{
    [Parameter("Flavour to use.")]
    private readonly Flavour? Flavour;

    [Parameter("How many.")]
    private readonly int Count = 1;

    [Parameter("Some names.")]
    private readonly string[] Names = [];

    [Parameter("A flag.")]
    private readonly bool Flag;

    [Parameter("An access token."), Secret]
    private readonly string? Token;

    [Parameter("Lowers a gate.", CommandLineOnly = true)]
    private readonly bool Override;

    [Parameter("A command to run.", NotFromPipelineVariables = true)]
    private readonly string? Command;

    [Parameter("Pipeline mode.")]
    private readonly bool Pipeline;

    [Parameter("A wait.")]
    private readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static int arrivals;
    private static TaskCompletionSource meeting = new();

    public static void ResetMeeting()
    {
        arrivals = 0;
        meeting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    internal Target Clean => _ => _.Description("Cleans.").Executes(() => Ran("Clean"));

    internal Target Restore => _ => _.Description("Restores.").Executes(() => Ran("Restore"));

    internal Target Compile => _ => _.Description("Compiles.").DependsOn(Restore).After(Clean).Executes(() => Ran("Compile"));

    internal Target UnitTest => _ => _.DependsOn(Compile).Executes(() => Ran("UnitTest"));

    internal Target Publish => _ => _.DependsOn(UnitTest).Triggers(Notify).Requires(() => Flavour).Executes(() => Ran("Publish"));

    internal Target Notify => _ => _.Executes(() => Ran("Notify"));

    protected override bool InPipeline => Pipeline || base.InPipeline;

    internal Target Show => _ => _.Unlisted().Executes(() =>
        Ran($"Show flavour={Flavour} count={Count} names={string.Join('|', Names)} flag={Flag} wait={Wait} override={Override} command={Command}"));

    internal Target Fail => _ => _.Executes(() => throw new BuildFailedException("the thing broke"));

    internal Target AfterFail => _ => _.DependsOn(Fail).Executes(() => Ran("AfterFail"));

    internal Target Independent => _ => _.After(Fail).Executes(() => Ran("Independent"));

    internal Target FailsButProceeds => _ => _.ProceedAfterFailure().Executes(() => throw new BuildFailedException("tolerated"));

    internal Target AfterTolerated => _ => _.DependsOn(FailsButProceeds).Executes(() => Ran("AfterTolerated"));

    internal Target LaterThanTolerated => _ => _.After(FailsButProceeds).Executes(() => Ran("LaterThanTolerated"));

    internal Target Cleanup => _ => _.After(Fail, Hang).AssuredAfterFailure().Executes(() => Ran("Cleanup"));

    internal Target NotReady => _ => _.Executes(() => throw new TargetNotImplementedException("lands later"));

    internal Target Refuses => _ => _.Executes(() => throw new UsageException("nightly is never promoted"));

    internal Target Crashes => _ => _.Executes(() => throw new InvalidOperationException("surprise"));

    internal Target WhenFlag => _ => _.DependsOn(Restore).OnlyWhenStatic(() => Flag).Executes(() => Ran("WhenFlag"));

    internal Target WhenFlagLater => _ => _.OnlyWhenDynamic(() => Flag).Executes(() => Ran("WhenFlagLater"));

    internal Target Hang => _ => _.Executes(async cancellationToken =>
    {
        Ran("Hang");
        await Task.Delay(Timeout.Infinite, cancellationToken);
    });

    internal Target HangInTool => _ => _.Executes(async cancellationToken =>
    {
        var pidFile = Path.Combine(RootDirectory, "child.pid");
        await Tools.RunAsync(new ToolInvocation("sh", ["-c", $"echo $$ > '{pidFile}'; exec sleep 60"]), cancellationToken);
    });

    internal Target BackgroundChild => _ => _.Executes(async cancellationToken =>
        await Tools.RunAsync(new ToolInvocation("sh", ["-c", "sleep 30 & echo started"]), cancellationToken));

    internal Target Left => _ => _.Executes(async () => await MeetAsync("Left"));

    internal Target Right => _ => _.Executes(async () => await MeetAsync("Right"));

    internal Target Both => _ => _.DependsOn(Left, Right).Executes(() => Ran("Both"));

    internal Target Leak => _ => _.Executes(async cancellationToken =>
    {
        Log.Info($"token is {Token}");
        Secrets.Register("runtime-canary-value");
        Log.Warning("registered later: runtime-canary-value");
        await Tools.RunAsync(new ToolInvocation("sh", ["-c", $"echo child says {Token}; echo child err {Token} >&2"]), cancellationToken);
    });

    internal Target ToolFails => _ => _.Executes(async cancellationToken =>
        await Tools.RunAsync(new ToolInvocation("sh", ["-c", $"echo bad thing >&2; exit 3", Token ?? string.Empty]), cancellationToken));

    internal Target NeedsMissingTool => _ => _
        .Requires(new ToolRequirement("no-such-tool-xyz", "Install it with: apt-get install no-such-tool-xyz"))
        .Executes(() => Ran("NeedsMissingTool"));

    private void Ran(string entry) => BuildRun.Record(Host, entry);

    private async Task MeetAsync(string name)
    {
        Ran(name);
        Log.Info($"{name} arrived");
        if (Interlocked.Increment(ref arrivals) == 2)
        {
            meeting.TrySetResult();
        }

        // Both sides must be running at once for the meeting to happen; run one after the other, the first gives up.
        var other = name == "Left" ? "Right" : "Left";
        if (await Task.WhenAny(meeting.Task, Task.Delay(TimeSpan.FromSeconds(3))) != meeting.Task)
        {
            throw new BuildFailedException($"{name} never saw {other} running");
        }

        Log.Info($"{name} met {other}");
    }
}
