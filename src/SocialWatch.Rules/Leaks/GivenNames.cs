using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks;

/// <summary>
/// A person named in lower case ("dave morton got a final written warning", "sarah is off with stress"):
/// people type names without capitals, which <see cref="PersonNames"/> (capitalised words) cannot see. A
/// lower-case word is read as a name only when it is a common given name, optionally followed by one more
/// word (a surname or an initial), and then a verb, so the name is the subject of what is said about the
/// person. Given names that are also everyday words (will, mark, grace, dawn, may, rose, bill, pat, sue,
/// frank, jack, ray…) are left out: "will is" and "may has" are not people.
/// </summary>
internal static partial class GivenNames
{
    /// <summary>A lower-case given name (with an optional surname) as the subject of a verb, in the original text.</summary>
    public static Regex LowerCaseSubject() => LowerCaseSubjectPattern();

    [GeneratedRegex(
        @"(?<![\p{L}'])(?:adam|alan|alex|alison|amanda|amy|andrew|andy|angela|anna|anne|anthony|barbara|becky|ben|beth|bev|brian|carl|caroline|catherine|charlotte|chloe|chris|christine|claire|clare|colin|craig|dan|daniel|danny|darren|dave|david|debbie|deborah|dennis|derek|diane|donna|ed|elaine|ellie|emily|emma|gary|gemma|geoff|george|gill|graham|hannah|harry|helen|ian|jackie|james|jamie|jane|janet|jason|jeff|jen|jenny|jess|jessica|jim|jo|joanne|joe|john|jon|julie|karen|kate|katie|kay|keith|kelly|kerry|kevin|kim|laura|lee|leanne|linda|lisa|liz|louise|lucy|lynn|margaret|maria|martin|matt|matthew|michelle|mike|mo|nathan|neil|nick|nicola|nigel|paul|paula|pete|peter|phil|rachel|rebecca|richard|rich|rick|sally|sam|sandra|sarah|scott|sharon|simon|sophie|stacey|steve|steven|stuart|susan|suzanne|tim|tina|tom|tony|tracey|tracy|trevor|vicky|wendy|yvonne)"
        + @"(?: (?!(?:is|was|has|had|got|gets|will|and|from|in|on|at|the)\b)[a-z][a-z'-]{0,15})? (?:is|was|has|had|got|gets|has been|is being|'s been|'s got|will be)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex LowerCaseSubjectPattern();
}
