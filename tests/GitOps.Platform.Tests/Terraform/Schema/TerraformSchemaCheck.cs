using System.Text.Json.Nodes;

namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>
/// The oracle for `terraform validate` where the provider cannot be downloaded: every resource, data source and
/// provider block of the google provider is checked against its real schema (unknown argument or block, missing
/// required argument or block, argument written as a block), every reference against what the resource exports and
/// what the module declares, every local module call against the called module's variables and outputs, and every
/// moved block against what it moves from and to.
/// </summary>
internal sealed partial class TerraformSchemaCheck(ProviderSchema schema)
{
    private static readonly HashSet<string> ResourceMetaArguments = new(StringComparer.Ordinal)
    {
        "count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection",
    };

    private static readonly HashSet<string> ModuleMetaArguments = new(StringComparer.Ordinal)
    {
        "source", "version", "providers", "count", "for_each", "depends_on",
    };

    private readonly List<SchemaFinding> findings = [];

    /// <summary>Checks modules that may call each other (by relative source paths); returns every finding.</summary>
    public IReadOnlyList<SchemaFinding> Check(IReadOnlyList<TerraformModuleFiles> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        var byDirectory = modules.ToDictionary(module => Path.GetFullPath(module.Directory), StringComparer.Ordinal);
        foreach (var module in modules)
        {
            foreach (var file in module.Files)
            {
                CheckResources(file, "resource", schema.Resources);
                CheckResources(file, "data", schema.DataSources);
                CheckProviders(file);
                CheckReferences(module, file, byDirectory);
            }

            CheckModuleCalls(module, byDirectory);
            CheckMovedBlocks(module, byDirectory);
        }

        return [.. findings.OrderBy(finding => finding.File, StringComparer.Ordinal).ThenBy(finding => finding.Line)];
    }

    private void CheckResources(TerraformFile file, string kind, IReadOnlyDictionary<string, ResourceSchema> known)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (type, name, body) in TerraformModuleFiles.TypedBlocks(file, kind))
        {
            var key = $"{type}.{name}";
            var index = counts[key] = counts.GetValueOrDefault(key, -1) + 1;
            var outline = file.Outline.Block(kind, index, type, name);
            var address = kind == "data" ? $"data.{key}" : key;
            if (!type.StartsWith("google_", StringComparison.Ordinal))
            {
                continue;
            }

            if (!known.TryGetValue(type, out var resource))
            {
                Add(file, outline?.Line ?? 1, $"{address}: hashicorp/google {schema.Version} has no {(kind == "data" ? "data source" : "resource")} type '{type}'");
                continue;
            }

            CheckBody(file, body, resource.Body, outline, address, ResourceMetaArguments);
        }
    }

    private void CheckProviders(TerraformFile file)
    {
        var index = 0;
        foreach (var (name, body, _) in TerraformModuleFiles.Labelled([file], "provider"))
        {
            if (name == "google")
            {
                CheckBody(file, body, schema.ProviderConfig, file.Outline.Block("provider", index++, name), "provider \"google\"", new HashSet<string>(StringComparer.Ordinal) { "alias" });
            }
        }
    }

    private void CheckBody(TerraformFile file, JsonObject body, SchemaBlock block, HclOutlineBlock? outline, string address, HashSet<string> metaArguments)
    {
        var line = outline?.Line ?? 1;
        var dynamicBlocks = body["dynamic"]?.AsObject().Select(dynamic => dynamic.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (name, value) in body)
        {
            if (metaArguments.Contains(name))
            {
                continue;
            }

            if (name == "dynamic")
            {
                CheckDynamicBlocks(file, value!.AsObject(), block, outline, address);
            }
            else if (block.Arguments.ContainsKey(name))
            {
                if (outline?.WritesAsBlock(name) == true)
                {
                    Add(file, outline.LineOf(name), $"{address}: '{name}' is an argument, not a block: write {name} = ...");
                }
            }
            else if (block.Blocks.TryGetValue(name, out var nested))
            {
                CheckNestedBlocks(file, name, value, nested.Block, outline, address);
            }
            else
            {
                Add(file, outline?.LineOf(name) ?? line, $"{address}: unknown argument or block '{name}' in hashicorp/google {schema.Version}{Closest(name, block.Names)}");
            }
        }

        foreach (var (name, _) in block.Arguments.Where(argument => argument.Value && !body.ContainsKey(argument.Key)))
        {
            Add(file, line, $"{address}: missing required argument '{name}'");
        }

        foreach (var (name, _) in block.Blocks.Where(nested => nested.Value.Required && !body.ContainsKey(nested.Key) && !dynamicBlocks.Contains(nested.Key)))
        {
            Add(file, line, $"{address}: missing required block '{name}'");
        }
    }

    private void CheckNestedBlocks(TerraformFile file, string name, JsonNode? value, SchemaBlock block, HclOutlineBlock? outline, string address)
    {
        // An expression (`x = var.y`) may stand for a nested attribute object; only written blocks are checked inside.
        if (value is not JsonArray instances)
        {
            return;
        }

        for (var index = 0; index < instances.Count; index++)
        {
            if (instances[index] is JsonObject instance)
            {
                CheckBody(file, instance, block, outline?.Block(name, index), $"{address}.{name}", new HashSet<string>(StringComparer.Ordinal));
            }
        }
    }

    private void CheckDynamicBlocks(TerraformFile file, JsonObject dynamics, SchemaBlock block, HclOutlineBlock? outline, string address)
    {
        foreach (var (label, instances) in dynamics)
        {
            var dynamicOutline = outline?.Block("dynamic", 0, label);
            if (!block.Blocks.TryGetValue(label, out var nested))
            {
                Add(file, dynamicOutline?.Line ?? outline?.Line ?? 1, $"{address}: unknown block '{label}' in dynamic \"{label}\" (hashicorp/google {schema.Version}){Closest(label, block.Blocks.Keys)}");
                continue;
            }

            foreach (var instance in instances!.AsArray().OfType<JsonObject>())
            {
                foreach (var content in instance["content"]?.AsArray().OfType<JsonObject>() ?? [])
                {
                    CheckBody(file, content, nested.Block, dynamicOutline?.Block("content"), $"{address}.{label}", new HashSet<string>(StringComparer.Ordinal));
                }
            }
        }
    }

    private void Add(TerraformFile file, int line, string message) => findings.Add(new SchemaFinding(file.DisplayPath, line, message));

    private static string Closest(string name, IEnumerable<string> candidates)
    {
        var best = candidates.Select(candidate => (candidate, distance: EditDistance(name, candidate)))
            // A near miss (a typo) or a name the candidate contains (`ca_certificate` for `cluster_ca_certificate`).
            .Where(candidate => candidate.distance <= Math.Max(2, name.Length / 3) || candidate.candidate.Contains(name, StringComparison.Ordinal))
            .OrderBy(candidate => candidate.distance).ThenBy(candidate => candidate.candidate, StringComparer.Ordinal)
            .Select(candidate => candidate.candidate).FirstOrDefault();
        return best is null ? "" : $" (did you mean '{best}'?)";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
