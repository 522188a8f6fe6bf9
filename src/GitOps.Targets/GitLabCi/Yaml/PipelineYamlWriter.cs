using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitOps.Targets.GitLabCi.Yaml;

/// <summary>Turns a validated pipeline into YAML text: header, the inputs header document, workflow, stages, variables, default, then jobs.</summary>
internal static class PipelineYamlWriter
{
    // No line folding (long rule expressions stay on one line) and GitLab's usual indented lists.
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2,
        bestWidth: int.MaxValue,
        isCanonical: false,
        maxSimpleKeyLength: 1024,
        indentSequences: true,
        newLine: "\n");

    public static string Write(GitLabPipeline pipeline)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, Settings);
        var yaml = new YamlEventWriter(emitter);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        foreach (var line in HeaderLines(pipeline.HeaderComment))
        {
            yaml.Comment(line);
        }

        if (pipeline.Inputs.Count > 0)
        {
            InputsYaml.Write(yaml, pipeline.Inputs);
            emitter.Emit(new DocumentEnd(true));
            // "---": GitLab takes the first document as the header only when the configuration follows as a second one.
            emitter.Emit(new DocumentStart(null, null, false));
        }

        yaml.BeginMapping();
        WriteWorkflow(yaml, pipeline.Workflow);
        yaml.TextList("stages", pipeline.Stages);
        yaml.Variables("variables", pipeline.Variables);
        DefaultsYaml.Write(yaml, pipeline.Default);
        foreach (var job in pipeline.Jobs)
        {
            JobYaml.Write(yaml, job);
        }

        yaml.EndMapping();
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return SeparateTopLevelEntries(text.ToString());
    }

    private static string[] HeaderLines(string? header) =>
        string.IsNullOrWhiteSpace(header)
            ? []
            : header.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static void WriteWorkflow(YamlEventWriter yaml, GitLabWorkflow? workflow)
    {
        if (workflow is null || (workflow.Name is null && workflow.AutoCancel is null && workflow.Rules.Count == 0))
        {
            return;
        }

        yaml.Key("workflow");
        yaml.BeginMapping();
        yaml.Text("name", workflow.Name);
        RuleYaml.WriteAutoCancel(yaml, workflow.AutoCancel);
        RuleYaml.WriteRules(yaml, workflow.Rules);
        yaml.EndMapping();
    }

    // A blank line before each top-level key (the only non-comment lines starting in column 0) sets jobs apart.
    private static string SeparateTopLevelEntries(string yaml)
    {
        var output = new StringBuilder(yaml.Length + 256);
        var seenEntry = false;
        var afterSeparator = false;
        foreach (var line in yaml.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            // The inputs header's "---" stands apart like a key; the first key after it follows at once.
            var isSeparator = line == "---";
            var isTopLevelKey = line.Length > 0 && line[0] != ' ' && line[0] != '#';
            if (isTopLevelKey && !afterSeparator && (seenEntry || output.Length > 0))
            {
                output.Append('\n');
            }

            seenEntry |= isTopLevelKey;
            afterSeparator = isSeparator;

            // The emitter writes a blank header line as "# "; trailing whitespace would upset editors and linters.
            output.Append(line.StartsWith('#') ? line.TrimEnd() : line).Append('\n');
        }

        return output.ToString();
    }
}
