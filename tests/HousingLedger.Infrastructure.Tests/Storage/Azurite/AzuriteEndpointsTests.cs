using HousingLedger.Infrastructure.Storage;
using HousingLedger.Infrastructure.Storage.Azurite;

namespace HousingLedger.Infrastructure.Tests.Storage.Azurite;

public sealed class AzuriteEndpointsTests
{
    [Fact]
    public void ConnectionString_NamesEachServiceOnItsOwnPort()
    {
        var storage = StorageClients.FromConnectionString(new AzuriteEndpoints("127.0.0.1", 41000, 41001, 41002).ConnectionString);

        Assert.Equal("http://127.0.0.1:41000/devstoreaccount1", storage.Blobs.Uri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:41001/devstoreaccount1", storage.Queues.Uri.ToString().TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:41002/devstoreaccount1", storage.Tables.Uri.ToString().TrimEnd('/'));
    }
}
