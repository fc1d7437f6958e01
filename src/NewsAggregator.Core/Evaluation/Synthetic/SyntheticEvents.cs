namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>
/// The event types of the synthetic corpus, every sentence written for this project. Conventions that keep the
/// output clean and the tests simple: no sentence contains ". " inside it (abbreviations would break sentence
/// splitting), no body sentence contains " - " or " — " (those mark datelines), {country} only follows a preposition
/// ("in the Netherlands"), and no pronoun refers to a person (names are drawn without a gender).
/// </summary>
internal static class SyntheticEvents
{
    private static SyntheticNumber N(double min, double max, int decimals = 0, int step = 1) => new(min, max, decimals, step);

    private static readonly SyntheticEventType[] Catalogue =
    [
        new SyntheticEventType
        {
            Name = "earthquake",
            Roles = [["interior minister", "prime minister", "president"], ["mayor", "regional governor", "civil defence chief"], ["seismologist", "geophysicist", "structural engineer"]],
            PoliticalSlot = 0,
            Org = SyntheticOrgKind.Institute,
            Fields = ["Geophysics", "Seismology", "Earth Sciences"],
            Numbers = [N(5.0, 7.8, 1), N(3, 180), N(20, 900), N(5, 70), N(190, 400)],
            Headlines =
            [
                "Magnitude {n1} earthquake strikes near {city}",
                "Earthquake kills at least {n2} in {country}",
                "Strong quake hits {city}, leaving {n2} dead",
                "Rescuers search rubble after deadly earthquake near {city}",
                "{n2} dead as powerful earthquake shakes {city}",
            ],
            Facts =
            [
                [
                    "A magnitude {n1} earthquake struck near {city} in {country}{when}, killing at least {n2} people{tail}.",
                    "At least {n2} people were killed when an earthquake of magnitude {n1} hit the area around {city}{when}{tail}.",
                    "An earthquake measuring {n1} shook {city}{when}, leaving at least {n2} people dead and many buildings in ruins.",
                ],
                [
                    "Hospitals in the region treated {n3} injured people{tail}.",
                    "More than {n3} people were hurt, many of them by falling masonry{tail}.",
                    "Emergency services said {n3} people had been taken to hospital with injuries{when}.",
                ],
                [
                    "The {org} said{when} that the quake was centred at a depth of {n4} kilometres.",
                    "The quake struck at a depth of {n4} kilometres, the {org} said{when}.",
                    "According to the {org}, the tremor originated {n4} kilometres below the surface.",
                    "Scientists at the {org} put the depth of the quake at {n4} kilometres{tail}.",
                ],
                [
                    "{p1.Role} {p1} said rescue teams had been sent to the worst-hit districts{when}.",
                    "{p1}, the {p1.role}, ordered soldiers and rescue crews into the affected area{when}.",
                    "The {p1.role}, {p1}, promised that every available team would join the search{when}.",
                ],
                [
                    "{p2}, the {p2.role}, said{when} that dozens of homes had collapsed in the older parts of {city}.",
                    "In the older quarters of {city}, dozens of houses collapsed, according to {p2}, the {p2.role}.",
                    "Dozens of houses in the old centre of {city} were flattened, {p2.Role} {p2} told local radio{when}.",
                ],
                [
                    "Several aftershocks rattled the region through the night, sending residents into the streets{tail}.",
                    "A series of aftershocks followed the main tremor, and many families chose to sleep outdoors{tail}.",
                    "Residents spent the night outside as aftershocks continued to shake {city}{when}.",
                ],
                [
                    "{p3}, a {p3.role}, said{when} that the region sits on an active fault line that has produced strong quakes before.",
                    "{p3.Role} {p3} told local television{when} that the fault under {city} had produced strong quakes in the past.",
                    "The area lies on a known fault, said {p3}, a {p3.role} who has studied the region for years.",
                    "According to {p3.role} {p3}, the fault beneath {city} has a long history of damaging earthquakes.",
                ],
            ],
            Quotes =
            [
                "1|We will not stop searching until every person is accounted for",
                "2|Entire streets have simply disappeared",
                "3|The shaking lasted for almost a minute, which is unusually long for this region",
                "2|People are sleeping in their cars because they are afraid to go back inside",
            ],
            Developments =
            [
                "The death toll rose to {n5} on {day} evening as rescuers reached remote villages{tail}.",
                "Officials later raised the number of confirmed deaths to {n5}{tail}.",
                "By late {day}, authorities said {n5} people had died and the search was continuing.",
            ],
            UpdateHeadlines =
            [
                "Earthquake death toll rises to {n5}",
                "Quake toll climbs to {n5} as rescuers dig through rubble near {city}",
                "{n5} now confirmed dead after earthquake near {city}",
            ],
        },
        new SyntheticEventType
        {
            Name = "election result",
            Roles = [["opposition leader", "party leader", "presidential candidate"], ["prime minister", "president"], ["election commission chair", "electoral commission head"]],
            PoliticalSlot = 1,
            Org = SyntheticOrgKind.Party,
            Org2 = SyntheticOrgKind.Party,
            Numbers = [N(38, 58, 1), N(45, 79, 1), N(80, 260), N(300, 450), N(90, 270)],
            Headlines =
            [
                "{org} wins election in {country} with {n1} percent of the vote",
                "Opposition leader {p1} claims victory in election",
                "{p1} set to lead government after {org} wins most seats",
                "Voters in {country} hand victory to the {org}",
                "Election in {country}: {org} takes {n3} seats",
            ],
            Facts =
            [
                [
                    "The {org} won the general election in {country}{when}, taking {n1} percent of the vote{tail}.",
                    "Official results showed the {org} winning {n1} percent of the vote in the national election held in {country}{when}.",
                    "Voters in {country} gave the {org} {n1} percent of the ballots{when}, making it the largest party in parliament.",
                ],
                [
                    "The result gives the party {n3} of the {n4} seats in parliament{tail}.",
                    "The {org} is expected to hold {n3} seats in the {n4}-member chamber{tail}.",
                    "With {n3} of {n4} seats in parliament, the party will lead talks on forming a government.",
                ],
                [
                    "Turnout was {n2} percent, according to the electoral commission.",
                    "The electoral commission said {n2} percent of registered voters took part{when}.",
                    "Some {n2} percent of eligible voters cast a ballot, the commission said{when}.",
                    "Turnout stood at {n2} percent{tail}.",
                ],
                [
                    "{p1}, the {p1.role}, told supporters in {city} that the country had voted for change.",
                    "Addressing a crowd in {city}{when}, {p1} said the vote was a mandate for change.",
                    "{p1.Role} {p1} celebrated with supporters in {city}{when}, calling the result a vote for change.",
                ],
                [
                    "{p2.Role} {p2} conceded defeat{when} and congratulated {p1.last}.",
                    "The outgoing {p2.role}, {p2}, accepted the result and offered to work with the new government{when}.",
                    "{p2}, whose {org2} finished second, said the party would respect the voters' decision.",
                ],
                [
                    "International observers said{when} that the vote was largely orderly, although they noted some delays at polling stations.",
                    "Voting passed off peacefully in most areas{tail}.",
                    "Election monitors described the vote as generally calm, with only scattered reports of long queues.",
                    "Observers reported few irregularities, though several polling stations in {city} opened late.",
                ],
                [
                    "The {org} has said it will seek coalition partners if it falls short of a majority.",
                    "Analysts expect weeks of coalition talks before a new cabinet is sworn in.",
                    "Negotiations on forming a coalition are likely to begin next week{tail}.",
                ],
                [
                    "{p3}, the {p3.role}, said{when} that the final count would be certified within ten days.",
                    "Official certification of the results is due within ten days{tail}.",
                    "Certification of the final count is expected within ten days, said {p3.Role} {p3}.",
                    "The {p3.role}, {p3}, told reporters{when} that the results would be made official within ten days.",
                ],
            ],
            Quotes =
            [
                "1|Tonight the people have chosen a new direction",
                "1|This victory belongs to every family that has struggled in recent years",
                "2|We accept the verdict of the voters and we will be a constructive opposition",
                "3|The count was carried out transparently and under full observation",
            ],
            Developments =
            [
                "Final results published on {day} gave the {org} {n5} seats{tail}.",
                "{p1} began talks with smaller parties{when}, according to people close to the negotiations.",
                "The electoral commission confirmed the final tally late on {day}, with the {org} holding {n5} seats.",
            ],
            UpdateHeadlines =
            [
                "Final count gives {org} {n5} seats",
                "{p1} opens coalition talks after {org} wins {n5} seats",
                "Electoral commission confirms {org} won {n5} seats",
            ],
        },
        new SyntheticEventType
        {
            Name = "court ruling",
            Roles = [["chief justice", "presiding judge", "senior judge"], ["justice minister", "prime minister", "interior minister"], ["lawyer for the plaintiffs", "constitutional law professor", "human rights lawyer"]],
            PoliticalSlot = 1,
            Org = SyntheticOrgKind.Movement,
            Numbers = [N(5, 9), N(1, 4), N(30, 180), N(2_000, 90_000), N(12, 300)],
            Headlines =
            [
                "Top court in {country} strikes down disputed decree",
                "Court rules against government in landmark case brought by {org}",
                "Judges in {country} overturn decree in {n1}-{n2} ruling",
                "Supreme Court hands victory to {org}",
            ],
            Facts =
            [
                [
                    "The Supreme Court in {country} struck down a government decree{when}, ruling that it violated the constitution{tail}.",
                    "Judges at the highest court in {country} ruled{when} that a contested government decree was unconstitutional.",
                    "A government decree was declared unconstitutional by the Supreme Court of {country}{when} in a closely watched case.",
                ],
                [
                    "The ruling was backed by {n1} judges, with {n2} dissenting{tail}.",
                    "By {n1} votes to {n2}, the judges sided with the plaintiffs.",
                    "The judges split {n1} to {n2} in favour of the plaintiffs{tail}.",
                ],
                [
                    "The case was brought by the {org}, which argued that the decree gave the police excessive powers.",
                    "The {org}, which filed the challenge last year, had argued the measure allowed arbitrary detention.",
                    "Lawyers for the {org} told the court the decree let officers detain people without a warrant.",
                    "The {org} brought the challenge{tail}, arguing that the decree handed the police sweeping powers.",
                    "The challenge was filed by the {org}, a campaign group that says the decree allowed detention without charge.",
                ],
                [
                    "Writing for the majority, {p1.role} {p1} said the government had exceeded its authority.",
                    "{p1}, the {p1.role}, wrote that the executive had overstepped the limits set by parliament.",
                    "In the main opinion, {p1.Role} {p1} found that ministers had acted beyond their powers.",
                    "The government had exceeded its authority, {p1.role} {p1} wrote in the judgment published{when}.",
                ],
                [
                    "{p2.Role} {p2} said the government respected the ruling but would study its options{when}.",
                    "The government will review the judgment carefully, said {p2}, the {p2.role}.",
                    "{p2}, the {p2.role}, said{when} that ministers would draft new rules that comply with the decision.",
                ],
                [
                    "The court gave parliament {n3} days to pass replacement legislation.",
                    "Lawmakers now have {n3} days to adopt a new law, under the terms of the judgment.",
                    "Under the ruling, parliament must approve new legislation within {n3} days{tail}.",
                ],
                [
                    "Rights groups estimate that about {n4} people were detained under the decree since it took effect.",
                    "About {n4} people have been held under the measure, according to estimates by rights groups.",
                    "Campaigners say roughly {n4} detentions were made using the decree{tail}.",
                ],
                [
                    "{p3}, a {p3.role}, said{when} that the decision was one of the most important of the past decade.",
                    "Legal experts, among them {p3.role} {p3}, said the ruling would be studied for years{when}.",
                    "The judgment is among the most significant in years, said {p3}, a {p3.role}.",
                    "{p3}, a {p3.role} in {city}, said the decision would shape the balance of power for years.",
                ],
            ],
            Quotes =
            [
                "1|No authority in this country stands above the constitution",
                "3|Today the court has reminded the government that its powers have limits",
                "2|We will study the judgment and respond in full in the coming days",
            ],
            Developments =
            [
                "Lawyers said {n5} people held under the decree had applied for release by {day} evening.",
                "Within hours of the ruling, {n5} detainees had filed petitions for release, according to court officials.",
                "{p2.Role} {p2} said{when} that a replacement bill would be sent to parliament next month.",
            ],
            UpdateHeadlines =
            [
                "{n5} detainees seek release after court strikes down decree",
                "{n5} petitions for release filed after court ruling",
                "Government promises new law after Supreme Court ruling",
            ],
        },
        new SyntheticEventType
        {
            Name = "company earnings",
            Roles = [["chief executive", "managing director", "company president"], ["chief financial officer", "finance director"], ["equity analyst", "industry analyst", "senior analyst"]],
            Org = SyntheticOrgKind.Company,
            Org2 = SyntheticOrgKind.Bank,
            Numbers = [N(1.2, 48.0, 1), N(3, 42), N(80, 950), N(1.1, 9.8, 1), N(300, 4_000)],
            Headlines =
            [
                "{org} profit rises {n2} percent on strong demand",
                "{org} beats forecasts as quarterly revenue reaches ${n1} billion",
                "Shares in {org} jump after earnings report",
                "{org} posts ${n3} million profit, raises outlook",
            ],
            Facts =
            [
                [
                    "{org} reported that quarterly profit rose {n2} percent{when}, beating analysts' expectations{tail}.",
                    "Quarterly profit at {org} climbed {n2} percent, the company said{when}, ahead of market forecasts.",
                    "{org} said{when} that its profit for the quarter had grown by {n2} percent, more than analysts had predicted.",
                ],
                [
                    "Revenue for the three months reached ${n1} billion{tail}.",
                    "Sales in the quarter totalled ${n1} billion, the company said.",
                    "The company booked revenue of ${n1} billion over the period{tail}.",
                ],
                [
                    "Net profit came in at ${n3} million{tail}.",
                    "The group earned ${n3} million after tax in the quarter{tail}.",
                    "Profit after tax amounted to ${n3} million, according to the earnings statement.",
                ],
                [
                    "Shares in the company rose {n4} percent in early trading in {city}{when}.",
                    "The stock climbed {n4} percent after the announcement{tail}.",
                    "Its stock gained {n4} percent on the exchange in {city} after the results were published.",
                    "Investors pushed the shares up {n4} percent{when} on the {city} market.",
                ],
                [
                    "{p1}, the {p1.role}, credited strong demand in Asia and tighter cost controls{when}.",
                    "{p1.Role} {p1} said demand in Asia and lower costs had driven the improvement.",
                    "The results reflected solid demand in Asian markets and careful spending, {p1.role} {p1} said{when}.",
                ],
                [
                    "{p2}, the {p2.role}, said{when} that the company now expected full-year earnings at the top of its forecast range.",
                    "The company raised its outlook for the year, {p2.Role} {p2} said on a call with analysts.",
                    "On a call with investors{when}, {p2} said full-year profit would likely reach the upper end of guidance.",
                ],
                [
                    "{p3}, {p3.role} at {org2}, said{when} that the figures showed the cost cuts were paying off.",
                    "Analysts at {org2} said{when} that the results showed that the savings programme was working.",
                    "The numbers suggest the cost savings are working, said {p3}, {p3.role} at {org2}.",
                    "According to {p3} of {org2}, the report showed that the cost programme was delivering results.",
                ],
            ],
            Quotes =
            [
                "1|This was a quarter of disciplined execution across every part of the business",
                "2|We enter the second half of the year with real momentum",
                "3|The market had braced for something weaker, so this is a relief for investors",
            ],
            Developments =
            [
                "The company also announced plans to cut {n5} jobs as part of its restructuring{tail}.",
                "Later on {day}, {org} said it would buy back shares worth ${n5} million.",
                "{org} confirmed{when} that {n5} positions would be eliminated over the next year.",
            ],
            UpdateHeadlines =
            [
                "{org} to cut {n5} jobs despite higher profit",
                "{org} plans ${n5} million share buyback after strong quarter",
                "{org} to eliminate {n5} positions",
            ],
        },
        new SyntheticEventType
        {
            Name = "merger",
            Roles = [["chief executive", "chair", "board chair"], ["chief executive", "founder", "managing director"], ["competition commissioner", "economy minister", "trade minister"]],
            PoliticalSlot = 2,
            Org = SyntheticOrgKind.Company,
            Org2 = SyntheticOrgKind.Company,
            Numbers = [N(1.5, 65.0, 1), N(12, 48), N(8_000, 160_000), N(6, 18), N(66.0, 90.0, 1)],
            Headlines =
            [
                "{org} agrees to buy {org2} for ${n1} billion",
                "{org} to acquire {org2} in ${n1} billion deal",
                "{org2} accepts takeover offer from {org}",
                "{org} and {org2} announce merger to create industry giant",
            ],
            Facts =
            [
                [
                    "{org} has agreed to buy {org2} for ${n1} billion{tail}, in one of the largest deals of the year.",
                    "{org} said{when} it would acquire its rival {org2} in a deal worth ${n1} billion.",
                    "In a ${n1} billion agreement announced{when}, {org} will take over {org2}.",
                ],
                [
                    "The offer represents a premium of {n2} percent over the closing share price of {org2}{tail}.",
                    "Shareholders of {org2} will receive {n2} percent more than the last closing price of their stock.",
                    "The price values {org2} at a premium of {n2} percent to its recent market value{tail}.",
                ],
                [
                    "The combined company will employ about {n3} people{tail}.",
                    "Together the two firms have roughly {n3} employees around the world.",
                    "The merged group will have a workforce of some {n3} people across several continents.",
                ],
                [
                    "The deal is expected to close within {n4} months, subject to regulatory approval.",
                    "The companies hope to close the deal within {n4} months{tail}.",
                    "The companies expect to complete the transaction in about {n4} months if regulators agree.",
                    "Completion is planned within {n4} months, pending approval from competition authorities{tail}.",
                ],
                [
                    "{p1}, {p1.role} of {org}, said{when} that the deal would create a stronger competitor in global markets.",
                    "The acquisition will make the group more competitive worldwide, said {p1}, {p1.role} of {org}.",
                    "{org} {p1.role} {p1} told analysts{when} that the combination would strengthen its position abroad.",
                ],
                [
                    "{p2}, {p2.role} of {org2}, said{when} that the board had unanimously recommended the offer.",
                    "The board of {org2} backed the bid unanimously, according to {p2.role} {p2}.",
                    "The board of {org2} voted unanimously in favour of the offer, {p2} said{when}.",
                ],
                [
                    "{p3.Role} {p3} said{when} that the authorities in {country} would examine the deal closely.",
                    "Competition authorities in {country} will review the merger, said {p3}, the {p3.role}.",
                    "The {p3.role}, {p3}, said{when} that regulators would look carefully at the effect on prices.",
                ],
            ],
            Quotes =
            [
                "1|Together we will be able to invest more and serve customers better",
                "2|This offer recognises the value our teams have built over many years",
                "3|We will look very carefully at what this deal means for consumers",
            ],
            Developments =
            [
                "A rival bidder made a competing offer of ${n5} billion for {org2}{when}{tail}.",
                "{org2} said later that it had received an unsolicited counter-offer valued at ${n5} billion.",
                "Regulators in {country} opened a formal review of the deal{when}, according to a public notice.",
            ],
            UpdateHeadlines =
            [
                "Rival bid of ${n5} billion challenges {org} deal for {org2}",
                "{org2} receives ${n5} billion counter-offer",
                "Regulators open review of {org} deal for {org2}",
            ],
        },
        new SyntheticEventType
        {
            Name = "strike",
            Roles = [["union leader", "union general secretary", "union president"], ["transport minister", "labour minister", "prime minister"], ["commuter", "student", "teacher"]],
            PoliticalSlot = 1,
            Org = SyntheticOrgKind.Union,
            Org2 = SyntheticOrgKind.Operator,
            Numbers = [N(2_000, 85_000), N(6, 15), N(2, 5), N(24, 72), N(2, 7)],
            Headlines =
            [
                "Transport workers in {country} walk out over pay",
                "Strike halts trains across {country} as union demands {n2} percent rise",
                "{n1} workers strike in pay dispute with {org2}",
                "Commuters stranded as rail strike hits {city}",
            ],
            Facts =
            [
                [
                    "Around {n1} transport workers went on strike in {country}{when}, halting most train services{tail}.",
                    "Train services across {country} ground to a halt{when} as some {n1} rail workers walked out.",
                    "A strike by about {n1} railway staff shut down much of the network in {country}{when}{tail}.",
                ],
                [
                    "The {org} is demanding a pay rise of {n2} percent to keep up with living costs.",
                    "The union wants a pay rise of {n2} percent{tail}.",
                    "Union members want wages raised by {n2} percent, pointing to the rising cost of living.",
                    "Workers are seeking an increase of {n2} percent, the {org} said{when}.",
                ],
                [
                    "{org2} has offered {n3} percent, which the union rejected as inadequate.",
                    "The operator, {org2}, put forward a {n3} percent offer that union members voted down.",
                    "An offer of {n3} percent from {org2} was turned down by the workforce{tail}.",
                ],
                [
                    "The walkout is due to last {n4} hours{tail}.",
                    "Union officials said the stoppage would run for {n4} hours.",
                    "The action is scheduled to continue for {n4} hours unless talks resume{tail}.",
                ],
                [
                    "{p1}, the {p1.role}, said{when} that members had been left with no choice after months of talks.",
                    "After months of fruitless negotiations, workers had no other option, said {p1.role} {p1}.",
                    "{p1.Role} {p1} told a rally in {city}{when} that the union was ready to return to the table.",
                ],
                [
                    "{p2.Role} {p2} urged both sides to resume negotiations{when}.",
                    "{p2}, the {p2.role}, called on the union and the operator to return to talks{when}.",
                    "The {p2.role}, {p2}, said the government would not intervene directly but wanted a quick settlement.",
                ],
                [
                    "Commuters in {city} faced long queues for buses and taxis{tail}.",
                    "In {city}, queues for buses stretched around the block as commuters looked for other ways to work.",
                    "Roads into {city} were jammed as people who normally take the train drove to work{when}.",
                ],
            ],
            Quotes =
            [
                "1|Our members keep this country moving and they deserve to be paid fairly",
                "2|A strike helps nobody, and I urge both sides to get back around the table",
                "3|I have been waiting for an hour and there is still no bus in sight",
            ],
            Developments =
            [
                "The {org} said{when} that the strike would be extended by {n5} days.",
                "Talks broke down again on {day} evening, and the union announced {n5} further days of action{tail}.",
                "{org2} said it would run a reduced timetable for the next {n5} days.",
            ],
            UpdateHeadlines =
            [
                "Rail strike extended by {n5} days",
                "Union announces {n5} more days of strikes as talks collapse",
                "{org2} to run reduced timetable for {n5} days",
            ],
        },
        new SyntheticEventType
        {
            Name = "storm",
            Roles = [["interior minister", "prime minister", "president"], ["emergency services chief", "regional governor", "civil protection chief"], ["meteorologist", "weather forecaster", "climate scientist"]],
            PoliticalSlot = 0,
            Org = SyntheticOrgKind.Institute,
            Fields = ["Meteorology", "Atmospheric Research", "Weather and Climate"],
            Numbers = [N(110, 240), N(2, 60), N(20_000, 900_000), N(80, 450), N(61, 120)],
            Headlines =
            [
                "Storm batters {city} with winds of {n1} km/h",
                "At least {n2} dead as storm sweeps across {country}",
                "Powerful storm leaves {n3} homes without power",
                "Floods and high winds hit {city} as storm makes landfall",
            ],
            Facts =
            [
                [
                    "A powerful storm with winds of up to {n1} kilometres per hour hit {city}{when}, killing at least {n2} people{tail}.",
                    "At least {n2} people died as a storm packing winds of {n1} kilometres per hour swept through {city}{when}.",
                    "Winds reaching {n1} kilometres per hour tore through {city} and surrounding areas{when}, leaving {n2} people dead.",
                ],
                [
                    "About {n3} homes were left without electricity{tail}.",
                    "Power was cut to some {n3} households across the region{when}.",
                    "Electricity companies said {n3} customers had lost power at the height of the storm.",
                ],
                [
                    "Up to {n4} millimetres of rain fell in 24 hours, flooding streets and basements{tail}.",
                    "Heavy rain, as much as {n4} millimetres in a single day, flooded low-lying districts.",
                    "The {org} recorded {n4} millimetres of rainfall in 24 hours, far above the monthly average.",
                ],
                [
                    "{p1.Role} {p1} said the army had been deployed to help evacuate residents{when}.",
                    "Soldiers were sent to assist with evacuations, {p1}, the {p1.role}, said{when}.",
                    "The {p1.role}, {p1}, announced that troops would help move people away from the flooded areas.",
                ],
                [
                    "{p2}, the {p2.role}, said{when} that rescuers had pulled dozens of people from flooded homes.",
                    "Rescue teams saved dozens of residents trapped by floodwater, according to {p2.role} {p2}.",
                    "Dozens of people were rescued from rooftops and cars, {p2.Role} {p2} told reporters{when}.",
                ],
                [
                    "Flights at the main airport in {city} were suspended and schools were closed{tail}.",
                    "Schools across the region stayed shut and airlines cancelled flights in and out of {city}.",
                    "Authorities closed schools and halted air traffic at the airport in {city}{when}.",
                ],
                [
                    "{p3}, a {p3.role} at the {org}, said{when} that the storm would weaken as it moved inland.",
                    "The storm should weaken as it moves inland, according to forecasts from the {org}{when}.",
                    "The system is expected to lose strength over land, said {p3}, a {p3.role} at the {org}.",
                    "Forecasters at the {org} expect the storm to weaken over the next day, {p3.role} {p3} said.",
                ],
            ],
            Quotes =
            [
                "2|The water rose so quickly that people had only minutes to get out",
                "1|Our priority tonight is to keep people safe and get help to those who need it",
                "3|We have not seen winds of this strength here in more than twenty years",
            ],
            Developments =
            [
                "The number of confirmed deaths rose to {n5} on {day}{tail}.",
                "Officials said{when} that {n5} people had now died in the storm and its aftermath.",
                "Power companies restored electricity to most homes by {day} evening, although thousands remained in the dark.",
            ],
            UpdateHeadlines =
            [
                "Storm death toll rises to {n5}",
                "{n5} now dead after storm, officials say",
                "Power returns to most homes after storm hits {city}",
            ],
        },
        new SyntheticEventType
        {
            Name = "protest",
            Roles = [["interior minister", "prime minister", "president"], ["protest organiser", "student leader", "union activist"], ["police spokesperson", "police chief", "city official"]],
            PoliticalSlot = 0,
            Org = SyntheticOrgKind.Movement,
            Issues = ["a rise in fuel prices", "a new pension law", "rising rents", "a controversial mining project", "cuts to university funding", "a proposed tax on small businesses", "a planned motorway through farmland"],
            Numbers = [N(5_000, 150_000), N(10, 400), N(5, 120), N(2, 20), N(401, 900)],
            Headlines =
            [
                "Thousands protest in {city} against {issue}",
                "Police clash with protesters in {city}",
                "{n2} arrested as demonstrations over {issue} spread",
                "Protests over {issue} continue in {city}",
            ],
            Facts =
            [
                [
                    "An estimated {n1} people marched through {city}{when} to protest against {issue}{tail}.",
                    "Some {n1} demonstrators filled the streets of {city}{when}, denouncing {issue}.",
                    "Protesters numbering about {n1} gathered in central {city}{when} in opposition to {issue}{tail}.",
                ],
                [
                    "Police arrested {n2} people after clashes broke out near government buildings{tail}.",
                    "Clashes erupted near the parliament building, and {n2} people were detained{when}.",
                    "Officers detained {n2} protesters when scuffles broke out outside government offices{tail}.",
                ],
                [
                    "At least {n3} people, including several police officers, were injured{tail}.",
                    "The clashes left {n3} people hurt, among them a number of officers.",
                    "Medics treated {n3} injured people at the scene, according to emergency services.",
                ],
                [
                    "The {org}, which organised the march, said{when} that it would continue protesting until the plan was withdrawn.",
                    "The {org} said{when} it would hold more rallies until the plan is dropped.",
                    "Organisers from the {org} vowed to keep up the pressure until the government backs down.",
                    "The {org} has called for further rallies and said it would not stop until the measure is scrapped.",
                ],
                [
                    "{p1.Role} {p1} said peaceful protest was a right but violence would not be tolerated.",
                    "{p1}, the {p1.role}, warned{when} that violence would be met firmly while defending the right to protest.",
                    "The {p1.role}, {p1}, said the government respected peaceful dissent but condemned the clashes{when}.",
                ],
                [
                    "The protests have continued for {n4} days{tail}.",
                    "Demonstrators have returned to the streets for {n4} days in a row.",
                    "It was the latest in a series of rallies that has now lasted {n4} days.",
                ],
                [
                    "{p3}, a {p3.role}, said{when} that officers had used tear gas after being pelted with stones.",
                    "Police used tear gas after protesters threw stones, according to {p3}, a {p3.role}.",
                    "Tear gas was fired when some demonstrators threw objects at officers, {p3.role} {p3} said{when}.",
                ],
                [
                    "{p2}, a {p2.role}, said{when} that the movement represented ordinary families who could no longer cope.",
                    "Ordinary families can no longer cope, said {p2}, a {p2.role} who addressed the crowd.",
                    "Addressing the crowd, {p2.role} {p2} said people felt ignored by those in power.",
                ],
            ],
            Quotes =
            [
                "2|We are not going home until they listen to us",
                "1|Everyone has the right to protest, but nobody has the right to destroy",
                "3|Our officers showed restraint in very difficult conditions",
            ],
            Developments =
            [
                "Police said {n5} people had been arrested by {day} evening.",
                "The number of arrests rose to {n5} as protests continued overnight{tail}.",
                "The government said{when} that it would suspend the plan for three months.",
            ],
            UpdateHeadlines =
            [
                "Police say {n5} arrested in {city} protests",
                "Arrests rise to {n5} as protests in {city} continue",
                "Government suspends plan after protests in {city}",
            ],
        },
        new SyntheticEventType
        {
            Name = "policy announcement",
            Roles = [["prime minister", "finance minister", "economy minister"], ["opposition leader", "shadow finance minister", "opposition spokesperson"], ["policy analyst", "senior economist", "research fellow"]],
            PoliticalSlot = 0,
            Org = SyntheticOrgKind.Institute,
            Fields = ["Economic Research", "Public Policy", "Fiscal Studies"],
            Issues = ["a programme of tax cuts for low-income households", "a plan to build affordable housing", "free school meals for all primary pupils", "a rise in the national minimum wage", "subsidies for electric cars", "an expansion of public childcare", "a scheme to insulate older homes"],
            Numbers = [N(1.0, 25.0, 1), N(0.5, 9.0, 1), N(2, 6), N(10_000, 200_000), N(26.0, 40.0, 1)],
            Headlines =
            [
                "Government unveils {issue}",
                "{p1} announces ${n1} billion spending plan",
                "Government to spend ${n1} billion on new programme",
                "New policy to benefit {n2} million households, says {p1.last}",
            ],
            Facts =
            [
                [
                    "The government in {country} announced {issue}{when}, at a cost of ${n1} billion{tail}.",
                    "{p1.Role} {p1} unveiled {issue}{when}, saying it would cost ${n1} billion.",
                    "Ministers in {country} set out {issue}{when} in a package worth ${n1} billion.",
                ],
                [
                    "Officials said{when} that about {n2} million households would benefit.",
                    "The measure is expected to reach some {n2} million households.",
                    "Around {n2} million families stand to gain from the plan, according to government estimates.",
                ],
                [
                    "The policy will be phased in over {n3} years{tail}.",
                    "Implementation will take place gradually over {n3} years.",
                    "The programme is to be introduced step by step across the next {n3} years{tail}.",
                ],
                [
                    "The government says the plan will create {n4} jobs.",
                    "Officials estimate that {n4} new jobs will result from the spending.",
                    "Ministers claimed{when} that as many as {n4} jobs could be created.",
                ],
                [
                    "{p1}, the {p1.role}, told parliament{when} that the measure would ease pressure on family budgets.",
                    "Speaking in parliament, {p1.role} {p1} said families would see the benefits within months.",
                    "The {p1.role}, {p1}, said the plan was aimed at families struggling with higher prices{when}.",
                ],
                [
                    "{p2}, the {p2.role}, said{when} that the plan was unaffordable and poorly targeted.",
                    "The opposition attacked the proposal, with {p2.role} {p2} calling it poorly designed.",
                    "{p2.Role} {p2} said{when} that the government had failed to explain how it would pay for the package.",
                ],
                [
                    "Economists at the {org} said the cost could rise if demand is higher than expected.",
                    "The {org} warned{when} that the final bill might exceed official estimates.",
                    "{p3}, a {p3.role} at the {org}, said{when} that the costs had probably been underestimated.",
                ],
            ],
            Quotes =
            [
                "1|This is about making sure that work pays and that no family is left behind",
                "2|The government has announced the spending but not a single way to pay for it",
                "3|The direction is sensible, but the numbers deserve much closer scrutiny",
            ],
            Developments =
            [
                "The finance ministry later said the total cost could reach ${n5} billion.",
                "Parliament scheduled a first vote on the plan for next month, officials said{when}.",
                "{p1} said{when} that the first payments would be made within {n3} months.",
            ],
            UpdateHeadlines =
            [
                "Cost of new programme could reach ${n5} billion",
                "Parliament to vote on {p1.last} plan next month",
                "First payments under new plan within {n3} months, says {p1.last}",
            ],
        },
        new SyntheticEventType
        {
            Name = "sports final",
            Roles = [["captain", "striker", "midfielder"], ["coach", "head coach", "manager"], ["coach", "head coach", "manager"]],
            Org = SyntheticOrgKind.Team,
            Org2 = SyntheticOrgKind.Team,
            Tails = ["", "", ", the organisers said", ", according to the organisers", ", the league said", ", club officials said", ", the league confirmed"],
            Issues = ["the national cup final", "the league championship final", "the continental club final", "the championship playoff final"],
            Numbers = [N(2, 5), N(0, 1), N(35_000, 90_000), N(55, 89), N(20_000, 300_000)],
            Headlines =
            [
                "{org} beat {org2} {n1}-{n2} to win {issue}",
                "{org} crowned champions after {n1}-{n2} win over {org2}",
                "{p1.last} stars as {org} lift trophy in {city}",
                "{org2} fall short as {org} claim title",
            ],
            Facts =
            [
                [
                    "{org} beat {org2} {n1}-{n2} in {issue} in {city}{when}.",
                    "{org} won {issue}{when}, defeating {org2} by {n1} goals to {n2} in {city}.",
                    "{org} claimed victory in {issue} with a {n1}-{n2} win over {org2} in {city}{when}.",
                    "{org} lifted the trophy{when} after beating {org2} {n1}-{n2} in {issue} in {city}.",
                ],
                [
                    "A crowd of {n3} watched the match{when}.",
                    "Attendance at the stadium in {city} was {n3}{tail}.",
                    "The game was played in front of {n3} spectators{when}.",
                    "Some {n3} fans packed the stadium for the final{when}.",
                ],
                [
                    "{p1}, the {p1.role}, scored the decisive goal after {n4} minutes.",
                    "The decisive goal came from {p1.role} {p1} after {n4} minutes of play.",
                    "{p1.last} settled the match with a goal after {n4} minutes.",
                    "The winning goal was scored by {p1} after {n4} minutes.",
                    "After {n4} minutes, {p1.role} {p1} found the net to put {org} ahead for good.",
                ],
                [
                    "{p2}, the {p2.role} of {org}, praised the team for its patience and discipline.",
                    "{org} {p2.role} {p2} said the players had shown great discipline.",
                    "The {p2.role} of {org}, {p2}, said patience and discipline had won the match.",
                    "{p2}, who coaches {org}, said the team had stayed patient and disciplined throughout.",
                    "The players showed patience and discipline, {org} {p2.role} {p2} told reporters after the match{when}.",
                ],
                [
                    "{p3}, the {p3.role} of {org2}, said the team had missed too many chances.",
                    "{org2} {p3.role} {p3} admitted the team had wasted its best opportunities.",
                    "The {p3.role} of {org2}, {p3}, said missed chances had cost them the trophy.",
                    "{p3}, who coaches {org2}, said the team had not taken its chances.",
                    "Missed chances decided the final, {org2} {p3.role} {p3} told reporters{when}.",
                ],
                [
                    "It was the first major trophy for {org} in more than ten years{tail}.",
                    "The win ended a long wait for silverware at {org}, whose last major title came more than a decade ago.",
                    "{org} had not lifted a major trophy for over ten years before this win.",
                    "The victory brought {org} its first major title in over a decade{tail}.",
                    "Supporters of {org} had waited more than ten years for a major trophy.",
                ],
                [
                    "Thousands of supporters celebrated in the streets of {city} late into the night.",
                    "Fans poured into central {city}{when} to celebrate after the final whistle.",
                    "Supporters of {org} sang and danced in the squares of {city} after the match.",
                    "Celebrations continued in {city} long after the match had ended.",
                ],
            ],
            Quotes =
            [
                "1|We believed in each other until the very last minute",
                "2|This group of players has given everything for this moment",
                "3|We had our chances and we did not take them, that is football",
            ],
            Developments =
            [
                "An estimated {n5} fans lined the streets for the victory parade{when}.",
                "About {n5} supporters turned out to welcome the team home{when}.",
                "{org} said the trophy would go on display at its stadium for supporters to see.",
            ],
            UpdateHeadlines =
            [
                "{n5} fans line streets for {org} victory parade",
                "{n5} fans welcome {org} home after final",
                "{org} to put trophy on display for supporters",
            ],
        },
        new SyntheticEventType
        {
            Name = "scientific finding",
            Roles = [["lead author", "principal investigator", "research director"], ["co-author", "senior researcher", "postdoctoral researcher"], ["professor", "researcher", "biologist"]],
            Org = SyntheticOrgKind.Institute,
            Tails = ["", "", ", the authors said", ", the researchers said", ", according to the paper", ", the team reported", ", according to the study", ", the authors wrote"],
            Fields = ["Biology", "Molecular Medicine", "Materials Science", "Marine Research", "Chemistry", "Applied Physics"],
            Issues = ["a new class of antibiotics", "a gene linked to drought tolerance in wheat", "a method for recycling lithium batteries", "a previously unknown species of deep-sea fish", "an early warning sign of heart disease", "a cheaper catalyst for producing hydrogen"],
            Numbers = [N(12, 85), N(120, 9_000), N(2, 12), N(3, 40), N(2, 60)],
            Headlines =
            [
                "Scientists report {issue}",
                "Researchers in {city} describe {issue}",
                "Study finds {issue}",
                "{org} team reports breakthrough on {issue}",
            ],
            Facts =
            [
                [
                    "Researchers at the {org} in {city} reported {issue} in a study published{when}.",
                    "A team from the {org} has identified {issue}, according to a paper published{when}.",
                    "Scientists working at the {org} in {city} said{when} that they had found {issue}.",
                ],
                [
                    "The approach performed {n1} percent better than existing methods in laboratory tests{tail}.",
                    "In tests, the results were {n1} percent better than those of current techniques{tail}.",
                    "Laboratory trials showed an improvement of {n1} percent compared with standard methods.",
                    "The new approach beat existing methods by {n1} percent, the authors reported.",
                    "According to the paper, performance improved by {n1} percent over current methods.",
                ],
                [
                    "The study drew on {n2} samples collected over {n3} years{tail}.",
                    "Over {n3} years, the team gathered and analysed {n2} samples.",
                    "Data from {n2} samples, gathered across {n3} years, formed the basis of the findings.",
                    "The researchers analysed {n2} samples gathered over a period of {n3} years.",
                    "In all, {n2} samples were examined, covering {n3} years of data.",
                ],
                [
                    "Partners in {n4} countries contributed to the work{tail}.",
                    "The research involved collaborators from {n4} countries{tail}.",
                    "Scientists from {n4} countries took part in the project.",
                    "The project brought together teams from {n4} countries.",
                    "Researchers based in {n4} countries worked on the study.",
                ],
                [
                    "{p1}, the {p1.role} of the study, said the findings could be put to practical use within a few years.",
                    "Practical applications could follow within a few years, said {p1}, the {p1.role}.",
                    "{p1}, who led the work as {p1.role}, said the team hoped to see the results used outside the laboratory soon.",
                    "{p1}, who led the study, said practical uses could be only a few years away.",
                    "The findings could be applied within a few years, {p1.role} {p1} told reporters{when}.",
                ],
                [
                    "{p2}, a {p2.role} on the project, cautioned that larger trials were still needed.",
                    "Larger trials will be needed before any firm conclusions are drawn, said {p2}, a {p2.role}.",
                    "The team stressed that the results must be confirmed in bigger studies, {p2.role} {p2} said.",
                    "{p2} said{when} that bigger trials were needed before firm conclusions could be drawn.",
                ],
                [
                    "{p3}, a {p3.role} who was not involved in the research, called the results promising but preliminary.",
                    "Scientists not involved in the work, including {p3}, described the findings as encouraging.",
                    "The results are promising but early, said {p3}, who did not take part in the study.",
                    "{p3}, who reviewed the paper independently, said the results looked promising but needed confirmation.",
                    "Independent researchers, including {p3}, welcomed the results but urged caution.",
                ],
            ],
            Quotes =
            [
                "1|We were surprised by how consistent the effect was across every sample",
                "2|This is an important first step, but it is only a first step",
                "3|If these results hold up, they could change how the field works",
            ],
            Developments =
            [
                "The {org} said{when} it had secured ${n5} million in funding for a larger follow-up study.",
                "A second team has since reported similar results, the journal said{when}.",
                "Funding of ${n5} million has been set aside for the next phase of research, officials at the {org} said.",
            ],
            UpdateHeadlines =
            [
                "{org} wins ${n5} million for follow-up study",
                "Second team confirms finding on {issue}",
                "${n5} million set aside for next phase of research on {issue}",
            ],
        },
        new SyntheticEventType
        {
            Name = "accident",
            Roles = [["transport minister", "prime minister", "interior minister"], ["fire chief", "police chief", "regional governor"], ["witness", "passenger", "local resident"]],
            PoliticalSlot = 0,
            Org = SyntheticOrgKind.Operator,
            Issues = ["a passenger train", "an overnight bus", "a commuter train", "a tourist coach", "an intercity train"],
            Numbers = [N(3, 60), N(15, 250), N(80, 600), N(10, 120), N(61, 90)],
            Headlines =
            [
                "At least {n1} killed in crash near {city}",
                "Crash involving {issue} kills {n1} near {city}",
                "Rescuers search wreckage after crash in {country}",
                "{n1} dead, {n2} injured in transport disaster near {city}",
            ],
            Facts =
            [
                [
                    "At least {n1} people were killed when {issue} crashed about {n4} kilometres from {city}{when}{tail}.",
                    "A crash involving {issue} near {city}{when} left at least {n1} people dead{tail}.",
                    "Rescuers recovered the bodies of {n1} people after {issue} crashed near {city}{when}.",
                ],
                [
                    "Another {n2} people were injured, several of them critically{tail}.",
                    "The crash also left {n2} people injured, some in a serious condition.",
                    "Hospitals in the area admitted {n2} injured passengers{when}.",
                ],
                [
                    "The vehicle, operated by {org}, was carrying about {n3} passengers{tail}.",
                    "About {n3} passengers were on board, according to the operator, {org}.",
                    "{org}, which runs the service, said {n3} people had been travelling on it.",
                ],
                [
                    "The cause of the crash was not immediately clear, and an investigation has been opened.",
                    "Investigators have begun work to establish what caused the accident{tail}.",
                    "Authorities said it was too early to say what had caused the crash{when}.",
                ],
                [
                    "{p1.Role} {p1} travelled to the scene and promised a full inquiry{when}.",
                    "{p1}, the {p1.role}, visited the site and said those responsible would be held to account.",
                    "The {p1.role}, {p1}, announced an independent investigation after visiting the crash site{when}.",
                ],
                [
                    "{p2}, the {p2.role}, said{when} that rescuers had worked through the night to free people from the wreckage.",
                    "Rescue crews worked all night to reach trapped passengers, according to {p2.role} {p2}.",
                    "Emergency teams cut through twisted metal to free survivors, {p2.Role} {p2} said{when}.",
                ],
                [
                    "{p3}, a {p3.role}, described hearing a loud bang followed by screams.",
                    "{p3}, a {p3.role}, told local television{when} that a loud bang was followed by screaming.",
                    "A {p3.role}, {p3}, said there was a loud bang and then people started screaming.",
                    "{p3}, who saw the crash, said the sound of the impact could be heard across the valley.",
                ],
            ],
            Quotes =
            [
                "3|There was a terrible noise and then everything went dark",
                "1|We owe the families of the victims a full and honest answer",
                "2|Our teams did everything they could to reach the injured quickly",
            ],
            Developments =
            [
                "The death toll rose to {n5} after several injured passengers died in hospital{tail}.",
                "Investigators said{when} they had recovered the data recorder from the wreckage.",
                "Officials confirmed {n5} deaths by late {day} and released the first names of the victims.",
            ],
            UpdateHeadlines =
            [
                "Crash death toll rises to {n5}",
                "Investigators recover data recorder after crash near {city}",
                "Victims named as crash toll reaches {n5}",
            ],
        },
        new SyntheticEventType
        {
            Name = "trial",
            Roles = [["businessman", "former mayor", "former minister"], ["judge", "presiding judge"], ["lead prosecutor", "chief prosecutor", "state prosecutor"]],
            Org = SyntheticOrgKind.Company,
            Issues = ["fraud", "bribery", "money laundering", "embezzlement of public funds", "tax evasion"],
            Numbers = [N(2, 480), N(12, 90), N(5, 25), N(3, 20), N(3, 9)],
            Headlines =
            [
                "Trial of {p1} on charges of {issue} opens in {city}",
                "{p1} denies {issue} as trial begins",
                "Former executive of {org} goes on trial over ${n1} million",
                "Court in {city} hears opening arguments in {issue} case",
            ],
            Facts =
            [
                [
                    "The trial of {p1}, a {p1.role}, on charges of {issue} opened in {city}{when}{tail}.",
                    "{p1}, a {p1.role} accused of {issue}, went on trial in {city}{when}.",
                    "Proceedings against {p1}, a {p1.role} charged with {issue}, began at a court in {city}{when}.",
                ],
                [
                    "{p1.last} denies all the charges{tail}.",
                    "The defendant has pleaded not guilty to every count.",
                    "Through lawyers, {p1.last} rejected the accusations and entered a plea of not guilty{when}.",
                ],
                [
                    "Prosecutors allege that about ${n1} million was moved through accounts linked to {org}.",
                    "According to the indictment, some ${n1} million passed through companies connected to {org}.",
                    "The case centres on ${n1} million that prosecutors say was channelled through {org}{tail}.",
                ],
                [
                    "More than {n2} witnesses are expected to testify{tail}.",
                    "The prosecution plans to call {n2} witnesses.",
                    "Some {n2} people have been named as witnesses in the case.",
                ],
                [
                    "{p3}, the {p3.role}, told the court{when} that the evidence showed a scheme that ran for years.",
                    "Opening the case{when}, {p3.role} {p3} described a scheme that lasted several years.",
                    "The {p3.role}, {p3}, said documents would show how the money was hidden.",
                ],
                [
                    "If convicted, {p1.last} faces up to {n3} years in prison{tail}.",
                    "The charges carry a maximum sentence of {n3} years.",
                    "A conviction could bring a prison term of as much as {n3} years.",
                ],
                [
                    "{p2.Role} {p2} said the trial was expected to last {n4} weeks.",
                    "The trial is scheduled to run for {n4} weeks, according to {p2}, the {p2.role}.",
                    "{p2}, the {p2.role}, set aside {n4} weeks for the hearings{when}.",
                ],
            ],
            Quotes =
            [
                "1|I have never taken a single cent that did not belong to me",
                "3|The evidence will speak for itself",
                "2|This court will hear every argument before reaching any conclusion",
            ],
            Developments =
            [
                "A key witness told the court{when} that {p1.last} had personally approved the payments.",
                "The hearing was adjourned after {n5} hours of testimony{tail}.",
                "Prosecutors played recordings of phone calls to the court{when}, in a session lasting {n5} hours.",
            ],
            UpdateHeadlines =
            [
                "Witness says {p1.last} approved payments",
                "Trial of {p1} adjourned after {n5} hours of testimony",
                "Recordings played in court at trial of {p1}",
            ],
        },
        new SyntheticEventType
        {
            Name = "ceasefire talks",
            Roles = [["foreign minister", "president", "prime minister"], ["chief negotiator", "envoy", "delegation head"], ["spokesperson", "commander", "envoy"]],
            PoliticalSlot = 0,
            Org = SyntheticOrgKind.Movement,
            Org2 = SyntheticOrgKind.Movement,
            Numbers = [N(3, 30), N(200, 9_000), N(10_000, 800_000), N(20, 500), N(20, 400)],
            Headlines =
            [
                "Ceasefire talks open in {city}",
                "Warring sides discuss {n1}-day truce in {city}",
                "Negotiators in {city} seek end to fighting",
                "Hopes rise for ceasefire as talks resume in {city}",
            ],
            Facts =
            [
                [
                    "Negotiators for the {org} and the {org2} met in {city}{when} for talks on a ceasefire{tail}.",
                    "Talks aimed at ending the fighting between the {org} and the {org2} opened in {city}{when}.",
                    "Delegations from the {org} and the {org2} sat down in {city}{when} to discuss a truce{tail}.",
                ],
                [
                    "Mediators have proposed a truce of {n1} days to allow aid deliveries{tail}.",
                    "A draft plan calls for a pause in fighting of {n1} days so that aid can reach civilians.",
                    "Under the proposal, hostilities would stop for {n1} days while humanitarian supplies are delivered.",
                ],
                [
                    "The conflict has killed more than {n2} people{tail}.",
                    "More than {n2} people have died since the fighting began, according to monitors.",
                    "Monitoring groups put the death toll of the conflict above {n2}.",
                ],
                [
                    "About {n3} people have been forced from their homes{tail}.",
                    "Some {n3} civilians have fled their homes, aid agencies say.",
                    "The fighting has displaced roughly {n3} people, according to aid organisations.",
                ],
                [
                    "{p1.Role} {p1}, whose government is hosting the talks, said both sides had shown goodwill{when}.",
                    "{p1}, the {p1.role} of the host country, said the delegations were negotiating in good faith.",
                    "The host government's {p1.role}, {p1}, described the first session as constructive{when}.",
                ],
                [
                    "The two sides are also discussing an exchange of about {n4} prisoners{tail}.",
                    "A swap involving roughly {n4} detainees is also on the table.",
                    "Negotiators are working on a deal to exchange some {n4} prisoners{tail}.",
                ],
                [
                    "{p2}, the {p2.role} for the {org}, said{when} that the group wanted guarantees before signing anything.",
                    "The {org} will not sign without firm guarantees, said its {p2.role}, {p2}.",
                    "{p2.Role} {p2} said{when} that the {org} needed guarantees that any truce would be respected.",
                ],
            ],
            Quotes =
            [
                "1|Both delegations came to the table ready to listen, and that is a start",
                "2|We want peace, but not a peace that leaves our people unprotected",
                "3|Any agreement must be monitored by independent observers",
            ],
            Developments =
            [
                "Aid agencies said {n5} trucks of supplies were ready to cross once a truce takes effect.",
                "The two sides agreed{when} to extend the talks for another day{tail}.",
                "Mediators said {n5} aid convoys had been cleared to enter the conflict zone{when}.",
            ],
            UpdateHeadlines =
            [
                "{n5} aid trucks wait as talks in {city} continue",
                "Ceasefire talks in {city} extended by a day",
                "Mediators clear {n5} aid convoys as talks continue",
            ],
        },
        new SyntheticEventType
        {
            Name = "product recall",
            Roles = [["chief executive", "head of quality", "company spokesperson"], ["consumer affairs minister", "health minister", "trade minister"], ["consumer advocate", "safety expert", "product safety researcher"]],
            PoliticalSlot = 1,
            Org = SyntheticOrgKind.Company,
            Issues = ["electric scooters", "baby car seats", "kitchen blenders", "laptop batteries", "space heaters", "bicycle helmets", "pressure cookers"],
            Numbers = [N(12_000, 2_400_000), N(5, 300), N(1, 60), N(2, 40), N(50_000, 600_000)],
            Headlines =
            [
                "{org} recalls {n1} {issue} over safety fears",
                "{org} pulls {issue} from shelves in {n4} countries",
                "Recall of {issue} after reports of {n2} incidents",
                "Safety warning issued as {org} recalls {issue}",
            ],
            Facts =
            [
                [
                    "{org} is recalling {n1} {issue} sold in {n4} countries{when} because of a safety defect{tail}.",
                    "{org} said{when} that it was recalling {n1} of its {issue} after finding a safety fault.",
                    "About {n1} {issue} made by {org} are being recalled in {n4} countries{when}{tail}.",
                ],
                [
                    "The company has received {n2} reports of the products failing during normal use{tail}.",
                    "There have been {n2} reported incidents involving the affected items.",
                    "Customers have filed {n2} complaints about the defect, the company said.",
                ],
                [
                    "At least {n3} people have been injured{tail}.",
                    "The fault has been linked to {n3} injuries so far.",
                    "Authorities are aware of {n3} cases in which people were hurt{tail}.",
                ],
                [
                    "Customers are being told to stop using the products immediately and return them for a full refund.",
                    "Anyone who owns one of the affected items should stop using it and contact the company for a refund.",
                    "Buyers can return the products to any store for a full refund, the company said{when}.",
                ],
                [
                    "{p1}, the {p1.role} of {org}, apologised to customers{when} and said safety was the top priority.",
                    "{org} {p1.role} {p1} said{when} that the company was sorry for the inconvenience and was acting out of caution.",
                    "The {p1.role} of {org}, {p1}, said the company had acted as soon as it understood the problem.",
                ],
                [
                    "{p2.Role} {p2} said{when} that regulators in {country} were monitoring the recall closely.",
                    "{p2}, the {p2.role}, said the authorities in {country} would check that every unit was collected.",
                    "The {p2.role}, {p2}, said{when} that inspectors would track how many products were returned.",
                ],
                [
                    "{p3}, a {p3.role} in {city}, said{when} that the recall showed the need for stricter testing before products reach the market.",
                    "Consumer groups, including {p3}, a {p3.role}, called for tougher testing rules{when}.",
                    "Stricter testing is needed before products go on sale, said {p3}, a {p3.role}.",
                    "The case shows why testing rules must be tightened, according to {p3.role} {p3}.",
                ],
            ],
            Quotes =
            [
                "1|We are deeply sorry and we are putting things right as quickly as we can",
                "3|Consumers should not have to discover safety problems by getting hurt",
                "2|Every affected product needs to be taken out of people's homes",
            ],
            Developments =
            [
                "{org} extended the recall{when} to a further {n5} units made at a second factory{tail}.",
                "The company said {n5} more products had been added to the recall after further tests.",
                "Regulators opened a formal investigation into {org}{when}{tail}.",
            ],
            UpdateHeadlines =
            [
                "{org} widens recall by {n5} units",
                "{n5} more {issue} added to {org} recall",
                "Regulators investigate {org} after recall of {issue}",
            ],
        },
        new SyntheticEventType
        {
            Name = "wildfire",
            Roles = [["prime minister", "interior minister", "environment minister"], ["fire chief", "regional governor", "civil protection chief"], ["resident", "farmer", "shop owner"]],
            PoliticalSlot = 0,
            Numbers = [N(2_000, 90_000), N(1_000, 40_000), N(200, 3_000), N(20, 600), N(95_000, 160_000)],
            Headlines =
            [
                "Wildfire near {city} forces {n2} people to flee",
                "Firefighters battle blaze as wildfire burns {n1} hectares",
                "Homes destroyed as fire spreads near {city}",
                "Thousands evacuated as wildfire rages near {city}",
            ],
            Facts =
            [
                [
                    "A wildfire near {city} has burned {n1} hectares of forest and farmland{when}{tail}.",
                    "Fire swept across {n1} hectares of land around {city}{when}, officials said.",
                    "More than {n1} hectares have been scorched by a wildfire burning outside {city}{tail}.",
                ],
                [
                    "About {n2} people were ordered to leave their homes{tail}.",
                    "Authorities evacuated some {n2} residents from villages in the path of the flames.",
                    "Evacuation orders covered around {n2} people{when}.",
                ],
                [
                    "More than {n3} firefighters, supported by water-dropping aircraft, were fighting the blaze{tail}.",
                    "Some {n3} firefighters and several aircraft were deployed against the fire.",
                    "Crews numbering {n3} firefighters battled the flames from the ground and the air{when}.",
                ],
                [
                    "At least {n4} homes have been destroyed{tail}.",
                    "The fire has burned down {n4} houses, according to initial estimates.",
                    "Initial reports suggest that {n4} homes were lost to the flames.",
                ],
                [
                    "{p1.Role} {p1} visited the command centre and promised help for those who lost their homes{when}.",
                    "{p1}, the {p1.role}, pledged emergency aid for families whose homes were destroyed.",
                    "The {p1.role}, {p1}, said the government would cover the cost of temporary housing{when}.",
                ],
                [
                    "{p2}, the {p2.role}, said{when} that strong winds and dry conditions were making the fire hard to control.",
                    "Strong winds and dry conditions were making the blaze hard to contain{tail}.",
                    "Dry weather and gusting winds were hampering firefighting efforts, {p2.role} {p2} said.",
                    "According to {p2.role} {p2}, the winds kept pushing the flames toward populated areas.",
                ],
                [
                    "{p3}, a {p3.role} who was evacuated, said{when} that the sky had turned orange by mid-afternoon.",
                    "Residents described thick smoke that blocked out the sun{when}.",
                    "The sky turned orange in the afternoon, said {p3}, a {p3.role} who had to leave home.",
                    "{p3}, a local {p3.role}, described smoke so thick that it blocked out the sun.",
                ],
            ],
            Quotes =
            [
                "3|We grabbed the children and the documents and we drove away",
                "2|The wind is our biggest enemy right now",
                "1|No family that lost a home in this fire will be left alone",
            ],
            Developments =
            [
                "The fire had spread to {n5} hectares by {day} evening{tail}.",
                "Officials said{when} that the burned area had grown to {n5} hectares.",
                "Light rain overnight helped firefighters contain part of the blaze{tail}.",
            ],
            UpdateHeadlines =
            [
                "Wildfire near {city} grows to {n5} hectares",
                "Burned area near {city} reaches {n5} hectares",
                "Rain helps firefighters contain part of blaze near {city}",
            ],
        },
        new SyntheticEventType
        {
            Name = "rate decision",
            Roles = [["central bank governor", "central bank chief"], ["finance minister", "economy minister"], ["chief economist", "senior economist"]],
            PoliticalSlot = 1,
            Org2 = SyntheticOrgKind.Bank,
            Numbers = [N(1.5, 9.5, 1), N(2.1, 12.0, 1), N(25, 75, step: 25), N(0.3, 3.5, 1), N(0.5, 3.0, 1)],
            Headlines =
            [
                "Central bank raises interest rate to {n1} percent",
                "Rate rise of {n3} basis points as inflation reaches {n2} percent",
                "{p1.last} signals further rate moves after decision",
                "Borrowing costs rise in {country} as central bank acts on inflation",
            ],
            Facts =
            [
                [
                    "The central bank in {country} raised its main interest rate by {n3} basis points to {n1} percent{when}{tail}.",
                    "Policymakers in {country} lifted the benchmark rate to {n1} percent{when}, an increase of {n3} basis points.",
                    "Interest rates in {country} went up by {n3} basis points to {n1} percent after a meeting of the central bank{when}.",
                ],
                [
                    "Inflation stands at {n2} percent, well above the target of the bank{tail}.",
                    "Consumer prices are rising at an annual rate of {n2} percent.",
                    "The decision came with inflation running at {n2} percent{tail}.",
                ],
                [
                    "{p1.Role} {p1} said the bank was ready to act again if price pressures persisted.",
                    "{p1}, the {p1.role}, told reporters{when} that further increases had not been ruled out.",
                    "The bank will not hesitate to tighten policy further, {p1.role} {p1} said{when}.",
                ],
                [
                    "The bank cut its growth forecast for the year to {n4} percent{tail}.",
                    "Economic growth is now expected to reach only {n4} percent this year.",
                    "Its new projections put growth for the year at {n4} percent.",
                ],
                [
                    "{p2.Role} {p2} said the government supported the efforts of the bank to bring down inflation.",
                    "{p2}, the {p2.role}, backed the decision and said fiscal policy would remain prudent{when}.",
                    "The {p2.role}, {p2}, said the government and the bank shared the goal of stable prices.",
                ],
                [
                    "{p3}, {p3.role} at {org2}, said{when} that the move had been widely expected by markets.",
                    "The increase had been widely expected by investors{tail}.",
                    "Markets had largely priced in the increase, said {p3}, {p3.role} at {org2}.",
                    "According to {p3} of {org2}, investors had anticipated the decision.",
                ],
                [
                    "The increase will push up mortgage payments for millions of households{tail}.",
                    "Homeowners with variable-rate loans will see their monthly payments rise.",
                    "Borrowers with floating-rate mortgages face higher repayments as a result{tail}.",
                ],
            ],
            Quotes =
            [
                "1|Our task is to bring inflation back to target, and we will do what is necessary",
                "3|The bank is sending a clear message that it is not finished yet",
                "2|Price stability is the foundation of a healthy economy",
            ],
            Developments =
            [
                "The national currency strengthened by {n5} percent against the dollar after the announcement{tail}.",
                "Bond yields rose{when} as investors bet on further increases{tail}.",
                "The currency gained {n5} percent in trading late on {day}.",
            ],
            UpdateHeadlines =
            [
                "Currency gains {n5} percent after rate rise",
                "Bond yields climb as markets expect more rate rises",
                "Currency strengthens {n5} percent after central bank decision",
            ],
        },
    ];

    /// <summary>The catalogue, parsed and checked once.</summary>
    public static readonly SyntheticEventType[] All = Array.ConvertAll(Catalogue, t => t.Compile());
}
