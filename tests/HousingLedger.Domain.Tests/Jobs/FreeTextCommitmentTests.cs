using System.Security.Cryptography;
using System.Text;

namespace HousingLedger.Jobs;

public sealed class FreeTextCommitmentTests
{
    private const string Notes = "Tenant asked for a call back after 5pm — flat 12";

    // SHA-256(00 01 … 0f ‖ UTF-8(Notes)), computed outside this code.
    private const string KnownCommitment = "e47af7c857d53fca8148cc95a3c477835e19b48aa50e7ca2ef364258b57f2edf";

    private static readonly byte[] KnownSalt = [.. Enumerable.Range(0, 16).Select(value => (byte)value)];

    [Fact]
    public void Create_CommitsToTheSaltThenTheUtf8Text()
    {
        var (commitment, salt) = FreeTextCommitment.Create(Notes);

        Assert.Equal(FreeTextCommitment.SaltLength, salt.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(Notes)])), commitment);
    }

    [Fact]
    public void Create_TheSameTextTwice_GivesDifferentSaltsAndCommitments()
    {
        var first = FreeTextCommitment.Create(Notes);
        var second = FreeTextCommitment.Create(Notes);

        Assert.NotEqual(first.Salt, second.Salt);
        Assert.NotEqual(first.Commitment, second.Commitment);
    }

    [Fact]
    public void Matches_TheKnownVector_IsTrue() =>
        Assert.True(FreeTextCommitment.Matches(Notes, KnownSalt, KnownCommitment));

    [Fact]
    public void Matches_WhatCreateGave_IsTrue()
    {
        var (commitment, salt) = FreeTextCommitment.Create("");

        Assert.True(FreeTextCommitment.Matches("", salt, commitment));
    }

    [Theory]
    [InlineData(Notes + " ")]
    [InlineData("Tenant asked for a call back after 5pm - flat 12")]
    [InlineData("")]
    public void Matches_OtherText_IsFalse(string text) =>
        Assert.False(FreeTextCommitment.Matches(text, KnownSalt, KnownCommitment));

    [Fact]
    public void Matches_AnotherSalt_IsFalse() =>
        Assert.False(FreeTextCommitment.Matches(Notes, [.. KnownSalt.Reverse()], KnownCommitment));

    [Theory]
    [InlineData("E47AF7C857D53FCA8148CC95A3C477835E19B48AA50E7CA2EF364258B57F2EDF")]
    [InlineData("e47af7c857d53fca8148cc95a3c477835e19b48aa50e7ca2ef364258b57f2ed")]
    [InlineData("")]
    [InlineData("z47af7c857d53fca8148cc95a3c477835e19b48aa50e7ca2ef364258b57f2edf")]
    public void Matches_ACommitmentNotInLowerCaseHex_IsFalse(string commitment) =>
        Assert.False(FreeTextCommitment.Matches(Notes, KnownSalt, commitment));
}
