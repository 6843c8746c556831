namespace HousingLedger.Webhooks;

public sealed class WebhookSecretTests
{
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public void TryParse_TheSpecsExampleSecret_GivesItsKeyAndWritesItBack()
    {
        Assert.True(WebhookSecret.TryParse(SpecSecret, out var secret), "the Standard Webhooks example secret was refused");
        Assert.Equal(Convert.FromBase64String("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), secret.Key.ToArray());
        Assert.Equal(SpecSecret, secret.ToString());
    }

    [Theory]
    [InlineData("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYX", 24)]
    [InlineData("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==", 64)]
    public void TryParse_AKeyOf24To64Bytes_IsAccepted(string text, int length)
    {
        Assert.True(WebhookSecret.TryParse(text, out var secret), $"a key of {length} bytes was refused");
        Assert.Equal(length, secret.Key.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("whsec_")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsk_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData(" whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw ")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjU PD8ILPZIo2LaLaSw")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjU\nPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRY=")]
    [InlineData("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0A=")]
    [InlineData("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGA")]
    [InlineData("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGB==")]
    [InlineData("whsec_-_ECAwQFBgcICQoLDA0ODxAREhMUFRYX")]
    public void TryParse_AnythingElse_IsRefused(string? text) =>
        Assert.False(WebhookSecret.TryParse(text, out _), $"'{text}' was accepted");

    [Fact]
    public void Generate_Gives32RandomBytesThatParseBack()
    {
        var secret = WebhookSecret.Generate();
        var other = WebhookSecret.Generate();

        Assert.Equal(WebhookSecret.GeneratedLength, secret.Key.Length);
        Assert.StartsWith("whsec_", secret.ToString(), StringComparison.Ordinal);
        Assert.True(WebhookSecret.TryParse(secret.ToString(), out var again), $"{secret} did not parse back");
        Assert.Equal(secret.Key.ToArray(), again.Key.ToArray());
        Assert.NotEqual(secret.ToString(), other.ToString());
    }
}
