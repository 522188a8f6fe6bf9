using GitOps.Targets.Output;

namespace GitOps.Targets.Tests.Output;

public sealed class SecretMaskerTests
{
    [Fact]
    public void Masks_every_occurrence_longest_first()
    {
        var masker = new SecretMasker();
        masker.Register("abc123");
        masker.Register("abc123-extended");
        masker.Apply("x abc123-extended y abc123 z").ShouldBe("x *** y *** z");
    }

    [Fact]
    public void Multi_line_secrets_mask_their_values_line_by_line_but_not_structure()
    {
        var masker = new SecretMasker();
        masker.Register("apiVersion: v1\nusers:\n- name: admin\n  user:\n    token: eyJhbGciOiJSUzI1NiIsImtpZCI6\n");
        masker.Apply("    token: eyJhbGciOiJSUzI1NiIsImtpZCI6").ShouldBe("    token: ***");
        masker.Apply("apiVersion: v1").ShouldBe("apiVersion: v1");
        masker.Apply("users:").ShouldBe("users:");
    }

    [Fact]
    public void Ignores_values_too_short_to_be_secret()
    {
        var masker = new SecretMasker();
        masker.Register("1");
        masker.Register(string.Empty);
        masker.Apply("1 2 3").ShouldBe("1 2 3");
    }
}
