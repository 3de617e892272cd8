using System.IO.Compression;
using System.Text;
using Benchmark.Core.Common;

namespace Benchmark.Web.Infrastructure.Files;

/// <summary>A kind of file a deliverable may be: its extensions, the MIME type it is served with, a French name.</summary>
public sealed record FileKind(string Name, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// Decides what a file is from its bytes (magic numbers; for OOXML, the zip's <c>[Content_Types].xml</c> and main part;
/// for legacy Office, the compound file's main stream), never from its name alone: the name's extension must agree.
/// Executables (MZ, ELF, Mach-O, scripts), empty files and names with path or control characters are refused.
/// </summary>
public static class FileInspector
{
    public static readonly FileKind Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly FileKind Docx = new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileKind Xlsx = new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly FileKind Pptx = new("PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly FileKind Doc = new("Word 97-2003", "application/msword", [".doc"]);
    public static readonly FileKind Xls = new("Excel 97-2003", "application/vnd.ms-excel", [".xls"]);
    public static readonly FileKind Ppt = new("PowerPoint 97-2003", "application/vnd.ms-powerpoint", [".ppt"]);
    public static readonly FileKind Png = new("PNG", "image/png", [".png"]);
    public static readonly FileKind Jpeg = new("JPEG", "image/jpeg", [".jpg", ".jpeg"]);

    public static IReadOnlyList<FileKind> Accepted { get; } = [Pdf, Docx, Xlsx, Pptx, Doc, Xls, Ppt, Png, Jpeg];

    /// <summary>For the file input's <c>accept</c> attribute.</summary>
    public static string AcceptAttribute { get; } = string.Join(',', Accepted.SelectMany(k => k.Extensions));

    public const string AcceptedText = "PDF, Word, Excel, PowerPoint (.docx, .xlsx, .pptx ou .doc, .xls, .ppt), PNG ou JPEG";

    private static readonly (string Part, string ContentType, FileKind Kind)[] OfficeParts =
    [
        ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", Docx),
        ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", Xlsx),
        ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", Pptx),
    ];

    private static readonly (string Stream, FileKind Kind)[] CompoundStreams =
    [
        ("WordDocument", Doc), ("Workbook", Xls), ("Book", Xls), ("PowerPoint Document", Ppt),
    ];

    /// <summary>Checks a file name sent by a browser: a plain name, no path, no control character, an accepted extension.</summary>
    public const string FormattingRefused =
        "Le nom du fichier contient un caractère invisible de mise en forme (sens d'écriture, espace sans largeur) : renommez-le avant de le déposer.";

    /// <summary>Whether a name holds an invisible formatting character (bidirectional override, zero-width space…).</summary>
    public static bool HasFormatting(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
    }

    public static Result<string> CheckName(string? fileName)
    {
        var name = fileName?.Trim() ?? "";
        if (name.Length == 0)
        {
            return Error.Invalid("Choisissez un fichier à déposer.");
        }

        if (name.Length > 200)
        {
            return Error.Invalid("Le nom du fichier est trop long (200 caractères au plus) : renommez-le avant de le déposer.");
        }

        if (name.Any(c => char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|') || name.Contains("..", StringComparison.Ordinal))
        {
            return Error.Invalid("Le nom du fichier ne doit contenir ni chemin (« / », « \\ », « .. »), ni caractère spécial (« : * ? \" < > | ») ou de contrôle : renommez-le avant de le déposer.");
        }

        // Invisible formatting characters (U+202E reverses the text that follows: « facture‮fdp.exe » reads as « facture
        // exe.pdf ») would show the name spoofed on every page and in every email.
        if (HasFormatting(name))
        {
            return Error.Invalid(FormattingRefused);
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!Accepted.Any(k => k.Extensions.Contains(extension)))
        {
            return Error.Invalid($"Ce type de fichier n'est pas accepté ({(extension.Length == 0 ? "sans extension" : extension)}). Formats acceptés : {AcceptedText}.");
        }

        return name;
    }

    /// <summary>What the content is, checked against the (already checked) name's extension.</summary>
    public static Result<FileKind> Inspect(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (content.Length == 0)
        {
            return Error.Invalid("Le fichier est vide (0 octet) : vérifiez-le et déposez-le à nouveau.");
        }

        var head = new byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var kind = Detect(content, head.AsSpan(0, read), out var executable);
        if (executable)
        {
            return Error.Invalid("Ce fichier est un programme exécutable, pas un document : il est refusé.");
        }

        if (kind is null)
        {
            return Error.Invalid($"Le contenu du fichier ne correspond à aucun format accepté ({AcceptedText}) : il a peut-être été renommé ou il est endommagé.");
        }

        if (!kind.Extensions.Contains(extension))
        {
            return Error.Invalid($"Le contenu du fichier est un document {kind.Name}, mais son nom se termine par « {extension} » : renommez-le en {string.Join(" ou ", kind.Extensions)}.");
        }

        return kind;
    }

    /// <summary>The MIME type of a stored file from its name (files are only stored once inspected).</summary>
    public static string ContentTypeOf(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return Accepted.FirstOrDefault(k => k.Extensions.Contains(extension))?.ContentType ?? "application/octet-stream";
    }

    private static FileKind? Detect(Stream content, ReadOnlySpan<byte> head, out bool executable)
    {
        executable = head.StartsWith("MZ"u8) || head.StartsWith((byte[])[0x7F, (byte)'E', (byte)'L', (byte)'F']) || head.StartsWith("#!"u8)
            || head.StartsWith((byte[])[0xCA, 0xFE, 0xBA, 0xBE]) || head.StartsWith((byte[])[0xFE, 0xED, 0xFA, 0xCE]) || head.StartsWith((byte[])[0xFE, 0xED, 0xFA, 0xCF])
            || head.StartsWith((byte[])[0xCE, 0xFA, 0xED, 0xFE]) || head.StartsWith((byte[])[0xCF, 0xFA, 0xED, 0xFE]);
        if (executable)
        {
            return null;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith((byte[])[(byte)'P', (byte)'K', 0x03, 0x04]))
        {
            return OpenXml(content);
        }

        return head.StartsWith((byte[])[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) ? Compound(content) : null;
    }

    /// <summary>An OOXML package: its content types declare the main part of a document, workbook or presentation, and the part exists.</summary>
    private static FileKind? OpenXml(Stream content)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > 1_000_000)
            {
                return null;
            }

            string xml;
            using (var reader = new StreamReader(types.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }

            return OfficeParts.FirstOrDefault(p => xml.Contains(p.ContentType, StringComparison.Ordinal) && zip.GetEntry(p.Part) is not null).Kind;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>A legacy Office compound file: the directory names the main stream (UTF-16) of a document, workbook or presentation.</summary>
    private static FileKind? Compound(Stream content)
    {
        content.Position = 0;
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        var bytes = copy.GetBuffer().AsSpan(0, (int)copy.Length);
        foreach (var (stream, kind) in CompoundStreams)
        {
            // A directory entry: the name in UTF-16LE, NUL-terminated, then padding up to 64 bytes.
            var name = Encoding.Unicode.GetBytes(stream + "\0");
            if (bytes.IndexOf(name) >= 0)
            {
                return kind;
            }
        }

        return null;
    }
}
