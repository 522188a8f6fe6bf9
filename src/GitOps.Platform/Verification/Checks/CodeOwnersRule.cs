using GitOps.Platform.Verification.CodeOwners;

namespace GitOps.Platform.Verification.Checks;

/// <summary>Promotions to prod are approved by code owners only if a CODEOWNERS entry covers the prod files.</summary>
internal static class CodeOwnersRule
{
    public static void Check(RepositoryFiles files, IEnumerable<string> prodFiles, FindingSink sink)
    {
        var location = CodeOwnersFile.Locations.FirstOrDefault(files.Exists);
        var owners = location is null ? null : CodeOwnersFile.Parse(File.ReadAllText(files.FullPath(location)));
        foreach (var file in prodFiles.Where(files.Exists))
        {
            if (owners is null)
            {
                sink.Add(file, 1, RuleIds.ProdNotCodeOwned,
                    $"no CODEOWNERS file ({string.Join(", ", CodeOwnersFile.Locations)}); prod changes need code-owner approval, e.g. '/environments/prod/ @platform-leads'");
            }
            else if (owners.OwnersOf(file).Count == 0)
            {
                sink.Add(file, 1, RuleIds.ProdNotCodeOwned,
                    $"no entry in {location} gives this prod file an owner; add e.g. '/environments/prod/ @platform-leads'");
            }
        }
    }
}
