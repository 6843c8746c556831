namespace HousingLedger.Cli;

/// <summary>What cannot be checked at all is a usage error (exit 2) on stderr, never a stack trace; --help works everywhere.</summary>
public sealed class UsageTests
{
    public static TheoryData<string[]> UsageErrors() => new()
    {
        new[] { "verify", "no-such-export.jsonl", "--jwks", "jwks.json" },
        new[] { "verify", "exports/valid.jsonl", "--jwks", "no-such-jwks.json" },
        new[] { "verify", "exports/valid.jsonl" },
        new[] { "verify", "exports/valid.jsonl", "--jwks", "jwks.json", "--no-such-option" },
        new[] { "receipt", "receipts/valid.json", "--jwks", "exports" },
        new[] { "checkpoint", "checkpoints/valid.note", "--jwks", "jwks.json", "--export", "no-such-export.jsonl" },
        new[] { "consistency", "checkpoints/first-block.note", "checkpoints/valid.note" },
        new[] { "consistency", "checkpoints/first-block.note", "checkpoints/valid.note", "no-such-proof.json" },
        new[] { "verify", "exports/valid.jsonl", "--jwks", "jwks.json", "--chain", "" },
        new[] { "verify", "exports/valid.jsonl", "--jwks", "jwks.json", "--chain", "not a chain" },
        new[] { "recompute", "exports/valid.jsonl" },
        Array.Empty<string>(),
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task CommandThatCannotRun_ExitsTwo_SayingWhyOnStderrWithoutAStackTrace(string[] args)
    {
        var run = await HlRun.InProcessAsync([.. args.Select(InputOrAsGiven)]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("hl: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task JwksWithAnRsaKey_IsAUsageError_NamingTheKey()
    {
        var run = await HlRun.InProcessAsync("verify", HlRun.Input("exports/valid.jsonl"), "--jwks", HlRun.Input("jwks-with-rsa-key.json"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.EndsWith("jwks-with-rsa-key.json' is not a JWKS: keys[0].kty must be \"EC\", found \"RSA\"\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JwksWithNoKeys_IsAUsageError()
    {
        var empty = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(empty, """{"keys": []}""");

            var run = await HlRun.InProcessAsync("verify", HlRun.Input("exports/valid.jsonl"), "--jwks", empty);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.EndsWith("' holds no keys\n", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("receipt")]
    [InlineData("checkpoint")]
    [InlineData("consistency")]
    public async Task Help_OnEveryCommand_PrintsUsageToStdoutAndExitsZero(string command)
    {
        var run = await HlRun.InProcessAsync(command, "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"hl {command}", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>File names (with a dot, and the exports folder) become test input paths; options and names stay as written.</summary>
    private static string InputOrAsGiven(string arg) =>
        arg.StartsWith('-') || !arg.Contains('.', StringComparison.Ordinal) && arg != "exports" ? arg : HlRun.Input(arg);
}
