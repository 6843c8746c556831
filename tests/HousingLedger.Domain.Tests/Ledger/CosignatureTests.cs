namespace HousingLedger.Ledger;

/// <summary>The C2SP tlog-cosignature v1 format, checked against the specification's own example.</summary>
public sealed class CosignatureTests
{
    // The example checkpoint of C2SP tlog-cosignature, with its log signature and one Ed25519 cosignature.
    private const string SpecificationExample =
        "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n" +
        "— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n" +
        "— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n";

    [Fact]
    public void The_specifications_example_reads_as_a_checkpoint_with_a_cosignature_made_at_its_stated_time()
    {
        var note = SignedNote.Parse(SpecificationExample, out var reason);

        Assert.True(note is not null, reason);
        Assert.Equal("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", note.Text);
        var cosignature = Cosignature.Read(note.Signatures[1]);
        Assert.Equal(("witness.example.com/w1", "8d66cf3f", 1679315147L), (note.Signatures[1].KeyName, Convert.ToHexStringLower(note.Signatures[1].KeyId), cosignature!.Value.Timestamp));
        Assert.Equal(Cosignature.Ed25519SignatureLength, cosignature.Value.Ed25519Signature.Length);
        Assert.Equal(SpecificationExample, note.ToNote());
    }

    [Fact]
    public void The_signed_message_is_the_header_the_time_and_the_checkpoint_text_as_the_specification_shows()
    {
        var message = Cosignature.SignedMessage("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", 1679315147);

        Assert.Equal(
            "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
            System.Text.Encoding.UTF8.GetString(message));
    }

    [Fact]
    public void A_verifier_key_round_trips_and_names_its_key_id()
    {
        var key = new CosignerKey("witness.riverside.example/hl", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

        var parsed = CosignerKey.Parse(key.ToVerifierKey(), out var reason);

        Assert.Equal(key, parsed);
        Assert.Equal(reason, string.Empty);
        Assert.Equal(Convert.ToHexStringLower(key.KeyId), key.ToVerifierKey().Split('+')[1]);
    }

    [Theory]
    [InlineData("witness.example/hl+00000000+BAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g", "key id is")]
    [InlineData("witness.example/hl+00000000+AgECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g", "expected")]
    [InlineData("witness.example/hl+00000000+BAECAw==", "expected")]
    [InlineData("no-plus-signs-at-all", "expected")]
    public void A_verifier_key_that_is_not_an_Ed25519_cosigners_is_refused_saying_why(string vkey, string reason)
    {
        Assert.Null(CosignerKey.Parse(vkey, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }
}
