namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>
/// Word lists of the synthetic corpus, written for this project: common given names and surnames from many
/// languages, real cities with their countries (facts, not text), name parts for invented organisations, and the
/// phrases outlets wrap around articles (boilerplate, credits). Countries that need "the" carry it, and templates
/// only put {country} after a preposition.
/// </summary>
internal static class SyntheticVocabulary
{
    public static readonly string[] FirstNames =
    [
        "Ana", "Maria", "Sofia", "Elena", "Laura", "Julia", "Clara", "Marta", "Irene", "Paula",
        "Lucia", "Carmen", "Isabel", "Teresa", "Rosa", "Nadia", "Amira", "Leila", "Yasmin", "Fatima",
        "Aisha", "Zainab", "Mariam", "Noor", "Hana", "Yuki", "Aiko", "Mei", "Lin", "Priya",
        "Ananya", "Kavya", "Deepa", "Sunita", "Meera", "Olga", "Irina", "Natalia", "Svetlana", "Katarzyna",
        "Agnieszka", "Eva", "Petra", "Ingrid", "Astrid", "Freya", "Sigrid", "Emma", "Olivia", "Grace",
        "Chloe", "Hannah", "Charlotte", "Alice", "Rachel", "Sarah", "Rebecca", "Helen", "Margaret", "Claire",
        "Fiona", "Aoife", "Siobhan", "Adaeze", "Chiamaka", "Ngozi", "Amara", "Wanjiru", "Akosua", "Thandiwe",
        "Zanele", "Lerato", "Camila", "Valentina", "Gabriela", "Daniela", "Fernanda", "Luisa", "Beatriz", "Inês",
        "Joana", "Chiara", "Giulia", "Francesca", "Alessandra", "Sabine", "Katrin", "Anja", "Lena", "Marie",
        "Camille", "Manon", "Juliette", "Elif", "Zeynep", "Ayse", "Defne", "Mira", "Sara", "Nora",
        "James", "John", "Michael", "David", "Daniel", "Thomas", "Peter", "Paul", "Mark", "Andrew",
        "Robert", "William", "George", "Samuel", "Benjamin", "Carlos", "José", "Luis", "Miguel", "Javier",
        "Pablo", "Diego", "Mateo", "Rafael", "Antonio", "Marco", "Luca", "Giorgio", "Stefano", "Matteo",
        "Hans", "Jonas", "Lukas", "Felix", "Tobias", "Pierre", "Louis", "Antoine", "Hugo", "Nicolas",
        "Ahmed", "Mohamed", "Omar", "Youssef", "Karim", "Hassan", "Ali", "Tariq", "Samir", "Khalid",
        "Rahul", "Arjun", "Vikram", "Sanjay", "Rohan", "Hiroshi", "Kenji", "Takeshi", "Haruto", "Wei",
        "Jun", "Hao", "Dmitri", "Sergei", "Alexei", "Ivan", "Pavel", "Tomasz", "Piotr", "Marek",
        "Jan", "Lars", "Erik", "Nils", "Olav", "Mikko", "Juha", "Kwame", "Kofi", "Chinedu",
        "Emeka", "Tunde", "Oluwaseun", "Sipho", "Themba", "Tendai", "Baraka", "Joseph", "Kemal", "Mehmet",
        "Emre", "Burak", "Mustafa", "Søren", "Björn", "Andrei", "Mihai", "Bogdan", "Nikos", "Yannis",
    ];

