namespace NewsAggregator.Core.Evaluation.Synthetic;

internal static partial class SyntheticEvents
{
    private static SyntheticEventType[] Business() =>
    [
        new SyntheticEventType
        {
            Name = "company earnings",
            Roles = [["chief executive", "managing director", "company president"], ["chief financial officer", "finance director"], ["equity analyst", "industry analyst", "senior analyst"]],
            Org = SyntheticOrgKind.Company,
            Org2 = SyntheticOrgKind.Bank,
            Subjects =
            [
                [
                    ["electric delivery vans", "hearing aids", "industrial robots", "frozen meals", "solar inverters", "budget smartphones", "cloud storage", "jet engine parts", "pet food", "running shoes", "medical scanners", "garden tools", "cement", "crop seeds", "cruise holidays", "video games", "office furniture", "contact lenses", "wind turbines", "paint and coatings", "home insurance", "freight shipping", "luxury watches", "baby formula", "security cameras", "heat pumps", "generic medicines", "car tyres", "mobile data plans", "packaged coffee", "steel pipes", "kitchen appliances", "fertiliser", "data centre chips", "ready-mixed concrete", "hotel stays", "electric bikes", "printing paper", "dental implants", "gaming laptops"],
                    ["Asia", "Latin America", "Europe", "North America", "Africa", "the Middle East", "Southeast Asia", "India"],
                    ["lower shipping costs", "cheaper raw materials", "a hiring freeze", "factory closures", "price increases", "lower energy bills", "a smaller office network", "more automation", "reduced marketing spending", "a leaner product range"],
                ],
            ],
            Numbers = [N(1.2, 48.0, 1), N(3, 42), N(80, 950), N(1.1, 9.8, 1), N(300, 4_000)],
            Headlines =
            [
                "{org} profit rises {n2} percent on demand for {s1}",
                "{org} beats forecasts as {s1} sales lift revenue to ${n1} billion",
                "Shares in {org} jump as {s1} business grows in {s2}",
                "{org} posts ${n3} million profit, raises outlook",
                "{p1} credits {s1} as {org} profit climbs {n2} percent",
            ],
            Facts =
            [
                [
                    "{org} reported that quarterly profit rose {n2} percent{when}, beating analysts' expectations{tail}.",
                    "Quarterly profit at {org} climbed {n2} percent, the company said{when}, ahead of market forecasts.",
                    "{org} said{when} that its profit for the quarter had grown by {n2} percent, more than analysts had predicted.",
                ],
                [
                    "Revenue at {org} for the three months reached ${n1} billion{tail}.",
                    "Sales of {s1} helped lift revenue at {org} to ${n1} billion in the quarter.",
                    "{org} booked revenue of ${n1} billion over the period{tail}.",
                ],
                [
                    "Net profit at {org} came in at ${n3} million{tail}.",
                    "{org} earned ${n3} million after tax in the quarter{tail}.",
                    "Profit after tax amounted to ${n3} million, according to the earnings statement from {org}.",
                ],
                [
                    "Shares in {org} rose {n4} percent in early trading in {city}{when}.",
                    "The stock of {org} climbed {n4} percent after the announcement{tail}.",
                    "Investors pushed shares in {org} up {n4} percent{when} on the {city} market.",
                ],
                [
                    "{p1}, the {p1.role}, credited strong demand for {s1} in {s2} and savings from {s3}{when}.",
                    "{p1.Role} {p1} said demand for {s1} in {s2} and {s3} had driven the improvement.",
                    "The results reflected solid sales of {s1} in {s2} and {s3}, {p1.role} {p1} said{when}.",
                ],
                [
                    "{p2}, the {p2.role}, said{when} that {org} now expected full-year earnings at the top of its forecast range.",
                    "{org} raised its outlook for the year, {p2.Role} {p2} said on a call with analysts.",
                    "On a call with investors{when}, {p2} said full-year profit would likely reach the upper end of guidance.",
                ],
                [
                    "{p3}, {p3.role} at {org2}, said{when} that the figures showed the cost cuts were paying off.",
                    "Analysts at {org2} said{when} that the results showed that savings from {s3} were working.",
                    "The numbers suggest that {org} is getting more out of its {s1} business, said {p3}, {p3.role} at {org2}.",
                ],
            ],
            Quotes =
            [
                "1|This was a quarter of disciplined execution at {org}, and our {s1} business led the way",
                "2|{org} enters the second half of the year with real momentum in {s1}",
                "3|The market had braced for something weaker from {org}, so this is a relief for investors",
            ],
            Developments =
            [
                "{org} also announced plans to cut {n5} jobs as part of its restructuring{tail}.",
                "Later on {day}, {org} said it would buy back shares worth ${n5} million.",
                "{org} confirmed{when} that {n5} positions would be eliminated over the next year.",
            ],
            UpdateHeadlines =
            [
                "{org} to cut {n5} jobs despite higher profit",
                "{org} plans ${n5} million share buyback after strong quarter",
                "{org} to eliminate {n5} positions",
            ],
            Generic =
            [
                "Companies in the sector have faced higher costs for energy and transport this year.",
                "Analysts had expected a weaker set of results after a difficult start to the year.",
                "Many investors are watching profit margins closely as inflation eases.",
                "Quarterly figures in the industry are often affected by currency movements.",
            ],
        },
        new SyntheticEventType
        {
            Name = "merger",
            Roles = [["chief executive", "chair", "board chair"], ["chief executive", "founder", "managing director"], ["competition commissioner", "economy minister", "trade minister"]],
            PoliticalSlot = 2,
            Org = SyntheticOrgKind.Company,
            Org2 = SyntheticOrgKind.Company,
            Subjects =
            [
                [
                    ["a maker of wind turbine blades", "a regional grocery chain", "a software company for hospitals", "a producer of frozen vegetables", "an online travel agency", "a maker of electric bus batteries", "a container shipping line", "a chain of private clinics", "a manufacturer of medical gloves", "a cybersecurity firm", "a maker of farm machinery", "a budget airline", "a regional cable operator", "a producer of specialty chemicals", "a payments company", "a chain of fitness clubs", "a maker of hearing aids", "a brewer", "a maker of solar panels", "an operator of data centres", "a pet food producer", "a toy maker", "a fashion retailer", "a cement producer", "a maker of kitchen appliances", "a seed company", "a satellite operator", "a game developer", "a furniture retailer", "a producer of plant-based foods", "an insurance broker", "a maker of aircraft seats", "a logistics software firm", "a dairy group", "a drone maker", "a maker of industrial pumps", "a children's book publisher", "a car parts supplier", "a recycling company", "a hotel chain"],
                    ["cash and new shares", "cash alone", "a mix of cash and debt", "shares only", "bank loans and cash reserves", "a new bond issue"],
                    ["to expand in Asia", "to cut costs", "to gain scale in Europe", "to enter the American market", "to secure supplies", "to add new technology", "to reach more customers online", "to fend off larger rivals", "to broaden its product range", "to strengthen its research", "to expand in Africa", "to build a regional leader", "to move into services", "to depend less on a single market"],
                ],
            ],
            Numbers = [N(1.5, 65.0, 1), N(12, 48), N(8_000, 160_000), N(6, 18), N(66.0, 90.0, 1)],
            Headlines =
            [
                "{org} agrees to buy {org2}, {s1}, for ${n1} billion",
                "{org} to acquire {org2} in ${n1} billion deal",
                "{org2} accepts ${n1} billion takeover offer from {org}",
                "{org} and {org2} announce merger {s3}",
            ],
            Facts =
            [
                [
                    "{org} has agreed to buy {org2}, {s1}, for ${n1} billion{tail}, in one of the largest deals of the year.",
                    "{org} said{when} it would acquire {org2}, {s1}, in a deal worth ${n1} billion.",
                    "In a ${n1} billion agreement announced{when}, {org} will take over {org2}, {s1}.",
                ],
                [
                    "The offer represents a premium of {n2} percent over the closing share price of {org2}{tail}.",
                    "Shareholders of {org2} will receive {n2} percent more than the last closing price of their stock.",
                    "The price values {org2} at a premium of {n2} percent to its recent market value{tail}.",
                ],
                [
                    "The combined company will employ about {n3} people, and {org} will pay with {s2}{tail}.",
                    "Together {org} and {org2} have roughly {n3} employees around the world.",
                    "The merged group of {org} and {org2} will have a workforce of some {n3} people.",
                ],
                [
                    "The purchase of {org2} is expected to close within {n4} months, subject to regulatory approval.",
                    "{org} hopes to close the deal within {n4} months{tail}.",
                    "Completion of the takeover of {org2} is planned within {n4} months, pending approval from competition authorities{tail}.",
                ],
                [
                    "{p1}, {p1.role} of {org}, said{when} that the deal was designed {s3}.",
                    "The acquisition will allow {org} {s3}, said {p1}, its {p1.role}.",
                    "{org} {p1.role} {p1} told analysts{when} that buying {org2} was the best way {s3}.",
                ],
                [
                    "{p2}, {p2.role} of {org2}, said{when} that the board had unanimously recommended the offer.",
                    "The board of {org2} backed the bid unanimously, according to {p2.role} {p2}.",
                    "The board of {org2} voted unanimously in favour of the offer, {p2} said{when}.",
                ],
                [
                    "{p3.Role} {p3} said{when} that the authorities in {country} would examine the purchase of {org2} closely.",
                    "Competition authorities in {country} will review the deal between {org} and {org2}, said {p3}, the {p3.role}.",
                    "The {p3.role}, {p3}, said{when} that regulators would look carefully at what the takeover of {org2} means for prices.",
                ],
            ],
            Quotes =
            [
                "1|Together with {org2} we will be able to invest more and serve customers better",
                "2|This offer recognises the value our teams at {org2} have built over many years",
                "3|We will look very carefully at what the {org} deal means for consumers",
            ],
            Developments =
            [
                "A rival bidder made a competing offer of ${n5} billion for {org2}{when}{tail}.",
                "{org2} said later that it had received an unsolicited counter-offer valued at ${n5} billion.",
                "Regulators in {country} opened a formal review of the {org} deal{when}, according to a public notice.",
            ],
            UpdateHeadlines =
            [
                "Rival bid of ${n5} billion challenges {org} deal for {org2}",
                "{org2} receives ${n5} billion counter-offer",
                "Regulators open review of {org} deal for {org2}",
            ],
            Generic =
            [
                "Deals of this size usually require approval from competition regulators in several countries.",
                "Merger activity in the sector has picked up this year as borrowing costs eased.",
                "Takeover premiums in the industry have averaged about a quarter over the past decade.",
                "The names of the advisers on the deal were not disclosed.",
            ],
        },
        new SyntheticEventType
        {
            Name = "strike",
            Roles = [["union leader", "union general secretary", "union president"], ["transport minister", "labour minister", "prime minister"], ["commuter", "student", "teacher"]],
            PoliticalSlot = 1,
            Org2 = SyntheticOrgKind.Operator,
            Subjects =
            [
                [
                    ["rail", "bus", "tram", "metro", "ferry", "commuter rail", "regional rail", "light rail", "airport rail", "night bus"],
                    ["pay", "night shifts", "staffing levels", "pensions", "driverless trains", "ticket office closures", "safety on late services", "overtime rules", "a new rota system", "job cuts", "outsourced maintenance", "weekend working"],
                    Stems,
                ],
            ],
            Numbers = [N(2_000, 85_000), N(6, 15), N(2, 5), N(24, 72), N(2, 7)],
            Headlines =
            [
                "{n1} {s1} workers at {org2} walk out over {s2}",
                "Commuters stranded in {city} as {org2} {s1} strike shuts {s3} line",
                "Strike over {s2} halts {s1} services on {org2} network in {city}",
                "{org2} {s1} staff strike as union demands {n2} percent rise",
            ],
            Facts =
            [
                [
                    "Around {n1} {s1} workers at {org2} went on strike in {country}{when} in a dispute over {s2}{tail}.",
                    "{s1} services run by {org2} ground to a halt{when} as some {n1} staff walked out over {s2}.",
                    "A strike by about {n1} {s1} staff shut down much of the {org2} network around {city}{when}{tail}.",
                ],
                [
                    "The union representing {org2} staff is demanding a pay rise of {n2} percent and a deal on {s2}.",
                    "The union wants {org2} to raise pay by {n2} percent{tail}.",
                    "Workers at {org2} are seeking an increase of {n2} percent, union officials said{when}.",
                ],
                [
                    "{org2} has offered {n3} percent, which the union rejected as inadequate.",
                    "The operator, {org2}, put forward a {n3} percent offer that union members voted down.",
                    "An offer of {n3} percent from {org2} was turned down by the workforce{tail}.",
                ],
                [
                    "The walkout on the {s3} line and other {org2} routes is due to last {n4} hours{tail}.",
                    "Union officials said the stoppage at {org2} would run for {n4} hours.",
                    "The action on the {s3} line is scheduled to continue for {n4} hours unless talks resume{tail}.",
                ],
                [
                    "{p1}, the {p1.role}, said{when} that members had been left with no choice after months of talks with {org2}.",
                    "{p1.Role} {p1} said {org2} had refused to negotiate seriously on {s2}.",
                    "The {p1.role}, {p1}, told a rally in {city}{when} that workers could no longer accept the terms offered by {org2}.",
                ],
                [
                    "{p2.Role} {p2} urged {org2} and the union to return to the table{when}.",
                    "{p2}, the {p2.role}, called the strike at {org2} disproportionate and urged the union to call it off.",
                    "The {p2.role}, {p2}, said{when} that the government would not intervene in the dispute at {org2}.",
                ],
                [
                    "{p3}, a {p3.role} from {city}, said the journey to work had taken three hours instead of one.",
                    "Passengers on the {s3} line faced long queues for replacement buses, according to {p3}, a {p3.role}.",
                    "{p3}, a {p3.role} who usually takes the {s3} line, said{when} that many people had simply stayed at home.",
                ],
            ],
            Quotes =
            [
                "1|Our members at {org2} have been left with no choice",
                "2|This strike over {s2} on the {s3} line is causing real hardship",
                "3|I have no other way of getting to work while the {s3} line is shut",
            ],
            Developments =
            [
                "The union said{when} that the strike at {org2} would be extended by {n5} days.",
                "Talks with {org2} broke down again on {day} evening, and the union announced {n5} further days of action{tail}.",
                "{org2} said it would run a reduced timetable for the next {n5} days.",
            ],
            UpdateHeadlines =
            [
                "{org2} strike extended by {n5} days",
                "Union announces {n5} more days of strikes at {org2}",
                "{org2} to run reduced timetable for {n5} days",
            ],
            Generic =
            [
                "Transport strikes have become more frequent as wages lag behind prices.",
                "Unions must give notice before industrial action under national law.",
                "Disputes of this kind are often settled only after several rounds of strikes.",
                "Passengers with season tickets may be able to claim compensation.",
            ],
        },
        new SyntheticEventType
        {
            Name = "trial",
            Roles = [["businessman", "former mayor", "former minister"], ["judge", "presiding judge"], ["lead prosecutor", "chief prosecutor", "state prosecutor"]],
            Org = SyntheticOrgKind.Company,
            Subjects =
            [
                [
                    ["bribery", "fraud", "money laundering", "embezzlement", "tax evasion", "abuse of office", "bid rigging", "insider trading", "illegal party financing", "forgery"],
                    ["hospital construction contract", "port concession", "motorway tender", "school meals contract", "water treatment deal", "arms purchase", "stadium project", "railway signalling contract", "land sale", "mining licence", "housing scheme", "airport expansion"],
                    Stems,
                ],
            ],
            Numbers = [N(2, 480), N(12, 90), N(5, 25), N(3, 20), N(3, 9)],
            Headlines =
            [
                "Trial of {p1} over {s3} {s2} opens in {city}",
                "{p1} denies {s1} as {s3} {s2} trial begins",
                "{p1}, former partner of {org}, goes on trial over ${n1} million",
                "Court in {city} hears opening arguments in {s3} {s2} case",
            ],
            Facts =
            [
                [
                    "The trial of {p1}, a {p1.role}, on charges of {s1} linked to the {s3} {s2} opened in {city}{when}{tail}.",
                    "{p1}, a {p1.role} accused of {s1} over the {s3} {s2}, went on trial in {city}{when}.",
                    "Proceedings against {p1}, a {p1.role} charged with {s1} in connection with the {s3} {s2}, began in {city}{when}.",
                ],
                [
                    "{p1} denies all the charges{tail}.",
                    "{p1} has pleaded not guilty to every count relating to the {s3} {s2}.",
                    "Through lawyers, {p1} rejected the accusations and entered a plea of not guilty{when}.",
                ],
                [
                    "Prosecutors allege that about ${n1} million from the {s3} {s2} was moved through accounts linked to {org}.",
                    "According to the indictment, some ${n1} million passed through companies connected to {org}.",
                    "The case centres on ${n1} million that prosecutors say was channelled through {org}{tail}.",
                ],
                [
                    "More than {n2} witnesses are expected to testify about the {s3} {s2}{tail}.",
                    "The prosecution plans to call {n2} witnesses in the case against {p1}.",
                    "Some {n2} people have been named as witnesses in the {s3} {s2} case.",
                ],
                [
                    "{p3}, the {p3.role}, told the court{when} that the evidence showed a scheme that ran for years.",
                    "Opening the case{when}, {p3.role} {p3} described a scheme around the {s3} {s2} that lasted several years.",
                    "The {p3.role}, {p3}, said documents would show how the money was hidden.",
                ],
                [
                    "If convicted, {p1} faces up to {n3} years in prison{tail}.",
                    "The charges of {s1} against {p1} carry a maximum sentence of {n3} years.",
                    "A conviction in the {s3} {s2} case could bring a prison term of as much as {n3} years.",
                ],
                [
                    "{p2.Role} {p2} said the trial was expected to last {n4} weeks.",
                    "The trial is scheduled to run for {n4} weeks, according to {p2}, the {p2.role}.",
                    "{p2}, the {p2.role}, set aside {n4} weeks for the hearings{when}.",
                ],
            ],
            Quotes =
            [
                "1|I have never taken a single cent from the {s3} {s2}",
                "3|The evidence on the {s3} {s2} will speak for itself",
                "2|This court will hear every argument about the {s3} {s2} before reaching any conclusion",
            ],
            Developments =
            [
                "A key witness told the court{when} that {p1} had personally approved the payments.",
                "The hearing in the {s3} {s2} case was adjourned after {n5} hours of testimony{tail}.",
                "Prosecutors played recordings of phone calls about the {s3} {s2} to the court{when}, in a session lasting {n5} hours.",
            ],
            UpdateHeadlines =
            [
                "Witness says {p1} approved {s3} {s2} payments",
                "Trial of {p1} adjourned after {n5} hours of testimony",
                "Recordings played in court at {s3} {s2} trial",
            ],
            Generic =
            [
                "Defendants are presumed innocent until proven guilty.",
                "Corruption cases involving public contracts have drawn growing public attention.",
                "Verdicts in trials of this size can take many months.",
                "Either side may appeal against the verdict to a higher court.",
            ],
        },
        new SyntheticEventType
        {
            Name = "product recall",
            Roles = [["chief executive", "head of quality", "company spokesperson"], ["consumer affairs minister", "health minister", "trade minister"], ["consumer advocate", "safety expert", "product safety researcher"]],
            PoliticalSlot = 1,
            Org = SyntheticOrgKind.Company,
            Subjects =
            [
                [
                    ["baby car seats", "high chairs", "baby monitors", "pushchairs", "cots", "baby walkers", "bottle warmers", "changing tables", "bicycle helmets", "children's scooters"],
                    ["a buckle that can open in a crash", "a strap that can tear", "a hinge that can trap fingers", "a frame that can collapse", "small parts that can come loose", "a latch that fails under load"],
                    Stems,
                ],
                [
                    ["electric scooters", "laptop batteries", "space heaters", "hair dryers", "phone chargers", "power banks", "electric kettles", "air fryers", "dishwashers", "tumble dryers", "coffee machines", "e-bike batteries", "extension leads", "toasters", "kitchen blenders", "pressure cookers"],
                    ["wiring that can overheat", "a battery cell that can catch fire", "a switch that can stick on", "a cable that can short-circuit", "a lid that can burst open", "a thermostat that can fail", "a casing that can melt"],
                    Stems,
                ],
                [
                    ["frozen pizzas", "jars of peanut butter", "tins of baby formula", "bagged salads", "chocolate bars", "ready meals", "tins of tuna", "boxes of breakfast cereal", "tubs of hummus", "tubs of ice cream", "packs of sliced ham", "soft cheeses", "protein bars", "cartons of fruit juice", "bags of dried apricots"],
                    ["possible salmonella contamination", "possible listeria contamination", "traces of undeclared peanuts", "fragments of metal", "pieces of plastic", "signs of mould", "high levels of lead", "undeclared milk"],
                    Stems,
                ],
                [
                    ["pickup trucks", "electric cars", "motorcycles", "delivery vans", "family cars", "city buses"],
                    ["faulty airbags", "brake lines that can leak", "a steering column that can loosen", "seat belts that can fail", "a fuel pump that can stall", "rear lights that can fail"],
                    Stems,
                ],
            ],
            Numbers = [N(12_000, 2_400_000), N(5, 300), N(1, 60), N(2, 40), N(50_000, 600_000)],
            Headlines =
            [
                "{org} recalls {n1} {s3} {s1} over {s2}",
                "{org} pulls {s3} {s1} from shelves in {n4} countries",
                "Recall of {s3} {s1} after reports of {n2} incidents",
                "Safety warning issued as {org} recalls {s3} {s1}",
                "Owners of {s3} {s1} told to stop using them over {s2}",
            ],
            Facts =
            [
                [
                    "{org} is recalling {n1} of its {s3} {s1} sold in {n4} countries{when} because of {s2}{tail}.",
                    "{org} said{when} that it was recalling {n1} {s3} {s1} after finding {s2}.",
                    "About {n1} {s3} {s1} made by {org} are being recalled in {n4} countries{when} over {s2}{tail}.",
                ],
                [
                    "{org} has received {n2} reports of problems with the {s3} {s1}{tail}.",
                    "There have been {n2} reported incidents involving the {s3} {s1}.",
                    "Customers have filed {n2} complaints about the {s3} {s1}, {org} said.",
                ],
                [
                    "At least {n3} people have been hurt by the {s3} {s1}{tail}.",
                    "The fault in the {s3} {s1} has been linked to {n3} injuries so far.",
                    "Authorities are aware of {n3} cases in which people were harmed by the {s3} {s1}{tail}.",
                ],
                [
                    "Customers are being told to stop using the {s3} {s1} immediately and return them for a full refund.",
                    "Anyone who owns the {s3} {s1} should stop using them and contact {org} for a refund.",
                    "Buyers can return the {s3} {s1} to any store for a full refund, {org} said{when}.",
                ],
                [
                    "{p1}, the {p1.role} of {org}, apologised to customers{when} and said safety was the top priority.",
                    "{org} {p1.role} {p1} said{when} that the company was sorry and was acting out of caution.",
                    "The {p1.role} of {org}, {p1}, said the company had acted as soon as it found {s2}.",
                ],
                [
                    "{p2.Role} {p2} said{when} that regulators in {country} were monitoring the recall by {org} closely.",
                    "{p2}, the {p2.role}, said the authorities in {country} would check that every {s3} unit was collected.",
                    "The {p2.role}, {p2}, said{when} that inspectors would track how many {s3} {s1} were returned.",
                ],
                [
                    "{p3}, a {p3.role} in {city}, said{when} that the recall showed the need for stricter testing before products reach the market.",
                    "Consumer groups, including {p3}, a {p3.role}, called for tougher testing rules{when}.",
                    "Stricter testing is needed before products go on sale, said {p3}, a {p3.role}.",
                    "The case of the {s3} {s1} shows why testing rules must be tightened, according to {p3.role} {p3}.",
                ],
            ],
            Quotes =
            [
                "1|We are deeply sorry about the {s3} {s1} and we are putting things right as quickly as we can",
                "3|Nobody who bought {s3} {s1} should discover {s2} by getting hurt",
                "2|Every one of the {s3} {s1} needs to be taken out of people's homes",
            ],
            Developments =
            [
                "{org} extended the recall{when} to a further {n5} {s3} {s1} made at a second factory{tail}.",
                "{org} said {n5} more {s3} {s1} had been added to the recall after further tests.",
                "Regulators opened a formal investigation into {org}{when}{tail}.",
            ],
            UpdateHeadlines =
            [
                "{org} widens recall of {s3} {s1} by {n5} units",
                "{n5} more {s3} {s1} added to {org} recall",
                "Regulators investigate {org} after recall of {s3} {s1}",
            ],
            Generic =
            [
                "Consumers can check whether their products are affected on the website of the regulator.",
                "Product recalls have risen in recent years as safety testing has become stricter.",
                "Retailers are required to remove recalled items from sale immediately.",
                "Most recalls are voluntary, although regulators can order them.",
            ],
        },
        new SyntheticEventType
        {
            Name = "rate decision",
            Roles = [["central bank governor", "central bank chief"], ["finance minister", "economy minister"], ["chief economist", "senior economist"]],
            PoliticalSlot = 1,
            Org2 = SyntheticOrgKind.Bank,
            Subjects =
            [
                [
                    ["main refinancing rate", "benchmark lending rate", "overnight rate", "policy rate", "deposit rate", "repo rate", "key rate", "base rate", "discount rate", "one-week repo rate"],
                    ["rising food prices", "a weaker currency", "higher energy bills", "strong wage growth", "rising rents", "a jump in fuel prices", "higher import costs", "surging consumer spending", "a tight labour market", "higher electricity tariffs", "rising transport costs", "a housing boom", "higher insurance premiums", "rising medicine prices", "a drought that lifted crop prices", "higher tobacco taxes", "rising restaurant prices", "a surge in credit growth", "higher shipping costs", "rising water tariffs", "a jump in airfares", "higher school fees", "a rebound in tourism", "rising car prices", "higher mobile phone charges", "a poor harvest", "rising construction costs", "higher fertiliser prices", "a rise in government spending", "rising coffee and sugar prices", "higher cooking gas prices", "a slump in the currency against the dollar", "rising clothing prices", "higher public transport fares"],
                    ["five votes to four", "six votes to three", "seven votes to two", "eight votes to one", "four votes to three", "a unanimous vote", "five votes to two", "six votes to one", "three votes to two"],
                ],
            ],
            Numbers = [N(1.5, 9.5, 1), N(2.1, 12.0, 1), N(25, 75, step: 25), N(0.3, 3.5, 1), N(0.5, 3.0, 1)],
            Headlines =
            [
                "{p1} raises {s1} in {country} to {n1} percent as {s2} lift inflation",
                "{p1} delivers {n3} basis point rise in {s1} as inflation reaches {n2} percent",
                "{p1} signals further rate moves after raising {s1} to {n1} percent",
                "Borrowing costs rise in {country} as {p1} lifts {s1} to {n1} percent",
            ],
            Facts =
            [
                [
                    "The central bank in {country}, led by {p1}, raised its {s1} by {n3} basis points to {n1} percent{when}{tail}.",
                    "Policymakers under {p1} lifted the {s1} to {n1} percent{when}, an increase of {n3} basis points decided by {s3}.",
                    "The {s1} in {country} went up by {n3} basis points to {n1} percent after a meeting of the central bank led by {p1}{when}.",
                ],
                [
                    "Inflation stands at {n2} percent, driven by {s2}, according to figures cited by {p1}{tail}.",
                    "Consumer prices are rising at an annual rate of {n2} percent, pushed up by {s2}, said analysts at {org2}.",
                    "The decision by {p1} and the rate committee came with inflation running at {n2} percent{tail}.",
                ],
                [
                    "{p1.Role} {p1} said the bank was ready to act again if {s2} kept prices rising.",
                    "{p1}, the {p1.role}, told reporters{when} that further increases had not been ruled out.",
                    "The bank will not hesitate to tighten policy further, {p1.role} {p1} said{when}.",
                ],
                [
                    "The rate committee chaired by {p1} voted by {s3} and cut its growth forecast for the year to {n4} percent{tail}.",
                    "The bank of {p1} now expects economic growth of only {n4} percent this year.",
                    "Its new projections, published with the decision on the {s1}, put growth for the year at {n4} percent, {p1} said.",
                ],
                [
                    "{p2.Role} {p2} said the government supported the efforts of {p1} to bring down inflation.",
                    "{p2}, the {p2.role}, backed the rise in the {s1} announced by {p1} and said fiscal policy would remain prudent{when}.",
                    "The {p2.role}, {p2}, said the government and {p1} shared the goal of stable prices while {s2} persisted.",
                ],
                [
                    "{p3}, {p3.role} at {org2}, said{when} that the move had been widely expected by markets.",
                    "Analysts at {org2} said the increase in the {s1} had been widely expected{tail}.",
                    "Markets had largely priced in the increase, said {p3}, {p3.role} at {org2}.",
                ],
                [
                    "The increase in the {s1} will push up mortgage payments for millions of households, economists at {org2} said.",
                    "Homeowners with variable-rate loans will see monthly payments rise after the decision by {p1}.",
                    "Borrowers with floating-rate mortgages face higher repayments after the vote by {s3} led by {p1}{tail}.",
                ],
            ],
            Quotes =
            [
                "1|Our task is to bring inflation back to {n2} percent and below despite {s2}, and we will do what is necessary",
                "3|By raising the {s1}, the bank of {p1} is sending a clear message that it is not finished yet",
                "2|Price stability comes first, and {p1} has the full support of the government",
            ],
            Developments =
            [
                "The national currency strengthened by {n5} percent against the dollar after the decision by {p1}{tail}.",
                "Bond yields rose{when} as investors bet that {p1} would raise the {s1} again{tail}.",
                "The currency gained {n5} percent in trading late on {day} after the rise in the {s1} announced by {p1}.",
            ],
            UpdateHeadlines =
            [
                "Currency gains {n5} percent after {p1} raises rates",
                "Bond yields climb in {country} as markets expect {p1} to lift {s1} again",
                "Currency strengthens {n5} percent after {p1} raises {s1} in {country}",
            ],
            Generic =
            [
                "Central banks around the world have been adjusting rates as inflation shifts.",
                "Higher interest rates tend to slow borrowing and spending across the economy.",
                "The next policy meeting is scheduled for about six weeks from now.",
                "Economists are divided over how far rates will need to rise this year.",
            ],
        },
    ];
}
