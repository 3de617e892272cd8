using Benchmark.Web.Tests.Infrastructure.Mail;

namespace Benchmark.E2E.Infrastructure;

/// <summary>
/// <see cref="BrowserFixture"/> whose application sends its mail to the test run's maildev (scripts/test.sh starts it),
/// with the background dispatcher every second, as a deployment with SMTP configured would: what the browser does
/// reaches the participants' mailboxes, read back through maildev's REST API.
/// </summary>
public sealed class MailBrowserFixture : BrowserFixture
{
    public MailBrowserFixture()
        : base(app =>
        {
            if (Maildev.IsConfigured)
            {
                using var maildev = Maildev.Shared();
                foreach (var (key, value) in maildev.SmtpSettings())
                {
                    app.Settings[key] = value;
                }

                app.Settings["Mail:DispatchIntervalSeconds"] = "1";
            }
        })
    {
    }

    /// <summary>Skipped without Chromium or without maildev on a developer machine; never under <c>CI=true</c>.</summary>
    public static string? MailSkipReason => SkipReason ?? Maildev.SkipReason;

    protected override string? Skip => MailSkipReason;
}

/// <summary>The browser tests that read the mailboxes (their own application: its outbox is theirs alone).</summary>
[CollectionDefinition(Name)]
[ClosePagesAfterTest(typeof(MailBrowserFixture))]
public sealed class MailBrowserTestGroup : ICollectionFixture<MailBrowserFixture>
{
    public const string Name = "Navigateur et courrier";
}

/// <summary>A browser test against maildev: skipped without Chromium or maildev on a developer machine, never under <c>CI=true</c>.</summary>
public sealed class MailBrowserFactAttribute : FactAttribute
{
    public MailBrowserFactAttribute() => Skip = MailBrowserFixture.MailSkipReason;
}
