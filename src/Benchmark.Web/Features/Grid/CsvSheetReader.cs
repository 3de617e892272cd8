using System.Text;
using Benchmark.Core.Grid;

namespace Benchmark.Web.Features.Grid;

/// <summary>
/// A small streaming CSV reader for the files people really send: <c>;</c> separator (French Excel) — or tab when no
/// line has a semicolon (a comma-separated file is refused by <see cref="GridFile"/>) —, quoted fields with <c>""</c> and line breaks, CRLF/LF/CR, UTF-8 with or without BOM,
/// UTF-16 with BOM, else Windows-1252 (what French Excel writes by default). One row in memory at a time.
/// </summary>
internal static class CsvSheetReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The encoding of a seekable stream: its BOM, else UTF-8 if every byte sequence is valid UTF-8, else Windows-1252.</summary>
    public static Encoding DetectEncoding(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.Position;
        Span<byte> bom = stackalloc byte[3];
        var read = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        stream.Position = start;
        if (read >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
        {
            return Encoding.UTF8;
        }

        if (read >= 2 && ((bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF)))
        {
            return bom[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
        }

        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[81920];
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        try
        {
            int count;
            while ((count = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, count, chars, 0, flush: false);
            }

            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        }
        finally
        {
            stream.Position = start;
        }
    }

    /// <summary>The rows of a seekable stream, each numbered by the line it starts on.</summary>
    public static IEnumerable<SheetRow> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var encoding = DetectEncoding(stream);
        var separator = DetectSeparator(stream, encoding);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: true);
        if (encoding.CodePage == Encoding.UTF8.CodePage && reader.Peek() == '\uFEFF')
        {
            reader.Read();
        }

        var cells = new List<SheetCell>(8);
        var field = new StringBuilder(64);
        var line = 1;
        var rowStart = 1;
        var quoted = false;
        var atFieldStart = true;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }

                continue;
            }

            if (ch == '"' && atFieldStart)
            {
                quoted = true;
                atFieldStart = false;
            }
            else if (ch == separator)
            {
                cells.Add(SheetCell.OfText(field.ToString()));
                field.Clear();
                atFieldStart = true;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                cells.Add(SheetCell.OfText(field.ToString()));
                field.Clear();
                yield return new SheetRow(rowStart, cells.ToArray());
                cells.Clear();
                line++;
                rowStart = line;
                atFieldStart = true;
            }
            else
            {
                field.Append(ch);
                atFieldStart = false;
            }
        }

        if (field.Length > 0 || cells.Count > 0)
        {
            cells.Add(SheetCell.OfText(field.ToString()));
            yield return new SheetRow(rowStart, cells.ToArray());
        }
    }

    /// <summary>The separator <see cref="Read"/> will use for a seekable stream.</summary>
    public static char DetectSeparator(Stream stream) => DetectSeparator(stream, DetectEncoding(stream));

    /// <summary><c>;</c> if any of the first lines has one, else tab, else comma.</summary>
    private static char DetectSeparator(Stream stream, Encoding encoding)
    {
        var start = stream.Position;
        try
        {
            using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
            var lines = new List<string>();
            while (lines.Count < GridHeader.RowsScanned && reader.ReadLine() is { } text)
            {
                lines.Add(text);
            }

            return lines.Any(l => l.Contains(';', StringComparison.Ordinal)) ? ';'
                : lines.Any(l => l.Contains('\t', StringComparison.Ordinal)) ? '\t'
                : ',';
        }
        finally
        {
            stream.Position = start;
        }
    }
}
