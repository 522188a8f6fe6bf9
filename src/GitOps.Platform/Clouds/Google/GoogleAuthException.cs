namespace GitOps.Platform.Clouds.Google;

/// <summary>Google refused or could not be asked for an access token. The message names the credentials file, never a token.</summary>
public sealed class GoogleAuthException : Exception
{
    public GoogleAuthException()
    {
    }

    public GoogleAuthException(string message)
        : base(message)
    {
    }

    public GoogleAuthException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
