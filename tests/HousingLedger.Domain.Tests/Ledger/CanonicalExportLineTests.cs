using System.Text;
using System.Text.Json.Nodes;

namespace HousingLedger.Ledger;

/// <summary>
/// An export line read straight from its bytes must be read exactly as reading it into a <see cref="Block"/> reads
/// it (same header, block hash, signature, leaf hashes and event ids), or be refused and left to that reading; and
/// the lines the service writes must be taken, or the fast reading is never used.
/// </summary>
public sealed class CanonicalExportLineTests
{
    public static TheoryData<string, int> GoldenLines()
    {
        var lines = new TheoryData<string, int>();
        foreach (var file in Directory.EnumerateFiles(LedgerTestData.PathOf("chains"), "*.jsonl").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            var count = File.ReadAllLines(LedgerTestData.PathOf("chains", file!)).Length;
            for (var i = 0; i < count; i++)
            {
                lines.Add(file!, i);
            }
        }

        return lines;
    }

    [Theory]
    [MemberData(nameof(GoldenLines))]
    public void EveryGoldenLine_IsTakenAndReadAsABlockReadsIt(string file, int index)
    {
        var line = Encoding.UTF8.GetBytes(File.ReadAllLines(LedgerTestData.PathOf("chains", file))[index]);

        Assert.True(ReadsAsABlockDoes(line), $"{file} line {index} was refused, though the service wrote it");
    }

    [Fact]
    public void ALineWithAnyOneByteChangedOrRemoved_IsRefusedOrReadAsABlockReadsIt()
    {
        var export = File.ReadAllBytes(LedgerTestData.PathOf("chains", "valid.jsonl"));
        var line = export[..Array.IndexOf(export, (byte)'\n')];
        byte[] replacements = [(byte)' ', (byte)'\\', (byte)'"', (byte)'0', (byte)'9', (byte)'a', (byte)'A', (byte)'}', (byte)',', (byte)'-', 0xC3, 0x7F];
        var taken = 0;
        for (var at = 0; at < line.Length; at++)
        {
            var removed = line[..at].Concat(line[(at + 1)..]).ToArray();
            taken += ReadsAsABlockDoes(removed) ? 1 : 0;
            foreach (var replacement in replacements.Where(r => r != line[at]))
            {
                var changed = (byte[])line.Clone();
                changed[at] = replacement;
                taken += ReadsAsABlockDoes(changed) ? 1 : 0;
            }
        }

        // Changing a digit of a hash or a letter of a text keeps the line canonical: those must have been taken.
        Assert.True(taken > 100, $"only {taken} changed lines were taken");
    }

    public static TheoryData<string, JsonNode?> CanonicalData() => new()
    {
        { "escapes", "quote \" backslash \\ newline \n tab \t unit separator \u001f delete \u007f" },
        { "beyond the basic plane", "heat pump 🔥 and é" },
        { "safe numbers", new JsonArray(0, -1, 9007199254740991, -9007199254740991, 42) },
        { "nested", new JsonObject { ["b"] = new JsonArray(new JsonObject { ["z"] = true, ["a"] = null }), ["a"] = false } },
        { "names in order", new JsonObject { ["é"] = 1, ["😀"] = 2, ["a"] = 3, ["aa"] = 4, ["B"] = 5 } },
    };

    [Theory]
    [MemberData(nameof(CanonicalData))]
    public async Task ALineTheServiceWrites_WhateverItsData_IsTakenAndReadAsABlockReadsIt(string what, JsonNode? value)
    {
        var line = await LineWithDataAsync(new JsonObject { ["value"] = value?.DeepClone() });

        Assert.True(ReadsAsABlockDoes(Encoding.UTF8.GetBytes(line)), $"a line holding {what} was refused");
    }

    [Fact]
    public async Task NamesWhoseUtf8AndUtf16OrdersDisagree_AreLeftToTheBlockReader()
    {
        // RFC 8785 puts U+1F600 (D83D DE00) before U+E000; their UTF-8 bytes sort the other way.
        var line = Encoding.UTF8.GetBytes(await LineWithDataAsync(new JsonObject { ["\uE000"] = 1, ["😀"] = 2 }));

        Assert.False(new CanonicalExportLine().TryRead(line));
        Assert.True(Block.FromExportLine(line).IsValid);
    }

