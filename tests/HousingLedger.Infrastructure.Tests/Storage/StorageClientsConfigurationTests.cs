using HousingLedger.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;

namespace HousingLedger.Infrastructure.Tests.Storage;

public sealed class StorageClientsConfigurationTests
{
    [Fact]
    public void FromConfiguration_AccountName_PointsEachClientAtTheAccountsPublicEndpoint()
    {
        var storage = StorageClients.FromConfiguration(Settings(("AzureWebJobsStorage:accountName", "hlprod")));

        Assert.Equal(new Uri("https://hlprod.table.core.windows.net/"), storage.Tables.Uri);
        Assert.Equal(new Uri("https://hlprod.queue.core.windows.net/"), storage.Queues.Uri);
        Assert.Equal(new Uri("https://hlprod.blob.core.windows.net/"), storage.Blobs.Uri);
    }

    [Fact]
    public void FromConfiguration_ExplicitServiceUris_WinOverThoseDerivedFromTheAccountName()
    {
        var storage = StorageClients.FromConfiguration(Settings(
            ("AzureWebJobsStorage:accountName", "hlprod"),
            ("AzureWebJobsStorage:queueServiceUri", "https://queues.example.net/"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001")));

        Assert.Equal(new Uri("https://queues.example.net/"), storage.Queues.Uri);
        Assert.Equal(new Uri("https://hlprod.table.core.windows.net/"), storage.Tables.Uri);
    }

    [Fact]
    public void FromConfiguration_AppSettingWithDoubleUnderscores_IsReadAsTheFunctionsHostReadsIt()
    {
        var prefix = "HLTEST" + Guid.NewGuid().ToString("N")[..8] + "_";
        Environment.SetEnvironmentVariable(prefix + "AzureWebJobsStorage__accountName", "hlstaging");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            Assert.Equal("hlstaging.blob.core.windows.net", StorageClients.FromConfiguration(configuration).Blobs.Uri.Host);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "AzureWebJobsStorage__accountName", null);
        }
    }

    [Fact]
    public void FromConfiguration_DevelopmentStorage_PointsAtAzuriteOnItsDefaultPorts()
    {
        var storage = StorageClients.FromConfiguration(Settings(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", storage.Tables.Uri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", storage.Queues.Uri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", storage.Blobs.Uri.ToString().TrimEnd('/'));
    }

    [Fact]
    public void FromConfiguration_NothingSet_FailsNamingTheSettingAndTheWaysToSetIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageClients.FromConfiguration(Settings()));

        Assert.Contains("AzureWebJobsStorage is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseDevelopmentStorage=true", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_OnlySomeServiceUrisAndNoAccountName_FailsNamingAMissingOne()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageClients.FromConfiguration(Settings(
            ("AzureWebJobsStorage:tableServiceUri", "https://t.example.net/"))));

        Assert.Contains("queueServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_ServiceUriThatIsNotAbsoluteHttp_FailsQuotingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageClients.FromConfiguration(Settings(
            ("AzureWebJobsStorage:accountName", "hlprod"),
            ("AzureWebJobsStorage:blobServiceUri", "blob.example.net"))));

        Assert.Contains("'blob.example.net'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData(" usedevelopmentstorage=TRUE ", true)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1", false)]
    [InlineData(null, false)]
    public void IsDevelopmentStorage_RecognisesOnlyTheEmulatorShortcut(string? connection, bool expected)
    {
        var configuration = connection is null ? Settings() : Settings(("AzureWebJobsStorage", connection));

        Assert.Equal(expected, StorageClients.IsDevelopmentStorage(configuration));
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
