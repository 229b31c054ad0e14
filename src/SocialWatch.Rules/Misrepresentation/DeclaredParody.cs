using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// An account that says in its own name or bio that it is a parody ("parody, obviously",
/// "satirical account", "spoof") does not pass anything off as the council's news: its headlines ("Council
/// to replace benches with bean bags") are jokes no reader is meant to believe. Using the council's name is
/// still impersonation (that rule does not read this); only the misrepresentation rule lets it be.
/// </summary>
internal static partial class DeclaredParody
{
    public static bool Is(AccountInput author) =>
        ParodyWord().IsMatch(author.DisplayName ?? "") || ParodyWord().IsMatch(author.Bio ?? "");

    [GeneratedRegex(@"\b(?:parody|parodies|satire|satirical|spoof|spoofs|not (?:a |an )?(?:real|serious) (?:account|news))\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ParodyWord();
}