    public static readonly string[] LastNames =
    [
        "Silva", "Santos", "Oliveira", "Costa", "Pereira", "Ferreira", "Almeida", "Carvalho", "Gomes", "Martins",
        "Rodrigues", "Fernandez", "Garcia", "Lopez", "Martinez", "Sanchez", "Perez", "Gonzalez", "Ramirez", "Torres",
        "Flores", "Rivera", "Morales", "Ortiz", "Castillo", "Vargas", "Romero", "Herrera", "Medina", "Aguilar",
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
        "Bruno", "Gallo", "Conti", "Mancini", "Moretti", "Barbieri", "Fontana", "Müller", "Schmidt", "Schneider",
        "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein",
        "Wolf", "Neumann", "Schwarz", "Braun", "Zimmermann", "Hartmann", "Krüger", "Dubois", "Durand", "Lefebvre",
        "Moreau", "Laurent", "Leroy", "Roux", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont",
        "Lambert", "Fontaine", "Rousseau", "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
        "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "Harris", "Clark", "Lewis", "Robinson", "Walker",
        "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson",
        "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins",
        "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey",
        "Kelly", "Howard", "Ward", "Richardson", "Watson", "Brooks", "Bennett", "Hughes", "Sanders", "Foster",
        "O'Brien", "O'Connor", "Byrne", "Kennedy", "Walsh", "Doyle", "McCarthy", "Gallagher", "Quinn", "Nowak",
        "Kowalski", "Wiśniewski", "Wójcik", "Kaminski", "Lewandowski", "Zielinski", "Szymanski", "Novak", "Horvat", "Kovač",
        "Popescu", "Ionescu", "Dimitrov", "Petrov", "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Volkov",
        "Morozov", "Pavlov", "Shevchenko", "Bondarenko", "Kovalenko", "Tkachenko", "Yilmaz", "Kaya", "Demir", "Şahin",
        "Çelik", "Yildiz", "Aydin", "Öztürk", "Arslan", "Dogan", "Khan", "Hussain", "Rahman", "Haddad",
        "Mansour", "Nasser", "Khalil", "Saleh", "Farouk", "Aziz", "Karimi", "Hosseini", "Rezaei", "Mousavi",
        "Cohen", "Levi", "Mizrahi", "Peretz", "Friedman", "Sharma", "Patel", "Singh", "Kumar", "Gupta",
        "Reddy", "Iyer", "Nair", "Menon", "Bose", "Chatterjee", "Mukherjee", "Banerjee", "Joshi", "Mehta",
        "Desai", "Kapoor", "Malhotra", "Tanaka", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi",
        "Kato", "Yoshida", "Sato", "Kim", "Park", "Choi", "Jung", "Kang", "Yoon", "Jang",
        "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Nguyen", "Tran",
        "Pham", "Hoang", "Phan", "Santoso", "Wijaya", "Hartono", "Susanto", "Reyes", "Cruz", "Bautista",
        "Ocampo", "Mendoza", "Okafor", "Okonkwo", "Adeyemi", "Balogun", "Mensah", "Owusu", "Boateng", "Asante",
        "Mwangi", "Otieno", "Kamau", "Njoroge", "Dlamini", "Nkosi", "Ndlovu", "Mokoena", "Moyo", "Banda",
        "Phiri", "Haile", "Tesfaye", "Bekele", "Girma", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
        "Larsen", "Hansen", "Jensen", "Nielsen", "Pedersen", "Berg", "Haugen", "Virtanen", "Korhonen", "Nieminen",
        "Bakker", "Visser", "Smit", "Peeters", "Janssens", "Papadopoulos", "Georgiou", "Horvath", "Nagy", "Szabo",
    ];

    /// <summary>Roles of the politicians in each period's pool; event types name the ones their political slot accepts.</summary>
    public static readonly string[] PoliticalRoles =
    [
        "prime minister", "president", "interior minister", "finance minister", "economy minister", "health minister",
        "transport minister", "labour minister", "foreign minister", "justice minister", "environment minister",
        "trade minister", "consumer affairs minister",
    ];

