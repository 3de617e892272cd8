using Benchmark.Web.Infrastructure.Calendar;

namespace Benchmark.Web.Tests.Infrastructure.Calendar;

/// <summary>Test data: a collective session with a consultant organizer and two participants.</summary>
public static class InviteModels
{
    public const string Uid = "0f4c2a7e9b1d4e3f8a6b5c4d3e2f1a0b@benchmark";

    public static InviteModel Session(
        DateTimeOffset startUtc,
        DateTimeOffset dtStamp,
        int sequence = 0,
        InviteMethod method = InviteMethod.Request) => new(
            Uid,
            sequence,
            method,
            "Séance collective J1 — Parcours patient",
            "09:30 Accueil\n10:00 Revue des actions",
            "ARS Île-de-France, 13 rue du Landy, 93200 Saint-Denis",
            new Uri("https://visio.benchmark.test/salle/j1?code=42"),
            startUtc,
            startUtc.AddHours(2),
            new InvitePerson("Claire Consultante", "consultant@demo.benchmark.test"),
            [
                new InviteAttendee("Équipe Hôpital A", "equipe@demo.benchmark.test", AttendeeRole.Required),
                new InviteAttendee("Référent ARS", "referent@demo.benchmark.test", AttendeeRole.Optional),
            ],
            dtStamp);
}
