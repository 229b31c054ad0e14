namespace SocialWatch.Rules;

/// <summary>
/// Knobs of the rules stage (configuration section "Rules"). Every lexicon and threshold has a default
/// here, so an empty section gives the measured behaviour; IT support can tune them without a rebuild.
/// Lexicon entries are matched case-insensitively after the same folding as the text (accents, look-alike
/// letters and zero-width characters removed). Entries ending in '*' match any word starting with them.
/// </summary>
/// <remarks>
/// Word lists start <b>empty</b> and an empty list means "the default" (<c>DefaultXxx</c>): the rules
/// read them through <see cref="WithDefaults"/>. So <c>IConfiguration.Bind</c>, which appends configured
/// entries to whatever the list holds, gives exactly the configured list: a configured list
/// <b>replaces</b> the default, and IT support can drop a default word by listing the others.
/// </remarks>
public sealed class RulesOptions
{
    public const string SectionName = "Rules";

    public bool ImpersonationEnabled { get; set; } = true;
    public bool ConfidentialLeakEnabled { get; set; } = true;
    public bool MisrepresentationEnabled { get; set; } = true;

    // ---------------- Impersonation ----------------

    /// <summary>
    /// Largest perceptual-hash Hamming distance (of 64 bits) at which an avatar counts as the council's
    /// logo (nearest of the logo's reference set). Measured (docs/rules.md): the corpus logo variants are
    /// 0..2 and synthetic edits (resize, JPEG, borders, crops, rotations, recolouring) 0..8 from the logo;
    /// unrelated avatars 24..30. 14 sits between, nearer the logo side because a false alarm on a
    /// resident's photo costs the clerk more than a missed heavily-edited logo.
    /// </summary>
    public int LogoHashDistanceThreshold { get; set; } = 14;

    /// <summary>Edit distance allowed for a near match of a name of at least 12 folded letters.</summary>
    public int NearMatchMaxEditsLong { get; set; } = 2;

    /// <summary>Edit distance allowed for a near match of a name of 8 to 11 folded letters.</summary>
    public int NearMatchMaxEditsShort { get; set; } = 1;

    /// <summary>
    /// Words that, next to a short alias such as "LTC" in a name or handle, make it read as the
    /// organisation's own channel ("LTC_info", "LTC Updates"). A short alias alone is too ambiguous to flag.
    /// </summary>
    public IList<string> ImpersonationQualifierWords { get; set; } = [];

    /// <summary>
    /// Default of <see cref="ImpersonationQualifierWords"/>, used while that list is empty: words by which an
    /// organisation names its accounts and channels (not words taken from any one impostor).
    /// </summary>
    public static IReadOnlyList<string> DefaultImpersonationQualifierWords { get; } =
    [
        "official", "news", "update", "updates", "info", "information", "help", "helpdesk", "alerts", "alert",
        "team", "council", "notices", "notice", "support", "admin", "office", "events", "hq", "services",
        "service", "press", "media", "town",
        // A watch account ("LTC Watch", "Leigh TC watch") is named as if it were the council's own channel:
        // the name reads as the council's, whoever runs it, and the label definition counts it.
        "watch",
    ];

    /// <summary>
    /// Words glued in front of the organisation's name in one word that still read as a claim to be it or a
    /// parody of it ("officialleightowncouncil", "notleightowncouncil"); other letters glued in front make
    /// another name ("rayleightowncouncil").
    /// </summary>
    public IList<string> ImpersonationGluedPrefixWords { get; set; } = [];

    /// <summary>Default of <see cref="ImpersonationGluedPrefixWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultImpersonationGluedPrefixWords { get; } =
    ["official", "the", "real", "true", "genuine", "not"];

    /// <summary>
    /// Words in an account's display name or bio that give a short alias another meaning: the vocabulary of
    /// currencies and markets, where three capitals are a ticker ("LTC" for Litecoin).
    /// </summary>
    public IList<string> AliasOtherMeaningWords { get; set; } = [];

