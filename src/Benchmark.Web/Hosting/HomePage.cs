using System.Text;
using System.Text.Encodings.Web;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Hosting;

/// <summary>Until the Razor Pages UI lands (web application issue): the programmes the server runs, in French.</summary>
internal static class HomePage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static async Task<IResult> RenderAsync(BenchmarkDbContext db, CancellationToken cancellationToken)
    {
        var programmes = await db.ProgrammeDefinitions.AsNoTracking().OrderBy(p => p.ProgrammeId).ThenBy(p => p.Version).ToListAsync(cancellationToken);
        var html = new StringBuilder("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Benchmark</title></head><body><main>");
        html.Append("<h1>Benchmark — programmes d'accompagnement</h1><ul>");
        foreach (var p in programmes)
        {
            html.Append("<li>").Append(Encoder.Encode($"{p.Title} ({p.ProgrammeId}, version {p.Version})")).Append("</li>");
        }

        html.Append("</ul></main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
