using System.Text;
using HousingLedger.Ledger;

namespace HousingLedger.Cli.Inputs;

/// <summary>Opens the files named on the command line, turning the ways a path can fail into usage errors.</summary>
internal static class InputFile
{
    /// <summary>
    /// The most a receipt, checkpoint, key set or proof file may hold. None is longer than a block's export line,
    /// so the line cap serves; it keeps a wrong file (an export, a disk image) from being read into memory.
    /// </summary>
    public const int MaxDocumentBytes = ChainExport.MaxLineBytes;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Opens <paramref name="path"/> to stream it; <paramref name="what"/> names it in the message (e.g. "export").</summary>
    public static Loaded<FileStream> Open(string path, string what)
    {
        try
        {
            return Loaded<FileStream>.Ok(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan));
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Loaded<FileStream>.Unusable($"cannot read the {what} '{path}': {unreadable.Message}");
        }
    }

    /// <summary>
    /// The text of a small file. One that is too long or not UTF-8 is corrupt when it is under audit
    /// (<paramref name="underAudit"/>), and unusable otherwise (a key set).
    /// </summary>
    public static async Task<Loaded<string>> ReadTextAsync(string path, string what, bool underAudit, CancellationToken cancellationToken)
    {
        var opened = Open(path, what);
        if (opened.Value is not { } stream)
        {
            return opened.As<string>();
        }

        await using (stream)
        {
            var bytes = new byte[MaxDocumentBytes + 1];
            var length = 0;
            int read;
            while (length < bytes.Length && (read = await stream.ReadAsync(bytes.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }

            if (length > MaxDocumentBytes)
            {
                return Bad($"the {what} '{path}' is longer than any {what} can be: expected at most {MaxDocumentBytes} bytes, found more");
            }

            try
            {
                return Loaded<string>.Ok(StrictUtf8.GetString(bytes, 0, length));
            }
            catch (DecoderFallbackException)
            {
                return Bad($"the {what} '{path}' is not text: expected UTF-8, found bytes that are not");
            }
        }

        Loaded<string> Bad(string problem) => underAudit ? Loaded<string>.Corrupt(problem) : Loaded<string>.Unusable(problem);
    }
}
