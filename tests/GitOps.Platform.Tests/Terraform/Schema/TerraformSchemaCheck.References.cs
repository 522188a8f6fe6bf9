using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GitOps.Platform.Tests.Terraform.Schema;

internal sealed partial class TerraformSchemaCheck
{
    private void CheckReferences(TerraformModuleFiles module, TerraformFile file, IReadOnlyDictionary<string, TerraformModuleFiles> byDirectory)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        // removed and moved blocks name addresses the configuration (deliberately) no longer declares.
        var body = file.Body.DeepClone().AsObject();
        body.Remove("removed");
        body.Remove("moved");
        foreach (var expression in Interpolations(body))
        {
            foreach (Match reference in ResourceReference().Matches(expression))
            {
                var problem = ResourceReferenceProblem(module, reference);
                Report(reference.Value, problem);
            }

            foreach (Match reference in NamedReference().Matches(expression))
            {
                var name = reference.Groups["name"].Value;
                var problem = reference.Groups["kind"].Value switch
                {
                    "var" when !module.Variables.ContainsKey(name) => $"'{reference.Value}': the module declares no variable \"{name}\"",
                    "local" when !module.Locals.Contains(name) => $"'{reference.Value}': the module declares no local '{name}'",
                    "module" => ModuleReferenceProblem(module, reference, byDirectory),
                    _ => null,
                };
                Report(reference.Value, problem);
            }
        }

        void Report(string reference, string? problem)
        {
            if (problem is not null && reported.Add(problem))
            {
                Add(file, file.LineContaining(reference, 1), problem);
            }
        }
    }

    private string? ResourceReferenceProblem(TerraformModuleFiles module, Match reference)
    {
        var isData = reference.Groups["data"].Success;
        var type = reference.Groups["type"].Value;
        var address = $"{(isData ? "data." : "")}{type}.{reference.Groups["name"].Value}";
        if (!module.Addresses.Contains(address))
        {
            return $"'{reference.Value}': the module declares no {address}";
        }

        if (!(isData ? schema.DataSources : schema.Resources).TryGetValue(type, out var resource) || !reference.Groups["attribute"].Success)
        {
            return null;
        }

        var attribute = reference.Groups["attribute"].Value;
        if (!resource.Exported.Attributes.TryGetValue(attribute, out var nested))
        {
            return resource.Body.Accepts(attribute) || attribute == "id"
                ? null
                : $"'{reference.Value}': {type} does not export '{attribute}' in hashicorp/google {schema.Version}{Closest(attribute, resource.Exported.Attributes.Keys)}";
        }

        var inner = reference.Groups["inner"];
        return inner.Success && !nested.IsEmpty && !nested.Attributes.ContainsKey(inner.Value)
            ? $"'{reference.Value}': {type}'s {attribute} does not export '{inner.Value}'{Closest(inner.Value, nested.Attributes.Keys)}"
            : null;
    }

    private static string? ModuleReferenceProblem(TerraformModuleFiles module, Match reference, IReadOnlyDictionary<string, TerraformModuleFiles> byDirectory)
    {
        var name = reference.Groups["name"].Value;
        if (!module.Modules.Contains(name))
        {
            return $"'{reference.Value}': the module calls no module \"{name}\"";
        }

        var called = CalledModule(module, name, byDirectory);
        var output = reference.Groups["attribute"];
        return called is not null && output.Success && !called.Outputs.Contains(output.Value)
            ? $"'{reference.Value}': module \"{name}\" ({Path.GetFileName(called.Directory)}) has no output \"{output.Value}\""
            : null;
    }

    /// <summary>The text inside every <c>${...}</c> of every string in the body: Terraform's expressions in HCL's JSON form.</summary>
    private static IEnumerable<string> Interpolations(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject body:
                return body.SelectMany(member => Interpolations(member.Value));
            case JsonArray items:
                return items.SelectMany(Interpolations);
            case JsonValue value when value.TryGetValue<string>(out var text):
                return InterpolationsIn(text);
            default:
                return [];
        }
    }

    private static IEnumerable<string> InterpolationsIn(string text)
    {
        for (var start = text.IndexOf("${", StringComparison.Ordinal); start >= 0; start = text.IndexOf("${", start + 2, StringComparison.Ordinal))
        {
            var depth = 0;
            for (var end = start + 1; end < text.Length; end++)
            {
                depth += text[end] == '{' ? 1 : text[end] == '}' ? -1 : 0;
                if (depth == 0)
                {
                    yield return text[(start + 2)..end];
                    start = end - 1;
                    break;
                }
            }
        }
    }

    [GeneratedRegex(@"(?<![\w.\-])(?<data>data\.)?(?<type>google_[a-z0-9_]+)\.(?<name>[A-Za-z_][\w-]*)(?:\[[^\]]*\])?(?:\.(?<attribute>[a-z_][a-z0-9_]*)(?:\[[^\]]*\])?(?:\.(?<inner>[a-z_][a-z0-9_]*))?)?")]
    private static partial Regex ResourceReference();

    [GeneratedRegex(@"(?<![\w.\-])(?<kind>var|local|module)\.(?<name>[A-Za-z_][\w-]*)(?:\[[^\]]*\])?(?:\.(?<attribute>[A-Za-z_][\w-]*))?")]
    private static partial Regex NamedReference();
}
