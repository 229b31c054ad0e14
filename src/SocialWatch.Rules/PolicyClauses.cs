namespace SocialWatch.Rules;

/// <summary>
/// Lines quoted word for word from the council's "Use of Social Media, Internet &amp; Email Policy"
/// (samples/social-media-policy.txt), so the clerk sees which clause a flag touches.
/// </summary>
public static class PolicyClauses
{
    public const string NoCouncilNameInIdentities =
        "Social media identities, logon ID's and user names may not use Leigh Town Council's name.";

    public const string NoCouncilLogos = "Leigh Town Council logos may not be used.";

    public const string NoFalseScreenNames =
        "Do not blog anonymously, using pseudonyms or false screen names, use your real name, be clear who you are, and identify that you work for, or are a Councillor on, Leigh Town Council.";

    public const string NoConfidentialMaterial =
        "Sharing confidential material or proprietary information outside of the Council";

    public const string ConfidentialInformationDefined =
        "Confidential information includes things such as unpublished Council business, certain financial information, for example quotations and tender costs, Employees and Councillors must respect each other's and customers regarding confidentiality and data protection.";

    public const string DataProtection =
        "Ensuring information published by you does not reveal confidential Town Council business and respects data protection policies. Breach of confidentiality may result in disciplinary action.";

    public const string ReportMisrepresentations =
        "If you see misrepresentations made about the Town Council in the media, you should bring this to the attention of the Town Clerk.";

    public const string NoPersonalViewsAsCouncil = "Passing off personal views as representing those of the Council";
}
