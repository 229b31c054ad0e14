"""Leigh held-out set: watch.json and heldout.jsonl (run: python3 build/leigh.py)."""
from pathlib import Path
from common import acct, build, write_json, write_jsonl, Posts

OUT = Path(__file__).resolve().parent.parent / "leigh"
I, C, M = "impersonation", "confidential_leak", "misrepresentation"
N = []

A = {
    # official accounts (same as the sample watch file)
    "OX": acct("x", "1000000001", "LeighTownCouncil", "Leigh Town Council",
               "The official account of Leigh-on-Sea Town Council. Monitored Mon-Fri 9-5. leighonseatowncouncil.gov.uk", "avatars/official.png"),
    "OFB": acct("facebook", "100064000000001", "LeighTownCouncil", "Leigh-on-Sea Town Council",
                "Town council for Leigh-on-Sea. 71-73 Elm Road, SS9 1SP. 01702 716288", "logos/ltc-logo.png"),
    "OBS": acct("bluesky", "did:plc:ltcofficial00000000000001", "leightowncouncil.bsky.social", "Leigh Town Council",
                "Official. News and notices from Leigh-on-Sea Town Council.", "avatars/official.png"),
    "OM": acct("mastodon", "109300000000000001", "LeighTownCouncil", "Leigh Town Council",
               "Leigh-on-Sea Town Council on the fediverse. leighonseatowncouncil.gov.uk", "avatars/official.png"),
    # staff and members (this set's own)
    "ruth": acct("x", "2100000201", "ruth_andersby", "Ruth Andersby",
                 "RFO at Leigh-on-Sea Town Council. Spreadsheets, sea swims, sourdough.", "avatars/person-1.png"),
    "owen": acct("x", "2100000202", "CllrOwenPryce", "Cllr Owen Pryce",
                 "Town councillor, West Leigh ward. Views my own.", "avatars/person-2.png"),
    "kemi": acct("x", "2100000203", "kemi_adeyemi_ltc", "Kemi Adeyemi",
                 "Comms at the town council. Tea, trains and noticeboards.", "avatars/person-3.png"),
    "walt": acct("x", "2100000204", "waltcombes", "Walt Combes",
                 "Councillor for Belfairs ward, Leigh-on-Sea Town Council. Retired harbour pilot.", "avatars/person-4.png"),
    "bethan": acct("facebook", "100070000000205", "cllr.bethan.lowe", "Bethan Lowe",
                   "Leigh-on-Sea town councillor. Mum, runner, allotment fanatic."),
    "marcus": acct("facebook", "100070000000206", "marcus.feld", "Marcus Feld",
                   "Facilities manager at Leigh-on-Sea Town Council. If it's broken, I've probably seen it."),
    "ivy": acct("bluesky", "did:plc:ivyokonjo0000000000000207", "ivyokonjo.bsky.social", "Ivy Okonjo",
                "Deputy Clerk, Leigh-on-Sea Town Council. Posts are personal.", "avatars/person-2.png"),
    "dean": acct("bluesky", "did:plc:deanharrow000000000000208", "deanharrow.bsky.social", "Dean Harrow",
                 "Events & markets, LTC. Fairy lights wrangler."),
    "nadia": acct("mastodon", "109300000000000209", "nadia_leightc", "Nadia Brooks",
                  "Councillor in Leigh. Cycling, libraries, local history.", "avatars/person-4.png"),
    "toby": acct("mastodon", "109300000000000210", "tobyquill", "Toby Quill",
                 "Community engagement officer, Leigh-on-Sea Town Council. He/him."),
    # residents and other organisations
    "jo": acct("x", "4100000001", "jo_pebbles", "Jo Kettering", "Leigh-on-Sea born and bred. Cockles > everything.", "avatars/pier-photo.jpg"),
    "gav": acct("facebook", "100081000000002", "gavin.strood", "Gavin Strood", ""),
    "mags": acct("bluesky", "did:plc:magsoldtown00000000000003", "magsoldtown.bsky.social", "Mags", "Old Town resident, dog walker, occasional ranter"),
    "pete": acct("mastodon", "110500000000000004", "petewindward@mastodon.green", "Pete Windward", "Leigh-on-Sea. Trains, tides and town politics."),
    "leighm": acct("x", "4100000005", "leighmatthews88", "Leigh Matthews", "Plumber. Gas Safe. Blues til I die.", "avatars/person-1.png"),
    "towns": acct("facebook", "100081000000006", "leigh.towns", "Leigh Towns", "Gardener and grandmother of five."),
    "campaign": acct("x", "4100000007", "SaveLeighCliffs", "Save Leigh Cliffs",
                     "Leigh Town Council wants to concrete over the cliffs. Not on our watch. #SaveTheCliffs"),
    "crypto": acct("x", "4100000008", "kev_hodl", "Kev", "crypto since 2014. not financial advice"),
    "tennis": acct("facebook", "100064000000009", "LeighTennisClubSS9", "Leigh Tennis Club", "LTC: grass and hard courts since 1921. New members welcome."),
    "tri": acct("x", "4100000010", "LeighTriClub", "Leigh Triathlon Club", "Swim, bike, run. Leigh TC on race days."),
    "rayleigh": acct("x", "4100000011", "RayleighTownCncl", "Rayleigh Town Council", "Official account of Rayleigh Town Council.", "avatars/crest-other.png"),
    "hadleigh": acct("bluesky", "did:plc:hadleightownc00000000012", "hadleightc.bsky.social", "Hadleigh Town Council", "News from Hadleigh Town Council and the Guildhall."),
    "sailing": acct("facebook", "100064000000013", "LeighSailingSC", "Leigh Sailing Club", "Dinghy and cruiser racing on the estuary.", "avatars/boat-club.png"),
    "traders": acct("x", "4100000014", "LeighTownCentreTraders", "Leigh Town Centre Traders", "Independent shops of the Broadway and the Old Town."),
    "nora": acct("mastodon", "109300000000500015", "norabell", "Nora Bell", "Retired teacher, Leigh Hill. Knitting and kingfishers."),
    "sam": acct("bluesky", "did:plc:kitesamojo00000000000016", "kitesam.bsky.social", "Sam Ojo", ""),
    "dee": acct("facebook", "100081000000017", "dee.crowhurst", "Dee Crowhurst", "Leigh mum. Coffee, school runs, complaining about parking.", "avatars/person-3.png"),
    "harry": acct("facebook", "100081000000018", "harry.pinnock", "Harry Pinnock", ""),
    "tide": acct("x", "4100000019", "tidewatcher_ss9", "Tide Watcher", "Weather, tides, mud. Leigh-on-Sea."),
    "saltcote": acct("x", "4100000020", "SaltcoteFarmShop", "Saltcote Farm Shop", "Local meat, veg and Christmas turkeys."),
    "bandfriends": acct("x", "4100000021", "LeighBandstandFriends", "Friends of Leigh Bandstand", "Volunteers who love the bandstand. Not part of any council."),
    "estuary": acct("rss", "estuarytimes.co.uk", "estuarytimes.co.uk", "Estuary Times", ""),
    "leighlocal": acct("rss", "leighlocal.news", "leighlocal.news", "Leigh Local", ""),
    "courier": acct("rss", "southendcourier.co.uk", "southendcourier.co.uk", "Southend Evening Courier", ""),
    # look-alikes
    "i_capI": acct("x", "5100000001", "LeighTownCounciI", "Leigh Town Council", "Town council news for Leigh-on-Sea", "avatars/official.png"),
    "i_digit1": acct("x", "5100000002", "LeighTownCounci1", "Leigh Town Counci1", "Updates for residents", "avatars/logo-crop.png"),
    "i_swap": acct("x", "5100000003", "Liegh_Town_Council", "Liegh Town Council", ""),
    "i_updates": acct("facebook", "100090000000004", "leightowncouncilupdates", "Leigh Town Council Updates", "Keeping Leigh informed"),
    "i_official": acct("facebook", "100090000000005", "LeighTownCouncilOfficial", "Leigh Town Council (Official)", "Official page", "avatars/logo-small.jpg"),
    "i_bsdomain": acct("bluesky", "did:plc:q7ltcx0000000000000000006", "leightowncouncil.uk", "Leigh Town Council", "Leigh-on-Sea's town council", "avatars/official.png"),
    "i_bssep": acct("bluesky", "did:plc:w3ltcnews000000000000007", "leigh-town-council.bsky.social", "Leigh-on-Sea Town Council News", ""),
    "i_mastoserver": acct("mastodon", "110200000000000008", "LeighTownCouncil@mastodon.online", "Leigh Town Council", "Official account of Leigh Town Council", "avatars/official.png"),
    "i_double": acct("mastodon", "109300000000600009", "leightowncouncill", "Leigh Town Councill", ""),
    "i_cyr": acct("x", "5100000010", "noticeboard_ss9", "L\u0435igh \u0422own \u0421ouncil", "Notices for SS9", "avatars/ltc-grey.png"),
    "i_ltcoff": acct("facebook", "100090000000011", "ltc.official", "LTC Official", "News from your town council"),
    "i_bargains": acct("x", "5100000012", "EstuaryBargains", "Estuary Bargains", "Deals and discounts around Southend", "avatars/logo-recolour.png"),
    "i_crafts": acct("facebook", "100090000000013", "sunnydayscrafts", "Sunny Days Crafts", "Wreaths, candles and gifts", "avatars/ltc-boat-tightcrop.png"),
    "i_gull": acct("bluesky", "did:plc:gullwatch00000000000000014", "gullwatcher.bsky.social", "gullwatcher", "birds of the estuary", "avatars/ltc-tiny-q25.jpg"),
    "i_l3": acct("x", "5100000015", "L3ighTownCouncil", "L3igh Town Council", ""),
    "i_team": acct("mastodon", "109300000000600016", "leighTC_team", "Leigh TC Team", "The team behind your town council"),
    "i_onsea": acct("x", "5100000017", "LeighOnSeaTC", "Leigh-on-Sea T.C.", "Updates for residents"),
    "i_hh": acct("facebook", "100090000000018", "leighhtowncouncil", "Leighh Town Council", ""),
    "i_councl": acct("x", "5100000020", "LeighTownCouncl", "Leigh Town Councl", "", "avatars/logo-crop.png"),
    "i_sep": acct("x", "5100000022", "Leigh_T_C", "Leigh T C", "Your town, your council"),
    "i_greek": acct("facebook", "100090000000023", "leighnoticeboard2026", "L\u0395\u0399GH TOWN COUNCIL", ""),
    "i_bsupd": acct("bluesky", "did:plc:k2ltcupd000000000000025", "leigh-tc-updates.bsky.social", "Leigh TC Updates", "Local notices"),
    "i_bs1": acct("bluesky", "did:plc:r8ltc1fake00000000000026", "leightowncounci1.bsky.social", "Leigh Town Council", "", "avatars/logo-crop.png"),
    "folk": acct("bluesky", "did:plc:leighfolkclub0000000027", "leighonseafolk.bsky.social", "Leigh-on-Sea Folk Club", "Singarounds every other Wednesday. Not affiliated with anyone official."),
    "i_pierend": acct("x", "5100000024", "pier_end_news", "Pier End News", "What's happening at the pier end", "avatars/ltc-swapped.png"),
}

