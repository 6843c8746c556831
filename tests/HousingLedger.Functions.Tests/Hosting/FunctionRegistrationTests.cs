using HousingLedger.Functions.Hosting;
using HousingLedger.Functions.Hosting.Catalog;

namespace HousingLedger.Functions.Tests.Hosting;

public sealed class FunctionRegistrationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("1LedgerAppend")]
    [InlineData("Ledger Append")]
    [InlineData("Ledger/Append")]
    public void AddQueueFunction_NameTheHostRefuses_ThrowsNamingIt(string functionName)
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddQueueFunction<RecordingQueueFunction>(functionName, "ledger-append"));

        Assert.Contains($"'{functionName}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ledger-Append")]
    [InlineData("la")]
    [InlineData("ledger--append")]
    [InlineData("-ledger")]
    [InlineData("ledger-")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567")]
    public void AddQueueFunction_QueueNameStorageRefusesWithItsPoisonSuffix_ThrowsNamingIt(string queueName)
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddQueueFunction<RecordingQueueFunction>("LedgerAppend", queueName));

        Assert.Contains($"'{queueName}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddQueueFunction_LongestQueueNameWithRoomForPoison_IsAccepted()
    {
        var services = new ServiceCollection().AddQueueFunction<RecordingQueueFunction>("LedgerAppend", new string('q', 56));

        Assert.Single(services, d => d.ServiceType == typeof(QueueFunctionRegistration));
    }

    [Theory]
    [InlineData("0 2 * * *")]
    [InlineData("every night")]
    [InlineData("")]
    public void AddTimerFunction_DefaultScheduleThatIsNotSixFieldNcrontab_Throws(string schedule)
    {
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddTimerFunction<RecordingTimerFunction>("Settlement", "Settlement:Schedule", schedule));
    }

    [Fact]
    public void AddTimerFunction_SettingNameWrittenAsABindingExpression_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new ServiceCollection().AddTimerFunction<RecordingTimerFunction>("Settlement", "%Settlement:Schedule%", "0 0 2 * * *"));

        Assert.Contains("leave out the '%'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveSchedule_FromTheSetting_WhenSet()
    {
        var timer = new TimerFunctionRegistration("Settlement", "Settlement:Schedule", "0 0 2 * * *", typeof(RecordingTimerFunction));

        var schedule = timer.ResolveSchedule(Settings(("Settlement:Schedule", "0 30 4 * * *")));

        Assert.Equal(new DateTime(2026, 3, 1, 4, 30, 0), schedule.GetNextOccurrence(new DateTime(2026, 3, 1, 0, 0, 0)));
    }

    [Fact]
    public void ResolveSchedule_FromTheDefault_WhenTheSettingIsEmpty()
    {
        var timer = new TimerFunctionRegistration("Settlement", "Settlement:Schedule", "0 0 2 * * *", typeof(RecordingTimerFunction));

        var schedule = timer.ResolveSchedule(Settings(("Settlement:Schedule", " ")));

        Assert.Equal(new DateTime(2026, 3, 1, 2, 0, 0), schedule.GetNextOccurrence(new DateTime(2026, 3, 1, 0, 0, 0)));
    }

    [Fact]
    public void ResolveSchedule_SettingThatDoesNotParse_ThrowsNamingTheSettingAndItsValue()
    {
        var timer = new TimerFunctionRegistration("Settlement", "Settlement:Schedule", "0 0 2 * * *", typeof(RecordingTimerFunction));

        var error = Assert.Throws<InvalidOperationException>(() => timer.ResolveSchedule(Settings(("Settlement:Schedule", "0 2 * * *"))));

        Assert.Contains("Settlement:Schedule is '0 2 * * *'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapFunctionInvocations_TwoFunctionsWhoseNamesDifferOnlyInCase_FailsAtStartUp()
    {
        var builder = TestApps.CustomHandler();
        builder.AddFunctionsHost();
        builder.Services.AddQueueFunction<RecordingQueueFunction>("Settle", "settle");
        builder.Services.AddTimerFunction<RecordingTimerFunction>("settle", "Settle:Schedule", "0 0 2 * * *");
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapFunctionInvocations());

        Assert.Contains("Settle", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
