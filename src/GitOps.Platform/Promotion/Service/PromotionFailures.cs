using GitOps.Platform.Environments;
using GitOps.Platform.GitLab;
using GitOps.Platform.Helm;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Promotion.Service;

/// <summary>Refusals the user can fix by asking differently exit with 2, everything else that is known with 1.</summary>
public static class PromotionFailures
{
    public static async Task AsBuildErrorsAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
        }
        catch (PromotionRefusedException refusal)
        {
            throw refusal.IsUsageError ? new UsageException(refusal.Message, refusal) : new BuildFailedException(refusal.Message, refusal);
        }
        catch (GitLabConfigurationException exception)
        {
            throw new UsageException(exception.Message, exception);
        }
        catch (Exception exception) when (exception is ValuesFileException or ConfigurationPinException or HelmException or GitLabApiException or InvalidDataException or FileNotFoundException)
        {
            throw new BuildFailedException(exception.Message, exception);
        }
    }
}
