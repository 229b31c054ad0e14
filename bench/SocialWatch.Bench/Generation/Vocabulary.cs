namespace SocialWatch.Bench.Generation;

/// <summary>
/// Words and sentence templates for generated posts, written for the benchmarks. None is taken from
/// samples/corpus/dev.jsonl: the rules were developed on those sentences and must not be timed on them.
/// Slots are <c>{name}</c>; <see cref="PostGenerator"/> fills each from the list of the same name.
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] FirstNames =
    [
        "Amelia", "Ben", "Chloe", "Dev", "Ella", "Finn", "Gemma", "Harry", "Isla", "Jack", "Kate", "Liam", "Maya",
        "Noah", "Olivia", "Paul", "Ruby", "Sean", "Tara", "Umar", "Vicky", "Will", "Yasmin", "Zac", "Aisha", "Craig",
        "Donna", "Gary", "Hannah", "Joanne", "Karen", "Lee", "Marcus", "Nadia", "Oscar", "Rachel", "Stuart", "Tom",
    ];

    public static readonly string[] LastNames =
    [
        "Archer", "Bishop", "Carter", "Dawson", "Ellis", "Fletcher", "Grant", "Holt", "Irving", "Jones", "Khan",
        "Lowe", "Mills", "Newman", "Owusu", "Patel", "Quinn", "Reid", "Shaw", "Turner", "Underwood", "Vaughan",
        "Walsh", "Young", "Begum", "Clarke", "Doyle", "Foster", "Hughes", "Lambert", "Morgan", "Price", "Sutton",
    ];

    /// <summary>Local groups and businesses: some share the town's name, none is the council.</summary>
    public static readonly string[] LocalOrganisations =
    [
        "Leigh Sailing Club", "Old Leigh Traders", "Chalkwell Runners", "Leigh Folk Fest", "Leigh Rugby Club",
        "Broadway Bakery", "Estuary Kayak Hire", "Leigh Library Friends", "SS9 Dog Walkers", "Belfairs Allotments",
        "Leigh Community Choir", "Elm Road Books",
    ];

    public static readonly string[] NewsSites = ["estuary-gazette.example", "ss9-news.example", "essex-evening.example"];

    public static readonly string[] Place =
    [
        "the Broadway", "the seafront", "Chalkwell Park", "Old Leigh", "the station", "Bell Wharf", "the cliffs",
        "Belfairs Woods", "the high street", "Leigh Marsh", "the pier", "Two Tree Island", "the cockle sheds",
        "the library", "the rec", "Marine Parade", "the harbour", "the leisure centre",
    ];

    public static readonly string[] Street =
    [
        "Elm Road", "London Road", "Leigh Hill", "Rectory Grove", "Grand Parade", "Hadleigh Road", "Church Hill",
        "Pall Mall", "Thames Drive", "Marine Parade", "Broadway West", "Eastwood Road",
    ];

    public static readonly string[] Weather =
    [
        "Glorious sunshine", "Absolutely chucking it down", "Thick fog", "Freezing wind", "Lovely and calm",
        "Proper storm brewing", "Blue skies", "Grey and drizzly",
    ];

    public static readonly string[] Daypart = ["morning", "afternoon", "evening", "lunchtime", "weekend"];

    public static readonly string[] Feeling =
    [
        "Made my day.", "Not complaining!", "Perfect for a walk.", "Kids loved it.", "Worth getting up early for.",
        "Could stay here all day.", "Back to bed I think.", "Dog is soaked.",
    ];

    public static readonly string[] Trade = ["plumber", "electrician", "dentist", "vet", "mechanic", "window cleaner", "hairdresser", "roofer", "piano teacher"];

    public static readonly string[] Food = ["fish and chips", "cockles", "coffee", "sourdough", "ice cream", "Sunday roast", "curry", "brunch", "doughnuts"];

    public static readonly string[] Shop = ["the corner cafe", "the bakery", "the new deli", "the chippy", "that Thai place", "the market stall", "the pub on the hill"];

    public static readonly string[] Pet = ["cat", "dog", "spaniel", "tortoise", "rabbit", "parrot"];

    public static readonly string[] PetName = ["Biscuit", "Pepper", "Milo", "Luna", "Alfie", "Daisy", "Bear", "Poppy"];

    public static readonly string[] Weekday = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static readonly string[] Month = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static readonly string[] LocalEvent =
    [
        "car boot sale", "beer festival", "regatta", "craft fair", "quiz night", "open mic", "fun run", "farmers market",
        "carol concert", "dog show", "beach clean", "school fete",
    ];

    public static readonly string[] Item = ["bike", "pushchair", "sofa", "lawnmower", "fridge", "paddleboard", "cot", "wardrobe", "guitar"];

    public static readonly string[] Reason = ["a burst water main", "roadworks", "a broken down bus", "a fallen tree", "resurfacing", "a gas leak"];

    public static readonly string[] Team = ["the under 12s", "our lot", "the Shrimpers", "the home side", "the visitors"];

    public static readonly string[] Relative = ["mum", "dad", "little sister", "nan", "best mate", "son", "daughter"];

    public static readonly string[] Emoji = ["😂", "❤️", "🌊", "☀️", "👏", "🙏", "😭", "🐶", "🎉", "👍", "🍻", "🌧️", "😍", "🙄"];

    /// <summary>Phrases with accented letters that people type (they make the rules fold the whole text).</summary>
    public static readonly string[] AccentedPhrase =
    [
        "Coffee at the café after.", "Zoë says hi.", "Crème brûlée for pudding.", "Extra jalapeños please.",
        "Naïve of me to expect sun.", "Chloë's birthday next week.", "My fiancée agrees.", "Renée took the photos.",
    ];

    public static readonly string[] Bio =
    [
        "", "", "Mum of two. Tea addict.", "Leigh born and bred", "Runner, reader, dog walker", "SS9 | views my own",
        "Photographer. Estuary light chaser.", "Retired teacher", "Shrimpers fan", "Small business owner on the Broadway",
    ];

    /// <summary>Council facilities and matters that posts about the council talk of.</summary>
    public static readonly string[] Facility =
    [
        "Bell Wharf toilets", "library", "community centre", "paddling pool", "allotments", "museum", "bowling green",
        "skate park", "beach huts", "Christmas lights", "bandstand", "war memorial garden", "youth club",
    ];

    public static readonly string[] Change = ["close", "scrap", "sell off", "shut", "cut funding for", "knock down", "privatise"];

    public static readonly string[] Project = ["bandstand repairs", "pier lighting", "toilet refurbishment", "tree survey", "CCTV upgrade", "grass cutting contract", "fireworks"];

    public static readonly string[] Staffing = ["the caretaker", "one of the officers", "the admin assistant", "the events lead", "the cleaner"];

    /// <summary>Everyday local posts: 90% of traffic, never naming the council or its accounts.</summary>
    public static readonly string[] ChatterTemplates =
    [
        "{Weather} at {Place} this {Daypart}. {Feeling}",
        "Can anyone suggest a reliable {Trade} near {Street}? Ours has retired",
        "Lost {Pet} near {Place}, answers to {PetName}. Please share!",
        "Found a {Pet} wandering on {Street}, very friendly, no collar. DM me",
        "Best {Food} for months at {Shop} on {Street}",
        "Traffic on {Street} is a joke again, {Number} minutes to get past {Place}",
        "Anyone else off to the {LocalEvent} on {Weekday}? Bringing the kids",
        "{Street} closed by {Place} because of {Reason}, go round via {Street2}",
        "Selling a {Item}, hardly used, £{Price} ono. Collection from {Street}",
        "Happy birthday to my {Relative}, {Number} today and still causing trouble",
        "Great game at {Place} today, {Team} won {Score}",
        "Power just went off on {Street}, anyone else?",
        "Sunset from {Place} tonight was something else",
        "Does anyone know why the helicopter is circling over {Place}?",
        "Queue at {Shop} is out the door, must be the {Food}",
        "Spotted seals off {Place} at low tide this {Daypart}",
        "Bins not collected on {Street} yet, was it moved to {Weekday}?",
        "Huge thanks to whoever handed in my purse at {Shop}",
        "Free {Item} outside number {Number} {Street}, first come first served",
        "Parking near {Place} on a sunny {Weekday} is impossible",
        "{LocalEvent} raised £{Price} for the lifeboat, well done all",
        "Train from the station delayed {Number} minutes again, third time this week",
        "Looking for a babysitter in the {Street} area, {Weekday} evenings",
        "Our {Pet} {PetName} turned {Number} today and got a cake",
    ];

    /// <summary>Posts that name the council benignly: questions, thanks, event chatter (7% of traffic).</summary>
    public static readonly string[] CouncilBenignTemplates =
    [
        "Does anyone know if the town council office is open on {Weekday}?",
        "@LeighTownCouncil what time does the {LocalEvent} start on {Weekday}?",
        "Cheers Leigh Town Council, the benches at {Place} are a lovely touch",
        "Massive thanks to the council team who put on the {LocalEvent}, the kids loved it",
        "Someone said the {Facility} is closing, rumour or real? Has the council said anything?",
        "Lovely afternoon at the {LocalEvent} in {Place}, cheers to everyone who helped",
        "How do local clubs apply for the town council's small grants? When's the deadline?",
        "Who do I contact at the council about the broken light on {Street}?",
        "Went to the town council meeting on {Weekday}, agenda is on their website if anyone wants it",
        "Anyone know who the clerk is now? Need to ask about hiring the hall",
        "Council tax bill came today, ouch",
        "Great to see the council's {LocalEvent} back at {Place} this year",
    ];

    /// <summary>Replies under an official statement: thanks and questions.</summary>
    public static readonly string[] ReplyTemplates =
    [
        "Brilliant news, thank you!",
        "Thanks for clearing that up",
        "Will there be parking nearby?",
        "Is this the same for {Weekday} too?",
        "Great, see you there {Emoji}",
    ];

    /// <summary>Residents asserting what the council decided or will do (claims for the clerk to check).</summary>
    public static readonly string[] ClaimTemplates =
    [
        "The council has decided to {Change} the {Facility} from {Month}. Disgraceful",
        "Leigh Town Council voted last night to {Change} the {Facility}, nobody asked us",
        "Heard the town council are going to {Change} the {Facility} to save money",
        "LTC confirmed they will {Change} the {Facility} in {Month}. Tell your neighbours",
        "So the council spent £{Price}k on the {Project} and now want to {Change} the {Facility}?! Shocking",
        "The clerk told me the {LocalEvent} is cancelled this year because the council won't fund it",
    ];

    /// <summary>Registered staff or members letting slip what is not public.</summary>
    public static readonly string[] LeakTemplates =
    [
        "Between us, the cheapest quote for the {Project} came in at £{Price}k, not announced yet",
        "Part 2 item tonight on the {Facility} lease, it's a big one",
        "{Staffing} is off sick with stress again, disciplinary hearing next week apparently",
        "Draft budget has the {Facility} cut completely, don't tell anyone till the committee sees it",
        "Tender for the {Project}: three bids, lowest £{Price},000. Keep it quiet",
        "Resident at {Number} {Street} keeps ringing, her mobile is 07{Phone}, can someone deal with it",
    ];

    /// <summary>Official statements the claims are compared with (the worker loads these from the database).</summary>
    public static readonly string[] OfficialTemplates =
    [
        "Update: the {Facility} stays open as normal this winter, {Weekday} to Saturday 9am to 5pm. Nothing is changing.",
        "The {LocalEvent} goes ahead at {Place} on {Weekday} {Day} {Month} from 11am. All welcome.",
        "The {Facility} is not for sale and will be run as it is today.",
        "Next year's budget was agreed tonight, with the precept going up {Percent}%. Full papers online.",
        "Grant forms for local groups must be in by {Day} {Month}. Download them from our site.",
        "The {Facility} reopens on {Day} {Month} after repairs. Sorry for the wait.",
    ];
}