    /// <summary>Real cities and their countries.</summary>
    public static readonly (string City, string Country)[] Places =
    [
        ("London", "Britain"), ("Manchester", "Britain"), ("Birmingham", "Britain"), ("Glasgow", "Britain"), ("Edinburgh", "Britain"),
        ("Cardiff", "Britain"), ("Belfast", "Britain"), ("Leeds", "Britain"), ("Liverpool", "Britain"), ("Bristol", "Britain"),
        ("Dublin", "Ireland"), ("Cork", "Ireland"), ("Paris", "France"), ("Lyon", "France"), ("Marseille", "France"),
        ("Toulouse", "France"), ("Nice", "France"), ("Bordeaux", "France"), ("Lille", "France"), ("Strasbourg", "France"),
        ("Nantes", "France"), ("Berlin", "Germany"), ("Hamburg", "Germany"), ("Munich", "Germany"), ("Cologne", "Germany"),
        ("Frankfurt", "Germany"), ("Stuttgart", "Germany"), ("Dresden", "Germany"), ("Leipzig", "Germany"), ("Hanover", "Germany"),
        ("Madrid", "Spain"), ("Barcelona", "Spain"), ("Valencia", "Spain"), ("Seville", "Spain"), ("Bilbao", "Spain"),
        ("Malaga", "Spain"), ("Zaragoza", "Spain"), ("Lisbon", "Portugal"), ("Porto", "Portugal"), ("Rome", "Italy"),
        ("Milan", "Italy"), ("Naples", "Italy"), ("Turin", "Italy"), ("Florence", "Italy"), ("Bologna", "Italy"),
        ("Palermo", "Italy"), ("Genoa", "Italy"), ("Venice", "Italy"), ("Amsterdam", "the Netherlands"), ("Rotterdam", "the Netherlands"),
        ("Utrecht", "the Netherlands"), ("Eindhoven", "the Netherlands"), ("Brussels", "Belgium"), ("Antwerp", "Belgium"), ("Ghent", "Belgium"),
        ("Luxembourg", "Luxembourg"), ("Zürich", "Switzerland"), ("Geneva", "Switzerland"), ("Bern", "Switzerland"), ("Vienna", "Austria"),
        ("Graz", "Austria"), ("Salzburg", "Austria"), ("Prague", "the Czech Republic"), ("Brno", "the Czech Republic"), ("Warsaw", "Poland"),
        ("Krakow", "Poland"), ("Gdansk", "Poland"), ("Wroclaw", "Poland"), ("Budapest", "Hungary"), ("Bratislava", "Slovakia"),
        ("Ljubljana", "Slovenia"), ("Zagreb", "Croatia"), ("Split", "Croatia"), ("Belgrade", "Serbia"), ("Sarajevo", "Bosnia and Herzegovina"),
        ("Skopje", "North Macedonia"), ("Tirana", "Albania"), ("Sofia", "Bulgaria"), ("Bucharest", "Romania"), ("Cluj-Napoca", "Romania"),
        ("Athens", "Greece"), ("Thessaloniki", "Greece"), ("Istanbul", "Turkey"), ("Ankara", "Turkey"), ("Izmir", "Turkey"),
        ("Antalya", "Turkey"), ("Copenhagen", "Denmark"), ("Aarhus", "Denmark"), ("Stockholm", "Sweden"), ("Gothenburg", "Sweden"),
        ("Malmö", "Sweden"), ("Oslo", "Norway"), ("Bergen", "Norway"), ("Helsinki", "Finland"), ("Tampere", "Finland"),
        ("Reykjavík", "Iceland"), ("Tallinn", "Estonia"), ("Riga", "Latvia"), ("Vilnius", "Lithuania"), ("Kyiv", "Ukraine"),
        ("Lviv", "Ukraine"), ("Odesa", "Ukraine"), ("Kharkiv", "Ukraine"), ("Chisinau", "Moldova"), ("Tbilisi", "Georgia"),
        ("Yerevan", "Armenia"), ("Baku", "Azerbaijan"), ("Valletta", "Malta"), ("Nicosia", "Cyprus"), ("New York", "the United States"),
        ("Los Angeles", "the United States"), ("Chicago", "the United States"), ("Houston", "the United States"), ("Phoenix", "the United States"), ("Philadelphia", "the United States"),
        ("San Antonio", "the United States"), ("San Diego", "the United States"), ("Dallas", "the United States"), ("Miami", "the United States"), ("Atlanta", "the United States"),
        ("Boston", "the United States"), ("Seattle", "the United States"), ("Denver", "the United States"), ("Detroit", "the United States"), ("New Orleans", "the United States"),
        ("Minneapolis", "the United States"), ("Portland", "the United States"), ("Toronto", "Canada"), ("Montreal", "Canada"), ("Vancouver", "Canada"),
        ("Calgary", "Canada"), ("Ottawa", "Canada"), ("Winnipeg", "Canada"), ("Halifax", "Canada"), ("Mexico City", "Mexico"),
        ("Guadalajara", "Mexico"), ("Monterrey", "Mexico"), ("Tijuana", "Mexico"), ("Puebla", "Mexico"), ("Guatemala City", "Guatemala"),
        ("San Salvador", "El Salvador"), ("Tegucigalpa", "Honduras"), ("Managua", "Nicaragua"), ("San Jose", "Costa Rica"), ("Panama City", "Panama"),
        ("Havana", "Cuba"), ("Santo Domingo", "the Dominican Republic"), ("Kingston", "Jamaica"), ("Port-au-Prince", "Haiti"), ("Bogotá", "Colombia"),
        ("Medellín", "Colombia"), ("Cali", "Colombia"), ("Caracas", "Venezuela"), ("Quito", "Ecuador"), ("Guayaquil", "Ecuador"),
        ("Lima", "Peru"), ("Arequipa", "Peru"), ("La Paz", "Bolivia"), ("Santiago", "Chile"), ("Valparaiso", "Chile"),
        ("Buenos Aires", "Argentina"), ("Cordoba", "Argentina"), ("Rosario", "Argentina"), ("Mendoza", "Argentina"), ("Montevideo", "Uruguay"),
        ("Asunción", "Paraguay"), ("São Paulo", "Brazil"), ("Rio de Janeiro", "Brazil"), ("Brasília", "Brazil"), ("Salvador", "Brazil"),
        ("Recife", "Brazil"), ("Porto Alegre", "Brazil"), ("Manaus", "Brazil"), ("Belo Horizonte", "Brazil"), ("Fortaleza", "Brazil"),
        ("Cairo", "Egypt"), ("Alexandria", "Egypt"), ("Casablanca", "Morocco"), ("Rabat", "Morocco"), ("Marrakesh", "Morocco"),
        ("Algiers", "Algeria"), ("Oran", "Algeria"), ("Tunis", "Tunisia"), ("Tripoli", "Libya"), ("Khartoum", "Sudan"),
        ("Addis Ababa", "Ethiopia"), ("Nairobi", "Kenya"), ("Mombasa", "Kenya"), ("Kampala", "Uganda"), ("Kigali", "Rwanda"),
        ("Dar es Salaam", "Tanzania"), ("Dodoma", "Tanzania"), ("Lusaka", "Zambia"), ("Harare", "Zimbabwe"), ("Maputo", "Mozambique"),
        ("Johannesburg", "South Africa"), ("Cape Town", "South Africa"), ("Durban", "South Africa"), ("Pretoria", "South Africa"), ("Windhoek", "Namibia"),
        ("Gaborone", "Botswana"), ("Luanda", "Angola"), ("Kinshasa", "the Democratic Republic of Congo"), ("Lagos", "Nigeria"), ("Abuja", "Nigeria"),
        ("Kano", "Nigeria"), ("Ibadan", "Nigeria"), ("Accra", "Ghana"), ("Kumasi", "Ghana"), ("Abidjan", "Ivory Coast"),
        ("Dakar", "Senegal"), ("Bamako", "Mali"), ("Niamey", "Niger"), ("Ouagadougou", "Burkina Faso"), ("Douala", "Cameroon"),
        ("Yaoundé", "Cameroon"), ("Antananarivo", "Madagascar"), ("Beirut", "Lebanon"), ("Amman", "Jordan"), ("Baghdad", "Iraq"),
        ("Basra", "Iraq"), ("Erbil", "Iraq"), ("Riyadh", "Saudi Arabia"), ("Jeddah", "Saudi Arabia"), ("Dubai", "the United Arab Emirates"),
        ("Abu Dhabi", "the United Arab Emirates"), ("Doha", "Qatar"), ("Kuwait City", "Kuwait"), ("Muscat", "Oman"), ("Manama", "Bahrain"),
        ("Tehran", "Iran"), ("Isfahan", "Iran"), ("Mashhad", "Iran"), ("Tel Aviv", "Israel"), ("Haifa", "Israel"),
        ("Karachi", "Pakistan"), ("Lahore", "Pakistan"), ("Islamabad", "Pakistan"), ("Peshawar", "Pakistan"), ("Kabul", "Afghanistan"),
        ("Delhi", "India"), ("Mumbai", "India"), ("Kolkata", "India"), ("Chennai", "India"), ("Bengaluru", "India"),
        ("Hyderabad", "India"), ("Ahmedabad", "India"), ("Pune", "India"), ("Jaipur", "India"), ("Lucknow", "India"),
        ("Dhaka", "Bangladesh"), ("Chittagong", "Bangladesh"), ("Kathmandu", "Nepal"), ("Colombo", "Sri Lanka"), ("Tashkent", "Uzbekistan"),
        ("Almaty", "Kazakhstan"), ("Astana", "Kazakhstan"), ("Bishkek", "Kyrgyzstan"), ("Beijing", "China"), ("Shanghai", "China"),
        ("Guangzhou", "China"), ("Shenzhen", "China"), ("Chengdu", "China"), ("Wuhan", "China"), ("Chongqing", "China"),
        ("Xi'an", "China"), ("Hangzhou", "China"), ("Nanjing", "China"), ("Hong Kong", "China"), ("Taipei", "Taiwan"),
        ("Kaohsiung", "Taiwan"), ("Seoul", "South Korea"), ("Busan", "South Korea"), ("Incheon", "South Korea"), ("Daegu", "South Korea"),
        ("Tokyo", "Japan"), ("Osaka", "Japan"), ("Yokohama", "Japan"), ("Nagoya", "Japan"), ("Sapporo", "Japan"),
        ("Fukuoka", "Japan"), ("Kobe", "Japan"), ("Kyoto", "Japan"), ("Sendai", "Japan"), ("Hiroshima", "Japan"),
        ("Ulaanbaatar", "Mongolia"), ("Manila", "the Philippines"), ("Cebu", "the Philippines"), ("Davao", "the Philippines"), ("Hanoi", "Vietnam"),
        ("Ho Chi Minh City", "Vietnam"), ("Da Nang", "Vietnam"), ("Bangkok", "Thailand"), ("Chiang Mai", "Thailand"), ("Phnom Penh", "Cambodia"),
        ("Vientiane", "Laos"), ("Yangon", "Myanmar"), ("Kuala Lumpur", "Malaysia"), ("Penang", "Malaysia"), ("Singapore", "Singapore"),
        ("Jakarta", "Indonesia"), ("Surabaya", "Indonesia"), ("Bandung", "Indonesia"), ("Medan", "Indonesia"), ("Denpasar", "Indonesia"),
        ("Sydney", "Australia"), ("Melbourne", "Australia"), ("Brisbane", "Australia"), ("Perth", "Australia"), ("Adelaide", "Australia"),
        ("Canberra", "Australia"), ("Hobart", "Australia"), ("Darwin", "Australia"), ("Auckland", "New Zealand"), ("Wellington", "New Zealand"),
        ("Christchurch", "New Zealand"), ("Suva", "Fiji"), ("Port Moresby", "Papua New Guinea"),
    ];