    /// <summary>Default of <see cref="AliasOtherMeaningWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultAliasOtherMeaningWords { get; } =
    [
        "crypto*", "bitcoin", "litecoin", "ethereum", "blockchain", "token", "tokens", "coin", "coins", "price",
        "prices", "trading", "trader*", "ticker", "hodl", "wallet", "defi", "nft*", "exchange rate*", "forex",
    ];

    /// <summary>
    /// Words in an account's handle, display name or bio that name a kind of organisation or a trade that is
    /// not a council (a club, a research group, a firm of consultants, an estate agent): beside them a short
    /// alias is that body's own abbreviation ("LTC Lettings", "LTC Research Group").
    /// </summary>
    public IList<string> AliasOtherOrganisationWords { get; set; } = [];

    /// <summary>Default of <see cref="AliasOtherOrganisationWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultAliasOtherOrganisationWords { get; } =
    [
        // Clubs and societies.
        "club", "clubs", "tennis", "cricket", "football", "rugby", "golf", "bowls", "sailing", "rowing", "juniors", "squad",
        // Research and teaching.
        "research", "university", "college", "academy", "school", "students", "phd", "lab", "laboratory",
        // Firms and trades.
        "ltd", "limited", "plc", "llp", "consultant*", "consultancy", "acoustic*", "sound insulation", "soundproof*",
        "estate agent*", "lettings", "letting agent*", "property management", "conveyancing", "solicitor*", "surveyor*",
        "builders", "plumbing", "electrical", "roofing", "decorating", "landscaping", "catering",
        // Care and health providers.
        "care home*", "long-term care", "short-term care", "home care", "care provider*", "nursing",
    ];

    // ---------------- Confidential leak ----------------
    // Each list is the vocabulary of one leak concept (Leaks/Concepts); the grammar of the concept (which
    // words must come together, and how near) is in its file. Entries that served a single development
    // record were removed (docs/rules.md, "No memorisation").

    /// <summary>Words of procurement whose nearness to a money amount makes the amount a price, bid or quote.</summary>
    public IList<string> ProcurementWords { get; set; } = [];

    /// <summary>Default of <see cref="ProcurementWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultProcurementWords { get; } =
    [
        "tender*", "quote", "quotes", "quoted", "quotation*", "bid", "bids", "bidder*", "bidding", "contract*",
        "offer", "offered", "supplier*", "cheapest", "priced", "pricing", "settle", "settled", "settlement",
        "lease", "purchase", "buying", "estimate*", "invoice*", "fee", "best price", "lowest price", "cheapest price",
        // A quotation said to come back or come in at a figure ("the roofers came back at …",
        // "scaffolding has come in at just under twelve grand") is a quote without the word.
        "came back at", "come back at", "comes back at", "coming back at", "came in at", "come in at", "comes in at", "coming in at",
    ];

    /// <summary>Words of evaluation whose nearness to a score, a rank or a price makes it a pre-decision figure.</summary>
    public IList<string> EvaluationWords { get; set; } = [];

    /// <summary>Default of <see cref="EvaluationWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultEvaluationWords { get; } =
    [
        "evaluat*", "scored", "scores", "scoring", "score", "ranked", "ranking*", "shortlist*", "panel", "criteria", "marks",
        "weighting*", "marked", "marking", "assessment", "tenderer*", "bidder*", "bids", "tender*", "quotes",
    ];

    /// <summary>How many words apart a money amount and a procurement word may be.</summary>
    public int MoneyProcurementWindowWords { get; set; } = 12;

    /// <summary>Phrases that place a matter in a closed session (Part 2, exempt business, behind closed doors).</summary>
    public IList<string> ClosedSessionPhrases { get; set; } = [];

    /// <summary>Default of <see cref="ClosedSessionPhrases"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultClosedSessionPhrases { get; } =
    [
        "part 2", "part two", "part ii", "exempt item*", "exempt session*", "exempt business", "exempt report*",
        "exempt matter*", "exempt minute*", "exempt information", "exempt part", "closed session*", "closed meeting*",
        "in camera", "private session*", "behind closed doors", "public excluded", "press and public excluded",
        "public and press excluded", "confidential item*", "confidential session*",
    ];

