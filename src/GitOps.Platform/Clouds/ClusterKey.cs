using System.Text.RegularExpressions;

namespace GitOps.Platform.Clouds;

/// <summary>
/// One cluster of a stage: an environment cluster (stage, cloud) or the stage's management cluster. Its text form
/// (<c>dev-gcp</c>, <c>dev-mgmt</c>) names the folders under <c>.nuke/temp</c>, so both parts are restricted to safe names.
/// </summary>
public sealed partial record ClusterKey
{
    public const string ManagementSlot = "mgmt";

    private ClusterKey(string stage, string slot)
    {
        Stage = stage;
        Slot = slot;
    }

    public string Stage { get; }

    /// <summary>The cloud of an environment cluster, or <see cref="ManagementSlot"/>.</summary>
    public string Slot { get; }

    public bool IsManagement => Slot == ManagementSlot;

    public static ClusterKey Environment(string stage, string cloud) =>
        new(Checked(stage, nameof(stage)), Checked(cloud, nameof(cloud)));

    public static ClusterKey Management(string stage) => new(Checked(stage, nameof(stage)), ManagementSlot);

    public override string ToString() => $"{Stage}-{Slot}";

    private static string Checked(string value, string what) =>
        value is not null && SafeName().IsMatch(value)
            ? value
            : throw new ArgumentException(
                $"'{value}' is not a valid {what} name; use lowercase letters, digits and hyphens", what);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
