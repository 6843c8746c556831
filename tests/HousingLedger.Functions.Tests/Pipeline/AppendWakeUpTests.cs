using HousingLedger.Functions.Pipeline;
using HousingLedger.Functions.Tests.Support;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Testing;
using HousingLedger.Values;

namespace HousingLedger.Functions.Tests.Pipeline;

/// <summary>
/// The appender's wake-ups: a burst of events on one chain shares the wake-up being sent, and one asked for after a send
/// ended is sent again. Every queue trigger and timer is off, so the host's queue sends counted
/// are the wake-ups alone (a work-order trigger would resend what earlier tests left on the shared Azurite).
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class AppendWakeUpTests(AzuriteFixture azurite) : ServiceTest(azurite)
{
    private readonly string chain = Identifier.New("asc");

    protected override IDictionary<string, string?> Settings => TriggersOffAndStorageCounted();

    private EventIntake Intake => Host.Services.GetRequiredService<EventIntake>();

    private StorageOperationCounts Counts => Host.Services.GetRequiredService<StorageClients>().OperationCounts!;

    [Fact]
    public async Task Wake_ups_asked_for_while_one_is_being_sent_share_it()
    {
        var before = Counts.Snapshot();

        // Asked for in one go: the first sends, and the rest wait for it. A send may answer before the last is asked
        // for (a busy machine can pause this thread for longer than a send takes), and then the next one sends again;
        // each caller sending its own would make it fifty.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Intake.WakeAppenderAsync(chain, CancellationToken.None)));

        Assert.InRange(Counts.Snapshot().Minus(before).QueueSends, 1, 5);
    }

    [Fact]
    public async Task A_wake_up_asked_for_after_the_last_was_sent_is_sent_again()
    {
        var before = Counts.Snapshot();

        // An event accepted after a send ended may be missed by the drain that send started, so it needs its own.
        await Intake.WakeAppenderAsync(chain, CancellationToken.None);
        await Intake.WakeAppenderAsync(chain, CancellationToken.None);

        Assert.Equal(2, Counts.Snapshot().Minus(before).QueueSends);
    }

    [Fact]
    public async Task Wake_ups_of_different_chains_are_sent_apart()
    {
        var before = Counts.Snapshot();

        await Task.WhenAll(Intake.WakeAppenderAsync(chain, CancellationToken.None), Intake.WakeAppenderAsync(Identifier.New("asc"), CancellationToken.None));

        Assert.Equal(2, Counts.Snapshot().Minus(before).QueueSends);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_wake_up_others_share()
    {
        var before = Counts.Snapshot();

        // Given up from the start: the wake-up it began must still be sent, once, for the caller who shares it.
        var first = Intake.WakeAppenderAsync(chain, new CancellationToken(canceled: true));
        var second = Intake.WakeAppenderAsync(chain, CancellationToken.None);

        await second;
        Assert.Equal(1, Counts.Snapshot().Minus(before).QueueSends);

        // The one who gave up is told so, or, when a busy machine paused it until the send had ended, that it was sent.
        await Task.WhenAny(first);
        Assert.True(first.IsCanceled || first.IsCompletedSuccessfully, $"the caller that gave up ended {first.Status}");
    }
}