    /// <summary>Words that name a secret without an idiom; they count only together with council business.</summary>
    public IList<string> SecrecyWords { get; set; } = [];

    /// <summary>Default of <see cref="SecrecyWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultSecrecyWords { get; } =
    [
        "confidential", "secret", "leaked", "leak", "shh", "🤫", "not supposed to",
    ];

    /// <summary>Words of council business: what a secrecy marker must come with to be a disclosure.</summary>
    public IList<string> CouncilBusinessWords { get; set; } = [];

    /// <summary>Default of <see cref="CouncilBusinessWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultCouncilBusinessWords { get; } =
    [
        "council", "committee", "f&gp", "full council", "session", "item", "minutes", "agenda", "budget", "precept",
        "reserves", "plan", "policy", "report", "response", "members", "councillor*", "clerk", "meeting",
        "decision", "agreed", "approved", "voted", "tender*", "contract*", "stallholder*", "lineup", "line-up",
        "list", "award*", "grant*", "lease", "staff", "officer*", "event*", "bid", "bids", "quote*",
        "refurb*", "contractor*", "builder*", "supplier*", "scheme*", "land sale", "closing for good", "closure*",
    ];

    /// <summary>HR words that, about a named person or a role, make a post a personal-data leak.</summary>
    public IList<string> HrWords { get; set; } = [];

    /// <summary>Default of <see cref="HrWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultHrWords { get; } =
    [
        "disciplinary", "grievance", "tribunal", "suspended", "suspension", "dismissed", "dismissal", "sacked",
        "redundan*", "capability", "performance review", "payroll", "salary", "regrade*", "pay rise", "misconduct",
        "warning letter", "appeal hearing", "exit interview", "resign*", "national insurance", "ni number",
        "written warning", "final warning", "verbal warning", "fired", "let go", "probation",
    ];

    /// <summary>Health and sickness-absence words that, about a named colleague or a role, are personal data.</summary>
    public IList<string> HealthWords { get; set; } = [];

    /// <summary>Default of <see cref="HealthWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultHealthWords { get; } =
    [
        "off sick", "signed off", "sick leave", "sick note", "fit note", "sickness", "long-term sick", "phased return",
        "occupational health", "depression", "anxiety", "stress leave", "breakdown", "mental health", "diagnos*",
        "cancer", "chemo*", "hospital", "hospitalised", "miscarriage", "pregnan*", "maternity", "paternity", "rehab",
        "illness", "ill health", "terminally",
        // An operation named ("after his knee op", "hernia surgery").
        "surgery", "operation", "knee op", "hip op", "hernia", "his op", "her op", "their op",
        // An operation named by what is taken out ("having her gallbladder out"), and being off
        // work with something ("off with his back", "off with stress").
        "gallbladder", "appendix", "tonsils", "hysterectomy", "biopsy", "off with his", "off with her", "off with their",
        "off with stress", "off with flu", "off with covid", "off with a bad",
    ];

    /// <summary>Recruitment words that, with a named person, identify a candidate.</summary>
    public IList<string> RecruitmentWords { get; set; } = [];

    /// <summary>Default of <see cref="RecruitmentWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultRecruitmentWords { get; } =
    [
        "candidate*", "applicant*", "shortlist*", "applied for", "job offer", "offered the job", "offered the post",
        "offered the role", "interview*", "references", "reference check*", "got the job", "didn't get the job",
        "cv", "cvs", "application form*", "job application*",
        // A shortlist said as how many are left ("down to two for the finance post").
        "down to two", "down to three", "down to the last", "down to the final",
    ];

    /// <summary>Phrases that show a post points at a published source (not a leak).</summary>
    public IList<string> PublicSourcePhrases { get; set; } = [];

