using System.Globalization;
using GitOps.Targets.Errors;
using GitOps.Targets.Text;

namespace GitOps.Targets.Parameters;

/// <summary>Turns text from the command line, variables or JSON into typed parameter values, or says what is allowed.</summary>
internal static class ValueConverter
{
    /// <summary>Every spelling of a boolean the command line, variables and files accept.</summary>
    public static readonly IReadOnlyList<string> BooleanValues = ["true", "false", "yes", "no", "on", "off", "1", "0"];

    public static Type ElementTypeOf(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        return Nullable.GetUnderlyingType(element) ?? element;
    }

    public static IReadOnlyList<string>? AllowedValues(Type elementType) =>
        elementType.IsEnum ? [.. Enum.GetNames(elementType).Select(KebabCase.From)]
        : elementType == typeof(bool) ? BooleanValues
        : null;

    public static string DescribeType(Type type)
    {
        var element = ElementTypeOf(type);
        var name = element.IsEnum ? string.Join('|', AllowedValues(element)!)
            : element == typeof(bool) ? "bool"
            : element == typeof(int) ? "int"
            : element == typeof(TimeSpan) ? "duration"
            : "string";
        return type.IsArray ? name + "[]" : name;
    }

    /// <summary>Converts; <paramref name="origin"/> says where the text came from, for the error.</summary>
    public static object? Convert(ParameterDescriptor parameter, IReadOnlyList<string> values, string origin)
    {
        if (parameter.IsArray)
        {
            var items = values.SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(value => ConvertOne(parameter, value, origin)).ToArray();
            var array = Array.CreateInstance(parameter.Type.GetElementType()!, items.Length);
            for (var i = 0; i < items.Length; i++)
            {
                array.SetValue(items[i], i);
            }

            return array;
        }

        if (values.Count == 0)
        {
            return parameter.IsBoolean
                ? true
                : throw new UsageException($"{Where(origin, parameter)}{parameter.Flag} needs a value{AllowedSuffix(parameter)}.");
        }

        if (values.Count > 1)
        {
            throw new UsageException($"{Where(origin, parameter)}{parameter.Flag} takes one value, got {values.Count}: {string.Join(' ', values)}.");
        }

        return ConvertOne(parameter, values[0], origin);
    }

    private static object ConvertOne(ParameterDescriptor parameter, string text, string origin)
    {
        var type = parameter.ElementType;
        if (type == typeof(string))
        {
            return text;
        }

        if (type.IsEnum)
        {
            var match = Enum.GetNames(type).FirstOrDefault(name =>
                string.Equals(KebabCase.From(name), text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
            return match is not null ? Enum.Parse(type, match) : throw Invalid(parameter, text, origin);
        }

        if (type == typeof(bool))
        {
            return text.ToUpperInvariant() switch
            {
                "TRUE" or "1" or "YES" or "ON" => true,
                "FALSE" or "0" or "NO" or "OFF" => false,
                _ => throw Invalid(parameter, text, origin),
            };
        }

        if (type == typeof(int))
        {
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new UsageException($"{Where(origin, parameter)}{parameter.Flag} must be a whole number from {int.MinValue} to {int.MaxValue}, got '{text}'.");
        }

        if (type == typeof(TimeSpan))
        {
            return Duration.TryParse(text, out var duration)
                ? duration
                : throw new UsageException($"{Where(origin, parameter)}{parameter.Flag} must be {Duration.Allowed}, got '{text}'.");
        }

        throw new InvalidOperationException($"Parameter {parameter.Name} has unsupported type {type.Name}.");
    }

    /// <summary>Where the text came from, unless that is the flag itself (the message names the flag anyway).</summary>
    private static string Where(string origin, ParameterDescriptor parameter) => origin == parameter.Flag ? string.Empty : origin + ": ";

    private static UsageException Invalid(ParameterDescriptor parameter, string text, string origin) =>
        new($"{origin}: '{text}' is not a valid value{(origin == parameter.Flag ? string.Empty : " for " + parameter.Flag)}{AllowedSuffix(parameter)}."
            + Suggestion.DidYouMean(text, parameter.AllowedValues ?? []));

    private static string AllowedSuffix(ParameterDescriptor parameter) =>
        parameter.AllowedValues is { } allowed ? $"; allowed values: {Text.AllowedValues.List(allowed)}" : string.Empty;
}
