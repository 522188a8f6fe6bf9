using System.Linq.Expressions;
using System.Reflection;

namespace GitOps.Targets.Definition;

/// <summary>
/// A <c>Requires(() => X)</c>: satisfied when X is not null, not empty and not false.
/// When X is a parameter member, <see cref="Member"/> names it so the error can say which flag and variable to set.
/// </summary>
internal sealed record Requirement(Func<object?> Evaluate, string Expression, MemberInfo? Member)
{
    public static Requirement From<T>(Expression<Func<T>> expression, string text)
    {
        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert
            ? convert.Operand
            : expression.Body;
        var member = body is MemberExpression { Member: FieldInfo or PropertyInfo } access ? access.Member : null;
        // Interpretation avoids emitting IL for a lambda that runs once.
        var compiled = expression.Compile(preferInterpretation: true);
        return new Requirement(() => compiled(), text, member);
    }

    public bool IsSatisfied() => Check() is null;

    /// <summary>Null when satisfied; otherwise the <see cref="RequirementUnmet"/> it returned, or an empty one.</summary>
    public RequirementUnmet? Check()
    {
        var value = Evaluate();
        var satisfied = value switch
        {
            null => false,
            RequirementUnmet => false,
            bool flag => flag,
            string text => !string.IsNullOrWhiteSpace(text),
            System.Collections.ICollection collection => collection.Count > 0,
            _ => true,
        };
        return satisfied ? null : value as RequirementUnmet ?? new RequirementUnmet(string.Empty);
    }
}