    /// <summary>Default of <see cref="PublicSourcePhrases"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultPublicSourcePhrases { get; } =
    [
        "now published", "is published", "are published", "been published", "now on the website", "on the council website",
        "on our website", "now live", "contracts finder", "public notice", "is public", "are public", "public session",
        "published on", "approved minutes", "published agenda", "published minutes", "the published", "see the minutes",
        "in the minutes", "published report", "published notice", "out for consultation", "public consultation",
        "have your say",
    ];

    // ---------------- Misrepresentation ----------------

    /// <summary>Verbs and phrases by which a post asserts what the council decided, said, spent or will do.</summary>
    public IList<string> AssertionWords { get; set; } = [];

    /// <summary>Default of <see cref="AssertionWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultAssertionWords { get; } =
    [
        "decide*", "decision", "made up their minds", "made up its mind", "made their minds up", "made its mind up", "mind is made up", "minds are made up", "voted", "votes", "vote", "approve*", "agreed", "agrees", "agree to", "banned",
        "bans", "ban", "banning", "scrap*", "cancel*", "closing", "to close", "will close", "shut*", "cut", "cuts",
        "cutting", "spent", "spending", "spend", "sold", "selling", "sell", "flog*", "bought", "buying",
        "raise", "raising", "raised", "put up", "put the", "increase*", "confirm*", "announce*", "said", "says",
        "say", "told", "tells", "plan", "plans", "planning", "wants to", "want to", "going to", "will", "won't",
        "backs", "backed", "backing", "support*", "oppose*", "position", "charging", "to charge",
        "funding", "fund", "introduc*", "brought forward", "postpone*", "delay*", "reject*", "refuse*",
        "stopped", "stopping", "ending", "axe*", "axing",
        // Idioms of deciding and doing ("brought in charges", "got rid of", "signed a deal", "rubber-stamped").
        "brought in", "bring in", "bringing in", "getting rid", "got rid", "get rid", "signed", "rubber-stamp*",
        "green-lit", "green light*", "given the go-ahead", "gave the go-ahead", "u-turn*", "says no", "said no",
        // A demand said with "now" and no verb of deciding ("the council now wants £2 a go").
        "now wants", "now want", "now expects", "now expect", "now asks", "now demands", "now charges",
    ];

    /// <summary>Verbs of change: a claim of change against an official "no change" is a contradiction.</summary>
    public IList<string> ChangeWords { get; set; } = [];

    /// <summary>Default of <see cref="ChangeWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultChangeWords { get; } =
    [
        "cancel*", "scrap*", "sold", "sell", "selling", "sale", "flog*", "close", "closed", "closing", "closure",
        "shut*", "cut", "cuts", "cutting", "going down", "reduce*", "brought forward", "ban", "banned", "bans",
        "stop*", "end", "ending", "axe*", "axing", "no longer", "postpone*", "delay*", "won't be",
        "will not be", "going up", "put up", "raise*", "rise", "rises", "rising", "increase*", "introduc*", "slash*", "hike*", "brought in", "bring in", "getting rid", "got rid",
    ];

    /// <summary>
    /// Everyday phrases in which a change word is not a change ("car boot sale", "jumble sale"): a change
    /// word inside one of them is ignored when claims and statements are compared.
    /// </summary>
    public IList<string> NotChangePhrases { get; set; } = [];

    /// <summary>Default of <see cref="NotChangePhrases"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultNotChangePhrases { get; } =
    [
        "car boot sale*", "boot sale*", "jumble sale*", "bake sale*", "cake sale*", "garage sale*", "yard sale*",
        "book sale*", "plant sale*", "charity sale*", "table top sale*", "tabletop sale*", "nearly new sale*",
        "sale of work", "summer sale*", "winter sale*", "january sale*", "black friday sale*", "sale price*",
        "sale rail", "clearance sale*",
    ];

    /// <summary>Official wording that keeps the status quo or denies a change.</summary>
    public IList<string> StatusQuoWords { get; set; } = [];

