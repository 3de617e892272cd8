using Benchmark.Web.Features.Access;

namespace Benchmark.Web.Features.Shared;

/// <summary>The main menu for each role.</summary>
public static class Navigation
{
    public static IReadOnlyList<(string Href, string Label)> For(CurrentUser user)
    {
        var links = new List<(string, string)> { ("/a-traiter", "À traiter"), ("/tableau-de-bord", "Tableau de bord"), ("/calendrier", "Calendrier") };
        if (user.IsArsStaff)
        {
            links.Add(("/programmes", "Programmes"));
            links.Add(("/vagues", "Vagues"));
            links.Add(("/etablissements", "Établissements"));
        }

        if (user.IsArsAdmin)
        {
            links.Add(("/admin/messages", "Messages en échec"));
        }

        if (user.IsConsultant && !user.IsArsStaff)
        {
            links.Add(("/vagues", "Mes groupes"));
        }

        links.Add(("/compte", "Mon compte"));
        return links;
    }
}