P = Posts()
P("OX", "10-01", "Christmas market confirmed: Saturday 5 December in Library Gardens, 10am to 4pm. Stall applications are open until 6 November on our website.", N, "official statement: market date", name="o_market")
P("jo", "10-01", "Brilliant, the kids loved it last year 🎄", N, "reply: thanks and chatter", reply="o_market")
P("OFB", "10-02", "Kestrel Green play area: at Full Council on 29 September members approved a £62,000 refurbishment. Works start in January and the play area stays open until then. The minutes are on our website.", N, "official statement: play area approved", name="o_play")
P("ruth", "10-02", "Our invitation to tender for repainting the bandstand is live. Full documents are on Contracts Finder and it closes at 12 noon on 16 October. Questions to the council office, please.", N, "staff: points at the published tender")
P("OBS", "10-03", "No decision has been taken about the future of the Cockle Row public toilets. A public consultation opens on 20 October and we want to hear from you.", N, "official statement: toilets, no decision", name="o_toilets")
P("i_capI", "10-03", "Reminder: council tax support drop-in at the library this Thursday. Bring proof of address.", [I], "handle LeighTownCounciI: capital I for l, official name and avatar")
P("crypto", "10-04", "LTC finally breaking out. $120 by Friday or I eat my hat", N, "LTC is the Litecoin ticker")
P("OM", "10-05", "Community grants round 2 is open: local groups can apply for up to £1,500. Closing date 30 November. Guidance and the form are on our website.", N, "official statement: grants open", name="o_grants")
P("owen", "10-06", "Scored the grounds maintenance bids this afternoon with the clerk. Greenway 78, Hartfield 64, ParkPro 59. Not a close contest.", [C], "staff: tender evaluation scores before award")
P("rayleigh", "10-06", "Remembrance Sunday in Rayleigh: the parade forms up at 10.20 on 8 November outside the Mill Hall.", N, "other council whose name contains Leigh")
P("kemi", "10-07", "Office hours are 9 to 1 on weekdays. Pop in at 71-73 Elm Road, SS9 1SP, or ring 01702 716288.", [I], "staff handle ends _ltc (council alias); public contacts are not a leak")
P("mags", "10-08", "So the town council has decided to shut the Cockle Row toilets for good. Voted through on the quiet apparently. Where are visitors meant to go?", [M], "claims a decision, contradicts official no-decision post", name="mags_toilets")
P("pete", "10-08", "Is that actually true? Their own post says no decision yet and a consultation from the 20th.", N, "reply: question", reply="mags_toilets")
P("i_digit1", "10-09", "UPDATE: grants round 2 has closed early because of high demand. No further applications will be accepted.", [I, M], "digit 1 for l; contradicts official grants post")
P("estuary", "10-10", "Town council scraps Kestrel Green play area upgrade. Leigh's town council has shelved plans to refurbish the Kestrel Green play area, leaving parents angry and the swings closed.", [M], "headline asserts a decision contradicting the official post", slug="town-council-scraps-kestrel-green-upgrade")
P("leighm", "10-10", "Booking boiler services for November now, drop me a message for a slot 🔧", N, "person named Leigh")
P("bethan", "10-11", "Had a sneaky look at the draft neighbourhood plan chapter on parking. Not due out till the spring but the headline is residents' permits right across the Old Town. Brace yourselves.", [C], "staff: unreleased draft")
P("tennis", "10-12", "LTC junior open day this Saturday, 10 till 2. Rackets provided, just bring trainers!", N, "LTC here is the tennis club")
P("i_swap", "10-12", "Leigh residents: we are recruiting volunteer litter pickers for the winter. Sign up using the link in our bio.", [I], "Liegh: swapped letters")
P("walt", "10-13", "Quote of the week from a visitor on the cliffs: 'You lot have the best bandstand in Essex.' Can't argue with that.", N, "staff: quote in the sense of a saying")
P("OX", "10-14", "The council has NOT banned dogs from Library Gardens. The seasonal rule that dogs are kept on leads from May to September is unchanged.", N, "official statement: dogs not banned", name="o_dogs")
P("sam", "10-15", "LTC have gone and banned dogs from Library Gardens altogether. Years of walking there and that's that.", [M], "claims a ban, contradicts the official post")
P("dee", "10-15", "Does anyone know if Leigh Town Council are doing the lantern parade again this year?", N, "question")
P("ivy", "10-16", "Agenda for Full Council on 27 October is up on the website. Members of the public are very welcome, public questions come first.", N, "staff: published agenda")
P("marcus", "10-17", "Email from the clerk this morning marked internal only: the consultation report on the toilets recommends closure. Members see it before anyone else so keep it to yourselves.", [C], "staff: internal email and unpublished report")
P("i_updates", "10-17", "Great news! The council has agreed free parking in every town car park throughout December.", [I, M], "name plus Updates; asserts a decision")
P("gav", "10-18", "Thanks Leigh Town Council for the new planters on the Broadway, they look lovely.", N, "thanks")
P("ruth", "10-19", "Bandstand repaint bids are all in. Lowest came in at £18,450, the other two nearer £30k. Quite a spread!", [C], "staff: tender prices before award")
P("dean", "10-20", "Strictly between these four walls: our fireworks supplier has pulled out and we're scrambling to find another before the 5th.", [C], "staff: unpublished business, secrecy idiom")
P("traders", "10-20", "Late-night shopping on Thursdays from 26 November. Mince pies in most shops!", N, "traders group whose name starts Leigh Town")
P("i_official", "10-21", "", [I], "account only: name plus (Official), logo avatar")
P("hadleigh", "10-21", "", N, "account only: another council containing Leigh")
P("nadia", "10-22", "Full Council agenda for the 27th is out. Do come along, item 6 is the seafront shelters.", [I], "staff handle has _leightc alias; agenda is public")
P("sam", "10-22", "Leigh TC are putting parking meters along the Broadway next spring, heard it from a councillor. Ridiculous.", [M], "claims a future action")
P("owen", "10-23", "Poor Marcus is off again with his back, third time this year. Signed off for another four weeks so bear with us on repairs.", [C], "staff: sickness absence of a named colleague")
P("nora", "10-23", "My solicitor had a look at the allotment lease and reckons the covenant would stop anyone selling the land for housing. Reassuring.", N, "relays a lawyer's opinion, no council claim")
P("courier", "10-24", "Leigh-on-Sea play area to get £62,000 makeover. Leigh Town Council confirmed on its Facebook page that the Kestrel Green refurbishment approved on 29 September will start in January.", N, "accurate report of the official post", slug="leigh-play-area-62000-makeover")
P("i_bsdomain", "10-25", "Our new website is live! Log in with your council tax reference to check your details.", [I], "official name on another Bluesky domain")
P("tri", "10-25", "Leigh TC session on Sunday: 8am brick, meet at the Belton car park. New members welcome.", N, "Leigh TC here is the triathlon club")
P("ivy", "10-27", "Long Part 2 session tonight. The Cockle Row landlord wants another £30k a year on the lease and members were not impressed.", [C], "staff: exempt session", at="22:41")
P("toby", "10-27", "What was read out behind closed doors tonight about the market operator would make your hair curl. In breach of contract since July, apparently.", [C], "staff: closed-door matter", at="23:06")
P("jo", "10-28", "Leigh Town Council has cancelled the Christmas market. Absolute joke, it's the one thing the Old Town looks forward to.", [M], "contradicts official market post", name="jo_cancel")
P("OX", "10-28", "Hi Jo, the Christmas market is going ahead on Saturday 5 December as announced. Stall applications close on 6 November.", N, "official reply", reply="jo_cancel")
P("kemi", "10-29", "Sorry to the resident who emailed from j.harcourt63@mailbox.example about the planters, you've been passed to the facilities team.", [I, C], "staff alias handle; resident's email address")
P("campaign", "10-29", "Glorious sunset over the estuary tonight. This is what we're fighting for.", N, "campaign claim only in the bio")
P("i_bssep", "10-30", "Council confirms Library Gardens will close for three months from January for drainage works.", [I, M], "hyphenated handle plus News; asserts a decision")
P("ruth", "10-30", "Three quotes in for the Christmas lights: twelve thousand four hundred, fourteen and a half, and just under eleven grand. Guess which one I like.", [C], "staff: quotation prices in words")
P("harry", "10-31", "Southend City Council have approved the new seafront parking charges. Expect the Leigh roads to fill up.", N, "claim about another council")
P("marcus", "10-31", "Off to Belfast this weekend for my brother's wedding. First time in NI!", N, "staff: NI is Northern Ireland")
P("i_mastoserver", "11-01", "We've moved to this server. Please follow us here for all Leigh Town Council updates.", [I], "official handle on another Mastodon server")
P("pete", "11-01", "At last week's meeting the chair said the council would sell the Belton Hills allotments to a developer. Not a word of it in the minutes.", [M], "reported speech attributing a plan")
P("bethan", "11-02", "Personal view, not the council's: I'd love the pier lights left on until midnight through December.", N, "staff: opinion with disclaimer")
P("walt", "11-03", "Interviewed for the new assistant clerk post today. The candidate who currently runs Wickford's parish office was head and shoulders above the rest, offer goes out Monday.", [C], "staff: recruitment identifying a candidate")
P("i_cyr", "11-03", "Council tax rebate: SS9 residents can claim £150 back from the town council, apply before Friday.", [I, M], "Cyrillic look-alike letters; asserts spending")
P("towns", "11-04", "First frost on the allotment this morning, the dahlias are done for.", N, "person named Leigh Towns")
P("dean", "11-04", "Thanks everyone for the birthday messages! 40 today and still up a ladder stringing lights on the bandstand.", N, "staff: birthday thanks")
P("i_bargains", "11-05", "20% off at the Old Town chippy this weekend, just show this post!", [I], "council logo (recoloured) on an unrelated name")
P("OFB", "11-05", "Christmas lights switch-on is on Friday 27 November at 6pm on the Broadway. Road closures from 5pm.", N, "official statement: switch-on", name="o_lights")
P("marcus", "11-06", "Pension forms for our new starter Lena Hughes (DOB 09/07/1991) keep bouncing off the portal. Any other facilities folk had this?", [C], "staff: colleague's date of birth")
P("sailing", "11-06", "Laying-up supper on 21 November, tickets from the bar.", N, "sailing club")
P("OM", "11-07", "The precept for 2027/28 has not been set. Draft budget figures go to the Finance & General Purposes committee in December and Full Council decides in January.", N, "official statement: precept not set", name="o_precept")
P("leighlocal", "11-09", "Councillors vote to double town precept. Leigh's town councillors have agreed to double their share of council tax from April, campaigners say.", [M], "contradicts official precept post", slug="councillors-vote-to-double-precept")
P("ruth", "11-09", "HMRC keeps rejecting the NI number for our new cleaner, JT 48 19 27 B. Anyone else having portal trouble today?", [C], "staff: National Insurance number")
P("i_crafts", "11-10", "Handmade wreaths for sale, collection from Leigh Hill. Message to order.", [I], "cropped council logo on a craft page")
P("toby", "11-10", "Mum's the word on what Santa's bringing to the grotto this year 🎅🤫", N, "staff: trivial secrecy idiom")
P("mags", "11-11", "Leigh Town Council spent £40,000 of our money on new iPads for councillors. You couldn't make it up.", [M], "spending attributed to the council")
P("owen", "11-11", "The Town Council's position is clear: we oppose the London Road cycle lane.", [M], "staff: personal view presented as council position", name="owen_cycle")
P("dee", "11-11", "Has the council actually voted on that? I can't find it anywhere.", N, "reply: question", reply="owen_cycle")
P("i_l3", "11-12", "Bin collections in Leigh are suspended next week because of staff shortages.", [I, M], "digit 3 for e; asserts an action")
P("ruth", "11-12", "Supplier payment bounced again. Correct details are sort code 40-11-62, account 71530284. Can someone check the template before Friday's run?", [C], "staff: sort code and account number")
P("saltcote", "11-13", "Christmas turkeys to order now, collection on the 23rd.", N, "handle contains ltc inside a word")
P("nadia", "11-13", "Another complaint from the resident at 42 Marine View Road, SS9 2QT about the overhanging hedge. Third this month!", [I, C], "staff alias handle; resident's house number and postcode")
P("i_double", "11-14", "", [I], "account only: doubled l")
P("nora", "11-14", "Leigh Town Council should put more bins along the front, it's a mess every weekend.", N, "should")
P("ivy", "11-15", "Draft precept figures going to F&GP next week show a 6.8% rise. Members haven't seen them yet, so mum's the word.", [C], "staff: unreleased draft budget")
P("i_ltcoff", "11-15", "The council will be fining residents £100 for leaving bins out after 10am.", [I, M], "alias plus Official; asserts a penalty")
P("jo", "11-16", "Really hope Leigh Town Council keep the lantern parade going, it's the best night of the year.", N, "hope")
P("dean", "11-16", "Screenshot of the market traders' WhatsApp group so you can see how many have signed up, names and mobile numbers all there in the pic.", [C], "staff: contact list screenshot")
P("estuary", "11-17", "Christmas lights switch-on goes ahead on the Broadway. Leigh Town Council says the switch-on will take place on Friday 27 November at 6pm, with road closures from 5pm.", N, "accurate report of the official post", slug="christmas-lights-switch-on-broadway")
P("tide", "11-17", "The town council has banned bait digging on the mudflats from next month, according to someone at the sailing club.", [M], "asserts a ban")
P("i_gull", "11-18", "Two hundred brent geese off Two Tree Island this morning. Stunning.", [I], "tiny JPEG of the council logo as avatar")
P("walt", "11-18", "As the minutes already say, Full Council approved the 2026/27 budget in January and the precept is published on the website.", N, "staff: approved budget")
P("toby", "11-19", "If anyone can help Mrs Ferris with her allotment application she'd love a call: 07700 900412.", [C], "staff: resident's phone number")
P("harry", "11-19", "Rayleigh Town Council voted to cancel their fireworks this year, shame.", N, "claim about another council")
P("OBS", "11-20", "The Cockle Row toilets consultation is open until 30 November. Have your say online or at the council office.", N, "official statement", name="o_toilets2")
P("sam", "11-20", "If it's a consultation why did LTC already tell the traders the toilets close in January?", [M], "reply asserting the council said a closure", reply="o_toilets2")
P("i_team", "11-21", "Volunteers needed for the switch-on, reply if you can help!", [I], "alias plus Team")
P("i_onsea", "11-21", "Leigh-on-Sea T.C. has approved the 14-storey seafront flats. Consultation closed.", [I, M], "name variant; asserts an approval")
P("pete", "11-22", "Is it true the town council is selling the bandstand? Heard it in the pub.", N, "question")
P("bethan", "11-22", "Quote came back from the railings contractor for the seafront: £27,300. For railings! We need to talk about this.", [C], "staff: quotation price")
P("bethan", "11-23", "The skate ramp at Kestrel Green is 'sick' according to my 12-year-old, which I'm told is a good thing.", N, "staff: sick as slang")
P("courier", "11-23", "Leigh council to sell bandstand, say residents. Residents claim Leigh Town Council has agreed to sell the Victorian bandstand to a private events company.", [M], "headline asserting a sale", slug="leigh-council-to-sell-bandstand")
P("i_councl", "11-24", "", [I], "account only: missing letter, logo crop avatar")
P("bandfriends", "11-24", "", N, "account only: friends group")
P("kemi", "11-24", "Can't wait for the switch-on on the 27th! Bring a torch and a flask.", [I], "staff alias handle")
P("marcus", "11-25", "Silver Astra, reg LV19 XKD, dumping garden waste at the Belton Hills allotments again. CCTV has it all.", [C], "staff: vehicle registration")
P("i_sep", "11-25", "Leigh T C notice: the Broadway will be closed all day on the 27th for the switch-on.", [I, M], "separated alias; contradicts official road closure times")
P("nadia", "11-25", "Cockle Row consultation closes on the 30th. Please fill it in, it takes five minutes.", [I], "staff alias handle")
P("gav", "11-26", "Christmas market on the 5th, who's going? We're doing the mulled wine stall again.", N, "event chatter")
P("OX", "11-26", "To clear up rumours: the bandstand is not for sale. It remains in council ownership.", N, "official statement: bandstand", name="o_bandstand")
P("jo", "11-26", "Good to hear, thanks for clearing that up.", N, "reply: thanks", reply="o_bandstand")
P("dee", "11-27", "Leigh Town Council are flogging the bandstand to pay for their iPads, mark my words.", [M], "contradicts official bandstand post")
P("nora", "11-27", "Thanks to the town council for confirming the bandstand isn't being sold, details at leighonseatowncouncil.gov.uk", N, "accurate, points at the official statement")
P("OM", "11-28", "Thank you to everyone who came to the Christmas lights switch-on last night!", N, "official")
P("i_greek", "11-28", "LΕΙGH TOWN COUNCIL: the Christmas market has moved to Saturday 12 December because of the forecast.", [I, M], "Greek look-alike letters; contradicts official market date")
P("toby", "11-29", "Personal view and not the council's, but honestly the lantern parade is my favourite night of the year.", N, "staff: opinion with disclaimer")
P("ivy", "11-29", "Reminder that the council's public inbox is council@leighonseatowncouncil.gov.uk. Please don't message officers' personal accounts about casework.", N, "staff: council's public email")
P("i_pierend", "11-30", "More parking chaos on the Broadway again today.", [I], "council logo with swapped colours on an unrelated name")
P("pete", "11-30", "Leigh Town Council told a reporter they'll be scrapping the Christmas lights next year to save money.", [M], "claims the council said a future action")
P("walt", "12-01", "Between you and me, the clerk is leaving in March and they've already got someone lined up. Don't spread it around.", [C], "staff: unpublished HR matter")
P("dean", "12-01", "Market pitches are £35 a day as per the published price list. Book through the website.", N, "staff: published price list")
P("i_hh", "12-02", "", [I], "account only: doubled h")
P("sam", "12-02", "LTC have said they'll approve the skate park extension at the next meeting, deal's done.", [M], "claims a future decision")
P("ruth", "12-03", "Lovely cold run along the front this morning, 4 degrees and flat calm.", N, "staff: chatter")
P("leighlocal", "12-04", "What's on in Leigh this weekend: Christmas market, carols at St Clement's and a pop-up cinema at the community centre.", N, "event listing", slug="whats-on-this-weekend")
P("owen", "12-04", "The council will refuse the 14-storey seafront flats when they come to us, you have my word.", [M], "staff: personal view as a council decision")
P("hadleigh", "12-04", "Our Christmas fair is on 6 December at the Guildhall, 11 till 3.", N, "another council containing Leigh")
P("i_capI", "12-05", "Leigh Town Council will close the Elm Road office permanently from 1 January.", [I, M], "capital I look-alike; asserts a future action")
P("mags", "12-06", "Leigh Town Council has agreed to keep the Cockle Row toilets open all year, I was at the meeting.", [M], "asserts a decision the council has not taken")
P("kemi", "12-06", "Lots of new followers today, hello! I'm Kemi and I look after comms.", [I], "staff alias handle")