    /// <summary>Default of <see cref="StatusQuoWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultStatusQuoWords { get; } =
    [
        "no plans", "not true", "will keep", "keep its", "keeping", "not selling", "not cancelled", "goes ahead",
        "go ahead", "going ahead", "no changes", "no change", "not change", "unchanged", "on track", "remain*",
        "continue*", "not", "never", "has not", "have not", "isn't", "aren't", "is not",
        // A price or rent held where it is ("rents are frozen") is no change.
        "frozen", "freeze", "freezes", "freezing", "no increase", "no rise",
    ];

    /// <summary>Markers of a personal view with a disclaimer (not the council's position).</summary>
    public IList<string> DisclaimerPhrases { get; set; } = [];

    /// <summary>Default of <see cref="DisclaimerPhrases"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultDisclaimerPhrases { get; } =
    [
        "views my own", "my own views", "my own view", "my views", "personal view", "personally", "not the council's",
        "not the councils", "not speaking for", "not on behalf", "speaking for myself", "in a personal capacity",
    ];

    /// <summary>Phrases by which a staff member presents a view as the council's.</summary>
    public IList<string> OfficialPositionPhrases { get; set; } = [];

    /// <summary>Default of <see cref="OfficialPositionPhrases"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultOfficialPositionPhrases { get; } =
    [
        "position is", "'s position", "on behalf of", "official:", "officially", "the council's view",
        "council's view", "we oppose", "we support", "council supports", "council opposes",
        "speaking for the council", "speaking for the town council", "speaking as the council", "our position",
    ];

    /// <summary>Words of thanks: a post that thanks the council is not a claim about it.</summary>
    public IList<string> ThanksWords { get; set; } = [];

    /// <summary>Default of <see cref="ThanksWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultThanksWords { get; } =
    ["thank*", "thanks", "cheers", "grateful", "ta"];

    /// <summary>Words of other councils and bodies: a "council" preceded by one of them is not ours.</summary>
    public IList<string> OtherCouncilWords { get; set; } = [];

    /// <summary>Default of <see cref="OtherCouncilWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultOtherCouncilWords { get; } =
    [
        "city", "county", "borough", "district", "school", "student", "students", "youth", "parish", "county's",
        "metropolitan", "unitary", "regional", "european", "security", "arts", "british", "sports", "pupil",
        // A club's or another body's own council ("the members' council voted to raise subs", "the
        // church council", "the tenants' council"): a body of that organisation, not the town's.
        "members", "members'", "club", "church", "tenants", "tenants'", "works",
    ];

    /// <summary>Words after "council" that make it a modifier ("council tax"), not a subject.</summary>
    public IList<string> CouncilModifierWords { get; set; } = [];

    /// <summary>Default of <see cref="CouncilModifierWords"/>, used while that list is empty.</summary>
    public static IReadOnlyList<string> DefaultCouncilModifierWords { get; } =
    [
        "tax", "website", "site", "page", "pages", "offices", "office", "estate", "house", "houses", "chamber",
        "chambers", "meeting", "meetings", "housing", "flat", "flats", "car", "workers", "staff", "elections",
        "election", "papers",
        // A councillor's advice surgery is a drop-in session ("councillor surgery cancelled this week").
        "surgery", "surgeries", "drop-in", "clinic",
    ];

    /// <summary>Least topic-overlap weight for a claim and an official statement to be on the same topic.</summary>
    public double TopicMatchThreshold { get; set; } = 1.2;

    /// <summary>
    /// Use the semantic layer (MiniLM sentence embeddings) when the host supplies an embedder: concept
    /// prototypes find claims no pattern reads, and statements are matched by meaning as well as words.
    /// On by default; the worker logs whether the model loaded.
    /// </summary>
    public bool UseEmbeddings { get; set; } = true;

    /// <summary>Cosine similarity at which a claim and an official statement sharing topic words are the same topic.</summary>
    public double EmbeddingSimilarityThreshold { get; set; } = 0.35;

    /// <summary>
    /// Cosine similarity at which a claim and an official statement sharing too few topic words are still
    /// the same topic (meaning alone; high, since a wrong match can make a false contradiction).
    /// </summary>
    public double StatementSimilarityThreshold { get; set; } = 0.7;

