using System.Globalization;
using System.Text;
using static HousingLedger.Contracts.ValidatedAssert;

namespace HousingLedger.Webhooks;

/// <summary>Signing and verifying with two secrets while one is rotated: several space-separated v1 signatures.</summary>
public sealed class StandardWebhookRotationTests
{
    private const string Id = "msg_rotation";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type": "job.accepted"}""");
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    private static readonly WebhookSecret Old = WebhookSecret.Generate();
    private static readonly WebhookSecret New = WebhookSecret.Generate();

    [Fact]
    public void Signing_with_two_secrets_writes_each_ones_signature_in_order_separated_by_a_space() =>
        Assert.Equal(
            StandardWebhook.Sign(New, Id, Now, Body) + " " + StandardWebhook.Sign(Old, Id, Now, Body),
            StandardWebhook.Sign([New, Old], Id, Now, Body));

    [Fact]
    public void A_header_signed_with_both_secrets_verifies_under_either_alone()
    {
        var header = StandardWebhook.Sign([New, Old], Id, Now, Body);

        Accepted(StandardWebhook.Verify(Old, Id, Timestamp, header, Body, Now));
        Accepted(StandardWebhook.Verify(New, Id, Timestamp, header, Body, Now));
    }

    [Fact]
    public void A_signature_under_either_valid_secret_verifies()
    {
        Accepted(StandardWebhook.Verify([New, Old], Id, Timestamp, StandardWebhook.Sign(Old, Id, Now, Body), Body, Now));
        Accepted(StandardWebhook.Verify([New, Old], Id, Timestamp, StandardWebhook.Sign(New, Id, Now, Body), Body, Now));
    }

    [Fact]
    public void A_signature_under_neither_valid_secret_is_refused_saying_the_previous_secret_was_tried_too()
    {
        var verified = StandardWebhook.Verify([New, Old], Id, Timestamp, StandardWebhook.Sign(WebhookSecret.Generate(), Id, Now, Body), Body, Now);

        RefusedAt(verified, StandardWebhook.SignatureHeader);
        Assert.Contains("previous secret", verified.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signing_or_verifying_with_no_secret_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardWebhook.Sign([], Id, Now, Body));
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardWebhook.Verify([], Id, Timestamp, "v1,x", Body, Now));
    }
}