    public static TheoryData<string, string, string> NotCanonical() => new()
    {
        { "a space after a colon", "\"serialNumber\":", "\"serialNumber\": " },
        { "an escape JCS does not write", "BX-600", "BX\\u002d600" },
        { "an escaped solidus", "BX-600", "BX\\/600" },
        { "a whole number with a fraction", "\"value\":1", "\"value\":1.0" },
        { "an exponent", "\"value\":1", "\"value\":1e0" },
        { "members out of order", "\"serialNumber\":\"BX-600-88231\",\"value\":1", "\"value\":1,\"serialNumber\":\"BX-600-88231\"" },
    };

    [Theory]
    [MemberData(nameof(NotCanonical))]
    public async Task AValidLineNotInCanonicalForm_IsRefusedAndLeftToTheBlockReader(string what, string canonical, string instead)
    {
        var line = await LineWithDataAsync(new JsonObject { ["serialNumber"] = "BX-600-88231", ["value"] = 1 });
        Assert.Contains(canonical, line, StringComparison.Ordinal);
        var changed = Encoding.UTF8.GetBytes(line.Replace(canonical, instead, StringComparison.Ordinal));

        Assert.False(new CanonicalExportLine().TryRead(changed), $"a line with {what} was taken");
        Assert.True(Block.FromExportLine(changed).IsValid, $"a line with {what} is not a block");
    }

    [Fact]
    public async Task AnExportNotInCanonicalForm_VerifiesToTheSameTreeAsTheExportTheServiceWrote()
    {
        var lines = File.ReadAllLines(LedgerTestData.PathOf("chains", "valid.jsonl"));
        using var written = new ChainVerifier(ChainSamples.PublishedKeys().Find);
        using var spaced = new ChainVerifier(ChainSamples.PublishedKeys().Find);

        await ChainExport.VerifyAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")))), written);
        await ChainExport.VerifyAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l.Replace("\":", "\": ", StringComparison.Ordinal) + "\r\n")))), spaced);

        Assert.True(spaced.Result.Valid, $"the spaced-out export failed: {spaced.Result.Failure}");
        Assert.Equal((written.TreeSize, Convert.ToHexString(written.RootHash())), (spaced.TreeSize, Convert.ToHexString(spaced.RootHash())));
    }

    /// <summary>Whether the line was taken; when it was, asserts that it reads as the block reader reads it.</summary>
    private static bool ReadsAsABlockDoes(byte[] bytes)
    {
        var line = new CanonicalExportLine();
        if (!line.TryRead(bytes))
        {
            return false;
        }

        var read = Block.FromExportLine(bytes);
        Assert.True(read.IsValid, $"taken, but not a block: {(read.IsValid ? string.Empty : read.Errors[0])} in {Encoding.UTF8.GetString(bytes)}");
        var block = read.Value;
        Assert.Equal(block.Header, line.Header);
        Assert.Equal(block.Header.HashBytes(), line.HeaderHash);
        Assert.Equal(EcdsaSignature.FromBase64Url(block.Signature), line.Signature);
        Assert.Equal(block.LeafHashes().SelectMany(hash => hash).ToArray(), line.LeafHashes.ToArray());
        Assert.Equal(block.Transactions.Select(t => t.EventId), Enumerable.Range(0, line.TransactionCount).Select(i => Encoding.UTF8.GetString(line.EventId(i))));
        Assert.All(block.Transactions, t => Assert.Equal(block.Header.Chain, t.Chain));
        return true;
    }

    private static async Task<string> LineWithDataAsync(JsonObject data)
    {
        using var key = ChainSamples.SigningKey();
        var transaction = ChainSamples.Transaction("job.completed", "msg_complete_flat12", 1440, "supplier:sup_brightfix", "job:job_flat12", data);
        var block = await BlockSealer.SealAsync(ChainSamples.Chain, null, [transaction], ChainSamples.Monday.AddDays(1), key);
        return block.ToExportLine();
    }
}