# later additions, merged into day order by the builder
P("toby", "10-09", "Round 1 grants panel met this morning. Between us, the sea scouts are getting their £1,500 and the knitting circle got knocked back. Letters go out next week.", [C], "staff: unannounced grant decisions")
P("mags", "10-20", "Consultation on Cockle Row opens today, the link is on the council's Bluesky. Go and fill it in!", N, "accurate relay of the official post")
P("estuary", "11-02", "Grants still open for Leigh groups. Leigh Town Council's community grants round 2 remains open until 30 November, the council has said, with up to £1,500 available per group.", N, "accurate report of the official post", slug="grants-still-open-for-leigh-groups")
P("dean", "11-08", "Shout out to Stan in the grounds team, back on Monday after his hernia op. Six weeks off, so go easy on him.", [C], "staff: health of a named colleague")
P("leighm", "11-15", "", N, "account only: person named Leigh")
P("nadia", "11-18", "Moving the Christmas market to the 12th is the only sensible option. That's the council's view and I'll be saying so at committee.", [I, M], "staff alias handle; personal view as council's, contradicts official date")
P("ruth", "11-20", "Round 1 grant payments all went out this morning. If your group hasn't had its money by Friday, ring the office on 01702 716288.", N, "staff: council's public phone")
P("ivy", "12-03", "Clerk's note to members this afternoon, not for circulation yet: the auditor's draft letter has two red items on payroll controls.", [C], "staff: unreleased draft, internal note")
P("leighlocal", "12-05", "Town council bans alcohol at Christmas market. Mulled wine is off the menu at Leigh's Christmas market after the town council banned alcohol sales, according to a post shared by traders.", [M], "feed summary asserting a ban", slug="town-council-bans-alcohol-at-market")
P("i_bsupd", "10-19", "Reminder: the Elm Road office is closed on Monday for staff training.", [I], "alias plus Updates on Bluesky")
P("folk", "10-26", "Singaround this Wednesday upstairs at the Ship, all voices welcome.", N, "folk club named after the town")
P("i_bs1", "11-16", "", [I], "account only: digit 1 on bsky.social, logo crop")

