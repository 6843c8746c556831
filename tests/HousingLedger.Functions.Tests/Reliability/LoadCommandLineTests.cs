using HousingLedger.LoadGenerator;
using HousingLedger.LoadGenerator.Faults;

namespace HousingLedger.Functions.Tests.Reliability;

/// <summary>The load generator's command line, parsed in process: nothing here starts a run.</summary>
public sealed class LoadCommandLineTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Theory]
    [InlineData(FaultOptions.Crash, 20_000, 10)]
    [InlineData(FaultOptions.AzuriteRestart, 8_000, 2)]
    [InlineData(FaultOptions.TwoHosts, 8_000, 2)]
    public void Each_process_fault_has_its_own_default_load_and_faults(string command, int events, int faults)
    {
        var parsed = LoadCommandLine.Create(NoEnvironment).Parse([command]);

        Assert.Empty(parsed.Errors);
        var options = ((FaultCommand)parsed.CommandResult.Command).Bind(parsed);
        Assert.Equal((command, events, faults), (options.Command, options.Events, options.Faults));
        Assert.Equal(LoadOptions.SampleOperatorKey, options.OperatorKey);
    }

    [Fact]
    public void The_operator_key_comes_from_the_environment_when_not_given()
    {
        var parsed = LoadCommandLine.Create(name => name == "HL_OPERATOR_KEY" ? "from-environment" : null).Parse(["fuzz", "--seed", "7"]);

        var options = ((InputFaultCommand)parsed.CommandResult.Command).Bind(parsed);
        Assert.Equal(("from-environment", 7, 10_000), (options.OperatorKey, options.Seed, options.Requests));
    }

    [Theory]
    [InlineData(new string[0], 0)]
    [InlineData(new[] { "--preload", "0" }, 0)]
    [InlineData(new[] { "--preload", "100000" }, 100_000)]
    public void The_load_run_puts_down_history_only_when_asked(string[] arguments, int preload)
    {
        var parsed = LoadCommandLine.Create(NoEnvironment).Parse([.. arguments, "--storage", "UseDevelopmentStorage=true"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(preload, ((LoadCommand)parsed.CommandResult.Command).Bind(parsed).Preload);
    }

    [Theory]
    [InlineData(new string[0], 100_000, 1_000)]
    [InlineData(new[] { "--settled", "0", "--payable", "100000" }, 0, 100_000)]
    public void A_settlement_run_may_pay_a_contract_with_no_settled_history(string[] arguments, int settled, int payable)
    {
        var parsed = LoadCommandLine.Create(NoEnvironment).Parse(["settlement", .. arguments]);

        Assert.Empty(parsed.Errors);
        var options = ((HousingLedger.LoadGenerator.Settlement.SettlementLoadCommand)parsed.CommandResult.Command).Bind(parsed);
        Assert.Equal((settled, payable), (options.Settled, options.Payable));
    }

    [Fact]
    public async Task A_negative_history_is_a_usage_error_naming_the_option()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await LoadCommandLine.RunAsync(["--preload", "-1", "--storage", "UseDevelopmentStorage=true"], NoEnvironment, output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("--preload must be a whole number from 0 up", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--events", "0")]
    [InlineData("--events", "-5")]
    [InlineData("--bogus", "1")]
    public async Task A_command_line_that_does_not_parse_is_a_usage_error_naming_the_option(string option, string value)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await LoadCommandLine.RunAsync([FaultOptions.Crash, option, value], NoEnvironment, output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Empty(output.ToString());
        Assert.Contains($"{option}", error.ToString().Split("Description:")[0], StringComparison.Ordinal);
        Assert.Contains("Usage:", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData(FaultOptions.Crash)]
    [InlineData("settlement")]
    public async Task Help_is_written_to_the_output_and_exits_0(params string[] command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await LoadCommandLine.RunAsync([.. command, "--help"], NoEnvironment, output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(error.ToString());
    }
}
