using GitOps.Platform.Environments;
using GitOps.Platform.Verification.CodeOwners;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Promotions to prod are approved by code owners: a change to any prod environment file must need an approval from
/// the prod approvers. With GitLab's semantics (in each section the last matching entry wins, every required section
/// must approve, optional <c>^[sections]</c> need not) a later, more specific entry, an exclusion, an optional section
/// or a removed line can take a prod file away from them: each is reported at the CODEOWNERS line that decides. The
/// same holds for the files that decide prod's approvers: CODEOWNERS itself and environments/stages.yaml.
/// </summary>
internal static class CodeOwnersRule
{
    /// <summary>Who approves prod (CODEOWNERS: "only platform leads may approve them").</summary>
    public static readonly IReadOnlyList<string> ProdApprovers = ["@platform-leads"];

    public static void Check(RepositoryFiles files, IEnumerable<string> prodFiles, FindingSink sink)
    {
        var location = CodeOwnersFile.Locations.FirstOrDefault(files.Exists);
        var owners = location is null ? null : CodeOwnersFile.Parse(File.ReadAllText(files.FullPath(location)));
        var approvers = string.Join(" ", ProdApprovers);
        // What decides prod's approvers must itself need them: CODEOWNERS (else one MR rewrites it and the next ships
        // to prod unapproved) and the stage catalog (which says which stages are prod's and how a release gets there).
        var governing = new[] { location ?? CodeOwnersFile.Locations[0], EnvironmentLayout.StagesFile };
        foreach (var file in prodFiles.Where(files.Exists).Concat(governing.Where(files.Exists)).Distinct(StringComparer.Ordinal))
        {
            var what = governing.Contains(file, StringComparer.Ordinal) ? $"{file}, which decides who approves prod," : "a prod change";
            if (owners is null)
            {
                if (file == governing[0])
                {
                    continue; // no CODEOWNERS at all: reported at each prod file
                }

                sink.Add(file, 1, RuleIds.ProdNotCodeOwned,
                    $"no CODEOWNERS file ({string.Join(", ", CodeOwnersFile.Locations)}); prod changes need code-owner approval, e.g. '/environments/prod/ {approvers}'");
                continue;
            }

            if (ProdApprovers.All(owners.ApproversOf(file).Contains))
            {
                continue;
            }

            var deciding = owners.Deciding(file);
            if (deciding.Count == 0)
            {
                sink.Add(file, 1, RuleIds.ProdNotCodeOwned, governing.Contains(file, StringComparer.Ordinal)
                    ? $"no entry in {location} gives {file} an owner, yet it decides who approves prod; add '/{file} {approvers}'"
                    : $"no entry in {location} gives this prod file an owner; add e.g. '/environments/prod/ {approvers}'");
                continue;
            }

            // The latest deciding entry is the one that moved the file away (the earlier ones were there before).
            var culprit = deciding.MaxBy(entry => entry.Line)!;
            var why = culprit switch
            {
                { IsExclusion: true } => "excludes it from approval",
                { IsOptional: true } => "is in an optional section, whose approval is not required",
                { Owners.Count: 0 } => "gives it no owner",
                _ => $"makes {string.Join(" ", culprit.Owners)} its approver",
            };
            sink.Add(location!, culprit.Line, RuleIds.ProdNotCodeOwned,
                $"'{culprit.Text}' is the last entry matching {file}{(culprit.Section.Length == 0 ? string.Empty : $" in [{culprit.Section}]")} and {why}, "
                + $"so {what} no longer needs the prod approvers {approvers}; keep {approvers} on {(what == "a prod change" ? "every prod file" : file)} (GitLab: the last matching entry wins)");
        }
    }
}
