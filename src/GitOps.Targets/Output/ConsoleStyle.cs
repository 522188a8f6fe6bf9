namespace GitOps.Targets.Output;

/// <summary>ANSI colours only for a terminal without NO_COLOR; GitLab's log viewer renders them too.</summary>
internal sealed record ConsoleStyle(bool UseColor)
{
    public static ConsoleStyle Detect(bool outputRedirected, Func<string, string?> environment) =>
        new(environment("NO_COLOR") is null or "" && (!outputRedirected || environment("GITLAB_CI") == "true"));

    public string Level(LogLevel level, string text) => level switch
    {
        LogLevel.Debug => Paint("90", text),
        LogLevel.Success => Paint("32", text),
        LogLevel.Warning => Paint("33", text),
        LogLevel.Error => Paint("31", text),
        _ => text,
    };

    public string Bold(string text) => Paint("1", text);

    public string Dim(string text) => Paint("2", text);

    public string Cyan(string text) => Paint("36", text);

    private string Paint(string code, string text) => UseColor ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
