using System.Diagnostics;
using System.Text.Json;
using HousingLedger.Functions.Hosting.Catalog;
using HousingLedger.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HousingLedger.Functions.Hosting.Invocation;

/// <summary>
/// <c>POST /{FunctionName}</c>: how the Functions host invokes a queue or timer function of a custom handler.
/// 200 when the function succeeded; 500 when it failed, so the host counts a failed attempt and retries;
/// 400 for a body that is not a host invocation; 404 for a name that is not a queue or timer function.
/// </summary>
internal static class InvocationEndpoint
{
    public static RouteHandlerBuilder MapInvocationEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/{functionName}", InvokeAsync).ExcludeFromDescription();

    private static async Task<IResult> InvokeAsync(
        string functionName, HttpRequest request, FunctionRegistry registry, FunctionInvoker invoker, TimeProvider time, CancellationToken cancellationToken)
    {
        var function = registry.Find(functionName);
        if (function is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown function",
                detail: $"'{functionName}' is not a queue or timer function of this app.");
        }

        JsonDocument payload;
        try
        {
            payload = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            return BadPayload(new FieldError("body", $"Not JSON: {ex.Message}"));
        }

        using (payload)
        {
            InvocationOutcome outcome;
            switch (function)
            {
                case QueueFunctionRegistration queueFunction:
                    var message = HostPayload.ReadQueueMessage(payload.RootElement);
                    if (!message.IsValid)
                    {
                        return BadPayload([.. message.Errors]);
                    }

                    outcome = await invoker.InvokeAsync(queueFunction, message.Value, cancellationToken);
                    break;
                case TimerFunctionRegistration timerFunction:
                    var tick = HostPayload.ReadTimerTick(payload.RootElement, time.GetUtcNow());
                    if (!tick.IsValid)
                    {
                        return BadPayload([.. tick.Errors]);
                    }

                    outcome = await invoker.InvokeAsync(timerFunction, tick.Value, cancellationToken);
                    break;
                default:
                    throw new UnreachableException($"A function registration of kind {function.GetType().Name}.");
            }

            return outcome.Failure is { } failure
                ? TypedResults.Json(InvocationResponse.Failed(function.FunctionName, failure), InvocationResponse.SerializerOptions, statusCode: StatusCodes.Status500InternalServerError)
                : TypedResults.Json(InvocationResponse.Succeeded, InvocationResponse.SerializerOptions);
        }
    }

    private static ValidationProblem BadPayload(params FieldError[] errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "Not a Functions host invocation");
}
