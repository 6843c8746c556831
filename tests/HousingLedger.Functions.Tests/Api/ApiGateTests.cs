using HousingLedger.Functions.Access;
using HousingLedger.Functions.Api;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Testing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HousingLedger.Functions.Tests.Api;

/// <summary>
/// What every HTTP function does around its handler, the same under either host because it runs inside the function:
/// refusals come before the handler runs, and nothing the handler throws reaches the caller as anything but a problem.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class ApiGateTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private int handled;

    private ApiGate Gate => Host.Services.GetRequiredService<ApiGate>();

    [Fact]
    public async Task A_handler_that_throws_is_answered_with_a_500_problem_saying_the_request_may_be_sent_again()
    {
        var result = await Gate.RunAsync(Request(ServiceHost.OperatorKey), ApiAccess.Keys(ApiRole.Operator), () => throw new InvalidOperationException("storage fell over"));

        var problem = Assert.IsType<ProblemHttpResult>(result).ProblemDetails;
        Assert.Equal((500, "urn:housingledger:problem:server-error"), (problem.Status, problem.Type));
        Assert.Contains("safe to send it again", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("storage fell over", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("hlk_not-a-key-anyone-was-given", 401)]
    public async Task A_call_without_a_known_key_is_refused_before_the_handler_runs(string? key, int status)
    {
        var request = Request(key);

        var result = await Gate.RunAsync(request, ApiAccess.Keys(ApiRole.Admin), Handle);

        Assert.Equal(status, Assert.IsType<ProblemHttpResult>(result).StatusCode);
        Assert.Equal("Bearer", request.HttpContext.Response.Headers.WWWAuthenticate.ToString());
        Assert.Equal(0, handled);
    }

    [Fact]
    public async Task A_key_whose_role_may_not_call_the_function_is_refused_before_the_handler_runs()
    {
        var result = await Gate.RunAsync(Request(ServiceHost.OperatorKey), ApiAccess.Keys(ApiRole.Admin, ApiRole.Finance), Handle);

        Assert.Equal(403, Assert.IsType<ProblemHttpResult>(result).StatusCode);
        Assert.Equal(0, handled);
    }

    [Fact]
    public async Task A_malformed_idempotency_key_is_refused_naming_the_header_before_the_handler_runs()
    {
        var request = Request(ServiceHost.OperatorKey);
        request.Headers[IdempotencyKey.Header] = "two words";

        var result = await Gate.RunAsync(request, ApiAccess.Anyone, Handle);

        var problem = Assert.IsType<ProblemHttpResult>(result).ProblemDetails;
        Assert.Equal(400, problem.Status);
        Assert.True(problem.Extensions.TryGetValue("errors", out var errors) && ((IDictionary<string, string[]>)errors!).ContainsKey(IdempotencyKey.Header));
        Assert.Equal(0, handled);
    }

    [Fact]
    public async Task An_allowed_caller_reaches_the_handler_which_sees_who_called()
    {
        var request = Request(ServiceHost.OperatorKey);

        var result = await Gate.RunAsync(request, ApiAccess.Keys(ApiRole.Operator), Handle);

        Assert.IsType<Ok>(result);
        Assert.Equal(1, handled);
        Assert.IsType<OperatorCaller>(request.HttpContext.Caller());
    }

    private Task<IResult> Handle()
    {
        handled++;
        return Task.FromResult<IResult>(TypedResults.Ok());
    }

    private HttpRequest Request(string? key)
    {
        var context = new DefaultHttpContext { RequestServices = Host.Services };
        context.Request.Method = "POST";
        context.Request.Path = "/api/jobs";
        if (key is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + key;
        }

        return context.Request;
    }
}
