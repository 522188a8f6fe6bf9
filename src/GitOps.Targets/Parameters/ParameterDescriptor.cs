using System.Reflection;
using GitOps.Targets.Text;

namespace GitOps.Targets.Parameters;

/// <summary>One declared parameter: its member, spellings, type and allowed values.</summary>
internal sealed record ParameterDescriptor(MemberInfo Member, string Name, string Description, bool IsSecret)
{
    public bool CommandLineOnly { get; init; }

    public bool NotFromPipelineVariables { get; init; }

    public string Flag => "--" + Name;

    public string EnvironmentVariable => KebabCase.ToEnvironmentVariable(Name);

    public Type Type => Member is FieldInfo info ? info.FieldType : ((PropertyInfo)Member).PropertyType;

    public Type ElementType => ValueConverter.ElementTypeOf(Type);

    public bool IsArray => Type.IsArray;

    public bool IsBoolean => ElementType == typeof(bool);

    public IReadOnlyList<string>? AllowedValues => ValueConverter.AllowedValues(ElementType);

    public string TypeName => ValueConverter.DescribeType(Type);

    public object? GetValue(object build) =>
        Member is FieldInfo info ? info.GetValue(build) : ((PropertyInfo)Member).GetValue(build);

    public void SetValue(object build, object? value)
    {
        if (Member is FieldInfo info)
        {
            info.SetValue(build, value);
        }
        else
        {
            ((PropertyInfo)Member).SetValue(build, value);
        }
    }

    public static IReadOnlyList<ParameterDescriptor> Discover(Type buildType)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var members = new List<ParameterDescriptor>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var member in type.GetMembers(flags | BindingFlags.DeclaredOnly))
            {
                if (member.GetCustomAttribute<ParameterAttribute>() is { } attribute
                    && member is FieldInfo or PropertyInfo)
                {
                    members.Add(new ParameterDescriptor(
                        member,
                        attribute.Name ?? KebabCase.From(member.Name),
                        attribute.Description,
                        member.GetCustomAttribute<SecretAttribute>() is not null)
                    {
                        CommandLineOnly = attribute.CommandLineOnly,
                        NotFromPipelineVariables = attribute.NotFromPipelineVariables,
                    });
                }
            }
        }

        return [.. members.OrderBy(parameter => parameter.Name, StringComparer.Ordinal)];
    }
}
