using GitOps.Platform.Promotion;

namespace GitOps.Platform.Tests.Promotion;

public sealed class RejectedReleasesTests
{
    private static readonly RejectedRelease Entry = new("1.3.0", "qa", "gcp", "2 of 9 \"smoke\" tests failed", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Appending_keeps_the_existing_text_and_its_line_endings()
    {
        const string existing = "# kept as is\r\nrejected:\r\n  - version: 1.0.0\r\n    stage: qa\r\n    cloud: aws\r\n    reason: x\r\n    recordedAt: 2020-01-01T00:00:00Z\r\n";

        var text = RejectedReleases.Append(existing, Entry);

        text.ShouldStartWith(existing);
        text[existing.Length..].Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain('\n');
        var list = RejectedReleases.Parse(text);
        list.Entries.Count.ShouldBe(2);
        list.Find(ReleaseVersion.Parse("1.3.0")).ShouldBe(Entry);
        list.Find(ReleaseVersion.Parse("1.3.1")).ShouldBeNull();
    }

    [Fact]
    public void A_pair_round_trips_and_rejects_only_its_revision_while_an_entry_without_one_rejects_every_revision()
    {
        const string Tested = "0e62172adede5d1658dc4048503aee0e095e9c52";
        const string Other = "1111111111111111111111111111111111111111";
        var pair = Entry with { Revision = Tested };

        var list = RejectedReleases.Parse(RejectedReleases.Append(RejectedReleases.Append(null, pair), Entry with { Version = "1.4.0" }));

        list.Entries[0].ShouldBe(pair);
        list.Find(ReleaseVersion.Parse("1.3.0"), Tested).ShouldBe(pair);
        list.Find(ReleaseVersion.Parse("1.3.0"), Other).ShouldBeNull();
        list.Find(ReleaseVersion.Parse("1.4.0"), Other).ShouldNotBeNull("an entry from before pins rejects the release at any revision");
    }

    [Fact]
    public void A_missing_file_starts_with_an_explaining_header()
    {
        var text = RejectedReleases.Append(null, Entry);

        text.ShouldStartWith("# Releases whose e2e tests failed.");
        RejectedReleases.Parse(text).Entries.ShouldHaveSingleItem().ShouldBe(Entry);
    }

    [Fact]
    public void A_list_that_is_not_last_is_refused_rather_than_corrupted()
    {
        Should.Throw<ValuesFileException>(() => RejectedReleases.Append("rejected: []\nother: 1\n", Entry))
            .Message.ShouldContain("keep 'rejected:' as the last key");
    }

    [Fact]
    public async Task E2e_records_round_trip_and_a_corrupt_one_names_its_file()
    {
        var directory = Directory.CreateTempSubdirectory("gitops-records-").FullName;
        try
        {
            var store = new E2eRecordStore(directory);
            var record = new E2eRecord("qa", "aws", "1.3.0", E2eResult.Failed, 4, 1, 0, 1, DateTimeOffset.UnixEpoch, "x.xml");
            await store.WriteAsync(record, CancellationToken.None);
            (await store.ReadAsync("qa", "aws", CancellationToken.None)).ShouldBe(record);
            (await File.ReadAllTextAsync(store.RecordPath("qa", "aws"))).ShouldContain("\"result\": \"failed\"");

            await File.WriteAllTextAsync(store.RecordPath("qa", "aws"), "{ not json");
            (await Should.ThrowAsync<InvalidDataException>(() => store.ReadAsync("qa", "aws", CancellationToken.None)))
                .Message.ShouldStartWith(store.RecordPath("qa", "aws") + ":1:");
            (await store.ReadAsync("qa", "gcp", CancellationToken.None)).ShouldBeNull();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
