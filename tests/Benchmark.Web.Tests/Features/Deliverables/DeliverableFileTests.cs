using System.Net;
using System.Security.Cryptography;
using Benchmark.Web.Infrastructure.Files;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Benchmark.Web.Tests.Features.Deliverables.DeliverableScenario;

namespace Benchmark.Web.Tests.Features.Deliverables;

/// <summary>Uploads: the bad-file corpus is refused with a French message and leaves nothing; good files are typed from their bytes and streamed back safely.</summary>
public sealed class DeliverableFileTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Engagement = "engagement-directoire";

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "vide", "vide.pdf", "Le fichier est vide" },
        { "exe", "rapport.pdf", "programme exécutable" },
        { "elf", "rapport.docx", "programme exécutable" },
        { "texte", "notes.pdf", "ne correspond à aucun format accepté" },
        { "png", "image.pdf", "renommez-le en .png" },
        { "zip", "archive.docx", "ne correspond à aucun format accepté" },
        { "docx", "classeur.xlsx", "renommez-le en .docx" },
        { "pdf", "../../etc/passwd.pdf", "ni chemin" },
        { "pdf", "dossier\\note.pdf", "ni chemin" },
        { "pdf", "note\u0007.pdf", "de contrôle" },
        { "pdf", "script.exe", "Ce type de fichier n'est pas accepté (.exe)" },
        { "pdf", "sans-extension", "sans extension" },
        { "trop-gros", "enorme.pdf", "taille maximale autorisée (25 Mo)" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Upload_WhenBadFile_ThenFrenchErrorAndNothingSaved(string content, string fileName, string message)
    {
        var enrolment = await EnrolmentAsync(app, 0, "gestion-flux-patients");
        using var team = await SignedInAsync(app, Team);
        var before = StoredFiles();
        var bytes = content switch
        {
            "vide" => [],
            "exe" => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0],
            "elf" => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0],
            "texte" => "Bonjour, ceci n'est pas un PDF"u8.ToArray(),
            "png" => Png(),
            "zip" => OpenXml("docx", withContentTypes: false),
            "docx" => OpenXml("docx"),
            "trop-gros" => Pdf().Concat(new byte[(25 * 1024 * 1024) + 1]).ToArray(),
            _ => Pdf(),
        };

        var response = await UploadAsync(team, enrolment, Engagement, fileName, bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("fr-error-text", html, StringComparison.Ordinal);
        Assert.False(await WithDbAsync(app, db => db.Deliverables.AnyAsync(d => d.EnrolmentId == enrolment && d.DeliverableId == Engagement)));
        Assert.Equal(before, StoredFiles());
    }

    public static TheoryData<string, string> GoodFiles => new()
    {
        { "pdf", "application/pdf" }, { "png", "image/png" }, { "jpg", "image/jpeg" }, { "jpeg", "image/jpeg" },
        { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "doc", "application/msword" }, { "xls", "application/vnd.ms-excel" }, { "ppt", "application/vnd.ms-powerpoint" },
    };

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public async Task Save_WhenAcceptedKind_ThenStoredByShaWithItsType(string extension, string contentType)
    {
        var bytes = extension switch
        {
            "pdf" => Pdf(extension),
            "png" => Png(),
            "jpg" or "jpeg" => Jpeg(),
            "docx" or "xlsx" or "pptx" => OpenXml(extension),
            "doc" => Compound("WordDocument"),
            "xls" => Compound("Workbook"),
            _ => Compound("PowerPoint Document"),
        };

        var saved = await app.WithServicesAsync(async sp =>
        {
            using var stream = new MemoryStream(bytes);
            return await sp.GetRequiredService<FileStore>().SaveAsync(stream, "document." + extension, CancellationToken.None);
        });

        Assert.True(saved.IsSuccess, saved.Error?.Message);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(sha, saved.Value.Sha256);
        Assert.Equal(contentType, saved.Value.ContentType);
        Assert.Equal(bytes.Length, saved.Value.Size);
        Assert.Equal($"{sha[..2]}/{sha}", saved.Value.StoragePath);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(app.DataDirectory, "files", sha[..2], sha)));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "files", "tmp")));
    }

    [Fact]
    public async Task Download_WhenTeamAndApprover_ThenSameBytesAsAttachmentWithNosniff()
    {
        var enrolment = await EnrolmentAsync(app, 0, "office-surgery");
        using var team = await SignedInAsync(app, Team);
        using var referent = await SignedInAsync(app, Referent);
        var bytes = Pdf("lettre d'intention");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(team, enrolment, "lettre-intention", "Lettre d'intention é.pdf", bytes)).StatusCode);

        foreach (var client in new[] { team, referent })
        {
            using var response = await client.GetAsync(new Uri(PagePath(enrolment, "lettre-intention") + "?handler=Fichier&version=1", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("Lettre d'intention é.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Contains("nosniff", response.Headers.GetValues("X-Content-Type-Options"));
            Assert.True(response.Headers.CacheControl?.NoStore, "a downloaded deliverable must not be kept by a cache");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(new Uri(PagePath(enrolment, "lettre-intention") + "?handler=Fichier&version=2", UriKind.Relative))).StatusCode);
    }

    private List<string> StoredFiles()
    {
        var files = Path.Combine(app.DataDirectory, "files");
        return Directory.Exists(files) ? [.. Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }
}
