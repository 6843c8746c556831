namespace HousingLedger.Webhooks;

public sealed class RotatingSecretTests
{
    private static readonly DateTimeOffset RotatedAt = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = RotatingSecret<string>.Overlap;

    [Fact]
    public void A_secret_never_rotated_is_the_only_one_valid() =>
        Assert.Equal(["a"], RotatingSecret<string>.First("a").ValidAt(RotatedAt));

    [Fact]
    public void For_a_day_after_a_rotation_both_secrets_are_valid_the_new_one_first()
    {
        var rotated = RotatingSecret<string>.First("a").Rotate("b", RotatedAt);

        Assert.Equal(RotatedAt + Day, rotated.PreviousValidUntil);
        Assert.Equal(["b", "a"], rotated.ValidAt(RotatedAt));
        Assert.Equal(["b", "a"], rotated.ValidAt(RotatedAt + Day - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void From_exactly_a_day_after_a_rotation_only_the_new_secret_is_valid()
    {
        var rotated = RotatingSecret<string>.First("a").Rotate("b", RotatedAt);

        Assert.Equal(["b"], rotated.ValidAt(RotatedAt + Day));
        Assert.Equal(["b"], rotated.ValidAt(RotatedAt + Day + Day));
    }

    [Fact]
    public void Rotating_again_within_the_day_keeps_the_secret_from_before_it_drops_the_one_in_between_and_restarts_the_day()
    {
        var again = RotatingSecret<string>.First("a").Rotate("b", RotatedAt).Rotate("c", RotatedAt.AddHours(3));

        Assert.Equal(["c", "a"], again.ValidAt(RotatedAt.AddHours(3)));
        Assert.Equal(RotatedAt.AddHours(3) + Day, again.PreviousValidUntil);
        Assert.Equal(["c"], again.ValidAt(RotatedAt.AddHours(3) + Day));
    }

    [Fact]
    public void Rotating_again_after_the_day_keeps_the_secret_that_was_current()
    {
        var later = RotatedAt + Day + TimeSpan.FromHours(1);

        var again = RotatingSecret<string>.First("a").Rotate("b", RotatedAt).Rotate("c", later);

        Assert.Equal(["c", "b"], again.ValidAt(later));
    }

    [Fact]
    public void Revoking_the_previous_secret_leaves_only_the_new_one_at_once()
    {
        var revoked = RotatingSecret<string>.First("a").Rotate("b", RotatedAt).Rotate("c", RotatedAt.AddHours(1), revokePrevious: true);

        Assert.Equal(["c"], revoked.ValidAt(RotatedAt.AddHours(1)));
        Assert.Null(revoked.Previous);
        Assert.Null(revoked.PreviousValidUntil);
    }

    [Fact]
    public void Restoring_a_previous_secret_without_its_end_or_the_reverse_throws()
    {
        Assert.Throws<ArgumentException>(() => RotatingSecret<string>.Restore("b", "a", null));
        Assert.Throws<ArgumentException>(() => RotatingSecret<string>.Restore("b", null, RotatedAt));
        Assert.Equal(["b", "a"], RotatingSecret<string>.Restore("b", "a", RotatedAt + Day).ValidAt(RotatedAt));
    }
}
