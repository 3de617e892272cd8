using System.Globalization;
using Benchmark.Core.Domain;

namespace Benchmark.Web.Features.Waves;

/// <summary>French wording of the ARS pages.</summary>
public static class Display
{
    public static CultureInfo French { get; } = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", French);

    public static string Type(EstablishmentType type) => type switch
    {
        EstablishmentType.CentreHospitalierUniversitaire => "Centre hospitalier universitaire",
        EstablishmentType.CentreHospitalier => "Centre hospitalier",
        EstablishmentType.EtablissementPrive => "Établissement privé",
        EstablishmentType.Espic => "ESPIC",
        EstablishmentType.Autre => "Autre",
    };

    public static string Status(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Active => "En cours",
        EnrolmentStatus.Completed => "Terminée",
        EnrolmentStatus.Withdrawn => "Retirée",
    };
}
