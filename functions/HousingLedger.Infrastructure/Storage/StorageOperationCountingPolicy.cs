using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace HousingLedger.Infrastructure.Storage;

/// <summary>Which storage service a client speaks to, so its calls are read the right way.</summary>
public enum StorageService
{
    Table,
    Queue,
    Blob,
}

/// <summary>
/// Counts every call a client makes that got an answer, by kind (<see cref="StorageOperation"/>), as storage bills
/// them: each retry is a call of its own, so the policy sits per retry. Only for measuring (Storage:CountOperations):
/// it reads each batch's request and each query's answer a second time.
/// </summary>
public sealed class StorageOperationCountingPolicy(StorageOperationCounts counts, StorageService service) : HttpPipelinePolicy
{
    private static readonly byte[] BatchPart = Encoding.ASCII.GetBytes("application/http");

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Count(message);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            Count(message);
        }
    }

    private void Count(HttpMessage message)
    {
        if (!message.HasResponse)
        {
            return; // nothing reached the service
        }

        var method = message.Request.Method;
        var path = Uri.UnescapeDataString(message.Request.Uri.Path);
        switch (service)
        {
            case StorageService.Table:
                CountTable(message, method, path);
                break;
            case StorageService.Queue:
                counts.Add(QueueOperation(method, path));
                break;
            default:
                counts.Add(StorageOperation.Blob);
                break;
        }
    }

    private void CountTable(HttpMessage message, RequestMethod method, string path)
    {
        var resource = path[(path.LastIndexOf('/') + 1)..];
        if (resource is "Tables" or "" || resource.StartsWith("Tables(", StringComparison.Ordinal))
        {
            counts.Add(StorageOperation.Other); // creating, deleting or listing tables; service properties
        }
        else if (resource == "$batch")
        {
            counts.Add(StorageOperation.Batch, batchEntityCount: BatchEntities(message));
        }
        else if (method == RequestMethod.Get)
        {
            var byKeys = resource.Contains("RowKey=", StringComparison.Ordinal) && !message.Request.Uri.Query.Contains("$filter", StringComparison.Ordinal);
            if (byKeys)
            {
                counts.Add(StorageOperation.PointRead);
            }
            else
            {
                counts.Add(StorageOperation.Query, rowCount: message.Response.Status == 200 ? ReturnedRows(message.Response) : 0);
            }
        }
        else
        {
            counts.Add(StorageOperation.Write);
        }
    }

    private static StorageOperation QueueOperation(RequestMethod method, string path)
    {
        var onMessages = path.EndsWith("/messages", StringComparison.Ordinal);
        var onOneMessage = !onMessages && path.Contains("/messages/", StringComparison.Ordinal);
        return (method.Method, onMessages, onOneMessage) switch
        {
            ("POST", true, _) => StorageOperation.QueueSend,
            ("GET", true, _) => StorageOperation.QueueReceive,
            ("DELETE", _, true) => StorageOperation.QueueDelete,
            ("PUT", _, true) => StorageOperation.QueueUpdate,
            _ => StorageOperation.Other,
        };
    }

    // A batch is a multipart body with one application/http part per entity.
    private static long BatchEntities(HttpMessage message)
    {
        if (message.Request.Content is not { } content)
        {
            return 0;
        }

        using var body = new MemoryStream();
        content.WriteTo(body, CancellationToken.None);
        var span = body.GetBuffer().AsSpan(0, (int)body.Length);
        long parts = 0;
        for (var at = span.IndexOf(BatchPart); at >= 0; at = span.IndexOf(BatchPart))
        {
            parts++;
            span = span[(at + BatchPart.Length)..];
        }

        return parts;
    }

    // A query page is {"value": [entity, …], …}; count the entities without materialising them.
    private static long ReturnedRows(Response response)
    {
        var reader = new Utf8JsonReader(response.Content.ToMemory().Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return 0;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isValue = reader.ValueTextEquals("value");
            reader.Read();
            if (isValue && reader.TokenType == JsonTokenType.StartArray)
            {
                long rows = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    rows++;
                    reader.Skip();
                }

                return rows;
            }

            reader.Skip();
        }

        return 0;
    }
}
