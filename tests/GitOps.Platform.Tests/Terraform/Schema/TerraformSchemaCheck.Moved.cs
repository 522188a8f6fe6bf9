using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GitOps.Platform.Tests.Terraform.Schema;

internal sealed partial class TerraformSchemaCheck
{
    /// <summary>
    /// A moved block whose <c>to</c> names nothing the configuration declares, or whose <c>from</c> is still declared,
    /// is what plan rejects; a <c>to</c> key that the module call does not produce is worse: plan accepts it, moves the
    /// state to an instance that is then destroyed, and creates the real one anew. Each is checked through local
    /// module calls, keys against the literal lists and maps the call passes to the variables the for_each reads.
    /// </summary>
    private void CheckMovedBlocks(TerraformModuleFiles module, IReadOnlyDictionary<string, TerraformModuleFiles> byDirectory)
    {
        foreach (var file in module.Files)
        {
            var moves = file.Body["moved"]?.AsArray() ?? [];
            for (var index = 0; index < moves.Count; index++)
            {
                var move = moves[index]!.AsObject();
                var outline = file.Outline.Block("moved", index);
                var from = Unwrap(move["from"]);
                var to = Unwrap(move["to"]);
                if (ParseAddress(from) is { Modules.Count: 0 } old && module.Addresses.Contains(old.Resource))
                {
                    Add(file, outline?.LineOf("from") ?? 1, $"moved from {from}: the module still declares {old.Resource}");
                }

                if (ToProblem(module, to, byDirectory) is { } problem)
                {
                    Add(file, outline?.LineOf("to") ?? 1, $"moved to {to}: {problem}");
                }
            }
        }
    }

    private static string? ToProblem(TerraformModuleFiles root, string to, IReadOnlyDictionary<string, TerraformModuleFiles> byDirectory)
    {
        if (ParseAddress(to) is not { } address)
        {
            return "not a resource address";
        }

        var module = root;
        JsonObject? call = null;
        foreach (var name in address.Modules)
        {
            call = TerraformModuleFiles.Labelled(module.Files, "module").Where(block => block.Name == name).Select(block => block.Body).FirstOrDefault();
            var called = call is null ? null : CalledModule(module, name, byDirectory);
            if (called is null)
            {
                return $"no local module \"{name}\" is called there";
            }

            module = called;
        }

        var resource = module.Files.SelectMany(file => TerraformModuleFiles.TypedBlocks(file, "resource"))
            .Where(block => $"{block.Type}.{block.Name}" == address.Resource).Select(block => block.Body).FirstOrDefault();
        if (resource is null)
        {
            return $"{Path.GetFileName(module.Directory)} declares no {address.Resource}";
        }

        if (address.Key is not { } key)
        {
            return null;
        }

        if (resource["for_each"]?.ToString() is not { } forEach)
        {
            return resource.ContainsKey("count") && int.TryParse(key, out _) ? null : $"{address.Resource} has no for_each, so no instance [\"{key}\"]";
        }

        // The keys the call can produce: the elements of the lists, and the keys of the maps, it passes to the variables the for_each reads.
        var produced = VariableReference().Matches(forEach).Select(match => call?[match.Groups["name"].Value])
            .SelectMany(value => value switch
            {
                JsonArray list => list.Select(element => element?.ToString()),
                JsonObject map => map.Select(entry => entry.Key),
                _ => [],
            })
            .ToHashSet(StringComparer.Ordinal);
        return produced.Contains(key) ? null : $"the call gives {address.Resource} no instance [\"{key}\"] (it makes: {string.Join(", ", produced.Order(StringComparer.Ordinal))})";
    }

    private static string Unwrap(JsonNode? expression)
    {
        var text = expression?.ToString() ?? "";
        return text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}') ? text[2..^1] : text;
    }

    private static MovedAddress? ParseAddress(string address)
    {
        var match = MovedAddressPattern().Match(address);
        if (!match.Success)
        {
            return null;
        }

        var key = match.Groups["key"].Success ? match.Groups["key"].Value.Trim('"') : null;
        return new MovedAddress([.. match.Groups["module"].Captures.Select(capture => capture.Value)], match.Groups["resource"].Value, key);
    }

    [GeneratedRegex("""^(?:module\.(?<module>[A-Za-z_][\w-]*)\.)*(?<resource>[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*)(?:\[(?<key>"[^"]*"|\d+)\])?$""")]
    private static partial Regex MovedAddressPattern();

    [GeneratedRegex(@"\bvar\.(?<name>[A-Za-z_][\w-]*)")]
    private static partial Regex VariableReference();

    private sealed record MovedAddress(IReadOnlyList<string> Modules, string Resource, string? Key);
}
