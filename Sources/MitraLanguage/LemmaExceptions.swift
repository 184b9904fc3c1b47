/// The forms the lemmatizer's suffix rules would get wrong, listed.
extension Lemmatizer {
    /// Irregular verbs: each line is the base and then its irregular forms.
    private static let irregularVerbLines = """
        be is are was were been being am 's 're 'm ai s m re r
        have has had having 've ve
        go gon
        want wan
        do does did done doing
        go goes went gone going
        can cannot
        arise arose arisen
        awake awoke awoken
        bear bore borne born
        beat beaten
        become became becoming
        begin began begun beginning
        bend bent
        bet
        bind bound
        bite bit bitten
        bleed bled
        blow blew blown
        break broke broken
        breed bred
        bring brought
        build built
        burn burnt
        burst
        buy bought
        cast
        catch caught
        choose chose chosen
        cling clung
        come came coming
        cost
        creep crept
        cut
        deal dealt
        dig dug
        dive dove
        draw drew drawn
        dream dreamt
        drink drank drunk
        drive drove driven
        dwell dwelt
        eat ate eaten
        fall fell fallen
        feed fed
        feel felt
        fight fought
        find found
        flee fled
        fling flung
        fly flew flown flies
        forbid forbade forbidden
        forget forgot forgotten
        forgive forgave forgiven
        freeze froze frozen
        get got gotten getting
        give gave given
        grind ground
        grow grew grown
        hang hung
        hear heard
        hide hid hidden
        hit
        hold held
        hurt
        keep kept
        kneel knelt
        know knew known
        lay laid
        lead led
        leap leapt
        learn learnt
        leave left
        lend lent
        let
        lie lain lying lies lied
        die dying dies died
        tie tying ties tied
        light lit
        lose lost
        make made
        mean meant
        meet met
        mislead misled
        overcome overcame
        overdo overdid overdone
        pay paid
        prove proven
        put
        quit
        read
        ride rode ridden
        ring rang rung
        rise rose risen
        run ran
        say said
        see saw seen seeing sees
        seek sought
        sell sold
        send sent
        set
        sew sewn
        shake shook shaken
        shine shone
        shoot shot
        show shown
        shrink shrank shrunk
        shut
        sing sang sung
        sink sank sunk
        sit sat
        slay slew slain
        sleep slept
        slide slid
        speak spoke spoken
        speed sped
        spend spent
        spin spun
        spit spat
        split
        spread
        spring sprang sprung
        stand stood
        steal stole stolen
        stick stuck
        sting stung
        stink stank stunk
        strike struck stricken
        string strung
        swear swore sworn
        sweep swept
        swell swollen
        swim swam swum
        swing swung
        take took taken
        teach taught
        tear tore torn
        tell told
        think thought
        throw threw thrown
        tread trod trodden
        undergo underwent undergone
        understand understood
        upset
        wake woke woken
        wear wore worn
        weave wove woven
        weep wept
        win won
        wind wound
        withdraw withdrew withdrawn
        withhold withheld
        write wrote written
        agree agreed
        disagree disagreed
        free freed
        guarantee guaranteed
        decree decreed
        owe owed owing
        eye eyed eyeing
        """

    static let irregularVerbs: [String: String] = {
        var map: [String: String] = [:]
        for line in irregularVerbLines.split(separator: "\n") {
            let forms = line.split(separator: " ").map(String.init)
            guard let base = forms.first else { continue }
            for form in forms.dropFirst() where map[form] == nil { map[form] = base }
        }
        return map
    }()

    /// Clitics as the treebank cuts them ("ca" of "can't", "wo" of "won't").
    static let contractedVerbs: [String: String] = [
        "ca": "can", "wo": "will", "sha": "shall", "'ll": "will", "ll": "will", "'d": "would",
    ]

    /// Stems of "-ed" and "-ing" the rules read wrongly.
    static let stemExceptions: [String: String] = [
        "add": "add", "focus": "focus", "bias": "bias", "becom": "become", "welcom": "welcome", "creat": "create",
        "unit": "unite", "invit": "invite", "excit": "excite", "ignit": "ignite", "recit": "recite",
        "explor": "explore", "ignor": "ignore", "restor": "restore", "ador": "adore", "deplor": "deplore",
        "implor": "implore", "exhal": "exhale", "inhal": "inhale", "escap": "escape", "controll": "control",
        "patroll": "patrol", "compell": "compel", "propell": "propel", "expell": "expel", "repell": "repel",
        "dispell": "dispel", "excell": "excel", "persuad": "persuade", "interfer": "interfere", "adher": "adhere",
        "persever": "persevere", "delet": "delete", "complet": "complete", "deplet": "deplete", "compet": "compete",
        "secret": "secrete", "excret": "excrete", "postpon": "postpone", "condon": "condone", "aton": "atone",
        "dethron": "dethrone", "pivot": "pivot", "pilot": "pilot", "ballot": "ballot", "rivet": "rivet",
        "prohibit": "prohibit", "edit": "edit", "vomit": "vomit", "visit": "visit", "limit": "limit",
        "lur": "lure", "overdos": "overdose", "tast": "taste", "wast": "waste", "past": "paste", "hast": "haste",
        "hang": "hang", "bang": "bang", "twang": "twang", "travell": "travel", "cancell": "cancel",
        "labell": "label", "modell": "model", "signall": "signal", "fuell": "fuel", "levell": "level",
        "counsell": "counsel",
    ]

