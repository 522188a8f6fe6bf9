using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace GitOps.Targets;

/// <summary>The fluent definition of one target. Semantics follow NUKE's documentation.</summary>
public interface ITargetDefinition
{
    /// <summary>One line shown by <c>--help</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>Pulls the targets into the plan and runs them first.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>The inverse of DependsOn: the given targets depend on this one.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Orders this target after the given ones when both are planned; pulls nothing in.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Orders this target before the given ones when both are planned; pulls nothing in.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>Adds the given targets to the plan, to run after this one.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>The inverse of Triggers: running any of the given targets adds this one after it.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>
    /// Fails the build before anything runs when the value is null, empty or false:
    /// <c>Requires(() => Stage)</c> names the parameter's flag and variable.
    /// </summary>
    ITargetDefinition Requires<T>(Expression<Func<T>> requirement, [CallerArgumentExpression(nameof(requirement))] string expression = "");

    /// <summary>Fails before anything runs when the tool is missing and cannot be installed, saying how to get it.</summary>
    ITargetDefinition Requires(ToolRequirement tool);

    /// <summary>
    /// Evaluated before anything runs; false skips this target and what only it needed. <paramref name="skipReason"/>
    /// is what --plan and the log say then (e.g. "--version is set"); without it, the condition's source text.
    /// </summary>
    ITargetDefinition OnlyWhenStatic(Func<bool> condition, string? skipReason = null, [CallerArgumentExpression(nameof(condition))] string expression = "");

    /// <summary>Evaluated just before the target runs; false skips it.</summary>
    ITargetDefinition OnlyWhenDynamic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string expression = "");

    /// <summary>A failure of this target does not stop the build: targets that do not depend on it still run.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Runs even after failures or Ctrl+C (cleanup, reports).</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hidden from <c>--help</c> (still runnable).</summary>
    ITargetDefinition Unlisted();

    ITargetDefinition Executes(Func<CancellationToken, Task> action);

    ITargetDefinition Executes(Func<Task> action);

    ITargetDefinition Executes(Action action);
}
