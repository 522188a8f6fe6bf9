namespace GitOps.Targets.GitLabCi.Diff;

/// <summary>One line of an edit script: kept, removed from the old text or added in the new one.</summary>
internal readonly record struct LineEdit(char Kind, string Text)
{
    public const char Same = ' ';
    public const char Removed = '-';
    public const char Added = '+';
}
