using System.Text;
using FsCheck;
using FsCheck.Xunit;
using HousingLedger.Validation;
using static HousingLedger.Contracts.ValidatedAssert;

namespace HousingLedger.Webhooks;

public sealed class StandardWebhookTests
{
    // The example the Standard Webhooks libraries test against (checked here with an independent HMAC as well).
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string SpecTimestamp = "1614265330";
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private const string OtherSignature = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";

    private static readonly byte[] SpecBody = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");
    private static readonly DateTimeOffset SpecTime = DateTimeOffset.FromUnixTimeSeconds(1614265330);
    private static readonly WebhookSecret SpecSecret = Secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    [Fact]
    public void Sign_TheSpecsExample_GivesItsSignature() =>
        Assert.Equal(SpecSignature, StandardWebhook.Sign(SpecSecret, SpecId, SpecTime, SpecBody));

    [Fact]
    public void Sign_IgnoresFractionsOfASecond() =>
        Assert.Equal(SpecSignature, StandardWebhook.Sign(SpecSecret, SpecId, SpecTime.AddMilliseconds(999), SpecBody));

    [Theory]
    [InlineData("msg.1")]
    [InlineData("msg:1")]
    [InlineData("")]
    public void Sign_AnIdOutsideTheIdentifierRule_Throws(string id) =>
        Assert.Throws<ArgumentException>(() => StandardWebhook.Sign(SpecSecret, id, SpecTime, SpecBody));

    [Fact]
    public void Verify_TheSpecsExample_GivesItsIdAndTimestamp()
    {
        var verified = Verify(now: SpecTime);

        Accepted(verified);
        Assert.Equal(new VerifiedWebhook(SpecId, SpecTime), verified.Value);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    [InlineData(0)]
    public void Verify_WithinFiveMinutesEitherWay_IsAccepted(int secondsFromNow) =>
        Accepted(Verify(now: SpecTime.AddSeconds(-secondsFromNow)));

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(86_400)]
    public void Verify_MoreThanFiveMinutesEitherWay_IsRefusedAtTheTimestamp(int secondsFromNow) =>
        RefusedAt(Verify(now: SpecTime.AddSeconds(-secondsFromNow)), StandardWebhook.TimestampHeader, "within 5 minutes");

    [Fact]
    public void Verify_FiveMinutesAndATickAway_IsRefused() =>
        RefusedAt(Verify(now: SpecTime + StandardWebhook.Tolerance + TimeSpan.FromTicks(1)), StandardWebhook.TimestampHeader);

