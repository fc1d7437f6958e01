using NewsAggregator.Core.Clustering;

namespace NewsAggregator.Core.Tests.Clustering;

/// <summary>Hand-written articles for the clustering tests (our own text).</summary>
internal static class Articles
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public const string DamTitle = "Flood waters breach Varnholt dam as engineers evacuate three villages";
    public const string DamBody = """
        (Wirewell) - Flood waters broke through the Varnholt dam in the northern province of Keldria early on Monday, forcing engineers to evacuate three villages downstream, regional officials said.

        The provincial governor, Anneliese Brandtmoor, said about 4,200 residents had been moved to school buildings in the town of Ostervik overnight and that no casualties had been reported so far.

        Engineers had warned last autumn that the spillway of the forty-year-old dam could not cope with the volume of meltwater expected after a winter of record snowfall in the Keldrian mountains.

        The national water authority said it would release water from two upstream reservoirs to reduce pressure on the damaged wall, a step that could take until Wednesday to show any effect.

        Rail services between Ostervik and the provincial capital were suspended and the main highway was closed at the Marnen bridge, where the river rose almost three metres in six hours.

        The governor said the army had sent forty trucks and two helicopters, and asked residents of low-lying districts to stay away from the riverbanks until engineers had inspected the remaining sections of the wall.
        """;

    /// <summary>The same wire text republished by a newspaper with its own sign-off.</summary>
    public static string DamCopyBody => DamBody + "\n\nFollow the Northern Courier for live updates on the floods.";

    public const string DamRewriteTitle = "Three Keldria villages emptied after Varnholt dam gives way";
    public const string DamRewriteBody = """
        Thousands of people spent the night in school halls in Ostervik after the Varnholt dam gave way under the weight of meltwater, according to Wirewell.

        Governor Anneliese Brandtmoor told reporters that roughly 4,200 people from three villages had been taken to safety and that nobody was known to have died.

        Engineers had warned last autumn that the spillway of the forty-year-old dam could not cope with the volume of meltwater expected after a winter of record snowfall in the Keldrian mountains.

        The army has sent trucks and helicopters to the valley, and the highway at the Marnen bridge remains closed while the river stays high.

        Critics in the provincial parliament said repairs to the dam had been postponed twice for lack of money.
        """;

    public const string DamIndependentTitle = "Keldria dam failure: governor Brandtmoor orders evacuation of Varnholt valley";
    public const string DamIndependentBody = """
        Our correspondent in Ostervik watched buses carrying families out of the Varnholt valley on Monday morning as the river, swollen by the breach in the dam, spread across farmland.

        Governor Brandtmoor ordered the evacuation shortly after midnight, when the night shift at the dam reported water pouring through a crack near the spillway.

        Residents described hearing a sound like thunder before the water arrived. Several farms lost livestock, and the village of Tenna was cut off for hours.

        The water authority's chief engineer said the wall would be inspected by drone once the flow eased, and that the upstream reservoirs would be opened to lower the level.
        """;

    public const string ChipTitle = "Brandtmoor Electronics to cut 900 jobs as chip demand slumps";
    public const string ChipBody = """
        Brandtmoor Electronics, the maker of memory chips for car manufacturers, said on Monday it would cut 900 jobs at its plant in Lisvale after orders fell for a third quarter in a row.

        The company said its revenue dropped eighteen percent in the first quarter and that it expected demand to stay weak until at least the autumn.

        Unions called the cuts a betrayal of a promise made two years ago, when the plant received a public grant to expand its production lines.

        Shares in the company rose four percent in early trading as investors welcomed the cost savings.
        """;

    public const string BudgetTitle = "Senate passes farm budget after all-night session";
    public const string BudgetBody = """
        The Senate approved the farm budget at dawn on Tuesday after a debate that lasted through the night, sending the bill to the president for signature.

        The budget raises support for grain growers by six percent and sets aside money for irrigation projects in the dry south.

        Opposition senators said the bill did too little for small dairy farms and promised to bring amendments next year.
        """;

    public static ArticleFeatures Features(long id, string title, string body, double hoursAfterStart = 0, string outlet = "test-outlet") =>
        FeatureExtractor.Extract(id, 1, outlet, Start.AddHours(hoursAfterStart).ToUnixTimeMilliseconds(), title, body);
}
