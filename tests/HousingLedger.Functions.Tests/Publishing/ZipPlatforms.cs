using System.Buffers.Binary;

namespace HousingLedger.Functions.Tests.Publishing;

/// <summary>
/// The "version made by" platform of each entry of a zip (APPNOTE 4.4.2), which System.IO.Compression does not
/// expose. Unzip tools read an entry's Unix mode, and so its executable bit, only when this says Unix.
/// </summary>
internal static class ZipPlatforms
{
    public const byte Unix = 3;

    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const uint CentralDirectoryHeaderSignature = 0x02014b50;
    private const int EndOfCentralDirectorySize = 22;
    private const int CentralDirectoryHeaderSize = 46;

    /// <summary>Each entry's name and its platform; reads a zip without a trailing comment or Zip64 records.</summary>
    /// <exception cref="InvalidDataException">The file does not end in a plain end-of-central-directory record.</exception>
    public static IReadOnlyDictionary<string, byte> Of(string zipPath)
    {
        var bytes = File.ReadAllBytes(zipPath);
        var end = bytes.AsSpan(bytes.Length - EndOfCentralDirectorySize);
        if (BinaryPrimitives.ReadUInt32LittleEndian(end) != EndOfCentralDirectorySignature)
        {
            throw new InvalidDataException($"{zipPath} does not end in an end-of-central-directory record.");
        }

        var count = BinaryPrimitives.ReadUInt16LittleEndian(end[10..]);
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(end[16..]);
        var platforms = new Dictionary<string, byte>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var header = bytes.AsSpan(offset);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != CentralDirectoryHeaderSignature)
            {
                throw new InvalidDataException($"{zipPath}: central directory entry {i} at byte {offset} has no header signature.");
            }

            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            platforms[System.Text.Encoding.UTF8.GetString(header.Slice(CentralDirectoryHeaderSize, nameLength))] = header[5];
            offset += CentralDirectoryHeaderSize + nameLength + extraLength + commentLength;
        }

        return platforms;
    }
}
