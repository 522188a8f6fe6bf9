namespace GitOps.EndToEnd.Tests.Support;

/// <summary>End-to-end tests share one fresh clone: compiling the build once keeps the suite short.</summary>
[CollectionDefinition(Name)]
public sealed class SharedClone : ICollectionFixture<FreshClone>
{
    public const string Name = "fresh clone";
}
