"""Marshbury held-out set: watch.json and heldout.jsonl (run: python3 build/marshbury.py)."""
from pathlib import Path
from common import acct, build, write_json, write_jsonl, Posts

OUT = Path(__file__).resolve().parent.parent / "marshbury"
I, C, M = "impersonation", "confidential_leak", "misrepresentation"
N = []

A = {
    # official accounts
    "MX": acct("x", "3000000001", "MarshburyTC", "Marshbury Town Council",
               "Official account of Marshbury Town Council. The Corn Exchange, 4 Quay Street. marshburytowncouncil.gov.uk", "avatars/mtc-official.png"),
    "MFB": acct("facebook", "100064000000777", "MarshburyTownCouncil", "Marshbury Town Council",
                "Your town council. Office open Mon-Thu 9.30-3.", "logos/mtc-crest.png"),
    "MBS": acct("bluesky", "did:plc:mtcofficial0000000000000001", "marshburytowncouncil.gov.uk", "Marshbury Town Council",
                "Official. News from Marshbury Town Council.", "avatars/mtc-official.png"),
    "MM": acct("mastodon", "110100000000000001", "MarshburyTownCouncil", "Marshbury Town Council",
               "Marshbury Town Council on Mastodon.", "avatars/mtc-official.png"),
    # staff and members
    "hattie": acct("x", "3100000301", "hattie_voss", "Hattie Voss", "Town Clerk, Marshbury Town Council. Posts are my own.", "avatars/person-3.png"),
    "dev": acct("x", "3100000302", "CllrDevSharma", "Cllr Dev Sharma", "Mayor of Marshbury 2026/27. Harbour ward.", "avatars/person-2.png"),
    "glen": acct("facebook", "100070000000303", "glen.orchard.mtc", "Glen Orchard", "Councillor, Marshbury. Beekeeper."),
    "petra": acct("bluesky", "did:plc:petraokoro000000000000304", "petraokoro.bsky.social", "Petra Okoro", "Finance officer at Marshbury Town Council.", "avatars/person-1.png"),
    "liam": acct("mastodon", "110100000000000305", "liammarsh", "Liam Marsh", "Amenities officer, Marshbury Town Council. Pavilions, benches, bins."),
    "sunita": acct("facebook", "100070000000306", "sunita.gale", "Sunita Gale", "Town councillor for Saltings ward.", "avatars/person-4.png"),
    # residents and other organisations
    "kate": acct("x", "4200000001", "quaysidekate", "Kate Lomas", "Marshbury resident. Dog, garden, opinions.", "avatars/pier-photo.jpg"),
    "tom": acct("facebook", "100082000000002", "tom.wexley", "Tom Wexley", ""),
    "fran": acct("bluesky", "did:plc:ferryroadfran000000000003", "ferryroadfran.bsky.social", "Fran", "Ferry Road. Sea swims and sourdough."),
    "ade": acct("mastodon", "110600000000000004", "adebrennan@mastodon.green", "Ade Brennan", "Marshbury. Old mills, new bikes."),
    "dad": acct("x", "4200000005", "mb4dad", "MB4 Dad",
                "Marshbury dad of three. #SaveTheCornExchange: the town council wants it sold off!", "avatars/person-1.png"),
    "rfc": acct("x", "4200000006", "MarshburyRFC", "Marshbury Rugby Club", "Marshbury RFC, est. 1889. Up the Marsh!", "avatars/marshbury-rfc.png"),
    "eastpc": acct("facebook", "100064000000007", "EastMarshburyPC", "East Marshbury Parish Council", "Parish council for East Marshbury and Creekside.", "avatars/east-marshbury-pc.png"),
    "saltpc": acct("bluesky", "did:plc:saltmarshburypc0000000008", "saltmarshburypc.bsky.social", "Saltmarshbury Parish Council", "Official account of Saltmarshbury Parish Council.", "avatars/saltmarshbury-pc.png"),
    "district": acct("x", "4200000009", "MarshburyDC", "Marshbury District Council", "Bins, planning, housing and council tax for the Marshbury district."),
    "jenny": acct("x", "4200000010", "jennymarsh_art", "Jenny Marsh", "Painter. Seascapes and salt marshes."),
    "theatre": acct("mastodon", "110100000000500011", "marshburytheatre", "MTC - Marshbury Theatre Company", "Amateur dramatics since 1952."),
    "riders": acct("x", "4200000012", "mtc_ridertraining", "MTC Rider Training", "Motorcycle training: CBT, A2, DAS."),
    "townfc": acct("facebook", "100064000000013", "MarshburyTownFC", "Marshbury Town FC", "The Mariners. Step 6 football at Quay Park."),
    "mercury": acct("rss", "marshburymercury.co.uk", "marshburymercury.co.uk", "Marshbury Mercury", ""),
    "quaypost": acct("rss", "thequaysidepost.uk", "thequaysidepost.uk", "The Quayside Post", ""),
    # Leigh's accounts: not Marshbury's concern
    "leighX": acct("x", "1000000001", "LeighTownCouncil", "Leigh Town Council", "The official account of Leigh-on-Sea Town Council.", "avatars/ltc-official.png"),
    "leighBS": acct("bluesky", "did:plc:ltcofficial00000000000001", "leightowncouncil.bsky.social", "Leigh Town Council", "Official. News and notices from Leigh-on-Sea Town Council.", "avatars/ltc-official.png"),
    "leighFake": acct("x", "5100000002", "LeighTownCounci1", "Leigh Town Counci1", "Updates for residents", "avatars/ltc-logo-recolour.png"),
    # look-alikes
    "mi_us": acct("x", "5200000001", "MarshburyTC_", "Marshbury TC", "Marshbury news", "avatars/mtc-official.png"),
    "mi_digit": acct("x", "5200000002", "MarshburyTownCounci1", "Marshbury Town Counci1", ""),
    "mi_official": acct("facebook", "100091000000003", "marshburytowncouncilofficial", "Marshbury Town Council - Official", "Official page of the town council", "avatars/mtc-crest-grey.png"),
    "mi_bsky": acct("bluesky", "did:plc:z9mtcfake000000000000004", "marshburytowncouncil.bsky.social", "Marshbury Town Council", "Marshbury Town Council on Bluesky"),
    "mi_masto": acct("mastodon", "110700000000000005", "MarshburyTownCouncil@toot.community", "Marshbury Town Council", "Official", "avatars/mtc-official.png"),
    "mi_swap": acct("x", "5200000006", "Marhsbury_Council", "Marhsbury Council", ""),
    "mi_m4": acct("x", "5200000007", "M4rshburyTC", "M4rshbury TC", ""),
    "mi_cyr": acct("facebook", "100091000000008", "mtc.news.page", "\u041c\u0430rshbury Town Council", ""),
    "mi_updates": acct("facebook", "100091000000009", "marshbury.tc.updates", "Marshbury TC Updates", "Keeping Marshbury in the loop."),
    "mi_hound": acct("x", "5200000010", "harbourhound", "Harbour Hound", "Lost and found pets around the harbour", "avatars/mtc-crest-recolour.png"),
    "mi_snaps": acct("bluesky", "did:plc:quaysnaps0000000000000011", "quaysnaps.bsky.social", "quay snaps", "photos", "avatars/mtc-crest-small.jpg"),
    "mi_rr": acct("mastodon", "110100000000600012", "marshburrytowncouncil", "Marshburry Town Council", ""),
    "mi_tides": acct("mastodon", "110100000000600014", "saltingstides", "Saltings Tides", "Tide times for the Blackwater", "avatars/mtc-official.png"),
    "mi_bssep": acct("bluesky", "did:plc:m5mtcsep000000000000015", "marshbury-tc.bsky.social", "Marshbury TC", "news"),
    "mi_mtc": acct("mastodon", "110800000000000016", "mtc_marshbury@mastodon.online", "MTC Marshbury", "Town news and notices"),
    "birders": acct("bluesky", "did:plc:marshburybirders00000017", "marshburybirders.bsky.social", "Marshbury Birders", "Sightings from the saltings and the sea wall."),
    "mi_team": acct("facebook", "100091000000013", "marshburytcteam", "Marshbury T.C. Team", "", "avatars/mtc-crest-crop.png"),
}

