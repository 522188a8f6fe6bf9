namespace GitOps.Targets.Text;

/// <summary>Member names to CLI and environment spellings: <c>MgmtCloud</c> -> <c>mgmt-cloud</c> / <c>MGMT_CLOUD</c>.</summary>
public static class KebabCase
{
    public static string From(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                var startsWord = i > 0 && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1])
                    || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]) && char.IsUpper(pascal[i - 1])));
                if (startsWord)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c == '_' ? '-' : c);
            }
        }

        return builder.ToString();
    }

    public static string ToEnvironmentVariable(string kebab) =>
        kebab.Replace('-', '_').ToUpperInvariant();

    /// <summary>Comparable form ignoring case and separators, as NUKE matches names.</summary>
    public static string Normalize(string name) =>
        new([.. name.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
}
