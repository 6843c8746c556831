using System.Text;

namespace HousingLedger.Payments;

public sealed class PaymentFileTests
{
    [Fact]
    public void Sha256_IsLowercaseHexOfTheBytes()
    {
        var file = new PaymentFile("abc.txt", "text/plain", "abc"u8);

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", file.Sha256);
        Assert.Equal(3, file.Size);
    }

    [Fact]
    public void Content_IsACopy_SoTheHashStaysTrue()
    {
        var bytes = Encoding.ASCII.GetBytes("abc");
        var file = new PaymentFile("abc.txt", "text/plain", bytes);

        bytes[0] = (byte)'x';

        Assert.Equal("abc", Encoding.ASCII.GetString(file.Content.Span));
    }
}
