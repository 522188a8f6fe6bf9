using System.Text;

namespace GitOps.Platform.Environments;

/// <summary>The kebab-case spelling of stages and clouds used on the command line, in files and in cluster names.</summary>
public static class EnvironmentNames
{
    public static IReadOnlyList<string> StageNames { get; } = [.. Enum.GetValues<Stage>().Select(ToName)];

    public static IReadOnlyList<string> CloudNames { get; } = [.. Enum.GetValues<Cloud>().Select(ToName)];

    public static string ToName(this Stage stage) => Kebab(stage);

    public static string ToName(this Cloud cloud) => Kebab(cloud);

    public static bool TryParseStage(string? name, out Stage stage) => TryParse(name, out stage);

    public static bool TryParseCloud(string? name, out Cloud cloud) => TryParse(name, out cloud);

    public static Stage ParseStage(string name) => TryParseStage(name, out var stage)
        ? stage
        : throw new ArgumentException($"unknown stage '{name}'; allowed: {string.Join(", ", StageNames)}", nameof(name));

    public static Cloud ParseCloud(string name) => TryParseCloud(name, out var cloud)
        ? cloud
        : throw new ArgumentException($"unknown cloud '{name}'; allowed: {string.Join(", ", CloudNames)}", nameof(name));

    internal static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var pascal = value.ToString();
        var kebab = new StringBuilder(pascal.Length + 4);
        for (var index = 0; index < pascal.Length; index++)
        {
            if (char.IsUpper(pascal[index]) && index > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(pascal[index]));
        }

        return kebab.ToString();
    }

    // Only the exact kebab spelling is accepted, so "QaInt", "qaint" or "1" never pass as a stage.
    internal static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Kebab(candidate), name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
