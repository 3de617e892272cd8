using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Benchmark.Core.Domain;

namespace Benchmark.Web.Features.Demo;

/// <summary>
/// The fictitious people and places of the demo. FINESS numbers have a valid format but name no real
/// establishment; every address is under <c>demo.benchmark.test</c>, a domain that cannot receive mail.
/// </summary>
internal static class DemoCatalogue
{
    public const string EmailDomain = "demo.benchmark.test";

    public static readonly Guid AgencyId = IdOf("agency");

    public static IReadOnlyList<(string Finess, string Name, string City, EstablishmentType Type)> Establishments { get; } =
    [
        ("130781234", "Centre hospitalier de Port-Lumière", "Port-Lumière", EstablishmentType.CentreHospitalier),
        ("130791001", "Clinique des Calanques bleues", "Anse-Claire", EstablishmentType.EtablissementPrive),
        ("830100456", "Centre hospitalier des Maures", "Val-des-Maures", EstablishmentType.CentreHospitalier),
        ("840200789", "Hôpital Saint-Roch-des-Vignes", "Vignes-du-Comtat", EstablishmentType.Espic),
        ("060300123", "CHU de la Baie-des-Anges", "Baie-des-Anges", EstablishmentType.CentreHospitalierUniversitaire),
        ("040400567", "Centre hospitalier de Haute-Durance", "Roche-Durance", EstablishmentType.CentreHospitalier),
        ("050500890", "Clinique du Col-Clair", "Col-Clair", EstablishmentType.EtablissementPrive),
        ("2A0600234", "Centre hospitalier de Punta-Rossa", "Punta-Rossa", EstablishmentType.CentreHospitalier),
    ];

    private static readonly string[] FirstNames =
        ["Claire", "Karim", "Sophie", "Julien", "Nadia", "Thomas", "Élodie", "Mehdi", "Camille", "Lucas", "Inès", "Hugo"];

    private static readonly string[] LastNames =
        ["Martin", "Benali", "Rousseau", "Fabre", "Lemoine", "Garnier", "Chevalier", "Nguyen", "Morel", "Aubert", "Roux", "Faure", "Blanc"];

    /// <summary>The same person for the same establishment and role in every programme.</summary>
    public static (string FullName, string Email) Person(int establishment, int role)
    {
        var n = (establishment * 5) + (role * 7);
        var (first, last) = (FirstNames[n % FirstNames.Length], LastNames[((establishment * 3) + role) % LastNames.Length]);
        return ($"{first} {last}", $"{Ascii(first)}.{Ascii(last)}@{EmailDomain}");
    }

    /// <summary>A stable id for a demo row, so a second run finds what the first one wrote.</summary>
    public static Guid IdOf(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("benchmark-demo:" + name))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (custom), in Guid's little-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    private static string Ascii(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var letters = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsAsciiLetter(c));
        return new string([.. letters]).ToLowerInvariant();
    }
}