    // Invented organisation names: a made-up stem ("Vel" + "orex") and a plain English ending.
    public static readonly string[] StemStarts =
    [
        "Vel", "Mar", "Nor", "Kal", "Tor", "Bel", "Cor", "Dan", "Fen", "Gal", "Hal", "Lor", "Mon", "Pal", "Quin",
        "Ros", "Sol", "Tal", "Ver", "Zan", "Ald", "Ber", "Cal", "Dor", "El", "Far", "Gor", "Hel", "Ir", "Jor",
        "Kes", "Lum", "Mir", "Nal", "Or", "Pav", "Rav", "Sel", "Tam", "Ul", "Val", "Wes", "Xan", "Yor", "Zel",
    ];

    public static readonly string[] StemEnds =
    [
        "ora", "ex", "ia", "on", "ix", "ane", "ador", "ent", "ara", "is", "ova", "um", "era", "ion", "axa",
        "eno", "ilo", "una", "eth", "ance", "orin", "ast", "ivo", "anta",
    ];

    public static readonly string[] CompanyEndings =
    [
        "Holdings", "Group", "Industries", "Systems", "Energy", "Pharmaceuticals", "Motors", "Foods", "Logistics",
        "Technologies", "Telecom", "Mining", "Networks", "Materials", "Retail", "Chemicals", "Electronics",
        "Insurance", "Steel", "Appliances",
    ];

