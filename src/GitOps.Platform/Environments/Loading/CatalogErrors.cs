using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Environments.Loading;

/// <summary>Collects every catalog mistake with its line, so one run reports them all.</summary>
internal sealed class CatalogErrors(string file)
{
    private readonly List<CatalogError> errors = [];

    public bool Any => errors.Count > 0;

    public void Add(int line, string message) => errors.Add(new CatalogError(file, line, message));

    public void Add(YamlNode node, string message) => Add(node.Line(), message);

    public CatalogException ToException() => new([.. errors.OrderBy(error => error.Line)]);

    /// <summary>Reports keys outside <paramref name="allowed"/>; each one is a typo or a setting nobody reads.</summary>
    public void RejectUnknownKeys(YamlMappingNode mapping, string where, IReadOnlyCollection<string> allowed)
    {
        foreach (var key in mapping.Children.Keys)
        {
            if (key.Text() is not { } name || !allowed.Contains(name))
            {
                Add(key, $"unknown key '{key.Text()}' in {where}; allowed: {string.Join(", ", allowed)}");
            }
        }
    }
}
