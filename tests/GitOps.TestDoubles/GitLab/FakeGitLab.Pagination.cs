using System.Globalization;

namespace GitOps.TestDoubles.GitLab;

public sealed partial class FakeGitLab
{
    private const int DefaultPerPage = 20;
    private const int MaxPerPage = 100;

    /// <summary>GitLab's offset pagination: page/per_page in, x-page, x-next-page (empty on the last page)... out.</summary>
    private FakeResponse Paginate<T>(FakeRequest request, IReadOnlyList<T> items, Func<T, object> shape)
    {
        var perPage = Math.Clamp(Number(request.QueryValue("per_page"), DefaultPerPage), 1, MaxPerPage);
        var page = Math.Max(1, Number(request.QueryValue("page"), 1));
        var totalPages = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var slice = items.Skip((page - 1) * perPage).Take(perPage).Select(shape).ToList();
        var response = FakeResponse.Json(200, slice);
        response.Headers["x-page"] = Text(page);
        response.Headers["x-per-page"] = Text(perPage);
        response.Headers["x-next-page"] = page < totalPages ? Text(page + 1) : string.Empty;
        response.Headers["x-prev-page"] = page > 1 ? Text(page - 1) : string.Empty;
        if (!OmitTotals)
        {
            response.Headers["x-total"] = Text(items.Count);
            response.Headers["x-total-pages"] = Text(totalPages);
        }

        return response;
    }

    private static int Number(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
