using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Environments.Pins;

/// <summary>A parent Application's source that renders charts/app-of-apps, and its targetRevision node (null when unset).</summary>
internal sealed record ChartSource(string ApplicationName, YamlNode Source, YamlScalarNode? Revision);
