using GitOps.Platform.Environments.Pins;
using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Environments;

/// <summary>
/// Reads a promoted environment's release from its parent Application in <c>app-of-apps-&lt;stage&gt;.yaml</c>:
/// <c>helm.parameters: [{name: deployedRelease, value: "1.4.2", forceString: true}]</c> on the chart source.
/// The release lives there, not in the values file, because a promoted stage's values file is read at its pin (chart and
/// values of one commit: Argo CD refuses one repository at two revisions), while the parent file stays on main under the
/// root Application: one promotion MR then moves release and pin in one file. A helm parameter (not valuesObject) because
/// Argo CD passes it as <c>--set-string</c>, which keeps <c>1.10</c> a string and wins over every values file.
/// </summary>
public static class ParentReleases
{
    public const string Parameter = "deployedRelease";

    /// <summary>The Application of <paramref name="environment"/> in its stage's parent file.</summary>
    public static string ApplicationName(EnvironmentId environment) => EnvironmentLayout.ReleaseName(environment);

    /// <exception cref="ConfigurationPinException">The parent file is missing or unreadable, or names no release for the environment (file:line).</exception>
    public static ParentRelease Read(string repositoryRoot, EnvironmentId environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        var file = EnvironmentLayout.AppOfAppsFile(environment.Stage);
        var path = EnvironmentLayout.Resolve(repositoryRoot, file);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationPinException([new ConfigurationPinError(file, 0, $"cannot be read ({error.Message}); it names {environment}'s release")]);
        }

        return Parse(text, file, environment);
    }

    /// <exception cref="ConfigurationPinException">The text names no usable release for the environment (file:line).</exception>
    public static ParentRelease Parse(string yaml, string file, EnvironmentId environment) =>
        TryParse(yaml, file, environment, out var release, out var error) ? release : throw new ConfigurationPinException([error]);

    /// <summary>As <see cref="Parse"/>, returning the error instead of throwing (Verify reports it as a finding).</summary>
    public static bool TryParse(string yaml, string file, EnvironmentId environment, out ParentRelease release, out ConfigurationPinError error)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        release = null!;
        error = null!;
        if (!YamlText.TryLoad(yaml, out var stream, out var errorLine, out var message))
        {
            error = new ConfigurationPinError(file, errorLine, $"is not valid YAML ({message}), so {environment}'s release cannot be read");
            return false;
        }

        return TryRead(stream, file, environment, out release, out error);
    }

    internal static bool TryRead(YamlStream stream, string file, EnvironmentId environment, out ParentRelease release, out ConfigurationPinError error)
    {
        release = null!;
        error = null!;
        var name = ApplicationName(environment);
        var source = ChartSources.In(stream).FirstOrDefault(candidate => candidate.ApplicationName == name);
        if (source is null)
        {
            error = new ConfigurationPinError(file, 0, $"has no Application {name} rendering {EnvironmentLayout.ChartDirectory}; it names {environment}'s release");
            return false;
        }

        var parameters = source.Source.At("helm", "parameters").Items().Where(parameter => parameter.Child("name").Text() == Parameter).ToList();
        if (parameters.Count != 1 || parameters[0].Child("value") is not YamlScalarNode value || string.IsNullOrWhiteSpace(value.Value))
        {
            var line = parameters.Skip(1).FirstOrDefault()?.Line() ?? parameters.FirstOrDefault()?.Line() ?? source.Source.Line();
            error = new ConfigurationPinError(file, line,
                $"Application {name} needs exactly one helm parameter {Parameter} with a value (found {parameters.Count}); "
                + $"a promoted stage's release is written there, e.g. parameters: [{{name: {Parameter}, value: \"1.4.2\", forceString: true}}]");
            return false;
        }

        if (parameters[0].Child("forceString").Text() != "true")
        {
            error = new ConfigurationPinError(file, parameters[0].Line(),
                $"Application {name}'s helm parameter {Parameter} lacks forceString: true; without it helm reads a release such as 1.10 as a number");
            return false;
        }

        release = new ParentRelease(environment, value.Value.Trim(), file, value.Line());
        return true;
    }
}