    /// <summary>Least similarity of a sentence about the council to a claim concept (Semantic/concepts.txt) to count as a claim.</summary>
    public double ClaimConceptThreshold { get; set; } = 0.55;

    /// <summary>How much nearer to a claim concept than to every contrast concept such a sentence must be.</summary>
    public double ClaimConceptMargin { get; set; } = 0.05;

    /// <summary>At most this many sentences of one post are embedded (bounds the model's cost per post).</summary>
    public int SemanticSentencesPerPost { get; set; } = 3;

    /// <summary>
    /// Fills every empty word list with its default (in place; idempotent). Lists that hold entries are
    /// left as configured. The classifier and <see cref="OfficialStatements"/> apply it to a copy of the
    /// options they are given, so callers need not; a host may call it after binding (e.g.
    /// <c>services.PostConfigure&lt;RulesOptions&gt;(RulesOptions.ApplyDefaults)</c>) to see the effective lists.
    /// </summary>
    public static void ApplyDefaults(RulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ImpersonationQualifierWords = OrDefault(options.ImpersonationQualifierWords, DefaultImpersonationQualifierWords);
        options.ImpersonationGluedPrefixWords = OrDefault(options.ImpersonationGluedPrefixWords, DefaultImpersonationGluedPrefixWords);
        options.AliasOtherMeaningWords = OrDefault(options.AliasOtherMeaningWords, DefaultAliasOtherMeaningWords);
        options.AliasOtherOrganisationWords = OrDefault(options.AliasOtherOrganisationWords, DefaultAliasOtherOrganisationWords);
        options.ProcurementWords = OrDefault(options.ProcurementWords, DefaultProcurementWords);
        options.ClosedSessionPhrases = OrDefault(options.ClosedSessionPhrases, DefaultClosedSessionPhrases);
        options.SecrecyWords = OrDefault(options.SecrecyWords, DefaultSecrecyWords);
        options.CouncilBusinessWords = OrDefault(options.CouncilBusinessWords, DefaultCouncilBusinessWords);
        options.HrWords = OrDefault(options.HrWords, DefaultHrWords);
        options.PublicSourcePhrases = OrDefault(options.PublicSourcePhrases, DefaultPublicSourcePhrases);
        options.EvaluationWords = OrDefault(options.EvaluationWords, DefaultEvaluationWords);
        options.HealthWords = OrDefault(options.HealthWords, DefaultHealthWords);
        options.RecruitmentWords = OrDefault(options.RecruitmentWords, DefaultRecruitmentWords);
        options.AssertionWords = OrDefault(options.AssertionWords, DefaultAssertionWords);
        options.ChangeWords = OrDefault(options.ChangeWords, DefaultChangeWords);
        options.NotChangePhrases = OrDefault(options.NotChangePhrases, DefaultNotChangePhrases);
        options.StatusQuoWords = OrDefault(options.StatusQuoWords, DefaultStatusQuoWords);
        options.DisclaimerPhrases = OrDefault(options.DisclaimerPhrases, DefaultDisclaimerPhrases);
        options.OfficialPositionPhrases = OrDefault(options.OfficialPositionPhrases, DefaultOfficialPositionPhrases);
        options.ThanksWords = OrDefault(options.ThanksWords, DefaultThanksWords);
        options.OtherCouncilWords = OrDefault(options.OtherCouncilWords, DefaultOtherCouncilWords);
        options.CouncilModifierWords = OrDefault(options.CouncilModifierWords, DefaultCouncilModifierWords);
    }

    /// <summary>A copy with every empty word list filled with its default; this instance is not changed.</summary>
    public RulesOptions WithDefaults()
    {
        var copy = (RulesOptions)MemberwiseClone();
        ApplyDefaults(copy);
        return copy;
    }

    private static IList<string> OrDefault(IList<string>? configured, IReadOnlyList<string> defaults) =>
        configured is { Count: > 0 } ? configured : [.. defaults];
}
