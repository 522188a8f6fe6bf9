using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Toolchain;

/// <summary>
/// The pins of every tool the build may install, read from <c>.nuke/tool-pins.json</c> (committed, so a change of
/// version or checksum is reviewed like code). Every entry is checked when loaded: a malformed checksum or a platform
/// left out fails with <c>file:line</c>, so a typo can never turn into an unchecked install.
/// </summary>
public sealed partial class ToolPinTable
{
    public const string RelativePath = ".nuke/tool-pins.json";

    private readonly Dictionary<string, ToolPin> pins;

    public ToolPinTable(IEnumerable<ToolPin> pins)
    {
        ArgumentNullException.ThrowIfNull(pins);
        this.pins = pins.ToDictionary(pin => pin.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<ToolPin> Pins => pins.Values;

    /// <summary>The pin of <paramref name="tool"/>; a tool the table lacks is a mistake in the build, named plainly.</summary>
    public ToolPin this[string tool] => pins.TryGetValue(tool, out var pin)
        ? pin
        : throw new BuildFailedException($"{RelativePath} pins no '{tool}'; pinned: {string.Join(", ", pins.Keys.Order(StringComparer.Ordinal))}");

    /// <summary>Loads <c>.nuke/tool-pins.json</c> under <paramref name="repositoryRoot"/>.</summary>
    public static ToolPinTable Load(string repositoryRoot) => LoadFile(Path.Combine(repositoryRoot, RelativePath), RelativePath);

    public static ToolPinTable LoadFile(string path, string displayPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new BuildFailedException($"{displayPath}: not found; it pins the version and SHA-256 of every tool the build installs");
        }

        var text = File.ReadAllText(path, Encoding.UTF8);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new BuildFailedException($"{displayPath}:{(exception.LineNumber ?? 0) + 1}: not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var file = new PinFile(displayPath, text);
            file.Require(document.RootElement.ValueKind == JsonValueKind.Object, 1, "expected a JSON object of tools");
            return new ToolPinTable(document.RootElement.EnumerateObject()
                .Where(tool => !tool.Name.StartsWith('$'))
                .Select(tool => file.ReadPin(tool)).ToList());
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    /// <summary>Line numbers are found by the text they point at: the tool's key, or the offending value.</summary>
    private sealed class PinFile(string displayPath, string text)
    {
        public ToolPin ReadPin(JsonProperty tool)
        {
            var line = LineOf($"\"{tool.Name}\"");
            Require(tool.Value.ValueKind == JsonValueKind.Object, line, $"'{tool.Name}' must be an object");
            var pin = new ToolPin
            {
                Name = tool.Name,
                Version = ReadVersion(tool, "version"),
                MinimumOnPath = ReadVersion(tool, "minimumOnPath"),
                UrlTemplate = ReadString(tool, "url"),
                ExecutableTemplate = ReadString(tool, "executable"),
                Archive = ReadArchive(tool, "archive"),
                WindowsArchive = ReadArchive(tool, "windowsArchive"),
                VersionArguments = tool.Value.TryGetProperty("versionArguments", out var arguments) && arguments.ValueKind == JsonValueKind.Array
                    ? [.. arguments.EnumerateArray().Select(argument => argument.GetString() ?? string.Empty)]
                    : ["version"],
                Sha256 = ReadChecksums(tool),
            };
            // The pinned checksum, not the transport, is what makes a download trustworthy; so a plain-http mirror may serve it.
            Require(
                pin.UrlTemplate.StartsWith("https://", StringComparison.Ordinal) || pin.UrlTemplate.StartsWith("http://", StringComparison.Ordinal),
                LineOf(pin.UrlTemplate), $"{tool.Name}.url must be an http(s) URL");
            return pin;
        }

        public void Require(bool condition, int line, string message)
        {
            if (!condition)
            {
                throw new BuildFailedException($"{displayPath}:{line}: {message}");
            }
        }

        private string ReadString(JsonProperty tool, string name)
        {
            var found = tool.Value.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String;
            Require(found && value.GetString()!.Length > 0, LineOf($"\"{tool.Name}\""), $"{tool.Name}.{name} is missing or not a string");
            return value.GetString()!;
        }

        private Version ReadVersion(JsonProperty tool, string name)
        {
            var text = ReadString(tool, name);
            var parts = text.Split('.');
            Require(
                parts.Length == 3 && parts.All(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _)),
                LineOf(text), $"{tool.Name}.{name} '{text}' is not a version like 1.11.4");
            return Version.Parse(text);
        }

        private string ReadArchive(JsonProperty tool, string name)
        {
            if (!tool.Value.TryGetProperty(name, out _))
            {
                return "zip";
            }

            var archive = ReadString(tool, name);
            Require(archive is "zip" or "tar.gz", LineOf($"\"{name}\""), $"{tool.Name}.{name} '{archive}': allowed are zip, tar.gz");
            return archive;
        }

        private Dictionary<string, string?> ReadChecksums(JsonProperty tool)
        {
            Require(
                tool.Value.TryGetProperty("sha256", out var table) && table.ValueKind == JsonValueKind.Object,
                LineOf($"\"{tool.Name}\""), $"{tool.Name}.sha256 must be an object with one entry per platform");
            var checksums = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var entry in table.EnumerateObject())
            {
                var line = LineOf($"\"{entry.Name}\": {entry.Value.GetRawText()}");
                Require(ToolPlatform.Supported.Any(platform => platform.Key == entry.Name), line,
                    $"{tool.Name}.sha256: unknown platform '{entry.Name}'; allowed: {string.Join(", ", ToolPlatform.Supported)}");
                var value = entry.Value.ValueKind == JsonValueKind.Null ? null : entry.Value.GetString();
                Require(entry.Value.ValueKind == JsonValueKind.Null || (value is not null && Sha256Hex().IsMatch(value)), line,
                    $"{tool.Name}.sha256.{entry.Name} must be 64 lower-case hex characters, or null when there is no build for that platform");
                checksums[entry.Name] = value;
            }

            var missing = ToolPlatform.Supported.Where(platform => !checksums.ContainsKey(platform.Key)).ToList();
            Require(missing.Count == 0, LineOf($"\"{tool.Name}\""),
                $"{tool.Name}.sha256 lacks {string.Join(", ", missing)}: give each platform its checksum, or null when the tool publishes no build for it");
            return checksums;
        }

        private int LineOf(string fragment)
        {
            var index = text.IndexOf(fragment, StringComparison.Ordinal);
            return index < 0 ? 1 : text.AsSpan(0, index).Count('\n') + 1;
        }
    }
}
