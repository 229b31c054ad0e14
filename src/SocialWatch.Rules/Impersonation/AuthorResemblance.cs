namespace SocialWatch.Rules.Impersonation;

/// <summary>
/// How an author that is not registered staff resembles the organisation, as the misrepresentation rule
/// reads it. Why two levels: a look-alike name or handle passes the account off as the council in every
/// post, so its service notices speak for the council; the logo on another name is weaker (a residents'
/// group or a shop may reuse the crest), so only announcements only the council could make count from it.
/// </summary>
internal enum AuthorResemblance : byte
{
    None = 0,
    /// <summary>The avatar is the logo; the name is the account's own.</summary>
    Logo = 1,
    /// <summary>The name or handle looks like the organisation's (with or without the logo).</summary>
    Name = 2,
}
