namespace Benchmark.Web.Features.Errors;

/// <summary>The French words of an error page, after the DSFR error pages; none gives a technical detail.</summary>
public sealed record ErrorText(string Title, string Lead, string Advice)
{
    public static ErrorText For(int status) => status switch
    {
        StatusCodes.Status400BadRequest => new(
            "Requête incorrecte",
            "Votre demande n'a pas pu être traitée.",
            "Le formulaire a peut-être expiré : revenez à la page précédente, rechargez-la et recommencez."),
        StatusCodes.Status403Forbidden => new(
            "Accès refusé",
            "Votre compte ne permet pas d'ouvrir cette page.",
            "Si vous pensez devoir y accéder, adressez-vous à la personne qui vous a invité sur Benchmark."),
        StatusCodes.Status404NotFound => new(
            "Page non trouvée",
            "La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.",
            "Si vous avez tapé l'adresse dans le navigateur, vérifiez qu'elle est correcte. "
                + "La page n'est peut-être plus disponible, ou pas pour votre compte."),
        StatusCodes.Status429TooManyRequests => new(
            "Trop de tentatives",
            "Vous avez fait trop de tentatives en peu de temps : par sécurité, elles sont suspendues quelques minutes.",
            "Patientez quelques minutes puis réessayez. Si vous avez oublié votre mot de passe, demandez un nouveau lien."),
        < 500 => new(
            "Demande impossible",
            "Votre demande n'a pas pu aboutir.",
            "Revenez à la page précédente ou à la page d'accueil."),
        _ => new(
            "Erreur inattendue",
            "Désolé, le service rencontre un problème, nous travaillons à le résoudre le plus rapidement possible.",
            "Essayez de rafraîchir la page ou bien réessayez plus tard."),
    };
}
