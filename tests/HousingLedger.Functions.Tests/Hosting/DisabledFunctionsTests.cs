using HousingLedger.Functions.Hosting.Standalone;

namespace HousingLedger.Functions.Tests.Hosting;

public sealed class DisabledFunctionsTests
{
    [Theory]
    [InlineData("AzureWebJobs.LedgerAppend.Disabled", "true", true)]
    [InlineData("AzureWebJobs.LedgerAppend.Disabled", "True", true)]
    [InlineData("AzureWebJobs.LedgerAppend.Disabled", "1", true)]
    [InlineData("AzureWebJobs:LedgerAppend:Disabled", "true", true)]
    [InlineData("AzureWebJobs.LedgerAppend.Disabled", "false", false)]
    [InlineData("AzureWebJobs.LedgerAppend.Disabled", "0", false)]
    [InlineData("AzureWebJobs.WorkOrderDispatch.Disabled", "true", false)]
    public void IsDisabled_ReadsTheFunctionsHostsSetting_InEitherSpelling(string key, string value, bool disabled)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        Assert.Equal(disabled, DisabledFunctions.IsDisabled(configuration, "LedgerAppend"));
    }
}
