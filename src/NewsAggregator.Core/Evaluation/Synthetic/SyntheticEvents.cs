namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>
/// The event types of the synthetic corpus, every sentence written for this project. Conventions that keep the
/// output clean and the tests simple: no sentence contains ". " inside it (abbreviations would break sentence
/// splitting), no body sentence contains " - " or " — " (those mark datelines), {country} only follows a preposition
/// ("in the Netherlands"), and no pronoun refers to a person (names are drawn without a gender).
/// </summary>
/// <remarks>
/// Realism rules the catalogue follows (and <see cref="SyntheticEventType.Compile"/> checks): each story has its own
/// subject ({s1} {s2} {s3}, drawn without replacement from thousands per type), every headline names it or the
/// story's people or place, and every sentence names something of its own story: a full name, the subject or an
/// organisation drawn without replacement. The only sentences unrelated stories share are the type's generic
/// background lines, at most one to an article.
/// </remarks>
internal static partial class SyntheticEvents
{
    private static SyntheticNumber N(double min, double max, int decimals = 0, int step = 1) => new(min, max, decimals, step);

    private static string[] Stems => SyntheticSubjectWords.Stems;

    /// <summary>The catalogue, parsed and checked once.</summary>
    public static readonly SyntheticEventType[] All = Compile([.. Disasters(), .. Politics(), .. Business(), .. Society()]);

    /// <summary>Compiles every type, reporting the mistakes of all of them at once.</summary>
    private static SyntheticEventType[] Compile(SyntheticEventType[] types)
    {
        var errors = new List<string>();
        foreach (var type in types)
        {
            try
            {
                type.Compile();
            }
            catch (InvalidOperationException e)
            {
                errors.Add(e.Message);
            }
        }
        return errors.Count == 0 ? types : throw new InvalidOperationException(string.Join("\n", errors));
    }

