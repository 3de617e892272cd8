using System.Globalization;
using System.Security.Cryptography;
using Benchmark.Core.Common;
using Benchmark.Core.Domain;

namespace Benchmark.Web.Infrastructure.Files;

/// <summary>Where uploaded files live and how big they may be (<c>Files:MaxUploadMegabytes</c>, <c>App:DataDirectory</c>).</summary>
public sealed class FileStoreOptions
{
    public const int DefaultMaxUploadMegabytes = 25;

    /// <summary>The folder of uploaded files: <c>{App:DataDirectory}/files</c>, outside the web root.</summary>
    public string Directory { get; set; } = Path.Combine("data", "files");

    public int MaxUploadMegabytes { get; set; } = DefaultMaxUploadMegabytes;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    /// <summary>What the form and server accept beyond the file itself (multipart headers, other fields).</summary>
    public long MaxRequestBytes => MaxUploadBytes + (1024L * 1024L);
}

/// <summary>
/// Stores uploaded files outside the web root, content-addressed by SHA-256 (<c>files/ab/abcd…</c>). A file is written to a
/// temporary file while it is hashed and measured, inspected (<see cref="FileInspector"/>), then moved into place: no
/// half file is ever visible, and a refused file leaves nothing behind.
/// </summary>
public sealed class FileStore(FileStoreOptions options)
{
    public FileStoreOptions Options { get; } = options;

    /// <summary>Checks and stores a file; returns what a submission records (name, type, size, SHA-256, storage path).</summary>
    public async Task<Result<SubmissionContent>> SaveAsync(Stream upload, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var name = FileInspector.CheckName(fileName);
        if (!name.IsSuccess)
        {
            return name.Error!;
        }

        var temp = Path.Combine(Directory.CreateDirectory(Path.Combine(Options.Directory, "tmp")).FullName, Guid.CreateVersion7().ToString("N") + ".part");
        try
        {
            string sha;
            long size;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var copied = await CopyAsync(upload, file, cancellationToken);
                if (!copied.IsSuccess)
                {
                    return copied.Error!;
                }

                (sha, size) = copied.Value;
                var kind = FileInspector.Inspect(file, name.Value);
                if (!kind.IsSuccess)
                {
                    return kind.Error!;
                }

                await file.FlushAsync(cancellationToken);
            }

            var relative = Path.Combine(sha[..2], sha);
            var target = Path.Combine(Options.Directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
            {
                try
                {
                    File.Move(temp, target);
                }
                catch (IOException) when (File.Exists(target))
                {
                    // The same content was stored by someone else in the meantime: same bytes, keep theirs.
                }
            }

            return new SubmissionContent(name.Value, FileInspector.ContentTypeOf(name.Value), size, sha, relative.Replace('\\', '/'), null);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Opens a stored file by the path a submission recorded; null when the path is not one this store writes or the file is gone.</summary>
    public FileStream? Open(string? storagePath)
    {
        if (storagePath is not { Length: 67 } || storagePath[2] != '/' || !storagePath.Remove(2, 1).All(char.IsAsciiHexDigitLower)
            || !storagePath.AsSpan(3).StartsWith(storagePath.AsSpan(0, 2)))
        {
            return null;
        }

        var path = Path.Combine(Options.Directory, storagePath[..2], storagePath[3..]);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null;
    }

    private async Task<Result<(string Sha, long Size)>> CopyAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            size += read;
            if (size > Options.MaxUploadBytes)
            {
                return TooLarge();
            }

            hash.AppendData(buffer, 0, read);
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    public Error TooLarge() =>
        Error.Invalid($"Le fichier dépasse la taille maximale autorisée ({Options.MaxUploadMegabytes.ToString(CultureInfo.GetCultureInfo("fr-FR"))} Mo) : réduisez-le ou découpez-le.");
}
