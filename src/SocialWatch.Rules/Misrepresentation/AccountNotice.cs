using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A notice about the account itself: "we're moving, follow us here", "our old account closes at the end
/// of the month", "this page will be closed". Why: the words of change ("closes", "moving") are about where
/// the account posts, not a council service, so the look-alike voice's change words do not read it as an
/// announcement. Its claim to be the real account (<see cref="LookAlikeVoice"/>) is still read: telling
/// residents to stop trusting the council's own account is a claim.
/// </summary>
internal static partial class AccountNotice
{
    /// <summary>
    /// True when the change word lies inside or after a mention of the account in the same clause ("our old
    /// account will be closed"); "the library will close on Mondays, follow us here" changes the library.
    /// </summary>
    public static bool Covers(string sentenceText, TextSpan change)
    {
        foreach (Match account in AboutTheAccount().Matches(sentenceText))
        {
            if (account.Index <= change.Start
                && sentenceText.AsSpan(account.Index, change.Start - account.Index).IndexOfAny(",;:") < 0)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(
        @"\b(?:our|this|the|my) (?:old |new |previous |current )?(?:account|server|instance|profile|handle|feed)s?\b|\bfollow us (?:here|at|on|over)\b|\bmoving (?:to|over to) (?:a |this |the )?(?:new )?(?:server|instance|account|platform)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex AboutTheAccount();
}
