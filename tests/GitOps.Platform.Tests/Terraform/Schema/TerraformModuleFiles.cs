using System.Text.Json.Nodes;

namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>A Terraform module (one directory's .tf files) and what it declares.</summary>
internal sealed class TerraformModuleFiles(string directory, IReadOnlyList<TerraformFile> files)
{
    public string Directory { get; } = directory;

    public IReadOnlyList<TerraformFile> Files { get; } = files;

    /// <summary>Variable name to whether it has a default.</summary>
    public IReadOnlyDictionary<string, bool> Variables { get; } = Labelled(files, "variable")
        .ToDictionary(variable => variable.Name, variable => variable.Body.ContainsKey("default"), StringComparer.Ordinal);

    public IReadOnlySet<string> Outputs { get; } = Labelled(files, "output").Select(output => output.Name).ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> Locals { get; } = files
        .SelectMany(file => file.Body["locals"]?.AsArray() ?? [])
        .SelectMany(locals => locals!.AsObject().Select(local => local.Key))
        .ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> Modules { get; } = Labelled(files, "module").Select(module => module.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>"type.name" of every resource, and "data.type.name" of every data source.</summary>
    public IReadOnlySet<string> Addresses { get; } = files
        .SelectMany(file => TypedBlocks(file, "resource").Select(block => $"{block.Type}.{block.Name}")
            .Concat(TypedBlocks(file, "data").Select(block => $"data.{block.Type}.{block.Name}")))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Blocks with one label (variable, output, module, provider): name, body, file.</summary>
    public static IEnumerable<(string Name, JsonObject Body, TerraformFile File)> Labelled(IEnumerable<TerraformFile> files, string kind) =>
        files.SelectMany(file => (file.Body[kind]?.AsObject() ?? []).SelectMany(named =>
            named.Value!.AsArray().Select(body => (named.Key, body!.AsObject(), file))));

    /// <summary>Blocks with two labels (resource, data): type, name, body.</summary>
    public static IEnumerable<(string Type, string Name, JsonObject Body)> TypedBlocks(TerraformFile file, string kind) =>
        (file.Body[kind]?.AsObject() ?? []).SelectMany(typed => typed.Value!.AsObject().SelectMany(named =>
            named.Value!.AsArray().Select(body => (typed.Key, named.Key, body!.AsObject()))));
}