P = Posts()
P("MX", "10-15", "Allotment rents for 2027 are frozen at this year's level, as agreed at Full Council on 14 October.", N, "official statement: rents frozen", name="o_rents")
P("kate", "10-15", "Good news for us plot holders, thank you!", N, "reply: thanks", reply="o_rents")
P("MFB", "10-16", "The Corn Exchange is not for sale. The council has no plans to dispose of it and it remains our home.", N, "official statement: Corn Exchange", name="o_cornex")
P("hattie", "10-16", "Tender for the Marsh Lane pavilion roof is on the procurement portal, closing at noon on 20 November. Site visits by appointment.", N, "staff: published tender")
P("mi_us", "10-17", "Marshbury TC: reminder that the recycling centre switches to winter hours from Monday.", [I], "alias handle with trailing underscore, official avatar")
P("rfc", "10-17", "1st XV travel to Brightlingsea on Saturday, coach leaves the clubhouse at 11.30.", N, "rugby club sharing the name")
P("dad", "10-18", "Half term pumpkin carving done. Carnage in the kitchen.", N, "campaign claim only in the bio")
P("leighX", "10-18", "Leigh's Christmas market returns to Library Gardens on Saturday 5 December.", N, "Leigh's official account, not Marshbury's")
P("tom", "10-19", "Marshbury Town Council has sold the Corn Exchange to a hotel chain. Heard it from someone on the council.", [M], "contradicts official Corn Exchange post")
P("MBS", "10-20", "The Quay Street market carries on every Saturday through the resurfacing works. From 7 November the stalls move to Ferry Road.", N, "official statement: market continues", name="o_market")
P("eastpc", "10-20", "East Marshbury Parish Council meets on Tuesday at 7pm in the village hall. All welcome.", N, "another council sharing the name")
P("mi_digit", "10-21", "Allotment rents will rise by 25% from January to cover water costs.", [I, M], "digit 1 for l; contradicts rents freeze")
P("jenny", "10-21", "New seascape prints in the shop this week, marsh-blue everything.", N, "person surnamed Marsh")
P("glen", "10-22", "Lovely turnout for the litter pick on the quay this morning, thanks all!", [I], "staff handle ends .mtc (council alias)")
P("fran", "10-23", "Is it true the town council is closing the Quay Street market for the roadworks?", N, "question", name="fran_q")
P("MBS", "10-23", "No, the market carries on every Saturday; stalls move to Ferry Road during the works.", N, "official reply", reply="fran_q")
P("mercury", "10-24", "Quay Street market axed during roadworks. Marshbury Town Council has suspended the Saturday market until the spring, traders were told this week.", [M], "contradicts official market post", slug="quay-street-market-axed")
P("theatre", "10-24", "MTC presents A Christmas Carol, 10 to 13 December. Tickets on sale now!", N, "MTC here is the theatre company")
P("dev", "10-26", "Between ourselves, the quote for the harbour wall repairs is nearly three hundred thousand. Don't tell anyone I told you.", [C], "staff: quotation price in words, secrecy")
P("mi_bsky", "10-26", "We've joined Bluesky! Follow for news from Marshbury Town Council.", [I], "official name on bsky.social; the real handle is the council's domain")
P("leighFake", "10-27", "Leigh grants scheme closed early, sorry to all applicants.", N, "Leigh look-alike: not Marshbury's concern")
P("hattie", "10-27", "Email from the auditor yesterday, still in draft: they're flagging our bank reconciliations as inadequate. Not public until the external report is out.", [C], "staff: draft, internal email")
P("MM", "10-28", "Remembrance Sunday: the parade assembles at 10:15 at the war memorial on 8 November. Church Street is closed from 10 to 12.", N, "official statement", name="o_remembrance")
P("ade", "10-29", "At last night's meeting the mayor said Marshbury Town Council will ban barbecues on the green next summer.", [M], "reported speech attributing a future ban")
P("dev", "10-29", "Speaking for Marshbury Town Council: we back the bypass, full stop.", [M], "staff: personal view as the council's position")
P("sunita", "10-30", "Part 2 item tonight on the caretaker's dismissal appeal. Two hours and I still think we got it wrong.", [C], "staff: exempt HR matter", at="22:18")
P("riders", "10-30", "CBT slots available this Saturday at the showground, book online.", N, "MTC here is a rider training firm")
P("mercury", "10-30", "Remembrance parade details announced. Marshbury's parade will assemble at 10:15 at the war memorial on 8 November, the town council said.", N, "accurate report of the official post", slug="remembrance-parade-details")
P("mi_swap", "10-31", "Marhsbury Council: free bulky waste collection for all residents this month, just reply with your address.", [I, M], "swapped letters; asserts a council service")
P("petra", "11-02", "Scoring sheet for the cleaning contract: Brightwell 82, Tidy Co 71, Sparkle 55. Recommending Brightwell to members on Thursday.", [C], "staff: tender evaluation scores")
P("petra", "11-02", "Thanks for all the birthday messages yesterday, the cake was gone in record time.", N, "staff: birthday thanks")
P("kate", "11-03", "Marshbury Town Council should sort the potholes on Ferry Road before anything else.", N, "should")
P("saltpc", "11-03", "The bus shelter on Creek Lane will be replaced next month.", N, "council whose name contains Marshbury")
P("liam", "11-04", "Sick of the gulls nicking my chips on the quay.", N, "staff: sick in another sense")
P("glen", "11-04", "Dev's been signed off with stress for six weeks, so I'm chairing planning until the new year.", [I, C], "staff alias handle; health of a named colleague")
P("mi_hound", "11-05", "Lost dog near the marina, brown spaniel, answers to Biscuit.", [I], "recoloured council crest on an unrelated name")
P("quaypost", "11-05", "Council confirms allotment rents frozen. Marshbury Town Council says plot rents for 2027 will stay at this year's level, following a decision at Full Council on 14 October.", N, "accurate report of the official post", slug="allotment-rents-frozen")
P("district", "11-06", "Garden waste collections pause over Christmas, see our website for dates.", N, "district council sharing the name")
P("sunita", "11-06", "Personal opinion, not the council's: the Christmas tree should go back by the harbour.", N, "staff: opinion with disclaimer")
P("mi_m4", "11-07", "", [I], "account only: digit 4 for a")
P("tom", "11-07", "Marshbury Town Council spent £85,000 on consultants for the riverside plan and nobody's seen a single report.", [M], "spending attributed to the council")
P("rfc", "11-08", "", N, "account only: rugby club")
P("MFB", "11-09", "The council has not spent £85,000 on riverside consultants. The approved budget for the riverside study is £12,000, as set out in the published minutes.", N, "official statement: riverside spend", name="o_riverside")
P("dad", "11-09", "£12k my foot. They've blown eighty-five grand and everyone knows it.", [M], "reply contradicting the official statement", reply="o_riverside")
P("liam", "11-10", "Van reg MB21 KXP has been fly-tipping behind the pavilion twice this week, we've got it on camera.", [C], "staff: vehicle registration")
P("leighBS", "11-10", "Our consultation on the Cockle Row toilets is open until 30 November.", N, "Leigh's official account, not Marshbury's")
P("townfc", "11-11", "Home to Tiptree on Tuesday night, 7.45 kick off. Bring a flask.", N, "football club sharing Marshbury Town")
P("hattie", "11-11", "Keep this under your hat, but the Corn Exchange roof survey came back far worse than anyone expected. Members get it next week.", [C], "staff: unpublished report, secrecy idiom")
P("mi_cyr", "11-12", "Parking on Quay Street will be free for all of December, courtesy of your town council.", [I, M], "Cyrillic look-alike letters; asserts a decision")
P("fran", "11-12", "Thanks to the town council for the new benches by the harbour.", N, "thanks")
P("petra", "11-13", "The approved budget for 2026/27 is on the council website, including the precept as set in January.", N, "staff: approved budget")
P("petra", "11-16", "Setting up payroll for our new groundsman: NI number KT 30 71 58 D, start date 1 December. Portal keeps timing out!", [C], "staff: National Insurance number")
P("ade", "11-16", "My solicitor thinks the covenant on the Corn Exchange would block any sale anyway, for what it's worth.", N, "relays a lawyer's opinion")
P("mi_updates", "11-17", "The council will close all public toilets from 1 December to save money.", [I, M], "alias plus Updates; asserts a future action")
P("dev", "11-17", "Quote of the day from a Year 6 visitor to the chamber: 'Is the mayor's chain real gold?'", N, "staff: quote as a saying")
P("hattie", "11-18", "You can reach the office on 01632 960441 or call in at The Corn Exchange, 4 Quay Street, MB4 2QA.", N, "staff: council's public contacts")
P("sunita", "11-19", "Interviews for the assistant clerk job today: the young man from Tollesbury who runs the sailing club bar was easily the best.", [C], "staff: recruitment identifying a candidate")
P("mi_snaps", "11-19", "Sunrise over the saltings, 7.04am.", [I], "small JPEG of the council crest as avatar")
P("kate", "11-20", "Market on Ferry Road this Saturday, we'll be at the cake stall if anyone wants to say hello.", N, "event chatter")
P("liam", "11-21", "Resident at 17 Saltings Close, MB4 3RT rang again about the streetlight. Third time, poor woman.", [C], "staff: resident's house number and postcode")
P("quaypost", "11-21", "Town council to ban barbecues on the Green. Marshbury councillors have agreed to ban disposable barbecues on the Green from next summer, a campaigner says.", [M], "headline asserting a ban", slug="town-council-to-ban-barbecues")
P("mi_masto", "11-22", "Marshbury Town Council is now on this server, please follow us here.", [I], "official handle on another Mastodon server")
P("glen", "11-22", "Does anyone have a spare gazebo for the Christmas fair?", [I], "staff alias handle")
P("mi_rr", "11-23", "", [I], "account only: doubled r")
P("mi_official", "11-23", "", [I], "account only: name plus Official, greyscale crest")
P("eastpc", "11-24", "", N, "account only: parish council sharing the name")
P("jenny", "11-24", "", N, "account only: person surnamed Marsh")
P("liam", "11-25", "Got a call from a widow worried about her late husband's allotment. If anyone at the food bank can help, she's on 07700 900731.", [C], "staff: resident's phone number")
P("petra", "11-25", "Sort code 20-45-77, account 50918362: the caretaker's new bank details. Can payroll update them before payday?", [C], "staff: bank details")
P("tom", "11-26", "Is Marshbury Town Council really putting the allotment rents up? My neighbour says so.", N, "question")
P("hattie", "11-26", "Screenshot attached of the allotment waiting list so you can see where you are: names, phone numbers and emails of everyone on it.", [C], "staff: contact list screenshot")
P("dad", "11-27", "Marshbury Town Council has decided to put the allotment rents up by a quarter, whatever they posted in October.", [M], "contradicts official rents freeze")
P("mi_team", "11-27", "Marshbury T.C. Team: Christmas lights switch-on confirmed for Saturday 28 November on the quay!", [I, M], "name plus Team, cropped crest; asserts an event")
P("kate", "11-28", "East Marshbury Parish Council have agreed to buy a defibrillator for the village hall, good on them.", N, "claim about another council")
P("liam", "11-28", "Ferry to NI booked for the new year, can't wait to see the Causeway.", N, "staff: NI is Northern Ireland")
P("MX", "11-29", "Thank you to everyone who joined us for the Christmas fair in the Corn Exchange.", N, "official")
P("dev", "11-30", "Personal view, not the council's: the harbour wall deserves a proper fix, not another patch.", N, "staff: opinion with disclaimer")
P("ade", "12-01", "Marshbury Town Council is going to sell the Corn Exchange car park to the supermarket next year.", [M], "asserts a future action")

