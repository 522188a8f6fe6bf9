namespace GitOps.Platform.GitLab;

/// <summary>Accepts either the instance root or the v4 API root and always yields the latter, ending in a slash.</summary>
internal static class GitLabApiUrl
{
    private const string ApiPath = "api/v4";

    public static Uri Normalize(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new GitLabConfigurationException(
                $"GitLab URL '{url}' is not an http(s) URL; expected e.g. https://gitlab.example.com/api/v4");
        }

        var text = url.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (!text.EndsWith("/" + ApiPath, StringComparison.OrdinalIgnoreCase))
        {
            text += "/" + ApiPath;
        }

        return new Uri(text + "/");
    }
}
