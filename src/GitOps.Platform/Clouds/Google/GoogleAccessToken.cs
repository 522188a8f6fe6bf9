namespace GitOps.Platform.Clouds.Google;

/// <summary>A short-lived Google OAuth access token. Not a record: no generated ToString that could print it.</summary>
public sealed class GoogleAccessToken(string value, DateTimeOffset expires)
{
    public string Value { get; } = value;

    public DateTimeOffset Expires { get; } = expires;

    public override string ToString() => $"Google access token (expires {Expires:u})";
}
