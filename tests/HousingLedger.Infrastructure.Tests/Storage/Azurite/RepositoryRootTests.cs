using HousingLedger.Infrastructure.Storage.Azurite;

namespace HousingLedger.Infrastructure.Tests.Storage.Azurite;

public sealed class RepositoryRootTests : IDisposable
{
    private readonly DirectoryInfo sandbox = Directory.CreateTempSubdirectory("repository-root-");

    [Fact]
    public void Find_FromANestedFolder_ReturnsTheNearestFolderWithPackageJson()
    {
        var repository = sandbox.CreateSubdirectory("repo");
        File.WriteAllText(Path.Combine(repository.FullName, "package.json"), "{}");
        var nested = repository.CreateSubdirectory("functions/App/bin/Debug");

        Assert.Equal(repository.FullName, RepositoryRoot.Find(nested.FullName));
    }

    [Fact]
    public void Find_TriesTheStartFoldersInOrder_SkippingEmptyOnes()
    {
        var repository = sandbox.CreateSubdirectory("repo");
        File.WriteAllText(Path.Combine(repository.FullName, "package.json"), "{}");
        var outside = sandbox.CreateSubdirectory("elsewhere");

        Assert.Equal(repository.FullName, RepositoryRoot.Find(null, string.Empty, outside.FullName, repository.FullName));
    }

    [Fact]
    public void Find_WithNoPackageJsonAbove_ReturnsNull()
    {
        var lonely = sandbox.CreateSubdirectory("lonely");

        // The temporary folder's ancestors hold no package.json on any machine that runs these tests.
        Assert.Null(RepositoryRoot.Find(lonely.FullName));
    }

    public void Dispose() => sandbox.Delete(recursive: true);
}
