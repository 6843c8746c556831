using System.Text;
using Azure.Storage.Queues;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Testing;

namespace HousingLedger.Infrastructure.Tests.Storage;

[Collection(AzuriteFixture.CollectionName)]
public sealed class StorageClientsQueueTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Queues_SendMessage_StoresItBase64Encoded_AsTheFunctionsHostReadsIt()
    {
        var queue = azurite.Storage.Queues.GetQueueClient(AzuriteFixture.UniqueName("base64-"));
        await queue.CreateAsync();

        await queue.SendMessageAsync("{\"jobId\":\"J-1\"}");

        var raw = (await new QueueClient(azurite.ConnectionString, queue.Name).PeekMessageAsync()).Value;
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"jobId\":\"J-1\"}")), raw.MessageText);
        Assert.Equal("{\"jobId\":\"J-1\"}", (await queue.ReceiveMessageAsync()).Value.MessageText);
    }

    [Fact]
    public async Task Queues_ReceivingAMessageThatIsNotBase64_MovesItToPoisonAndStillDeliversTheOthers()
    {
        var queue = azurite.Storage.Queues.GetQueueClient(AzuriteFixture.UniqueName("undecodable-"));
        await queue.CreateAsync();
        await new QueueClient(azurite.ConnectionString, queue.Name).SendMessageAsync("not base64 at all!");
        await queue.SendMessageAsync("good");

        var received = (await queue.ReceiveMessagesAsync(maxMessages: 32)).Value;

        Assert.Equal(["good"], received.Select(m => m.MessageText));
        var poison = azurite.Storage.Queues.GetQueueClient(StorageNames.PoisonQueueFor(queue.Name));
        var poisoned = (await poison.ReceiveMessagesAsync(maxMessages: 32)).Value;
        Assert.Equal(["not base64 at all!"], poisoned.Select(m => m.MessageText));
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
