namespace GitOps.Platform.Tests.Terraform.Schema;

internal sealed partial class TerraformSchemaCheck
{
    /// <summary>A local module call sets only the called module's variables, and every one without a default.</summary>
    private void CheckModuleCalls(TerraformModuleFiles module, IReadOnlyDictionary<string, TerraformModuleFiles> byDirectory)
    {
        foreach (var (name, body, file) in TerraformModuleFiles.Labelled(module.Files, "module"))
        {
            var outline = file.Outline.Block("module", 0, name);
            var line = outline?.Line ?? 1;
            var source = body["source"]?.GetValue<string>() ?? "";
            if (!IsLocal(source))
            {
                continue;
            }

            var called = CalledModule(module, name, byDirectory);
            if (called is null)
            {
                Add(file, outline?.LineOf("source") ?? line, $"module \"{name}\": source \"{source}\" is not a module in this repository");
                continue;
            }

            foreach (var argument in body.Select(member => member.Key).Where(key => !ModuleMetaArguments.Contains(key) && !called.Variables.ContainsKey(key)))
            {
                Add(file, outline?.LineOf(argument) ?? line, $"module \"{name}\": {source} declares no variable \"{argument}\"{Closest(argument, called.Variables.Keys)}");
            }

            foreach (var required in called.Variables.Where(variable => !variable.Value && !body.ContainsKey(variable.Key)).Select(variable => variable.Key))
            {
                Add(file, line, $"module \"{name}\": missing required variable \"{required}\" of {source}");
            }
        }
    }

    private static TerraformModuleFiles? CalledModule(TerraformModuleFiles module, string name, IReadOnlyDictionary<string, TerraformModuleFiles> byDirectory)
    {
        var source = TerraformModuleFiles.Labelled(module.Files, "module").Where(call => call.Name == name)
            .Select(call => call.Body["source"]?.GetValue<string>()).FirstOrDefault();
        return source is not null && IsLocal(source)
            ? byDirectory.GetValueOrDefault(Path.GetFullPath(Path.Combine(module.Directory, source)))
            : null;
    }

    private static bool IsLocal(string source) => source.StartsWith("./", StringComparison.Ordinal) || source.StartsWith("../", StringComparison.Ordinal);
}