# later additions, merged into day order by the builder
P("mercury", "11-14", "Marshbury council 'to sell Corn Exchange', claims campaign group. Campaigners say Marshbury Town Council has agreed in principle to sell the Corn Exchange.", [M], "headline asserting a sale, contradicts official post", slug="council-to-sell-corn-exchange-claims-campaign")
P("MBS", "11-15", "Skate park: no decision has been made. Options go to the Amenities committee in January.", N, "official statement: skate park", name="o_skate")
P("mi_tides", "11-16", "Tide times for the Blackwater today: HW 10:42, LW 16:58.", [I], "council crest as avatar on an unrelated name")
P("fran", "11-18", "Marshbury Town Council has approved the new skate park on the rec, work starts in March. Finally!", [M], "contradicts official no-decision post")
P("quaypost", "11-30", "Christmas fair draws crowds to the Corn Exchange. Hundreds visited Marshbury's Christmas fair on Saturday, the town council said on its Facebook page.", N, "accurate report", slug="christmas-fair-draws-crowds")
P("fran", "12-01", "Hope the town council brings back the ice rink next year, the kids loved it.", N, "hope")
P("petra", "12-01", "Draft budget for 2027/28 goes to members next week: we're proposing a 4.9% precept rise. Please don't share yet.", [C], "staff: unreleased draft budget")
P("birders", "10-25", "Short-eared owl hunting over the sea wall at dusk, third evening running.", N, "birding group named after the town")
P("mi_bssep", "11-08", "The council has agreed to close the Ferry Road car park for good from January.", [I, M], "separated alias on Bluesky; asserts a decision")
P("fran", "11-13", "MTC have voted to put a 20mph limit through the whole town. About time.", [M], "asserts a council vote, using the alias")
P("mi_mtc", "11-20", "", [I], "account only: alias plus town name on another Mastodon server")