    static let irregularNouns: [String: String] = [
        "men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse",
        "geese": "goose", "lice": "louse", "oxen": "ox", "criteria": "criterion", "phenomena": "phenomenon",
        "stimuli": "stimulus", "fungi": "fungus", "nuclei": "nucleus", "indices": "index", "matrices": "matrix",
        "appendices": "appendix", "larvae": "larva", "vertebrae": "vertebra", "leaves": "leaf", "lives": "life",
        "wives": "wife", "knives": "knife", "halves": "half", "selves": "self", "shelves": "shelf",
        "wolves": "wolf", "thieves": "thief", "loaves": "loaf", "calves": "calf", "analyses": "analysis",
        "diagnoses": "diagnosis", "prognoses": "prognosis", "psychoses": "psychosis", "neuroses": "neurosis",
        "crises": "crisis", "theses": "thesis", "hypotheses": "hypothesis", "syntheses": "synthesis",
        "emphases": "emphasis", "parentheses": "parenthesis", "metastases": "metastasis",
        "thromboses": "thrombosis", "prostheses": "prosthesis", "cacti": "cactus", "alumni": "alumnus",
        "radii": "radius", "foci": "focus", "loci": "locus", "formulae": "formula", "buses": "bus",
        "movies": "movie", "cookies": "cookie", "calories": "calorie", "zombies": "zombie", "rookies": "rookie",
        "brownies": "brownie", "selfies": "selfie", "smoothies": "smoothie", "hippies": "hippie",
        "goalies": "goalie", "freebies": "freebie", "veggies": "veggie", "newbies": "newbie", "pinkies": "pinkie",
    ]

    /// Nouns that end in "s" in the singular.
    static let invariantNouns: Set<String> = [
        "news", "species", "series", "diabetes", "herpes", "measles", "mumps", "rabies", "scabies", "means",
        "headquarters", "physics", "mathematics", "economics", "ethics", "politics", "bias", "gas", "atlas",
        "canvas", "alias", "christmas", "plus", "yes", "lens", "clothes", "pants", "thanks", "whereabouts",
        "kudos", "chaos", "pathos", "ethos", "asbestos", "tetanus", "mucus", "pancreas", "arthritis",
        "always", "aids",
    ]

    /// Plurals in "-uses" of nouns in "-use" (not "-us").
    static let usesNouns: Set<String> = ["abuses", "excuses", "refuses", "fuses", "muses", "ruses", "accuses", "misuses"]

    static let irregularComparatives: [String: String] = [
        "worse": "bad", "worst": "bad", "better": "good", "best": "good", "further": "further", "furthest": "further",
        "farther": "far", "farthest": "far", "less": "less", "least": "least", "more": "more", "most": "most",
    ]

    /// Adjectives in "-er" or "-est" that are not comparatives.
    static let plainAdjectives: Set<String> = [
        "other", "proper", "bitter", "clever", "tender", "eager", "sober", "over", "under", "inner", "outer",
        "upper", "former", "latter", "super", "sheer", "utter", "silver", "slender", "sinister", "modest",
        "honest", "earnest", "elder", "after", "ever", "never", "whatever", "however", "kosher", "amber",
        "lavender", "cancer", "interest",
    ]

    /// Adverbs in "-er" and "-est" that are comparatives (most adverbs in "-er" are not:
    /// "rather", "together", "however").
    static let comparativeAdverbs: [String: String] = [
        "later": "late", "earlier": "early", "longer": "long", "sooner": "soon", "faster": "fast", "harder": "hard",
        "closer": "close", "easier": "easy", "quicker": "quick", "slower": "slow", "higher": "high", "lower": "low",
        "deeper": "deep", "louder": "loud", "latest": "late", "earliest": "early", "soonest": "soon",
        "fastest": "fast", "hardest": "hard",
    ]

    static let pronouns: [String: String] = [
        "me": "i", "him": "he", "her": "she", "us": "we", "them": "they", "myself": "myself",
    ]

    static let determiners: [String: String] = ["an": "a", "these": "this", "those": "that"]
}