    public static readonly string[] BankEndings = ["Bank", "Capital", "Securities", "Investment Bank", "Asset Management"];

    public static readonly string[] OperatorEndings = ["Rail", "Railways", "Transit", "Lines", "Transport", "Mobility"];

    public static readonly string[] PartyWords =
    [
        "National", "Progressive", "Democratic", "Liberal", "Social", "Green", "Civic", "Republican", "Popular",
        "United", "Reform", "Labour", "Conservative", "Free", "New",
    ];

    public static readonly string[] PartyNouns = ["Renewal", "Unity", "Future", "Action", "Justice", "Freedom", "Progress", "Citizens", "Solidarity", "Centre"];

    public static readonly string[] UnionSectors = ["Rail", "Transport", "Railway", "Train Drivers", "Rail and Maritime", "Public Transport"];

    public static readonly string[] TeamNames =
    [
        "United", "Rovers", "Athletic", "Eagles", "Lions", "Wanderers", "Rangers", "Sharks", "Falcons", "Tigers",
        "Warriors", "Stars", "Dynamo", "Olympic", "Harriers", "Phoenix",
    ];

    public static readonly string[] MovementWords =
    [
        "Civic", "Popular", "National", "Democratic", "Free", "United", "Progressive", "Patriotic", "Southern",
        "Northern", "Eastern", "Western", "Citizens",
    ];

