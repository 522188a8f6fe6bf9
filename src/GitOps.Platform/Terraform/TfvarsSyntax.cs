using System.Text;
using System.Text.RegularExpressions;
using GitOps.Platform.Clouds;

namespace GitOps.Platform.Terraform;

/// <summary>
/// Refuses a tfvars file Terraform would refuse, before anything is contacted: bytes that are not UTF-8, a line that is
/// no <c>name = value</c>, a name without a value, a string not closed on its line, a bracket never closed. The build
/// reads only a few string values itself (<see cref="Internal.TfvarsFile"/>), so without this a broken file passed every
/// check and failed only in terraform init, after GitLab and the state bucket had been reached. It is not a full HCL
/// parser: a file it accepts may still hold an expression Terraform rejects, but each mistake a hand edit makes is
/// caught with its line.
/// </summary>
public static partial class TfvarsSyntax
{
    private const string Allowed = "a quoted string, a number, true/false, a [list] or a {map}";

    /// <summary>Throws when <paramref name="path"/> (shown as <paramref name="shown"/>) is not a tfvars file Terraform can read.</summary>
    /// <exception cref="CloudConfigurationException">One line naming shown:line, what is wrong and what is allowed.</exception>
    public static void Require(string path, string shown)
    {
        var lines = Lines(path, shown);
        var depth = 0;
        var opened = (Name: "", Line: 0);
        string? heredoc = null;
        var inComment = false;
        for (var index = 0; index < lines.Count; index++)
        {
            var number = index + 1;
            var line = lines[index];
            if (heredoc is not null)
            {
                heredoc = line.Trim() == heredoc ? null : heredoc;
                continue;
            }

            if (inComment)
            {
                inComment = !line.Contains("*/", StringComparison.Ordinal);
                continue;
            }

            var text = line;
            var name = opened.Name;
            if (depth == 0)
            {
                var trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                if (trimmed.StartsWith("/*", StringComparison.Ordinal))
                {
                    inComment = !trimmed[2..].Contains("*/", StringComparison.Ordinal);
                    continue;
                }

                var assignment = Assignment().Match(line);
                if (!assignment.Success)
                {
                    throw new CloudConfigurationException($"{shown}:{number}: expected name = value (one variable a line, value {Allowed}), got '{Shorten(trimmed)}'");
                }

                name = assignment.Groups["name"].Value;
                text = assignment.Groups["value"].Value;
                var value = text.Trim();
                if (value.Length == 0 || value.StartsWith('#') || value.StartsWith("//", StringComparison.Ordinal))
                {
                    throw new CloudConfigurationException($"{shown}:{number}: {name} has no value; set it to {Allowed} (e.g. {name} = \"...\"), or delete the line");
                }

                if (HeredocStart().Match(value) is { Success: true } start)
                {
                    heredoc = start.Groups["marker"].Value;
                    continue;
                }

                opened = (name, number);
            }

            depth = Scan(text, depth, shown, number, name);
        }

        if (heredoc is not null)
        {
            throw new CloudConfigurationException($"{shown}: the heredoc of {opened.Name} never ends; close it with a line holding only {heredoc}");
        }

        if (depth > 0)
        {
            throw new CloudConfigurationException($"{shown}:{opened.Line}: the [ or {{ of {opened.Name} is never closed; a list or map ends with its ] or }}");
        }
    }

    /// <summary>The bracket depth after <paramref name="text"/>; a string must close on its line, as Terraform requires.</summary>
    private static int Scan(string text, int depth, string shown, int number, string name)
    {
        for (var at = 0; at < text.Length; at++)
        {
            var character = text[at];
            if (character == '"')
            {
                at = StringEnd(text, at);
                if (at < 0)
                {
                    throw new CloudConfigurationException($"{shown}:{number}: the string of {name} is not closed; a quoted string ends with \" on the same line (write \\\" for a quote inside it)");
                }
            }
            else if (character == '#' || (character == '/' && at + 1 < text.Length && text[at + 1] == '/'))
            {
                break;
            }
            else if (character is '[' or '{' or '(')
            {
                depth++;
            }
            else if (character is ']' or '}' or ')')
            {
                depth--;
                if (depth < 0)
                {
                    throw new CloudConfigurationException($"{shown}:{number}: {name} closes a '{character}' it never opened");
                }
            }
        }

        return depth;
    }

    /// <summary>The index of the quote that closes the string opened at <paramref name="open"/>, or -1.</summary>
    private static int StringEnd(string text, int open)
    {
        for (var at = open + 1; at < text.Length; at++)
        {
            if (text[at] == '\\')
            {
                at++;
            }
            else if (text[at] == '"')
            {
                return at;
            }
        }

        return -1;
    }

    private static List<string> Lines(string path, string shown)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new CloudConfigurationException($"{shown}: cannot be read ({problem.Message})", problem);
        }

        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var lines = new List<string>();
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        while (start <= bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var length = (end < 0 ? bytes.Length : end) - start;
            try
            {
                lines.Add(strict.GetString(bytes, start, length).TrimEnd('\r'));
            }
            catch (DecoderFallbackException problem)
            {
                throw new CloudConfigurationException($"{shown}:{lines.Count + 1}: is not valid UTF-8; a tfvars file is UTF-8 text", problem);
            }

            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        return lines;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("""^\s*(?<name>[A-Za-z_][A-Za-z0-9_-]*)\s*=(?<value>.*)$""")]
    private static partial Regex Assignment();

    [GeneratedRegex("""^<<-?(?<marker>[A-Za-z_][A-Za-z0-9_]*)\s*$""")]
    private static partial Regex HeredocStart();
}