    [Fact]
    public void Verify_NoHeadersAtAll_NamesEachOne()
    {
        var verified = StandardWebhook.Verify(SpecSecret, null, null, null, SpecBody, SpecTime);

        Assert.Equal(
            [new FieldError("webhook-id", "is required"), new FieldError("webhook-timestamp", "is required"), new FieldError("webhook-signature", "is required")],
            verified.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Verify_AMissingId_IsRefused(string? id) =>
        RefusedAt(Verify(id: id), StandardWebhook.IdHeader, "is required");

    [Theory]
    [InlineData("msg.p5jXN8AQM9LWM0D4loKWxJek")]
    [InlineData("msg:p5jXN8AQM9LWM0D4loKWxJek")]
    [InlineData("msg p5jXN8AQM9LWM0D4loKWxJek")]
    [InlineData("msg_p5jXN8AQM9LWM0D4loKWxJek'")]
    [InlineData("_msg")]
    public void Verify_AnIdOutsideTheIdentifierRule_IsRefused(string id) =>
        RefusedAt(Verify(id: id), StandardWebhook.IdHeader, "event's id on the ledger");

    [Fact]
    public void Verify_AnIdOf65Characters_IsRefused() =>
        RefusedAt(Verify(id: new string('m', 65)), StandardWebhook.IdHeader);

    [Theory]
    [InlineData("1614265330.5")]
    [InlineData("-1614265330")]
    [InlineData("+1614265330")]
    [InlineData(" 1614265330")]
    [InlineData("1614265330 ")]
    [InlineData("2021-02-25T15:02:10Z")]
    [InlineData("1e9")]
    [InlineData("253402300800")]
    [InlineData("9999999999999")]
    public void Verify_ATimestampThatIsNotWholeUnixSeconds_IsRefused(string timestamp) =>
        RefusedAt(Verify(timestamp: timestamp), StandardWebhook.TimestampHeader, "whole seconds since 1970");

    [Fact]
    public void Verify_AMissingSignature_IsRefused() =>
        RefusedAt(Verify(signature: ""), StandardWebhook.SignatureHeader, "is required");

    [Theory]
    [InlineData(OtherSignature)]
    [InlineData("v1,")]
    [InlineData("v1,not base64!")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=AAAA")]
    [InlineData("v1,G0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    public void Verify_AV1SignatureThatDoesNotMatch_IsRefused(string signature) =>
        RefusedAt(Verify(signature: signature), StandardWebhook.SignatureHeader, "no v1 signature that matches");

    [Theory]
    [InlineData("v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("V1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    public void Verify_OnlyOtherVersions_IsRefusedForWantOfAV1Signature(string signature) =>
        RefusedAt(Verify(signature: signature), StandardWebhook.SignatureHeader, "must carry a v1 signature");

    [Theory]
    [InlineData($"{OtherSignature} {SpecSignature}")]
    [InlineData($"v1a,aGVsbG8= {SpecSignature} {OtherSignature}")]
    [InlineData($"  {SpecSignature}  ")]
    [InlineData($"v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= {OtherSignature}   {SpecSignature}")]
    public void Verify_AMatchingV1SignatureAmongOthers_IsAccepted(string signature) =>
        Accepted(Verify(signature: signature));

    [Fact]
    public void Verify_AChangedBody_IsRefused() =>
        RefusedAt(Verify(body: Encoding.UTF8.GetBytes("""{"test":2432232314}""")), StandardWebhook.SignatureHeader);

    [Fact]
    public void Verify_AnotherId_IsRefused() =>
        RefusedAt(Verify(id: "msg_p5jXN8AQM9LWM0D4loKWxJeK"), StandardWebhook.SignatureHeader);

    [Fact]
    public void Verify_TheTimestampIsSignedAsWritten_SoALeadingZeroBreaksTheSignature() =>
        RefusedAt(Verify(timestamp: "0" + SpecTimestamp), StandardWebhook.SignatureHeader);

    [Fact]
    public void Verify_AnotherSecret_IsRefused() =>
        RefusedAt(
            StandardWebhook.Verify(WebhookSecret.Generate(), SpecId, SpecTimestamp, SpecSignature, SpecBody, SpecTime),
            StandardWebhook.SignatureHeader);

    [Fact]
    public void Verify_AStaleWebhookWithAForgedSignature_ReportsBoth()
    {
        var verified = Verify(signature: OtherSignature, now: SpecTime.AddHours(1));

        Assert.Equal([StandardWebhook.TimestampHeader, StandardWebhook.SignatureHeader], verified.Errors.Select(error => error.Field));
    }

    [Property(MaxTest = 100)]
    public void WhatSignSigns_VerifyAccepts(NonEmptyString text, PositiveInt secondsSinceSpecTime)
    {
        var secret = WebhookSecret.Generate();
        var body = Encoding.UTF8.GetBytes(text.Get);
        var sentAt = SpecTime.AddSeconds(secondsSinceSpecTime.Get);

        var signature = StandardWebhook.Sign(secret, "msg_roundtrip", sentAt, body);
        var verified = StandardWebhook.Verify(secret, "msg_roundtrip", sentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), signature, body, sentAt);

        Accepted(verified);
    }

    private static Validated<VerifiedWebhook> Verify(
        string? id = SpecId, string? timestamp = SpecTimestamp, string? signature = SpecSignature, byte[]? body = null, DateTimeOffset? now = null) =>
        StandardWebhook.Verify(SpecSecret, id, timestamp, signature, body ?? SpecBody, now ?? SpecTime);

    private static WebhookSecret Secret(string text) =>
        WebhookSecret.TryParse(text, out var secret) ? secret : throw new InvalidOperationException($"{text} is not a secret");
}
