using System.Globalization;

namespace Benchmark.Web.Infrastructure.Mail;

/// <summary>How the <c>Smtp:Security</c> setting secures the SMTP connection.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>
/// Outgoing mail (keys of <c>appsettings.json</c>, a contract): <c>Smtp:Host/Port/Security/User/Password</c>,
/// <c>Mail:From</c>, <c>Mail:PickupDirectory</c>, <c>Mail:DispatchIntervalSeconds</c> and <c>App:BaseUrl</c>.
/// No SMTP host: messages are written as .eml files to the pickup folder (default <c>{App:DataDirectory}/mail</c>).
/// </summary>
public sealed class MailOptions
{
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.StartTls;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public string From { get; set; } = "Benchmark <ne-pas-repondre@benchmark.localhost>";

    public string PickupDirectory { get; set; } = Path.Combine("./data", "mail");

    /// <summary>Seconds between two runs of the outbox dispatcher in the background; 0 disables it (tests).</summary>
    public int DispatchIntervalSeconds { get; set; } = 5;

    /// <summary>Public URL of the application, for the links in messages.</summary>
    public Uri BaseUrl { get; set; } = new("http://localhost:5000");

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    /// <summary>An absolute link to a local path (which may carry a query string).</summary>
    public string Link(string pathAndQuery) => new Uri(BaseUrl, pathAndQuery).ToString();

    public static void Bind(MailOptions options, IConfiguration configuration)
    {
        options.SmtpHost = NonEmpty(configuration["Smtp:Host"]);
        options.SmtpPort = configuration.GetValue("Smtp:Port", options.SmtpPort);
        options.SmtpSecurity = configuration.GetValue("Smtp:Security", options.SmtpSecurity);
        options.SmtpUser = NonEmpty(configuration["Smtp:User"]);
        options.SmtpPassword = NonEmpty(configuration["Smtp:Password"]);
        options.From = NonEmpty(configuration["Mail:From"]) ?? options.From;
        options.PickupDirectory = Path.GetFullPath(NonEmpty(configuration["Mail:PickupDirectory"])
            ?? Path.Combine(NonEmpty(configuration["App:DataDirectory"]) ?? "./data", "mail"));
        options.DispatchIntervalSeconds = configuration.GetValue("Mail:DispatchIntervalSeconds", options.DispatchIntervalSeconds);
        var baseUrl = NonEmpty(configuration["App:BaseUrl"]);
        if (baseUrl is not null && Uri.TryCreate(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute, out var uri))
        {
            options.BaseUrl = uri;
        }
    }

    /// <summary>Checked at start: a wrong setting stops the host with a message an operator understands.</summary>
    public IEnumerable<string> Problems()
    {
        if (!MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return $"Mail:From « {From} » n'est pas une adresse valide.";
        }

        if (UsesSmtp && SmtpPort is <= 0 or > 65535)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Smtp:Port {SmtpPort} est hors de 1–65535.");
        }

        if (DispatchIntervalSeconds < 0)
        {
            yield return "Mail:DispatchIntervalSeconds doit être positif ou nul (0 désactive l'envoi en tâche de fond).";
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