    private static SyntheticEventType[] Disasters() =>
    [
        new SyntheticEventType
        {
            Name = "earthquake",
            Roles = [["interior minister", "prime minister", "president"], ["mayor", "regional governor", "civil defence chief"], ["seismologist", "geophysicist", "structural engineer"]],
            PoliticalSlot = 0,
            Org = SyntheticOrgKind.Institute,
            Fields = ["Geophysics", "Seismology", "Earth Sciences"],
            Subjects =
            [
                [
                    Stems,
                    ["valley", "hills", "coast", "plateau", "basin", "highlands", "foothills", "peninsula", "lowlands", "uplands", "lake district", "river plain"],
                    ["the town hall", "a primary school", "the central market", "a road bridge", "the old cathedral", "the bus station", "a hospital wing", "the main mosque", "a textile factory", "the water tower"],
                ],
            ],
            Numbers = [N(5.0, 7.8, 1), N(3, 180), N(20, 900), N(5, 70), N(190, 400)],
            Headlines =
            [
                "Magnitude {n1} earthquake strikes {s1} {s2} near {city}",
                "Earthquake in the {s1} {s2} kills at least {n2} people",
                "Quake near {city} brings down {s3} in {s1}, leaving {n2} dead",
                "Rescuers dig for survivors under {s3} in {s1} after magnitude {n1} quake",
                "{n2} dead as powerful earthquake shakes the {s1} {s2}",
            ],
            Facts =
            [
                [
                    "A magnitude {n1} earthquake struck the {s1} {s2} near {city} in {country}{when}, killing at least {n2} people{tail}.",
                    "At least {n2} people were killed when an earthquake of magnitude {n1} hit the {s1} {s2} outside {city}{when}{tail}.",
                    "An earthquake measuring {n1} shook the {s1} {s2}{when}, leaving at least {n2} people dead and many buildings near {city} in ruins.",
                ],
                [
                    "Hospitals in {city} and across the {s1} {s2} treated {n3} injured people{tail}.",
                    "More than {n3} people in the {s1} area were hurt, many of them by falling masonry{tail}.",
                    "Emergency services said {n3} people from the {s1} {s2} had been taken to hospital with injuries{when}.",
                ],
                [
                    "The {org} said{when} that the quake was centred at a depth of {n4} kilometres beneath the {s1} {s2}.",
                    "The quake struck at a depth of {n4} kilometres, the {org} said{when}.",
                    "According to the {org}, the tremor under {s1} originated {n4} kilometres below the surface.",
                    "Scientists at the {org} put the depth of the quake at {n4} kilometres{tail}.",
                ],
                [
                    "{p1.Role} {p1} said rescue teams had been sent to {s1} and the other worst-hit districts{when}.",
                    "{p1}, the {p1.role}, ordered soldiers and rescue crews into the {s1} {s2}{when}.",
                    "The {p1.role}, {p1}, promised that every available team would join the search in {s1}{when}.",
                ],
                [
                    "{p2}, the {p2.role}, said{when} that {s3} in {s1} had collapsed along with dozens of homes.",
                    "In {s1}, {s3} and dozens of houses collapsed, according to {p2}, the {p2.role}.",
                    "Dozens of houses and {s3} in {s1} were flattened, {p2.Role} {p2} told local radio{when}.",
                ],
                [
                    "Several aftershocks rattled the {s1} {s2} through the night, sending residents into the streets{tail}.",
                    "A series of aftershocks followed the main tremor, and many families in {s1} chose to sleep outdoors{tail}.",
                    "Residents of {s1} spent the night outside as aftershocks continued to shake the {s2}{when}.",
                ],
                [
                    "{p3}, a {p3.role}, said{when} that the {s1} {s2} sits on an active fault line that has produced strong quakes before.",
                    "{p3.Role} {p3} told local television{when} that the fault under {s1} had produced strong quakes in the past.",
                    "The area lies on a known fault, said {p3}, a {p3.role} who has studied the {s1} {s2} for years.",
                    "According to {p3.role} {p3}, the fault beneath {s1} has a long history of damaging earthquakes.",
                ],
            ],
            Quotes =
            [
                "1|We will not stop searching in {s1} until every person is accounted for",
                "2|Entire streets of {s1} have simply disappeared",
                "3|The shaking under the {s1} {s2} lasted for almost a minute, which is unusually long",
                "2|People in {s1} are sleeping in their cars because they are afraid to go back inside",
            ],
            Developments =
            [
                "The death toll in the {s1} {s2} rose to {n5} on {day} evening as rescuers reached remote villages{tail}.",
                "Officials later raised the number of confirmed deaths from the {s1} earthquake to {n5}{tail}.",
                "By late {day}, authorities said {n5} people had died in {s1} and the search was continuing.",
            ],
            UpdateHeadlines =
            [
                "{s1} earthquake death toll rises to {n5}",
                "Quake toll climbs to {n5} as rescuers dig through rubble in {s1}",
                "{n5} now confirmed dead after earthquake in the {s1} {s2}",
            ],
            Generic =
            [
                "Aftershocks are common in the days after a strong earthquake.",
                "Buildings put up before modern building codes are the most vulnerable in such quakes.",
                "Seismologists say it is impossible to predict exactly when a large earthquake will strike.",
                "Aid agencies warn that the first three days are critical for finding survivors under rubble.",
                "Earthquakes of this size can be felt hundreds of kilometres from the epicentre.",
            ],
        },
        new SyntheticEventType
        {
            Name = "storm",
            Roles = [["interior minister", "prime minister", "president"], ["emergency services chief", "regional governor", "civil protection chief"], ["meteorologist", "weather forecaster", "climate scientist"]],
            PoliticalSlot = 0,
            Org = SyntheticOrgKind.Institute,
            Fields = ["Meteorology", "Atmospheric Research", "Weather and Climate"],
            Subjects =
            [
                [
                    Stems,
                    ["the northern coast", "the river delta", "the eastern islands", "the southern lowlands", "the western valleys", "the central plains", "the coastal towns", "the mountain villages", "the port district", "the lake shore", "the harbour front", "the farming belt"],
                    ["uprooted trees", "flooded underpasses", "toppled power lines", "swamped railway tracks", "torn roofs", "washed-out roads", "sunken fishing boats", "broken sea walls"],
                ],
            ],
            Numbers = [N(110, 240), N(2, 60), N(20_000, 900_000), N(80, 450), N(61, 120)],
            Headlines =
            [
                "Storm {s1} batters {city} with winds of {n1} km/h",
                "At least {n2} dead as Storm {s1} sweeps across {country}",
                "Storm {s1} leaves {n3} homes in {city} without power",
                "Floods hit {s2} as Storm {s1} makes landfall near {city} with {n1} km/h winds",
                "{s3} and {n2} dead as Storm {s1} hits {city}",
            ],
            Facts =
            [
                [
                    "Storm {s1}, with winds of up to {n1} kilometres per hour, hit {city}{when}, killing at least {n2} people{tail}.",
                    "At least {n2} people died as Storm {s1} swept through {city}{when} with winds of {n1} kilometres per hour.",
                    "Winds reaching {n1} kilometres per hour tore through {city} and {s2}{when} as Storm {s1} made landfall, leaving {n2} people dead.",
                ],
                [
                    "About {n3} homes were left without electricity after Storm {s1}{tail}.",
                    "Power was cut to some {n3} households across {s2} as Storm {s1} passed{when}.",
                    "Electricity companies said {n3} customers had lost power at the height of Storm {s1}.",
                ],
                [
                    "Up to {n4} millimetres of rain fell in 24 hours as Storm {s1} passed, leaving {s3} across {s2}{tail}.",
                    "Heavy rain from Storm {s1}, as much as {n4} millimetres in a single day, flooded low-lying districts.",
                    "The {org} recorded {n4} millimetres of rainfall in 24 hours, far above the monthly average.",
                ],
                [
                    "{p1.Role} {p1} said the army had been deployed to help evacuate residents of {s2} in the path of Storm {s1}{when}.",
                    "Soldiers were sent to help evacuate areas hit by Storm {s1}, {p1}, the {p1.role}, said{when}.",
                    "The {p1.role}, {p1}, announced that troops would help move people away from the areas flooded by Storm {s1}.",
                ],
                [
                    "{p2}, the {p2.role}, said{when} that rescuers had pulled dozens of people from flooded homes in {s2}.",
                    "Rescue teams saved dozens of residents trapped by floodwater, according to {p2.role} {p2}.",
                    "Dozens of people were rescued from rooftops and cars, {p2.Role} {p2} told reporters{when}.",
                ],
                [
                    "Flights at the main airport in {city} were suspended as Storm {s1} approached, and schools were closed{tail}.",
                    "Schools across {s2} stayed shut and airlines cancelled flights in and out of {city} because of Storm {s1}.",
                    "Authorities closed schools and halted air traffic in {city}{when} as crews dealt with {s3} left by Storm {s1}.",
                ],
                [
                    "{p3}, a {p3.role} at the {org}, said{when} that Storm {s1} would weaken as it moved inland.",
                    "Storm {s1} should weaken as it moves inland, according to forecasts from the {org}{when}.",
                    "The system is expected to lose strength over land, said {p3}, a {p3.role} at the {org}.",
                    "Forecasters at the {org} expect Storm {s1} to weaken over the next day, {p3.role} {p3} said.",
                ],
            ],
            Quotes =
            [
                "2|When Storm {s1} hit, the water rose so quickly that people had only minutes to get out",
                "1|Our priority tonight is to keep everyone in the path of Storm {s1} safe",
                "3|We have not seen winds like those of Storm {s1} here in more than twenty years",
            ],
            Developments =
            [
                "The number of confirmed deaths from Storm {s1} rose to {n5} on {day}{tail}.",
                "Officials said{when} that {n5} people had now died in Storm {s1} and its aftermath.",
                "Power companies restored electricity to most homes in {s2} by {day} evening, although thousands remained in the dark after Storm {s1}.",
            ],
            UpdateHeadlines =
            [
                "Storm {s1} death toll rises to {n5}",
                "{n5} now dead after Storm {s1}, officials say",
                "Power returns to most homes in {city} as Storm {s1} toll reaches {n5}",
            ],
            Generic =
            [
                "Storms of this strength have become more frequent, according to climate scientists.",
                "Residents were advised to stay indoors and avoid travel until the warning was lifted.",
                "Insurers usually take several weeks to estimate the cost of damage from such storms.",
                "Weather warnings had been issued several days before the storm arrived.",
                "Fallen trees and debris often keep roads closed for days after a storm of this size.",
            ],
        },
        new SyntheticEventType
        {
            Name = "wildfire",
            Roles = [["prime minister", "interior minister", "environment minister"], ["fire chief", "regional governor", "civil protection chief"], ["resident", "farmer", "shop owner"]],
            PoliticalSlot = 0,
            Subjects =
            [
                [
                    Stems,
                    ["forest", "national park", "nature reserve", "hills", "valley", "pine woods", "ridge", "canyon", "heathland", "mountains"],
                    ["a hilltop village", "a holiday campsite", "a monastery", "an army base", "the motorway", "a ski resort", "a power station", "the vineyards"],
                ],
            ],
            Numbers = [N(2_000, 90_000), N(1_000, 40_000), N(200, 3_000), N(20, 600), N(95_000, 160_000)],
            Headlines =
            [
                "Wildfire in the {s1} {s2} forces {n2} people to flee",
                "Firefighters battle blaze as fire in the {s1} {s2} burns {n1} hectares",
                "{n4} homes destroyed as {s1} fire spreads toward {s3} near {city}",
                "{n2} evacuated as wildfire rages in the {s1} {s2} near {city}",
            ],
            Facts =
            [
                [
                    "A wildfire in the {s1} {s2} near {city} has burned {n1} hectares of forest and farmland{when}{tail}.",
                    "Fire swept across {n1} hectares of the {s1} {s2} outside {city}{when}, officials said.",
                    "More than {n1} hectares have been scorched by a wildfire burning in the {s1} {s2}{tail}.",
                ],
                [
                    "About {n2} people were ordered to leave their homes around the {s1} {s2}{tail}.",
                    "Authorities evacuated some {n2} residents from villages in the path of the {s1} fire.",
                    "Evacuation orders covering around {n2} people were issued as the flames approached {s3}{when}.",
                ],
                [
                    "More than {n3} firefighters, supported by water-dropping aircraft, were fighting the {s1} blaze{tail}.",
                    "Some {n3} firefighters and several aircraft were deployed against the fire in the {s1} {s2}.",
                    "Crews numbering {n3} firefighters battled the flames in the {s1} {s2} from the ground and the air{when}.",
                ],
                [
                    "At least {n4} homes around the {s1} {s2} have been destroyed{tail}.",
                    "The {s1} fire has burned down {n4} houses, according to initial estimates.",
                    "Initial reports suggest that {n4} homes were lost to the flames near {s3} in the {s1} {s2}.",
                ],
                [
                    "{p1.Role} {p1} visited the command centre for the {s1} fire and promised help for those who lost their homes{when}.",
                    "{p1}, the {p1.role}, pledged emergency aid for families whose homes were destroyed in the {s1} {s2}.",
                    "The {p1.role}, {p1}, said the government would cover the cost of temporary housing for people evacuated from the {s1} {s2}{when}.",
                ],
                [
                    "{p2}, the {p2.role}, said{when} that strong winds and dry conditions were driving the fire toward {s3}.",
                    "Dry weather and gusting winds were hampering efforts to protect {s3}, {p2.role} {p2} said.",
                    "According to {p2.role} {p2}, the winds kept pushing the flames out of the {s1} {s2} toward populated areas.",
                ],
                [
                    "{p3}, a {p3.role} who was evacuated, said{when} that the sky had turned orange by mid-afternoon.",
                    "Residents near the {s1} {s2} described thick smoke that blocked out the sun{when}.",
                    "The sky turned orange in the afternoon, said {p3}, a {p3.role} who had to leave home.",
                    "{p3}, a local {p3.role}, described smoke so thick that it blocked out the sun.",
                ],
            ],
            Quotes =
            [
                "3|We grabbed the children and the documents and drove away from the {s1} {s2}",
                "2|The wind over the {s1} {s2} is our biggest enemy right now",
                "1|No family that lost a home in the {s1} fire will be left alone",
            ],
            Developments =
            [
                "The {s1} fire had spread to {n5} hectares by {day} evening{tail}.",
                "Officials said{when} that the burned area in the {s1} {s2} had grown to {n5} hectares.",
                "Light rain overnight helped firefighters contain part of the blaze in the {s1} {s2}{tail}.",
            ],
            UpdateHeadlines =
            [
                "Wildfire in the {s1} {s2} grows to {n5} hectares",
                "Burned area in the {s1} {s2} reaches {n5} hectares",
                "Rain helps {n3} firefighters contain part of {s1} blaze near {city}",
            ],
            Generic =
            [
                "Hot and dry summers have made wildfires more frequent in the region.",
                "Most wildfires are started by human activity, according to fire services.",
                "Officials have urged residents to follow evacuation orders without delay.",
                "Smoke from large fires can affect air quality far away from the flames.",
            ],
        },
        new SyntheticEventType
        {
            Name = "accident",
            Roles = [["transport minister", "prime minister", "interior minister"], ["fire chief", "police chief", "regional governor"], ["witness", "passenger", "local resident"]],
            PoliticalSlot = 0,
            Org = SyntheticOrgKind.Operator,
            Subjects =
            [
                [
                    ["a passenger train", "an overnight bus", "a commuter train", "a tourist coach", "an intercity train", "a school bus", "a long-distance coach", "a minibus"],
                    Stems,
                    ["pass", "bridge", "tunnel", "viaduct", "crossing", "junction", "embankment", "cutting"],
                ],
            ],
            Numbers = [N(3, 60), N(15, 250), N(80, 600), N(10, 120), N(61, 90)],
            Headlines =
            [
                "At least {n1} killed as {s1} crashes at the {s2} {s3}",
                "Crash involving {s1} at the {s2} {s3} near {city} kills {n1}",
                "Rescuers search wreckage of {org} service near {city}",
                "{n1} dead, {n2} injured in crash at {s2} {s3} near {city}",
            ],
            Facts =
            [
                [
                    "At least {n1} people were killed when {s1} crashed at the {s2} {s3}, about {n4} kilometres from {city}{when}{tail}.",
                    "A crash involving {s1} at the {s2} {s3} near {city}{when} left at least {n1} people dead{tail}.",
                    "Rescuers recovered the bodies of {n1} people after {s1} crashed at the {s2} {s3}{when}.",
                ],
                [
                    "Another {n2} people were injured in the crash at the {s2} {s3}, several of them critically{tail}.",
                    "The crash also left {n2} people injured, some in a serious condition, according to {org}.",
                    "Hospitals near the {s2} {s3} admitted {n2} injured passengers{when}.",
                ],
                [
                    "The vehicle, operated by {org}, was carrying about {n3} passengers{tail}.",
                    "About {n3} passengers were on board, according to the operator, {org}.",
                    "{org}, which runs the service, said {n3} people had been travelling on it.",
                ],
                [
                    "The cause of the crash at the {s2} {s3} was not immediately clear, and an investigation has been opened.",
                    "Investigators have begun work to establish what caused the accident at the {s2} {s3}{tail}.",
                    "Authorities said it was too early to say why the {org} service crashed{when}.",
                ],
                [
                    "{p1.Role} {p1} travelled to the {s2} {s3} and promised a full inquiry{when}.",
                    "{p1}, the {p1.role}, visited the site of the {org} crash and said those responsible would be held to account.",
                    "The {p1.role}, {p1}, announced an independent investigation after visiting the {s2} {s3}{when}.",
                ],
                [
                    "{p2}, the {p2.role}, said{when} that rescuers had worked through the night to free people from the wreckage.",
                    "Rescue crews worked all night at the {s2} {s3} to reach trapped passengers, according to {p2.role} {p2}.",
                    "Emergency teams cut through twisted metal to free survivors, {p2.Role} {p2} said{when}.",
                ],
                [
                    "{p3}, a {p3.role}, described hearing a loud bang followed by screams.",
                    "{p3}, a {p3.role}, told local television{when} that a loud bang was followed by screaming.",
                    "A {p3.role}, {p3}, said there was a loud bang and then people started screaming.",
                    "{p3}, who saw the crash, said the sound of the impact could be heard across the {s2} valley.",
                ],
            ],
            Quotes =
            [
                "3|There was a terrible noise at the {s2} {s3} and then everything went dark",
                "1|We owe the families of the victims of the {s2} {s3} crash a full and honest answer",
                "2|Our teams at the {s2} {s3} did everything they could to reach the injured quickly",
            ],
            Developments =
            [
                "The death toll from the {s2} {s3} crash rose to {n5} after several injured passengers died in hospital{tail}.",
                "Investigators said{when} they had recovered the data recorder of the {org} vehicle.",
                "Officials confirmed {n5} deaths from the crash at the {s2} {s3} by late {day} and released the first names of the victims.",
            ],
            UpdateHeadlines =
            [
                "{s2} {s3} crash death toll rises to {n5}",
                "Investigators recover data recorder after {org} crash near {city}",
                "Victims named as {s2} {s3} crash toll reaches {n5}",
            ],
            Generic =
            [
                "Investigations into crashes of this kind usually take several months.",
                "Relatives of passengers were asked to call a special telephone line for information.",
                "Road and rail safety has been the subject of public debate in recent years.",
                "Accidents on this kind of route are more common in winter, when visibility is poor.",
            ],
        },
    ];
}
