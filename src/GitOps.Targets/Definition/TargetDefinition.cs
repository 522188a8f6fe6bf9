using System.Linq.Expressions;

namespace GitOps.Targets.Definition;

/// <summary>Collects what a target's fluent definition says; turned into an immutable <see cref="Planning.TargetNode"/>.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }

    public List<Target> Dependencies { get; } = [];

    public List<Target> Dependents { get; } = [];

    public List<Target> RunsAfter { get; } = [];

    public List<Target> RunsBefore { get; } = [];

    public List<Target> TriggersTargets { get; } = [];

    public List<Target> TriggeredByTargets { get; } = [];

    public List<Requirement> Requirements { get; } = [];

    public List<ToolRequirement> Tools { get; } = [];

    public List<Condition> StaticConditions { get; } = [];

    public List<Condition> DynamicConditions { get; } = [];

    public List<Func<CancellationToken, Task>> Actions { get; } = [];

    public bool IsProceedAfterFailure { get; private set; }

    public bool IsAssuredAfterFailure { get; private set; }

    public bool IsUnlisted { get; private set; }

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => Add(Dependencies, targets);

    public ITargetDefinition DependentFor(params Target[] targets) => Add(Dependents, targets);

    public ITargetDefinition After(params Target[] targets) => Add(RunsAfter, targets);

    public ITargetDefinition Before(params Target[] targets) => Add(RunsBefore, targets);

    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersTargets, targets);

    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);

    public ITargetDefinition Requires<T>(Expression<Func<T>> requirement, string expression = "")
    {
        ArgumentNullException.ThrowIfNull(requirement);
        Requirements.Add(Requirement.From(requirement, ExpressionText.Clean(expression)));
        return this;
    }

    public ITargetDefinition Requires(ToolRequirement tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        Tools.Add(tool);
        return this;
    }

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string? skipReason = null, string expression = "")
    {
        var text = ExpressionText.Clean(expression);
        StaticConditions.Add(new Condition(condition, text) { SkipReason = skipReason ?? text });
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string expression = "")
    {
        DynamicConditions.Add(new Condition(condition, ExpressionText.Clean(expression)));
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        IsProceedAfterFailure = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        IsAssuredAfterFailure = true;
        return this;
    }

    public ITargetDefinition Unlisted()
    {
        IsUnlisted = true;
        return this;
    }

    public ITargetDefinition Executes(Func<CancellationToken, Task> action)
    {
        Actions.Add(action);
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(_ => action());
        return this;
    }

    public ITargetDefinition Executes(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(_ =>
        {
            action();
            return Task.CompletedTask;
        });
        return this;
    }

    private TargetDefinition Add(List<Target> list, Target[] targets)
    {
        list.AddRange(targets);
        return this;
    }
}
