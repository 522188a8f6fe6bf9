using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Environments.Yaml;

/// <summary>Parses YAML text into nodes that know their lines; a syntax error becomes one plain message with its line.</summary>
internal static class YamlText
{
    public static bool TryLoad(string text, out YamlStream stream, out int errorLine, out string error)
    {
        stream = new YamlStream();
        (errorLine, error) = (0, string.Empty);
        try
        {
            stream.Load(new StringReader(text));
            return true;
        }
        catch (YamlException exception)
        {
            var (line, column) = YamlSyntax.Position(exception);
            (errorLine, error) = (line, $"{YamlSyntax.Describe(exception.Message)} (column {column})");
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner throws this (without a position) on some unterminated flow collections.
            (errorLine, error) = (1, YamlSyntax.Describe(exception.Message));
        }

        return false;
    }
}
