namespace GitOps.Targets;

/// <summary>
/// A target as NUKE declares it: <c>Target Provision => _ => _.DependsOn(Verify).Executes(...)</c>.
/// The build's property name is the target's name; the delegate fills in its definition.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);
