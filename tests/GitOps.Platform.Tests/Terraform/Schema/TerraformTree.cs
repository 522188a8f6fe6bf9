namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>Every module (directory with .tf files) under a root, parsed; files HCL rejects become findings.</summary>
internal sealed class TerraformTree(IReadOnlyList<TerraformModuleFiles> modules, IReadOnlyList<SchemaFinding> parseErrors)
{
    public IReadOnlyList<TerraformModuleFiles> Modules { get; } = modules;

    public IReadOnlyList<SchemaFinding> ParseErrors { get; } = parseErrors;

    public IEnumerable<TerraformFile> Files => Modules.SelectMany(module => module.Files);

    /// <summary>Paths in findings are relative to <paramref name="displayRoot"/>.</summary>
    public static async Task<TerraformTree> LoadAsync(string root, string displayRoot, HclParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var files = Directory.GetFiles(root, "*.tf", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Contains(".terraform"))
            .Order(StringComparer.Ordinal).ToArray();
        var parsed = await parser.ParseAsync(files);
        var errors = new List<SchemaFinding>();
        var modules = files.GroupBy(file => Path.GetDirectoryName(file)!, StringComparer.Ordinal).Select(directory =>
        {
            var moduleFiles = new List<TerraformFile>();
            foreach (var file in directory)
            {
                var display = Path.GetRelativePath(displayRoot, file).Replace('\\', '/');
                var result = parsed[file];
                if (result.Body is null)
                {
                    errors.Add(new SchemaFinding(display, 1, $"not valid HCL: {result.Error}"));
                    continue;
                }

                moduleFiles.Add(new TerraformFile(display, result.Body, File.ReadAllText(file)));
            }

            return new TerraformModuleFiles(directory.Key, moduleFiles);
        }).ToArray();
        return new TerraformTree(modules, errors);
    }
}