watch = {
    "Watch": {
        "Organisation": {
            "Names": ["Marshbury Town Council"],
            "Aliases": ["Marshbury TC", "MTC"],
            "Website": "marshburytowncouncil.gov.uk",
            "LogoFiles": ["logos/mtc-crest.png"],
            "PublicContacts": ["01632 960441", "The Corn Exchange, 4 Quay Street", "MB4 2QA"],
        },
        "Policy": {"Clauses": {
            "NoCouncilNameInIdentities": "Social media identities, logon ID's and user names may not use Marshbury Town Council's name.",
            "NoCouncilLogos": "Marshbury Town Council logos may not be used.",
            "NoFalseScreenNames": "Do not blog anonymously, using pseudonyms or false screen names, use your real name, be clear who you are, and identify that you work for, or are a Councillor on, Marshbury Town Council.",
            "NoConfidentialMaterial": "Sharing confidential material or proprietary information outside of the Council",
            "ConfidentialInformationDefined": "Confidential information includes things such as unpublished Council business, certain financial information, for example quotations and tender costs, Employees and Councillors must respect each other's and customers regarding confidentiality and data protection.",
            "DataProtection": "Ensuring information published by you does not reveal confidential Town Council business and respects data protection policies. Breach of confidentiality may result in disciplinary action.",
            "ReportMisrepresentations": "If you see misrepresentations made about the Town Council in the media, you should bring this to the attention of the Town Clerk.",
            "NoPersonalViewsAsCouncil": "Passing off personal views as representing those of the Council",
        }},
        "OfficialAccounts": [
            {"Platform": A[k]["platform"], "Id": A[k]["id"], "Handle": A[k]["handle"]} for k in ("MX", "MFB", "MBS", "MM")
        ],
        "StaffAccounts": [],
    }
}
STAFF = [("hattie", "Hattie Voss", "Town Clerk"), ("dev", "Dev Sharma", "Councillor"), ("glen", "Glen Orchard", "Councillor"),
         ("petra", "Petra Okoro", "Finance Officer"), ("liam", "Liam Marsh", "Amenities Officer"), ("sunita", "Sunita Gale", "Councillor")]
for k, name, role in STAFF:
    a = A[k]
    watch["Watch"]["StaffAccounts"].append({"Platform": a["platform"], "Id": a["id"], "Handle": a["handle"], "Name": name, "Role": role})

if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    write_json(OUT / "watch.json", watch)
    recs = build(A, P, 2026, seed=9021, mastodon_home="mastodon.social")
    write_jsonl(OUT / "heldout.jsonl", recs)
    print(len(recs), "records")
