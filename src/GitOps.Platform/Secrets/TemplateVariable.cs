namespace GitOps.Platform.Secrets;

/// <summary>A variable a person sets by hand, as documented in <c>environments/env.template</c>.</summary>
public sealed record TemplateVariable(string Key, string Description, bool Required, bool Secret);
