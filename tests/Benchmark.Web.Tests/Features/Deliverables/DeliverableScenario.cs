using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Benchmark.Data;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Deliverables;

public sealed record RaceOutcome(int Won, int AlreadyDecided, Core.Domain.DeliverableStatus Status, int Reviews, int DecisionEmails, int TeamEmails, int ApprovalAudits)
{
    /// <summary>One request won (one review, one audit row, one email per team member), every other one was told « déjà décidé ».</summary>
    public void AssertExactlyOneTransition(int racers)
    {
        Assert.Equal(1, Won);
        Assert.Equal(racers - 1, AlreadyDecided);
        Assert.Equal(Core.Domain.DeliverableStatus.Approved, Status);
        Assert.Equal(1, Reviews);
        Assert.Equal(1, ApprovalAudits);
        Assert.True(TeamEmails > 0);
        Assert.Equal(TeamEmails, DecisionEmails);
    }
}

/// <summary>Demo ids, signed-in clients and real multipart posts for the deliverable tests (SQLite and PostgreSQL).</summary>
public static class DeliverableScenario
{
    public const string Team = "equipe@demo.benchmark.test";
    public const string OtherTeam = "equipe2@demo.benchmark.test";
    public const string Referent = "referent@demo.benchmark.test";
    public const string Consultant = "consultant@demo.benchmark.test";

    public static Task<Guid> EnrolmentAsync(WebApplicationFactory<Program> app, int establishment, string programme) =>
        WithDbAsync(app, db => db.Enrolments
            .Where(e => db.Establishments.Any(x => x.Id == e.EstablishmentId && x.Finess == DemoSeeder.DemoFiness[establishment])
                && db.Waves.Any(w => w.Id == e.WaveId && db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == programme)))
            .Select(e => e.Id).SingleAsync());

    public static async Task<T> WithDbAsync<T>(WebApplicationFactory<Program> app, Func<BenchmarkDbContext, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>());
    }

    public static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await BenchmarkApp.PostFormAsync(client, "/connexion", new Dictionary<string, string> { ["Email"] = email, ["Password"] = BenchmarkApp.Password });
        return response.StatusCode == HttpStatusCode.Redirect ? client : throw new InvalidOperationException($"Sign-in as {email} failed");
    }

    public static string PagePath(Guid enrolment, string deliverable) => $"/parcours/{enrolment}/livrables/{deliverable}";

    /// <summary>Posts a file to the deposit handler with the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid enrolment, string deliverable, string fileName, byte[] bytes, string? token = null)
    {
        var path = PagePath(enrolment, deliverable);
        token ??= await TokenAsync(client, path);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "fichier", fileName);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(new Uri(path + "?handler=Deposer", UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid enrolment, string deliverable, string decision, int version, string? comment, string? token = null)
    {
        var path = PagePath(enrolment, deliverable);
        token ??= await TokenAsync(client, path);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision"] = decision, ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Commentaire"] = comment ?? "",
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(new Uri(path + "?handler=Decider", UriKind.Relative), content);
    }

    public static async Task<string> TokenAsync(HttpClient client, string path) =>
        BenchmarkApp.AntiforgeryToken(await client.GetStringAsync(new Uri(path, UriKind.Relative)));

    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The team of the first establishment submits its office-surgery letter of intent (a PDF), as the authorization matrix needs one file.</summary>
    public static async Task SubmitLetterOfIntentAsync(WebApplicationFactory<Program> app)
    {
        using var team = await SignedInAsync(app, Team);
        using var response = await UploadAsync(team, await EnrolmentAsync(app, 0, "office-surgery"), "lettre-intention", "lettre-intention.pdf", Pdf("lettre"));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Letter of intent refused: " + await TextAsync(response));
        }
    }

    /// <summary>
    /// The consultant submits a deliverable the ARS approves, then the referent fires <paramref name="count"/> approvals of
    /// that one version at once (one anti-forgery token, concurrent requests, each its own scope and connection).
    /// Returns the responses' outcome and what the database holds afterwards.
    /// </summary>
    public static async Task<RaceOutcome> RaceApprovalsAsync(WebApplicationFactory<Program> app, int count)
    {
        const string deliverable = "amendements-kit";
        var enrolment = await EnrolmentAsync(app, 2, "gestion-flux-patients");
        using var consultant = await SignedInAsync(app, Consultant);
        using var referent = await SignedInAsync(app, Referent);
        var submitted = await UploadAsync(consultant, enrolment, deliverable, "amendements.pdf", Pdf("amendements"));
        if (submitted.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Submission refused: " + await TextAsync(submitted));
        }

        var token = await TokenAsync(referent, PagePath(enrolment, deliverable));
        using var start = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, count).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await DecideAsync(referent, enrolment, deliverable, "valider", 1, $"Visa {i}", token);
            return (response.StatusCode, Text: await TextAsync(response));
        }).ToList();
        start.Release(count);
        var results = await Task.WhenAll(racers);

        return await WithDbAsync(app, async db =>
        {
            var record = await db.Deliverables.AsNoTracking().SingleAsync(d => d.EnrolmentId == enrolment && d.DeliverableId == deliverable);
            var team = await db.TeamMembers.Where(m => m.EnrolmentId == enrolment).Select(m => m.Email).Distinct().CountAsync();
            var mails = await db.OutboxMessages.CountAsync(m => m.Kind == "deliverable-decided" && m.IdempotencyKey.Contains(record.Id.ToString()));
            var audits = await db.AuditEvents.CountAsync(a => a.EnrolmentId == enrolment && a.Action == "deliverable.approve");
            return new RaceOutcome(
                results.Count(r => r.StatusCode == HttpStatusCode.Redirect),
                results.Count(r => r.StatusCode == HttpStatusCode.Conflict && r.Text.Contains(Web.Features.Deliverables.DeliverableActions.AlreadyDecided, StringComparison.Ordinal)),
                record.Status, record.Reviews.Count, mails, team, audits);
        });
    }

    // ---- a corpus of real (minimal) files -------------------------------------------------------------------------------

    public static byte[] Pdf(string text = "Benchmark") => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    /// <summary>An OOXML package with its content types and main part (word/document.xml, xl/workbook.xml, ppt/presentation.xml).</summary>
    public static byte[] OpenXml(string kind, bool withContentTypes = true)
    {
        var (part, type) = kind switch
        {
            "docx" => ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
            "xlsx" => ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            _ => ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
        };
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (withContentTypes)
            {
                Write(zip, "[Content_Types].xml",
                    $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/{part}\" ContentType=\"{type}\"/></Types>");
            }

            Write(zip, part, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><root/>");
        }

        return memory.ToArray();
    }

    /// <summary>A legacy Office compound file: the OLE2 signature and a directory entry naming the main stream.</summary>
    public static byte[] Compound(string stream)
    {
        var bytes = new byte[2048];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes(stream + "\0").CopyTo(bytes, 1024 + 128);
        return bytes;
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