    public static readonly string[] MovementNouns = ["Rights", "Justice", "Liberation", "Unity", "Renewal", "Dignity", "Future", "Freedom", "Reform", "Solidarity"];

    public static readonly string[] MovementEndings = ["Movement", "Front", "Alliance", "Coalition", "Council"];

    /// <summary>Values of {tail}: attributions a sentence may end with (the empty one keeps it bare).</summary>
    public static readonly string[] Tails =
    [
        "", "", ", officials said", ", authorities said", ", according to local officials", ", a government spokesperson said",
        ", sources said", ", local media reported", ", officials confirmed", ", according to initial reports",
        ", a spokesperson said", ", the authorities confirmed",
    ];

    /// <summary>Values of {when}; "{0}" is the weekday of the story.</summary>
    public static readonly string[] WhenPatterns = ["", " on {0}", " early on {0}", " late on {0}", " earlier on {0}", " on {0} morning", " on {0} afternoon", " on {0} evening"];

    /// <summary>Forms of a quote sentence: {0} the words, {1} full name, {2} surname, {3} role, {4} city.</summary>
    public static readonly string[] QuoteForms =
    [
        "\"{0},\" {1} said.",
        "\"{0},\" {2} said.",
        "\"{0},\" said {1}, the {3}.",
        "{1}, the {3}, said: \"{0}.\"",
        "\"{0},\" {2} told reporters.",
        "\"{0},\" {2} said in a statement.",
        "\"{0},\" {1} said in {4}.",
        "\"{0},\" {2} added.",
    ];

    /// <summary>House trailers of outlets: {0} the outlet's name, {1} its domain.</summary>
    public static readonly string[] Trailers =
    [
        "Follow {0} for the latest updates.",
        "Sign up for our newsletter.",
        "Get the top stories of the day from {0} in your inbox: sign up for our newsletter.",
        "Read more stories like this at {1}.",
        "Get breaking news alerts from {0} on your phone.",
        "Copyright {0}. All rights reserved.",
        "Download our app to stay informed with {0}.",
        "This article is published by {0} and may not be reproduced without permission.",
        "Listen to our daily podcast from {0} for more.",
        "More coverage is available at {1}.",
    ];

