using System.Text.Json;

namespace HousingLedger.Values;

public sealed class TypedIdTests
{
    [Theory]
    [InlineData("job_oven12")]
    [InlineData("J-1")]
    [InlineData("a")]
    public void An_id_that_follows_the_rule_parses_and_reads_back_as_written(string text)
    {
        Assert.True(TypedId.TryParse<JobId>(text, out var id));
        Assert.Equal(text, id.Value);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("job 12")]
    [InlineData("x'y")]
    [InlineData("../secrets")]
    [InlineData("-leading-hyphen")]
    public void Text_that_breaks_the_rule_is_no_id(string? text)
    {
        Assert.False(TypedId.TryParse<ContractId>(text, out var id));
        Assert.Equal(default, id);
        Assert.Throws<FormatException>(() => TypedId.Parse<ContractId>(text ?? string.Empty));
    }

    [Fact]
    public void Ids_of_different_kinds_with_the_same_text_are_different_types_and_equal_ids_of_one_kind_are_equal()
    {
        var job = TypedId.Parse<JobId>("x_1");

        Assert.Equal(job, TypedId.Parse<JobId>("x_1"));
        Assert.NotEqual(job, TypedId.Parse<JobId>("x_2"));
        Assert.IsNotType<ContractId>(job);
    }

    [Fact]
    public void A_new_id_carries_its_kinds_prefix_and_follows_the_rule()
    {
        string[] made = [TypedId.New<JobId>().Value, TypedId.New<ContractId>().Value, TypedId.New<SupplierId>().Value, TypedId.New<AssociationId>().Value, TypedId.New<EventId>().Value];

        Assert.Equal(["job_", "con_", "sup_", "asc_", "evt_"], made.Select(id => id[..4]));
        Assert.All(made, id => Assert.True(Identifier.IsValid(id), id));
    }

    [Fact]
    public void In_JSON_an_id_is_its_text_so_stored_documents_read_as_before()
    {
        var written = JsonSerializer.Serialize(new { jobId = TypedId.Parse<JobId>("job_oven12") });

        Assert.Equal("""{"jobId":"job_oven12"}""", written);
        Assert.Equal(TypedId.Parse<JobId>("job_oven12"), JsonSerializer.Deserialize<JobId>("\"job_oven12\""));
    }

    [Theory]
    [InlineData("\"job 12\"")]
    [InlineData("12")]
    [InlineData("null")]
    public void JSON_that_holds_no_valid_id_is_refused_when_read(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<JobId>(json));
}