watch = {
    "Watch": {
        "Organisation": {
            "Names": ["Leigh Town Council", "Leigh-on-Sea Town Council"],
            "Aliases": ["LTC", "Leigh TC"],
            "Website": "leighonseatowncouncil.gov.uk",
            "LogoFiles": ["logos/ltc-logo.png"],
            "PublicContacts": ["01702 716288", "71-73 Elm Road", "SS9 1SP"],
        },
        "Policy": {"Clauses": {
            "NoCouncilNameInIdentities": "Social media identities, logon ID's and user names may not use Leigh Town Council's name.",
            "NoCouncilLogos": "Leigh Town Council logos may not be used.",
            "NoFalseScreenNames": "Do not blog anonymously, using pseudonyms or false screen names, use your real name, be clear who you are, and identify that you work for, or are a Councillor on, Leigh Town Council.",
            "NoConfidentialMaterial": "Sharing confidential material or proprietary information outside of the Council",
            "ConfidentialInformationDefined": "Confidential information includes things such as unpublished Council business, certain financial information, for example quotations and tender costs, Employees and Councillors must respect each other's and customers regarding confidentiality and data protection.",
            "DataProtection": "Ensuring information published by you does not reveal confidential Town Council business and respects data protection policies. Breach of confidentiality may result in disciplinary action.",
            "ReportMisrepresentations": "If you see misrepresentations made about the Town Council in the media, you should bring this to the attention of the Town Clerk.",
            "NoPersonalViewsAsCouncil": "Passing off personal views as representing those of the Council",
        }},
        "OfficialAccounts": [
            {"Platform": A[k]["platform"], "Id": A[k]["id"], "Handle": A[k]["handle"]} for k in ("OX", "OFB", "OBS", "OM")
        ],
        "StaffAccounts": [],
    }
}
ROLES = {"ruth": "Responsible Financial Officer", "owen": "Councillor", "kemi": "Communications Officer",
         "walt": "Councillor", "bethan": "Councillor", "marcus": "Facilities Manager", "ivy": "Deputy Clerk",
         "dean": "Events and Markets Officer", "nadia": "Councillor", "toby": "Community Engagement Officer"}
NAMES = {"ruth": "Ruth Andersby", "owen": "Owen Pryce", "kemi": "Kemi Adeyemi", "walt": "Walt Combes",
         "bethan": "Bethan Lowe", "marcus": "Marcus Feld", "ivy": "Ivy Okonjo", "dean": "Dean Harrow",
         "nadia": "Nadia Brooks", "toby": "Toby Quill"}
for k, role in ROLES.items():
    a = A[k]
    watch["Watch"]["StaffAccounts"].append(
        {"Platform": a["platform"], "Id": a["id"], "Handle": a["handle"], "Name": NAMES[k], "Role": role})

if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    write_json(OUT / "watch.json", watch)
    recs = build(A, P, 2026, seed=4417, mastodon_home="mastodon.social")
    write_jsonl(OUT / "heldout.jsonl", recs)
    print(len(recs), "records")
