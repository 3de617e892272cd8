using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Benchmark.Web.Features.Grid;

/// <summary>
/// Keeps an uploaded grid file under <c>{App:DataDirectory}/grid-uploads/{enrolment}/{sha256}</c> (outside the web root)
/// between the first attempt, which reports the bad rows, and the user's choice to import the valid rows only.
/// The file is deleted once imported.
/// </summary>
internal sealed partial class GridUploads(IConfiguration configuration)
{
    public const long MaxBytes = 20L * 1024 * 1024;

    private string Folder(Guid enrolmentId) =>
        Path.Combine(string.IsNullOrWhiteSpace(configuration["App:DataDirectory"]) ? "./data" : configuration["App:DataDirectory"]!, "grid-uploads", enrolmentId.ToString("N"));

    /// <summary>Copies the upload to disk while hashing it; returns its path and lower-case hex SHA-256.</summary>
    public async Task<(string Path, string Sha256)> SaveAsync(Guid enrolmentId, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var folder = Directory.CreateDirectory(Folder(enrolmentId)).FullName;
        var temporary = Path.Combine(folder, $"{Guid.NewGuid():N}.part");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        var path = Path.Combine(folder, sha);
        File.Move(temporary, path, overwrite: true);
        return (path, sha);
    }

    /// <summary>The kept file of that enrolment and hash, if any (the hash is checked to be one, never a path).</summary>
    public string? Find(Guid enrolmentId, string? sha256) =>
        sha256 is not null && Sha256Pattern().IsMatch(sha256) && Path.Combine(Folder(enrolmentId), sha256) is var path && File.Exists(path) ? path : null;

    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A file still open elsewhere is left; it is overwritten by the next upload of the same content.
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
