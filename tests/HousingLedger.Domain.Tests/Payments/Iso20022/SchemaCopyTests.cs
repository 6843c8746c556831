
namespace HousingLedger.Payments.Iso20022;

/// <summary>
/// The tests validate against a copy of the official schema so they run from any clone; this keeps the copy
/// honest against the team's reference copy in <c>../shared/reference/iso20022/</c>, next to the repository.
/// </summary>
public sealed class SchemaCopyTests
{
    [FactWhenSharedSchemaExists]
    public void TestdataSchema_IsByteIdenticalToTheSharedReference()
    {
        var copy = File.ReadAllBytes(PaymentTestData.PathOf("iso20022", "pain.001.001.09.xsd"));
        var reference = File.ReadAllBytes(FactWhenSharedSchemaExistsAttribute.SharedSchemaPath());

        Assert.True(copy.AsSpan().SequenceEqual(reference), $"testdata/iso20022/pain.001.001.09.xsd ({copy.Length} bytes) differs from the shared reference ({reference.Length} bytes); copy it again, unchanged");
    }

    /// <summary>Skips, saying why, when the shared reference folder is not beside this clone.</summary>
    private sealed class FactWhenSharedSchemaExistsAttribute : FactAttribute
    {
        public FactWhenSharedSchemaExistsAttribute()
        {
            if (!File.Exists(SharedSchemaPath()))
            {
                Skip = $"No shared reference schema at {SharedSchemaPath()}: the copy in testdata/iso20022 was not compared with it.";
            }
        }

        /// <summary><c>../shared/reference/iso20022/pain.001.001.09.xsd</c> from the repository root.</summary>
        public static string SharedSchemaPath() => SourceTree.PathOf("..", "shared", "reference", "iso20022", "pain.001.001.09.xsd");
    }
}
