using System.Text;
using System.Text.RegularExpressions;

namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>
/// Finds the lines of blocks and arguments in a .tf file, for file:line in findings. HCL's JSON form carries no
/// positions, so this reads the text alongside it: only the structure (block headers, argument names, brackets outside
/// strings, comments and heredocs), never the values; the parser has already accepted the file.
/// </summary>
internal static partial class HclOutline
{
    public static HclOutlineBlock Read(string text)
    {
        var root = new HclOutlineBlock("", [], 1);
        var open = new Stack<HclOutlineBlock>();
        open.Push(root);
        var expressionDepth = 0;
        var inComment = false;
        string? heredocEnd = null;
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var raw = lines[index].TrimEnd('\r');
            var line = index + 1;
            if (heredocEnd is not null)
            {
                heredocEnd = raw.Trim() == heredocEnd ? null : heredocEnd;
                continue;
            }

            var code = Structure(raw, ref inComment);
            if (expressionDepth > 0)
            {
                expressionDepth = Math.Max(0, expressionDepth + Depth(code));
            }
            else if (ArgumentStart().Match(code) is { Success: true } argument)
            {
                open.Peek().Arguments.TryAdd(argument.Groups["name"].Value, line);
                expressionDepth = Math.Max(0, Depth(code[argument.Length..]));
            }
            else if (BlockHeader().Match(raw) is { Success: true } header)
            {
                var labels = LabelPattern().Matches(header.Groups["labels"].Value).Select(label => label.Groups["label"].Value.Trim('"')).ToArray();
                var block = new HclOutlineBlock(header.Groups["type"].Value, labels, line);
                open.Peek().Blocks.Add(block);
                open.Push(block);
                // A block opened and closed on one line (`x {}` or `x { a = 1 }`).
                if (Depth(code[(code.IndexOf('{', StringComparison.Ordinal) + 1)..]) < 0)
                {
                    open.Pop();
                }
            }
            else if (code.TrimStart().StartsWith('}') && open.Count > 1)
            {
                open.Pop();
            }

            if (HeredocStart().Match(code) is { Success: true } heredoc)
            {
                heredocEnd = heredoc.Groups["end"].Value;
            }
        }

        return root;
    }

    /// <summary>The line with string contents and comments removed, so brackets count only where they are syntax.</summary>
    private static string Structure(string line, ref bool inComment)
    {
        var code = new StringBuilder();
        // Each entry is an open string (-1) or an open interpolation inside a string (its brace depth).
        var nesting = new Stack<int>();
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var next = i + 1 < line.Length ? line[i + 1] : '\0';
            if (inComment)
            {
                if (c == '*' && next == '/')
                {
                    inComment = false;
                    i++;
                }

                continue;
            }

            if (nesting.Count > 0 && nesting.Peek() == -1)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    nesting.Pop();
                    AppendIfTopLevel('"');
                }
                else if ((c == '$' || c == '%') && next == '{')
                {
                    nesting.Push(1);
                    i++;
                }

                continue;
            }

            if (nesting.Count > 0)
            {
                var depth = nesting.Pop();
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth > 0)
                {
                    nesting.Push(depth);
                    if (c == '"')
                    {
                        nesting.Push(-1);
                    }
                }

                continue;
            }

            if (c == '#' || (c == '/' && next == '/'))
            {
                break;
            }

            if (c == '/' && next == '*')
            {
                inComment = true;
                i++;
                continue;
            }

            code.Append(c);
            if (c == '"')
            {
                nesting.Push(-1);
            }
        }

        return code.ToString();

        void AppendIfTopLevel(char quote)
        {
            if (nesting.Count == 0)
            {
                code.Append(quote);
            }
        }
    }

    private static int Depth(string code) =>
        code.Count(c => c is '{' or '[' or '(') - code.Count(c => c is '}' or ']' or ')');

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_][\w-]*)\s*=(?![=>])")]
    private static partial Regex ArgumentStart();

    [GeneratedRegex("""^\s*(?<type>[A-Za-z_][\w-]*)(?<labels>(?:\s+(?:"[^"]*"|[A-Za-z_][\w-]*))*)\s*\{""")]
    private static partial Regex BlockHeader();

    [GeneratedRegex("""(?<label>"[^"]*"|[A-Za-z_][\w-]*)""")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"<<-?(?<end>[A-Za-z_]\w*)\s*$")]
    private static partial Regex HeredocStart();
}
