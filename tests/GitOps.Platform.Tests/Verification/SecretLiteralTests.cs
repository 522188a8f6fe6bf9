using GitOps.Platform.Verification.Checks;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Tests.Verification;

/// <summary>
/// GO023's reach (issue 13): literal secrets inside URLs, in lists, under short keys such as pass/pwd, and literal text
/// around a Vault placeholder; and what must stay quiet (placeholders, references, booleans, secret names).
/// </summary>
public sealed class SecretLiteralTests
{
    [Theory]
    [InlineData("repoURL: https://deploy:s3cret-canary@gitlab.example.com/platform.git\n", "repoURL", "holds a URL with a literal password (user:password@host)")]
    [InlineData("db:\n  url: postgres://app:s3cret-canary@db:5432/app\n", "db.url", "holds a URL with a literal password (user:password@host)")]
    [InlineData("mirrors:\n  - https://bot:s3cret-canary@mirror.example.com\n", "mirrors[0]", "holds a URL with a literal password (user:password@host)")]
    [InlineData("passwords:\n  - s3cret-canary\n", "passwords[0]", "holds a literal value")]
    [InlineData("auth:\n  tokens: [s3cret-canary]\n", "auth.tokens[0]", "holds a literal value")]
    [InlineData("args:\n  - --admin-password=s3cret-canary\n", "args[0]", "holds a literal admin-password value")]
    [InlineData("command: [run, \"API_TOKEN=s3cret-canary\"]\n", "command[1]", "holds a literal API_TOKEN value")]
    [InlineData("pass: s3cret-canary\n", "pass", "holds a literal value")]
    [InlineData("db_pass: s3cret-canary\n", "db_pass", "holds a literal value")]
    [InlineData("adminPass: s3cret-canary\n", "adminPass", "holds a literal value")]
    [InlineData("passwd: s3cret-canary\n", "passwd", "holds a literal value")]
    [InlineData("pwd: s3cret-canary\n", "pwd", "holds a literal value")]
    [InlineData("dbPwd: s3cret-canary\n", "dbPwd", "holds a literal value")]
    [InlineData("secretKey: s3cret-canary\n", "secretKey", "holds a literal value")]
    [InlineData("apiKey: s3cret-canary\n", "apiKey", "holds a literal value")]
    [InlineData("token: s3cret-canary\n", "token", "holds a literal value")]
    [InlineData("password: abc<path:kv/data/x#y>\n", "password", "holds literal text around its Vault placeholder")]
    [InlineData("password: \"<path:kv/data/x#y>abc\"\n", "password", "holds literal text around its Vault placeholder")]
    // Found by what it is, not by its key's name (the issue-13 review's misses).
    [InlineData("tls:\n  key: \"-----BEGIN RSA PRIVATE KEY-----MIIEcanary\"\n", "tls.key", "holds a literal private key (a PEM block)")]
    [InlineData("gcp:\n  credentialsJson: '{\"type\":\"service_account\",\"private_key\":\"-----BEGIN PRIVATE KEY-----canary\"}'\n", "gcp.credentialsJson", "holds a literal private key (a PEM block)")]
    [InlineData("certs:\n  - \"-----BEGIN EC PRIVATE KEY-----canary\"\n", "certs[0]", "holds a literal private key (a PEM block)")]
    public void A_literal_secret_is_found_with_its_key_path_and_what_is_wrong(string yaml, string path, string what)
    {
        var found = Literals(yaml).ShouldHaveSingleItem();

        found.Path.ShouldBe(path);
        found.What.ShouldBe(what);
        found.What.ShouldNotContain("canary");
    }

    [Theory]
    [InlineData("password: <path:eurodat/data/prod/db#password>\n")]
    [InlineData("token: \"<path:eurodat/data/prod/db#token | base64encode>\"\n")]
    [InlineData("repoURL: https://gitlab.example.com/platform.git\n")]
    [InlineData("repoURL: https://deploy@gitlab.example.com/platform.git\n")]
    [InlineData("url: https://deploy:<path:kv/data/x#pw>@gitlab.example.com\n")]
    [InlineData("url: https://${USER}:${PASSWORD}@gitlab.example.com\n")]
    [InlineData("url: http://[::1]:8080/x\n")]
    [InlineData("passwords: [<path:kv/data/x#a>, \"${B}\"]\n")]
    [InlineData("args: [--password-file=/run/secrets/pw, --token-ttl=3600]\n")]
    [InlineData("automountServiceAccountToken: false\n")]
    [InlineData("bypass: enabled\ncompass: north\n")]
    [InlineData("existingSecret: db-credentials\npasswordSecretRef: db\n")]
    [InlineData("smtp:\n  passwordSecretKey: password\n  tokenSecretKey: token\n")]
    [InlineData("tls:\n  crt: \"-----BEGIN CERTIFICATE-----MIIB\"\n")]
    [InlineData("kind: Secret\nstringData:\n  password: s3cret\n")]
    [InlineData("password: ref+vault://kv/data/x#/pw\n")]
    [InlineData("password: \"{{ .Values.password }}\"\n")]
    public void References_and_innocent_values_stay_quiet(string yaml) => Literals(yaml).ShouldBeEmpty();

    private static List<(string Path, string What)> Literals(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. SecretValueRule.Literals(stream.Documents[0].RootNode).Select(found => (found.Path, found.What))];
    }
}
