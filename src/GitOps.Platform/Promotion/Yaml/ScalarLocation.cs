using YamlDotNet.Core;

namespace GitOps.Platform.Promotion.Yaml;

/// <summary>Where a scalar's content (after any tag or anchor) sits in the original text, as char offsets.</summary>
internal sealed record ScalarLocation(int ContentStart, int ContentEnd, ScalarStyle Style, string Value, long Line);
