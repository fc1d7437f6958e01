namespace NewsAggregator.Core.Evaluation.Synthetic;

internal static partial class SyntheticEvents
{
    private static SyntheticEventType[] Society() =>
    [
        new SyntheticEventType
        {
            Name = "sports final",
            Roles = [["captain", "striker", "midfielder"], ["coach", "head coach", "manager"], ["coach", "head coach", "manager"]],
            Org = SyntheticOrgKind.Team,
            Org2 = SyntheticOrgKind.Team,
            Tails = ["", "", ", the organisers said", ", according to the organisers", ", the league said", ", club officials said", ", the league confirmed"],
            Subjects =
            [
                [
                    Stems,
                    ["Stadium", "Park", "Arena", "Ground", "Field"],
                    ["the national cup final", "the league championship final", "the continental club final", "the championship playoff final", "the women's cup final", "the super cup", "the league cup final", "the regional championship final"],
                ],
            ],
            Numbers = [N(2, 5), N(0, 1), N(35_000, 90_000), N(55, 89), N(20_000, 300_000)],
            Headlines =
            [
                "{org} beat {org2} {n1}-{n2} to win {s3}",
                "{org} crowned champions after {n1}-{n2} win over {org2} at {s1} {s2}",
                "{p1} stars as {org} lift trophy at the {s1} {s2}",
                "{org2} fall short as {org} claim {s3}",
            ],
            Facts =
            [
                [
                    "{org} beat {org2} {n1}-{n2} in {s3} at the {s1} {s2} in {city}{when}.",
                    "{org} won {s3}{when}, defeating {org2} by {n1} goals to {n2} at the {s1} {s2}.",
                    "{org} claimed victory in {s3} with a {n1}-{n2} win over {org2} in {city}{when}.",
                    "{org} lifted the trophy{when} after beating {org2} {n1}-{n2} in {s3} at the {s1} {s2}.",
                ],
                [
                    "A crowd of {n3} watched the match at the {s1} {s2}{when}.",
                    "Attendance at the {s1} {s2} was {n3}{tail}.",
                    "The game between {org} and {org2} was played in front of {n3} spectators{when}.",
                    "Some {n3} fans packed the {s1} {s2} for the final{when}.",
                ],
                [
                    "{p1}, the {p1.role}, scored the decisive goal after {n4} minutes.",
                    "The decisive goal came from {p1.role} {p1} after {n4} minutes of play.",
                    "The winning goal was scored by {p1} after {n4} minutes.",
                    "After {n4} minutes, {p1.role} {p1} found the net to put {org} ahead for good.",
                ],
                [
                    "{p2}, the {p2.role} of {org}, praised the team for its patience and discipline.",
                    "{org} {p2.role} {p2} said the players had shown great discipline.",
                    "The {p2.role} of {org}, {p2}, said patience and discipline had won the match.",
                    "{p2}, who coaches {org}, said the team had stayed patient and disciplined throughout.",
                ],
                [
                    "{p3}, the {p3.role} of {org2}, said the team had missed too many chances.",
                    "{org2} {p3.role} {p3} admitted the team had wasted its best opportunities.",
                    "The {p3.role} of {org2}, {p3}, said missed chances had cost them the trophy.",
                    "{p3}, who coaches {org2}, said the team had not taken its chances.",
                ],
                [
                    "It was the first major trophy for {org} in more than ten years{tail}.",
                    "The win ended a long wait for silverware at {org}, whose last major title came more than a decade ago.",
                    "{org} had not lifted a major trophy for over ten years before this win.",
                    "The victory brought {org} its first major title in over a decade{tail}.",
                ],
                [
                    "Thousands of supporters of {org} celebrated in the streets late into the night.",
                    "Fans poured out of the {s1} {s2}{when} to celebrate after the final whistle.",
                    "Supporters of {org} sang and danced in the squares of {city} after the match.",
                    "Celebrations by fans of {org} continued long after the match had ended.",
                ],
            ],
            Quotes =
            [
                "1|We believed in each other until the very last minute against {org2}",
                "2|This group of players has given everything to win {s3} for {org}",
                "3|We had our chances against {org} and we did not take them, that is football",
            ],
            Developments =
            [
                "An estimated {n5} fans lined the streets for the {org} victory parade{when}.",
                "About {n5} supporters turned out to welcome {org} home{when}.",
                "{org} said the trophy would go on display at its stadium for supporters to see.",
            ],
            UpdateHeadlines =
            [
                "{n5} fans line streets for {org} victory parade",
                "{n5} fans welcome {org} home after final",
                "{org} to put {s3} trophy on display at the {s1} {s2}",
            ],
            Generic =
            [
                "Finals are often cagey affairs, with both sides reluctant to take risks.",
                "The winners also earn a place in next season's continental competition.",
                "Ticket prices for the final had risen sharply compared with last year.",
                "Both clubs had reached the final after hard-fought semi-finals.",
            ],
        },
        new SyntheticEventType
        {
            Name = "scientific finding",
            Roles = [["lead author", "principal investigator", "research director"], ["co-author", "senior researcher", "postdoctoral researcher"], ["professor", "researcher", "biologist"]],
            Org = SyntheticOrgKind.Institute,
            Tails = ["", "", ", the authors said", ", the researchers said", ", according to the paper", ", the team reported", ", according to the study", ", the authors wrote"],
            Fields = ["Biology", "Molecular Medicine", "Materials Science", "Marine Research", "Chemistry", "Applied Physics"],
            Subjects =
            [
                [
                    ["a gene variant linked to", "a blood test for", "an antibody that blocks", "a drug compound that slows", "an immune cell that fights", "a gut bacterium linked to", "a protein marker for", "a hormone signal involved in", "a low-cost screening method for", "an enzyme that drives"],
                    ["early-stage pancreatic cancer", "multiple sclerosis", "type 1 diabetes", "malaria", "tuberculosis", "Parkinson's disease", "sickle cell anaemia", "chronic kidney disease", "childhood leukaemia", "dengue fever", "migraine", "osteoporosis", "severe asthma", "glaucoma", "hepatitis B", "rheumatoid arthritis", "Lyme disease", "endometriosis", "motor neurone disease", "cystic fibrosis", "psoriasis", "heart failure", "cholera", "liver fibrosis"],
                    ["in children", "in older adults", "in laboratory mice", "in a large patient study", "in twins", "in people with a family history"],
                ],
                [
                    ["a previously unknown species of", "a new population of", "a rare hybrid of", "a fossil ancestor of"],
                    ["deep-sea anglerfish", "tree frog", "orchid", "freshwater crab", "fruit bat", "gecko", "cave beetle", "reef coral", "peat moss", "salamander", "hummingbird", "river dolphin", "land snail", "jumping spider", "seahorse", "owl", "sea sponge", "tortoise", "bumblebee", "pitcher plant", "shrew", "lichen", "lantern fish", "dragonfly", "palm tree", "eel", "mole rat", "kelp", "parrot", "stick insect"],
                    ["in a flooded cave system", "on a remote seamount", "in a mountain cloud forest", "in a desert oasis", "in mangrove swamps", "under Arctic sea ice", "in a volcanic crater lake", "on a small coral island", "in ancient river sediments", "in a city park", "in peat bogs", "in a high-altitude lake"],
                ],
                [
                    ["a cheaper catalyst for", "a coating that speeds up", "a new method for", "a membrane for", "a bacterial enzyme for", "a mineral-based process for"],
                    ["producing hydrogen", "recycling lithium batteries", "capturing carbon dioxide", "desalinating seawater", "breaking down plastic waste", "storing solar heat", "making green ammonia", "purifying drinking water", "recovering rare earths", "turning straw into fuel", "making low-carbon cement", "recycling textiles", "cleaning up oil spills", "making biodegradable packaging", "storing grid electricity", "removing microplastics from water", "producing jet fuel from waste", "recovering phosphorus from sewage", "making steel without coal", "cooling buildings without power"],
                    ["at room temperature", "at lower cost", "with less energy", "without rare metals", "from common minerals", "in a single step", "at industrial scale", "using sunlight"],
                ],
            ],
            Numbers = [N(12, 85), N(120, 9_000), N(2, 12), N(3, 40), N(2, 60)],
            Headlines =
            [
                "Scientists at {org} report {s1} {s2} {s3}",
                "Researchers at {org} describe {s1} {s2} {s3}",
                "Study led by {p1} finds {s1} {s2} {s3}",
                "{org} team reports {s1} {s2}",
            ],
            Facts =
            [
                [
                    "Researchers at the {org} in {city} reported {s1} {s2} {s3} in a study published{when}.",
                    "A team from the {org} has identified {s1} {s2} {s3}, according to a paper published{when}.",
                    "Scientists working at the {org} in {city} said{when} that they had found {s1} {s2} {s3}.",
                ],
                [
                    "The approach developed at the {org} performed {n1} percent better than existing methods in tests{tail}.",
                    "In tests, the results from the {org} were {n1} percent better than those of current techniques{tail}.",
                    "Trials at the {org} showed an improvement of {n1} percent compared with standard methods.",
                    "According to the paper by {p1}, performance improved by {n1} percent over current methods.",
                ],
                [
                    "The paper describing {s1} {s2} drew on {n2} samples collected over {n3} years{tail}.",
                    "Over {n3} years, the team led by {p1} gathered and analysed {n2} samples.",
                    "Data from {n2} samples, gathered across {n3} years by the {org}, formed the basis of the findings.",
                    "The researchers analysed {n2} samples relating to {s2} gathered over a period of {n3} years.",
                ],
                [
                    "Partners in {n4} countries contributed to the work led by the {org}{tail}.",
                    "The research on {s2} led by {p1} involved collaborators from {n4} countries{tail}.",
                    "Scientists from {n4} countries took part in the project, according to {p2}.",
                    "The project run by the {org} brought together teams from {n4} countries.",
                ],
                [
                    "{p1}, the {p1.role} of the study, said the findings on {s2} could be put to practical use within a few years.",
                    "Practical applications could follow within a few years, said {p1}, the {p1.role}.",
                    "{p1}, who led the work as {p1.role}, said the team hoped to see the results used outside the laboratory soon.",
                    "The findings on {s2} could be applied within a few years, {p1.role} {p1} told reporters{when}.",
                ],
                [
                    "{p2}, a {p2.role} on the project, cautioned that larger trials were still needed.",
                    "Larger trials will be needed before any firm conclusions are drawn, said {p2}, a {p2.role}.",
                    "The team stressed that the results on {s2} must be confirmed in bigger studies, {p2.role} {p2} said.",
                    "{p2} said{when} that bigger trials were needed before firm conclusions could be drawn.",
                ],
                [
                    "{p3}, a {p3.role} who was not involved in the research, called the results promising but preliminary.",
                    "Scientists not involved in the work, including {p3}, described the findings on {s2} as encouraging.",
                    "The results are promising but early, said {p3}, who did not take part in the study.",
                    "{p3}, who reviewed the paper independently, said the results looked promising but needed confirmation.",
                ],
            ],
            Quotes =
            [
                "1|At the {org} we were surprised by how consistent the effect of {s2} was across every sample",
                "2|Finding {s1} {s2} {s3} is an important first step, but it is only a first step",
                "3|If the results from the {org} on {s2} hold up, they could change how the field works",
            ],
            Developments =
            [
                "The {org} said{when} it had secured ${n5} million in funding for a larger follow-up study.",
                "A second team has since reported results similar to those of the {org} on {s2}, the journal said{when}.",
                "Funding of ${n5} million has been set aside for the next phase of research, officials at the {org} said.",
            ],
            UpdateHeadlines =
            [
                "{org} wins ${n5} million for follow-up study",
                "Second team confirms finding of {org} on {s2} {s3}",
                "${n5} million set aside for next phase of research at {org}",
            ],
            Generic =
            [
                "The paper was reviewed by independent scientists before publication.",
                "Findings of this kind often take years to reach practical use.",
                "The study was funded by a mix of public and private grants.",
                "Other research groups are now expected to try to repeat the results.",
            ],
        },
    ];
}
