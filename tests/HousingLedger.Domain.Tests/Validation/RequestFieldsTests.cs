using System.Text.Json;

namespace HousingLedger.Validation;

/// <summary>The function app's view of the reader: request rules, its own errors, an optional instant.</summary>
public sealed class RequestFieldsTests
{
    private static readonly string[] Fields = ["quantity", "raisedAt", "bank"];

    [Fact]
    public void Open_EachRequest_KeepsItsOwnErrors()
    {
        var first = RequestFields.Open(Json("""{"colour":"red"}"""), Fields);
        var second = RequestFields.Open(Json("""{}"""), Fields);

        Assert.Equal(["colour"], first.Errors.Select(error => error.Field));
        Assert.True(second.IsValid, "a second request heard about the first one's errors");
    }

    [Fact]
    public void Instant_IsOptionalUnlessSaidOtherwise()
    {
        var fields = RequestFields.Open(Json("""{}"""), Fields);

        Assert.Null(fields.Instant("raisedAt"));
        Assert.True(fields.IsValid);
        Assert.Null(fields.Instant("raisedAt", required: true));
        Assert.Equal([new FieldError("raisedAt", "is required")], fields.Errors);
    }

    [Fact]
    public void EveryWrongField_IsNamedAtOnce()
    {
        var fields = RequestFields.Open(Json("""{"quantity":0,"bank":[],"bank":{},"tenant":"Mrs Smith"}"""), Fields, "job");

        fields.Integer("quantity", 1, 10);
        fields.Object("bank");
        fields.Add(new FieldError(fields.PathOf("raisedAt"), "must not be in the future"));

        Assert.Equal(
            ["job.bank", "job.tenant", "job.quantity", "job.raisedAt"],
            fields.Errors.Select(error => error.Field));
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