    /// <summary>Credits a rewrite appends to one of its sentences ("…, according to Reuters.").</summary>
    public static readonly string[] CreditTails = [", according to {0}", ", {0} reported", ", as first reported by {0}", ", according to a report by {0}"];

    /// <summary>Credits a rewrite states on their own; {1} is the weekday.</summary>
    public static readonly string[] CreditSentences =
    [
        "The news was first reported by {0}.",
        "A report by {0} revealed the details on {1}.",
        "{0} reported the news first, on {1}.",
        "The story was first published by {0}.",
        "Local media, citing {0}, carried the same account.",
        "Details of the event were first reported by {0}.",
        "This account draws on reporting first published by {0}.",
    ];

    /// <summary>
    /// What every credit above contains around the outlet's name: a check for "is the source credited" looks for one
    /// of these with the name or an alias in place of {0}.
    /// </summary>
    public static readonly string[] CreditMarkers = ["according to {0}", "{0} reported", "reported by {0}", "report by {0}", "published by {0}", "citing {0}"];

    /// <summary>
    /// Word swaps of light edits, applied to lower-case words (and the first word) of a headline so that names such as
    /// "Lyon Stars" are never touched; the capital of the original word is kept.
    /// </summary>
    public static readonly Dictionary<string, string> HeadlineSynonyms = new(StringComparer.Ordinal)
    {
        ["strikes"] = "hits", ["hits"] = "strikes", ["killed"] = "dead", ["kills"] = "claims",
        ["wins"] = "takes", ["beat"] = "defeat", ["claim"] = "secure", ["unveils"] = "announces", ["announces"] = "unveils",
        ["raises"] = "lifts", ["rises"] = "climbs", ["climbs"] = "rises", ["jump"] = "rise", ["after"] = "following",
        ["buy"] = "acquire", ["acquire"] = "buy", ["deal"] = "agreement", ["recalls"] = "withdraws", ["search"] = "comb",
        ["rescuers"] = "rescue teams", ["protest"] = "demonstrate", ["clash"] = "scuffle", ["arrested"] = "detained",
        ["flee"] = "leave", ["battle"] = "fight", ["opens"] = "begins", ["begins"] = "opens", ["denies"] = "rejects",
        ["truce"] = "ceasefire", ["ceasefire"] = "truce", ["talks"] = "negotiations", ["study"] = "research", ["finds"] = "shows",
        ["scientists"] = "researchers", ["researchers"] = "scientists", ["powerful"] = "strong",
        ["strong"] = "powerful", ["batters"] = "lashes", ["homes"] = "houses", ["destroyed"] = "wrecked", ["crash"] = "collision",
        ["voters"] = "electors", ["victory"] = "win", ["election"] = "vote", ["crowned"] = "named",
        ["lift"] = "raise", ["workers"] = "staff", ["commuters"] = "travellers", ["stranded"] = "stuck",
        ["halts"] = "stops", ["plan"] = "programme", ["signals"] = "hints at", ["pulls"] = "removes",
        ["fears"] = "concerns", ["warning"] = "alert", ["quake"] = "tremor", ["earthquake"] = "quake", ["rubble"] = "debris",
        ["rise"] = "increase", ["trial"] = "case",
        ["fire"] = "blaze", ["wildfire"] = "blaze", ["thousands"] = "many", ["evacuated"] = "moved out", ["spreads"] = "grows",
        ["protesters"] = "demonstrators", ["demonstrations"] = "protests", ["protests"] = "rallies", ["seek"] = "pursue",
        ["storm"] = "gale", ["floods"] = "flooding", ["describe"] = "detail", ["breakthrough"] = "advance", ["posts"] = "reports",
        ["beats"] = "tops", ["forecasts"] = "estimates", ["accepts"] = "backs", ["merger"] = "tie-up", ["stars"] = "shines",
    };

    /// <summary>Three-letter months of wire datelines ("LONDON, Jan 2 (Reuters) - ").</summary>
    public static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Words kept lower case when a role becomes a title ("Lawyer for the Plaintiffs").</summary>
    public static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal) { "for", "the", "of", "and", "at", "in" };
}
