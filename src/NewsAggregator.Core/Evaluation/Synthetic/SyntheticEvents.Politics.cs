namespace NewsAggregator.Core.Evaluation.Synthetic;

internal static partial class SyntheticEvents
{
    private static SyntheticEventType[] Politics() =>
    [
        new SyntheticEventType
        {
            Name = "election result",
            Roles = [["opposition leader", "party leader", "presidential candidate"], ["prime minister", "president"], ["election commission chair", "electoral commission head"]],
            PoliticalSlot = 1,
            Org2 = SyntheticOrgKind.Party,
            Subjects =
            [
                [
                    ["general election", "snap election", "parliamentary election", "regional election", "presidential election", "provincial election", "legislative election", "municipal election"],
                    Stems,
                    ["Party", "Alliance", "Movement", "Union", "Front", "League", "Bloc", "Coalition", "Congress", "Rally"],
                ],
            ],
            Numbers = [N(38, 58, 1), N(45, 79, 1), N(80, 260), N(300, 450), N(90, 270)],
            Headlines =
            [
                "{s2} {s3} wins {s1} in {country} with {n1} percent",
                "{p1} claims victory for {s2} {s3} in {s1}",
                "{p1} set to lead government after {s2} {s3} wins {n3} seats",
                "Voters in {country} hand {s1} victory to {p1} and the {s2} {s3}",
                "{s1} in {country}: {s2} {s3} takes {n3} seats",
            ],
            Facts =
            [
                [
                    "The {s2} {s3} won the {s1} in {country}{when}, taking {n1} percent of the vote{tail}.",
                    "Official results showed the {s2} {s3} winning {n1} percent of the vote in the {s1} held in {country}{when}.",
                    "Voters in {country} gave the {s2} {s3} {n1} percent of the ballots in the {s1}{when}, making it the largest party.",
                ],
                [
                    "The result gives the {s2} {s3} {n3} of the {n4} seats{tail}.",
                    "The party led by {p1} is expected to hold {n3} seats in the {n4}-member chamber{tail}.",
                    "With {n3} of {n4} seats, the {s2} {s3} will lead talks on forming a government.",
                ],
                [
                    "Turnout in the {s1} was {n2} percent, according to the commission chaired by {p3}.",
                    "{p3}, the {p3.role}, said {n2} percent of registered voters took part{when}.",
                    "Some {n2} percent of eligible voters cast a ballot, {p3.role} {p3} said{when}.",
                ],
                [
                    "{p1}, the {p1.role}, told supporters in {city} that the country had voted for change.",
                    "Addressing a crowd in {city}{when}, {p1} said the vote was a mandate for the {s2} {s3}.",
                    "{p1.Role} {p1} celebrated with supporters in {city}{when}, calling the result a vote for change.",
                ],
                [
                    "{p2.Role} {p2} conceded defeat{when} and congratulated {p1}.",
                    "The outgoing {p2.role}, {p2}, accepted the result and offered to work with the {s2} {s3}{when}.",
                    "{p2}, whose {org2} finished second behind the {s2} {s3}, said the party would respect the voters' decision.",
                ],
                [
                    "International observers said{when} that the vote won by the {s2} {s3} was largely orderly, although some polling stations opened late.",
                    "Voting in the {s1} that brought the {s2} {s3} to power passed off peacefully in most areas{tail}.",
                    "Election monitors described the {s1} won by the {s2} {s3} as generally calm, with only scattered reports of long queues.",
                ],
                [
                    "The {s2} {s3} has said it will seek coalition partners if it falls short of a majority.",
                    "Analysts expect weeks of coalition talks before {p1} can form a cabinet.",
                    "Negotiations between {p1} and smaller parties on forming a coalition are likely to begin next week{tail}.",
                ],
                [
                    "{p3}, the {p3.role}, said{when} that the final count would be certified within ten days.",
                    "Official certification of the {s2} {s3}'s win is due within ten days{tail}.",
                    "Certification of the final count is expected within ten days, said {p3.Role} {p3}.",
                ],
            ],
            Quotes =
            [
                "1|Tonight the voters have chosen the {s2} {s3} and a new direction",
                "1|This victory of the {s2} {s3} belongs to every family that has struggled",
                "2|We accept the verdict of the voters and we will hold the {s2} {s3} to its promises",
                "3|The count in this {s1} was carried out transparently, and {p1} won it fairly",
            ],
            Developments =
            [
                "Final results published on {day} gave the {s2} {s3} {n5} seats{tail}.",
                "{p1} began talks with smaller parties{when}, according to people close to the negotiations.",
                "The electoral commission confirmed the final tally of the {s1} late on {day}, with the {s2} {s3} holding {n5} seats.",
            ],
            UpdateHeadlines =
            [
                "Final count gives {s2} {s3} {n5} seats",
                "{p1} opens coalition talks after {s2} {s3} wins {n5} seats",
                "Commission confirms {s2} {s3} won {n5} seats in {s1}",
            ],
            Generic =
            [
                "Coalition governments are common under the country's electoral system.",
                "Opinion polls had suggested a close race in the final weeks of the campaign.",
                "Voting is not compulsory, and turnout has fallen in recent elections.",
                "The new parliament is expected to hold its first session within a month.",
                "The campaign was dominated by the cost of living and the state of public services.",
            ],
        },
        new SyntheticEventType
        {
            Name = "court ruling",
            Roles = [["chief justice", "presiding judge", "senior judge"], ["justice minister", "prime minister", "interior minister"], ["lawyer for the plaintiffs", "constitutional law professor", "human rights lawyer"]],
            PoliticalSlot = 1,
            Org = SyntheticOrgKind.Movement,
            Subjects =
            [
                [
                    ["Decree", "Order", "Regulation", "Directive"],
                    SyntheticSubjectWords.Numbers,
                    ["on police detention", "on online surveillance", "on street demonstrations", "on mining permits", "on press licences", "on foreign-funded charities", "on emergency powers", "on phone tapping", "on border checks", "on water tariffs", "on land seizures", "on teachers' pay", "on night curfews", "on trade union ballots", "on religious schools", "on asylum appeals", "on data retention", "on internet shutdowns", "on forest clearance", "on public broadcasting", "on military service", "on judicial appointments", "on pension cuts", "on rent controls", "on protest permits", "on tax inspections", "on student visas", "on private prisons", "on election funding", "on wiretap warrants"],
                ],
            ],
            Numbers = [N(5, 9), N(1, 4), N(30, 180), N(2_000, 90_000), N(12, 300)],
            Headlines =
            [
                "Top court in {country} strikes down {s1} {s2} {s3}",
                "Court rules {s1} {s2} {s3} unconstitutional in case brought by {org}",
                "Judges in {country} overturn {s1} {s2} in {n1}-{n2} ruling",
                "Supreme Court hands {org} victory over {s1} {s2} {s3}",
                "{p1} leads court in striking down {s1} {s2}",
            ],
            Facts =
            [
                [
                    "The Supreme Court in {country} struck down {s1} {s2} {s3}{when}, ruling that it violated the constitution{tail}.",
                    "Judges at the highest court in {country} ruled{when} that {s1} {s2} {s3} was unconstitutional.",
                    "{s1} {s2} {s3} was declared unconstitutional by the Supreme Court of {country}{when} in a closely watched case.",
                ],
                [
                    "The ruling against {s1} {s2} was backed by {n1} judges, with {n2} dissenting{tail}.",
                    "By {n1} votes to {n2}, the judges sided with the opponents of {s1} {s2}.",
                    "The judges split {n1} to {n2} against {s1} {s2}{tail}.",
                ],
                [
                    "The case was brought by the {org}, which argued that {s1} {s2} gave the authorities excessive powers.",
                    "The {org}, which filed the challenge to {s1} {s2} last year, had argued the measure was arbitrary.",
                    "Lawyers for the {org} told the court that {s1} {s2} let officials act without any judicial oversight.",
                ],
                [
                    "Writing for the majority, {p1.role} {p1} said the government had exceeded its authority.",
                    "{p1}, the {p1.role}, wrote that the executive had overstepped the limits set by parliament.",
                    "In the main opinion, {p1.Role} {p1} found that ministers had acted beyond their powers.",
                ],
                [
                    "{p2.Role} {p2} said the government respected the ruling on {s1} {s2} but would study its options{when}.",
                    "The government will review the judgment on {s1} {s2} carefully, said {p2}, the {p2.role}.",
                    "{p2}, the {p2.role}, said{when} that ministers would draft rules to replace {s1} {s2} that comply with the decision.",
                ],
                [
                    "The court gave parliament {n3} days to replace {s1} {s2} with a new law.",
                    "Lawmakers now have {n3} days to adopt a replacement for {s1} {s2}, under the terms of the judgment.",
                    "Under the ruling, parliament must approve new legislation {s3} within {n3} days, according to {p1}.",
                ],
                [
                    "Rights groups estimate that about {n4} people were affected by {s1} {s2} since it took effect.",
                    "About {n4} people have been affected by {s1} {s2}, according to estimates by the {org}.",
                    "Campaigners say roughly {n4} cases were brought under {s1} {s2}{tail}.",
                ],
                [
                    "{p3}, a {p3.role}, said{when} that the decision was one of the most important of the past decade.",
                    "Legal experts, among them {p3.role} {p3}, said the ruling would be studied for years{when}.",
                    "The judgment is among the most significant in years, said {p3}, a {p3.role}.",
                ],
            ],
            Quotes =
            [
                "1|No authority stands above the constitution, and {s1} {s2} went beyond it",
                "3|Today the court has reminded the government that {s1} {s2} had no legal basis",
                "2|We will study the judgment on {s1} {s2} and respond in full in the coming days",
            ],
            Developments =
            [
                "Lawyers said {n5} people affected by {s1} {s2} had applied for compensation by {day} evening.",
                "Within hours of the ruling, {n5} petitions citing {s1} {s2} had been filed, according to court officials.",
                "{p2.Role} {p2} said{when} that a replacement for {s1} {s2} would be sent to parliament next month.",
            ],
            UpdateHeadlines =
            [
                "{n5} seek compensation after court strikes down {s1} {s2}",
                "{n5} petitions filed after ruling on {s1} {s2}",
                "{p2} promises new law to replace {s1} {s2}",
            ],
            Generic =
            [
                "Rulings of the Supreme Court cannot be appealed.",
                "The government can ask parliament to pass a new law that meets the objections of the court.",
                "Constitutional challenges of this kind often take years to reach a final judgment.",
                "Legal experts say the ruling is likely to be cited in future cases.",
            ],
        },
        new SyntheticEventType
        {
            Name = "protest",
            Roles = [["interior minister", "prime minister", "president"], ["protest organiser", "student leader", "union activist"], ["police spokesperson", "police chief", "city official"]],
            PoliticalSlot = 0,
            Org = SyntheticOrgKind.Movement,
            Subjects =
            [
                [
                    Stems,
                    ["motorway", "dam", "copper mine", "airport runway", "gas pipeline", "landfill site", "wind farm", "port expansion", "rail line", "data centre", "coal plant", "housing development", "toll bridge", "waste incinerator", "lithium mine", "shopping centre", "oil refinery", "prison", "ring road", "cement works"],
                    ["through farmland", "near a nature reserve", "beside a school", "on common grazing land", "next to the river", "across an old forest", "close to homes", "on a historic site"],
                ],
            ],
            Numbers = [N(5_000, 150_000), N(10, 400), N(5, 120), N(2, 20), N(401, 900)],
            Headlines =
            [
                "Thousands protest in {city} against planned {s1} {s2}",
                "Police detain {n2} at {city} protest against {s1} {s2}",
                "{n2} arrested as protests over {s1} {s2} spread",
                "Protests over {s1} {s2} {s3} continue in {city}",
            ],
            Facts =
            [
                [
                    "An estimated {n1} people marched through {city}{when} to protest against the planned {s1} {s2} {s3}{tail}.",
                    "Some {n1} demonstrators filled the streets of {city}{when}, denouncing plans for the {s1} {s2} {s3}.",
                    "Protesters numbering about {n1} gathered in central {city}{when} in opposition to the {s1} {s2}{tail}.",
                ],
                [
                    "Police arrested {n2} opponents of the {s1} {s2} after clashes broke out near government buildings{tail}.",
                    "Clashes erupted near the regional parliament during the {s1} {s2} protest, and {n2} people were detained{when}.",
                    "Officers detained {n2} protesters when scuffles broke out at the rally against the {s1} {s2}{tail}.",
                ],
                [
                    "At least {n3} people, including several police officers, were injured at the {s1} {s2} protest{tail}.",
                    "The clashes over the {s1} {s2} left {n3} people hurt, among them a number of officers.",
                    "Medics treated {n3} injured people at the protest against the {s1} {s2}, according to emergency services.",
                ],
                [
                    "The {org}, which organised the march, said{when} that it would continue protesting until the {s1} {s2} was scrapped.",
                    "The {org} said{when} it would hold more rallies until plans for the {s1} {s2} are dropped.",
                    "Organisers from the {org} vowed to keep up the pressure until the {s1} {s2} is cancelled.",
                ],
                [
                    "{p1.Role} {p1} said peaceful protest against the {s1} {s2} was a right but violence would not be tolerated.",
                    "{p1}, the {p1.role}, warned{when} that violence at the {s1} {s2} protests would be met firmly.",
                    "The {p1.role}, {p1}, said the government respected peaceful opposition to the {s1} {s2} but condemned the clashes{when}.",
                ],
                [
                    "The protests against the {s1} {s2} have continued for {n4} days{tail}.",
                    "Opponents of the {s1} {s2} have returned to the streets for {n4} days in a row.",
                    "It was the latest in a series of rallies against the {s1} {s2} that has now lasted {n4} days.",
                ],
                [
                    "{p3}, a {p3.role}, said{when} that officers had used tear gas after being pelted with stones.",
                    "Police used tear gas after protesters threw stones, according to {p3}, a {p3.role}.",
                    "Tear gas was fired when some demonstrators threw objects at officers, {p3.role} {p3} said{when}.",
                ],
                [
                    "{p2}, a {p2.role}, said{when} that the {s1} {s2} would ruin the land its supporters had farmed for generations.",
                    "Families living {s3} had never been consulted, said {p2}, a {p2.role} who addressed the crowd.",
                    "Addressing the crowd, {p2.role} {p2} said people felt ignored by those in power.",
                ],
            ],
            Quotes =
            [
                "2|We are not going home until they cancel the {s1} {s2}",
                "1|Everyone has the right to protest against the {s1} {s2}, but nobody has the right to destroy",
                "3|Our officers showed restraint at the {s1} {s2} protest in very difficult conditions",
            ],
            Developments =
            [
                "Police said {n5} opponents of the {s1} {s2} had been arrested by {day} evening.",
                "The number of arrests at protests against the {s1} {s2} rose to {n5} overnight{tail}.",
                "The government said{when} that it would suspend work on the {s1} {s2} for three months.",
            ],
            UpdateHeadlines =
            [
                "Police say {n5} arrested in protests over {s1} {s2}",
                "Arrests rise to {n5} as protests over {s1} {s2} continue",
                "Government suspends {s1} {s2} after protests in {city}",
            ],
            Generic =
            [
                "The right to peaceful assembly is protected by the constitution.",
                "Large protests have been held in several cities in recent months.",
                "Organisers and police often give very different estimates of crowd size.",
                "Infrastructure projects have increasingly become the focus of local opposition.",
            ],
        },
        new SyntheticEventType
        {
            Name = "policy announcement",
            Roles = [["prime minister", "finance minister", "economy minister"], ["opposition leader", "shadow finance minister", "opposition spokesperson"], ["policy analyst", "senior economist", "research fellow"]],
            PoliticalSlot = 0,
            Org = SyntheticOrgKind.Institute,
            Fields = ["Economic Research", "Public Policy", "Fiscal Studies"],
            Subjects =
            [
                [
                    ["tax cuts for low-income households", "a plan to build affordable housing", "free school meals for primary pupils", "a higher minimum wage", "subsidies for electric cars", "more public childcare places", "grants to insulate older homes", "free bus travel for students", "a network of rural clinics", "cheaper train tickets for commuters", "loans for first-time home buyers", "a bonus for newly qualified nurses", "tax breaks for small farms", "faster broadband in villages", "a guaranteed pension top-up", "free dental care for children", "apprenticeships for school leavers", "an energy bill rebate", "a fund for flood defences", "cheaper prescriptions", "support for family carers", "a programme to plant forests", "help for start-up companies", "higher pay for teachers", "a scheme to retrain factory workers", "new mental health services", "free school transport", "tax credits for research", "lower rail fares", "grants for rooftop solar panels"],
                    Stems,
                    ["Fund", "Plan", "Guarantee", "Scheme", "Programme", "Initiative", "Pact", "Deal"],
                ],
            ],
            Numbers = [N(1.0, 25.0, 1), N(0.5, 9.0, 1), N(2, 6), N(10_000, 200_000), N(26.0, 40.0, 1)],
            Headlines =
            [
                "Government unveils {s2} {s3} offering {s1}",
                "{p1} announces ${n1} billion {s2} {s3}",
                "{p1} to spend ${n1} billion on {s1} under {s2} {s3}",
                "{s2} {s3} to benefit {n2} million households, says {p1}",
            ],
            Facts =
            [
                [
                    "The government in {country} announced the {s2} {s3}{when}, offering {s1} at a cost of ${n1} billion{tail}.",
                    "{p1.Role} {p1} unveiled the {s2} {s3}{when}, promising {s1} and saying it would cost ${n1} billion.",
                    "Ministers in {country} set out {s1}{when} in a ${n1} billion package called the {s2} {s3}.",
                ],
                [
                    "Officials said{when} that about {n2} million households would benefit from the {s2} {s3}.",
                    "The {s2} {s3} is expected to reach some {n2} million households.",
                    "Around {n2} million families stand to gain from the {s2} {s3}, according to government estimates.",
                ],
                [
                    "The {s2} {s3} will be phased in over {n3} years{tail}.",
                    "The {s2} {s3} will bring in {s1} gradually over {n3} years, according to {p1}.",
                    "The {s2} {s3} is to be introduced step by step across the next {n3} years{tail}.",
                ],
                [
                    "The government says the {s2} {s3} will create {n4} jobs.",
                    "Officials estimate that {n4} new jobs will result from spending on {s1}.",
                    "{p1} claimed{when} that as many as {n4} jobs could be created by the {s2} {s3}.",
                ],
                [
                    "{p1}, the {p1.role}, told parliament{when} that the {s2} {s3} would ease pressure on family budgets.",
                    "Speaking in parliament, {p1.role} {p1} said families would see the benefits of the {s2} {s3} within months.",
                    "The {p1.role}, {p1}, said the {s2} {s3} was aimed at families struggling with higher prices{when}.",
                ],
                [
                    "{p2}, the {p2.role}, said{when} that the {s2} {s3} was unaffordable and poorly targeted.",
                    "The opposition attacked the proposal, with {p2.role} {p2} calling it poorly designed.",
                    "{p2.Role} {p2} said{when} that the government had failed to explain how it would pay for {s1}.",
                ],
                [
                    "Economists at the {org} said the cost of the {s2} {s3} could rise if demand is higher than expected.",
                    "The {org} warned{when} that the final bill might exceed official estimates.",
                    "{p3}, a {p3.role} at the {org}, said{when} that the costs had probably been underestimated.",
                ],
            ],
            Quotes =
            [
                "1|The {s2} {s3} is about making sure that no family is left behind",
                "2|The government has announced the {s2} {s3} but not a single way to pay for it",
                "3|The direction of the {s2} {s3} is sensible, but the numbers deserve much closer scrutiny",
            ],
            Developments =
            [
                "The finance ministry later said the total cost of the {s2} {s3} could reach ${n5} billion.",
                "Parliament scheduled a first vote on the {s2} {s3} for next month, officials said{when}.",
                "{p1} said{when} that the first payments under the {s2} {s3} would be made within {n3} months.",
            ],
            UpdateHeadlines =
            [
                "Cost of {s2} {s3} could reach ${n5} billion",
                "Parliament to vote on {s2} {s3} next month",
                "First payments under {s2} {s3} within {n3} months, says {p1}",
            ],
            Generic =
            [
                "The plan must still be approved by parliament before it can take effect.",
                "Public finances remain under pressure after several years of slow growth.",
                "Similar schemes have been tried in other countries with mixed results.",
                "The government has made the cost of living its main priority this year.",
            ],
        },
        new SyntheticEventType
        {
            Name = "ceasefire talks",
            Roles = [["foreign minister", "president", "prime minister"], ["chief negotiator", "envoy", "delegation head"], ["spokesperson", "commander", "envoy"]],
            PoliticalSlot = 0,
            Org = SyntheticOrgKind.Movement,
            Org2 = SyntheticOrgKind.Movement,
            Subjects =
            [
                [
                    Stems,
                    ["province", "region", "border district", "highlands", "valley", "corridor"],
                    ["the withdrawal of heavy weapons", "the reopening of the main road", "the return of displaced families", "control of the border crossings", "access to the dam", "the release of hostages"],
                ],
            ],
            Numbers = [N(3, 30), N(200, 9_000), N(10_000, 800_000), N(20, 500), N(20, 400)],
            Headlines =
            [
                "{p2} joins ceasefire talks on the {s1} {s2} in {city}",
                "{p2} puts {n1}-day truce for the {s1} {s2} on the table",
                "Negotiators in {city} seek end to fighting that has killed {n2} in {s1}",
                "Talks in {city} on the {s1} {s2} turn to {s3} and {n4} prisoners",
            ],
            Facts =
            [
                [
                    "Negotiators for the {org} and the {org2} met in {city}{when} for talks on a ceasefire in the {s1} {s2}{tail}.",
                    "Talks aimed at ending the fighting in the {s1} {s2} between the {org} and the {org2} opened in {city}{when}.",
                    "Delegations from the {org} and the {org2} sat down in {city}{when} to discuss a truce for the {s1} {s2}{tail}.",
                ],
                [
                    "Mediators have proposed a truce of {n1} days in the {s1} {s2} to allow aid deliveries{tail}.",
                    "A draft plan calls for a pause in fighting in {s1} of {n1} days so that aid can reach civilians.",
                    "Under the proposal, hostilities in the {s1} {s2} would stop for {n1} days while supplies are delivered.",
                ],
                [
                    "The conflict in the {s1} {s2} has killed more than {n2} people{tail}.",
                    "More than {n2} people have died since the fighting in {s1} began, according to monitors.",
                    "Monitoring groups put the death toll of the conflict in the {s1} {s2} above {n2}.",
                ],
                [
                    "About {n3} people have been forced from their homes in the {s1} {s2}{tail}.",
                    "Some {n3} civilians have fled {s1}, aid agencies say.",
                    "The fighting has displaced roughly {n3} people from the {s1} {s2}, according to aid organisations.",
                ],
                [
                    "{p1.Role} {p1}, whose government is hosting the talks on the {s1} {s2}, said both sides had shown goodwill{when}.",
                    "{p1}, the {p1.role} of the host country, said the delegations from {s1} were negotiating in good faith.",
                    "The host government's {p1.role}, {p1}, described the first session on the {s1} {s2} as constructive{when}.",
                ],
                [
                    "The two sides are also discussing {s3} in {s1} and an exchange of about {n4} prisoners{tail}.",
                    "A swap involving roughly {n4} detainees from the {s1} {s2} is also on the table.",
                    "Negotiators are working on {s3} and a deal to exchange some {n4} prisoners held in {s1}{tail}.",
                ],
                [
                    "{p2}, the {p2.role} for the {org}, said{when} that the group wanted guarantees before signing anything.",
                    "The {org} will not sign without firm guarantees on {s3}, said its {p2.role}, {p2}.",
                    "{p2.Role} {p2} said{when} that the {org} needed guarantees that any truce would be respected.",
                ],
            ],
            Quotes =
            [
                "1|Both delegations came to {city} ready to talk about the {s1} {s2}, and that is a start",
                "2|We want peace in the {s1} {s2}, but not a peace that leaves our people unprotected",
                "3|Any agreement on {s3} in {s1} must be monitored by independent observers",
            ],
            Developments =
            [
                "Aid agencies said {n5} trucks of supplies were ready to enter the {s1} {s2} once a truce takes effect.",
                "The two sides agreed{when} to extend the talks on the {s1} {s2} for another day{tail}.",
                "Mediators said {n5} aid convoys had been cleared to enter {s1}{when}.",
            ],
            UpdateHeadlines =
            [
                "{n5} aid trucks wait at the edge of the {s1} {s2} as talks continue",
                "Talks in {city} on the {s1} {s2} extended by a day",
                "Mediators clear {n5} aid convoys for the {s1} {s2} as talks in {city} go on",
            ],
            Generic =
            [
                "Previous truces in the conflict have broken down within days.",
                "Aid agencies have repeatedly called for safe access for humanitarian convoys.",
                "Both sides accuse each other of violating earlier agreements.",
                "Diplomats say any deal will need international monitoring to hold.",
            ],
        },
    ];
}
