//! The data that drives the shared code, one table per language: reading-ease formulas,
//! syllable rules, abbreviations, number words, the labels of the bands.

// ------------------------------------------------------------------------------------------
// Languages: the data that drives the shared code
// ------------------------------------------------------------------------------------------

/// Everything that the module knows about one language.
pub(super) struct Language {
    /// Its ISO 639-1 code.
    pub(super) code: &'static str,
    /// Its reading-ease formula.
    pub(super) formula: Option<Formula>,
    /// How to count its syllables.
    pub(super) syllables: SyllableRules,
    /// Its abbreviations.
    pub(super) abbreviations: Abbreviations,
    /// Whether a period after a number of one or two digits makes an ordinal (German `3.`).
    pub(super) ordinal_dot: bool,
    /// The endings that make a Roman numeral an ordinal (French `XXIe`, `Ier`).
    pub(super) ordinal_suffixes: &'static [&'static str],
    /// The words of percentages (`pour cent`).
    pub(super) percent_words: &'static [&'static str],
    /// Number words, in lower case, between spaces, except those that are also other words.
    pub(super) number_words: &'static str,
    /// The label of each [`Band`].
    pub(super) bands: [&'static str; 7],
    /// The school level of each [`Band`].
    pub(super) school: [&'static str; 7],
}

/// A reading-ease formula: `base − sentence_length × W/S − word_length × Sy/W`.
pub(super) struct Formula {
    /// Who published it ("Kandel & Moles").
    pub(super) name: &'static str,
    pub(super) base: f64,
    pub(super) sentence_length: f64,
    pub(super) word_length: f64,
}

impl Formula {
    pub(super) fn score(&self, sentences: usize, words: usize, syllables: usize) -> Option<f64> {
        (sentences > 0 && words > 0).then(|| {
            let words_per_sentence = words as f64 / sentences as f64;
            let syllables_per_word = syllables as f64 / words as f64;
            self.base
                - self.sentence_length * words_per_sentence
                - self.word_length * syllables_per_word
        })
    }
}

/// A language's abbreviations, written as usual; each also matches with a capital first letter
/// and with any kind of space for its spaces.
pub(super) struct Abbreviations {
    /// Abbreviations that do not end a sentence (`M.`, `p. ex.`, `e.g.`).
    pub(super) inner: &'static [&'static str],
    /// Abbreviations that end a sentence when a capital follows (`etc.`).
    pub(super) may_end: &'static [&'static str],
    /// Abbreviations without a final period, only reported (`Mme`, `n°`).
    pub(super) undotted: &'static [&'static str],
}

/// How a language spells its syllables.
pub(super) struct SyllableRules {
    /// Its vowel letters, in lower case.
    pub(super) vowels: &'static str,
    /// How its vowels group into syllables.
    pub(super) grouping: Grouping,
    /// Letters with a diaeresis that start a new syllable, and the vowel they then count as.
    pub(super) hiatus: &'static [(char, char)],
    /// A `u` after the first letter, and before one of the second's letters (any when empty),
    /// is silent.
    pub(super) silent_u: &'static [(char, &'static str)],
    /// Whether a `y` that starts a word is a consonant (`yes`).
    pub(super) initial_y_consonant: bool,
    /// Vowel pairs that are two syllables in some places.
    pub(super) splits: &'static [Split],
    /// Endings whose `e` is silent.
    pub(super) silent_e: &'static [SilentE],
    /// Words, in lower case, between spaces, whose endings are spoken though a [`SilentE`]
    /// rule matches them.
    pub(super) pronounced: &'static str,
}

/// How vowels group into syllables.
pub(super) enum Grouping {
    /// Each run of vowels is one syllable (English).
    Runs,
    /// These spellings are one syllable each, the longest first; any other vowel is one.
    Units(&'static [&'static str]),
}

/// A vowel pair that is two syllables: not after one of `not_after`'s letters, and, unless
/// `rest` is empty, only when the word goes on with exactly one of `rest` (`ei` + `ng`: `being`).
pub(super) struct Split {
    pub(super) pair: &'static str,
    pub(super) not_after: &'static str,
    pub(super) rest: &'static [&'static str],
}

/// A word-final `e` followed by `tail` that is silent, unless the letters before it end with one
/// of `unless_after`, where `C` stands for a consonant other than `l` (`Cl`: `table`).
pub(super) struct SilentE {
    pub(super) tail: &'static str,
    pub(super) unless_after: &'static [&'static str],
}

/// The language of a code such as `fr`, `nl-BE` or `en_GB`, or generic rules.
pub(super) fn language(code: &str) -> &'static Language {
    let primary = code.split(['-', '_']).next().unwrap_or_default();
    LANGUAGES
        .iter()
        .find(|language| language.code.eq_ignore_ascii_case(primary))
        .unwrap_or(&GENERIC)
}

// ------------------------------------------------------------------------------------------
// Language tables
// ------------------------------------------------------------------------------------------

/// The languages with their own rules.
pub(super) static LANGUAGES: [Language; 4] = [FRENCH, DUTCH, ENGLISH, GERMAN];

/// A [`Split`] rule, on one line in the tables.
pub(super) const fn split(
    pair: &'static str,
    not_after: &'static str,
    rest: &'static [&'static str],
) -> Split {
    Split {
        pair,
        not_after,
        rest,
    }
}

/// A [`SilentE`] rule, on one line in the tables.
pub(super) const fn silent(tail: &'static str, unless_after: &'static [&'static str]) -> SilentE {
    SilentE { tail, unless_after }
}

/// A [`Formula`], on one line in the tables.
pub(super) const fn formula(
    name: &'static str,
    base: f64,
    sentence_length: f64,
    word_length: f64,
) -> Option<Formula> {
    Some(Formula {
        name,
        base,
        sentence_length,
        word_length,
    })
}

/// English labels in Flesch's words.
pub(super) const ENGLISH_BANDS: [&str; 7] = [
    "very easy",
    "easy",
    "fairly easy",
    "standard",
    "fairly difficult",
    "difficult",
    "very difficult",
];

/// School levels in the United States, as Flesch gave them.
pub(super) const ENGLISH_SCHOOL: [&str; 7] = [
    "5th grade (10–11 years old)",
    "6th grade (11–12)",
    "7th grade (12–13)",
    "8th–9th grade (13–15)",
    "10th–12th grade (15–18)",
    "college",
    "college graduate",
];

pub(super) const FRENCH: Language = Language {
    code: "fr",
    // Kandel & Moles (1958); see `reading_ease`.
    formula: formula("Kandel & Moles", 207.0, 1.015, 73.6),
    syllables: SyllableRules {
        vowels: "aàâeéèêiîoôuùûyœæ",
        grouping: Grouping::Units(&[
            "eau", "oeu", "œu", "oei", "œi", "aoû", "ieu", "oui", "ai", "aî", "ay", "ei", "ey",
            "au", "ou", "où", "oû", "oi", "oî", "oy", "eu", "eû", "ui", "uy", "ie", "ié", "iè",
            "ia", "io",
        ]),
        hiatus: &[('ë', 'e'), ('ï', 'i'), ('ü', 'u'), ('ÿ', 'y')],
        silent_u: &[('q', ""), ('g', "eéèêiy")],
        initial_y_consonant: false,
        splits: &[],
        silent_e: &[silent("", &[]), silent("s", &[]), silent("nt", &["m"])],
        pronounced: "absent accent accident adolescent agent apparent argent content continent \
            décent différent équivalent évident excellent fréquent incident innocent intelligent \
            parent permanent pourcent présent président prudent récent serpent souvent talent \
            torrent transparent urgent violent",
    },
    abbreviations: Abbreviations {
        inner: &[
            "M.", "MM.", "Mme.", "Mlle.", "Dr.", "Pr.", "St.", "Ste.", "p. ex.", "p.ex.",
            "c.-à-d.", "c-à-d.", "cf.", "ex.", "env.", "av.", "bd.", "tél.", "réf.", "art.",
            "chap.", "fig.", "vol.", "p.",
        ],
        may_end: &["etc."],
        undotted: &["Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "n°", "N°"],
    },
    ordinal_dot: false,
    ordinal_suffixes: &["e", "er", "re", "ère", "ème", "è", "es", "ers", "res"],
    percent_words: &["pour cent", "pourcent", "pourcentage", "pourcentages"],
    number_words: "deux trois quatre cinq six sept huit dix onze douze treize quatorze quinze \
        seize vingt vingts trente quarante cinquante soixante septante huitante octante nonante \
        mille million millions milliard milliards",
    bands: [
        "très facile",
        "facile",
        "plutôt facile",
        "standard",
        "plutôt difficile",
        "difficile",
        "très difficile",
    ],
    school: [
        "CM2 – 5e primaire (10–11 ans)",
        "6e – 6e primaire (11–12 ans)",
        "5e – 1re secondaire (12–13 ans)",
        "4e-3e – 2e-3e secondaire (13–15 ans)",
        "lycée – 4e à 6e secondaire (15–18 ans)",
        "études supérieures",
        "diplômés du supérieur",
    ],
};

pub(super) const DUTCH: Language = Language {
    code: "nl",
    // Douma (1960); see `reading_ease`.
    formula: formula("Flesch–Douma", 206.835, 0.93, 77.0),
    syllables: SyllableRules {
        vowels: "aàáâeéèêiíîoóôuúûy",
        grouping: Grouping::Units(&[
            "eeu", "ieu", "oei", "aai", "ooi", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui",
            "ij", "ei", "au", "ou", "ai", "ey",
        ]),
        hiatus: &[('ë', 'e'), ('ï', 'i'), ('ü', 'u'), ('ö', 'o'), ('ä', 'a')],
        silent_u: &[('q', "")],
        initial_y_consonant: false,
        splits: &[],
        silent_e: &[],
        pronounced: "",
    },
    abbreviations: Abbreviations {
        inner: &[
            "bijv.", "bv.", "d.w.z.", "o.a.", "mevr.", "dhr.", "mr.", "dr.", "drs.", "ir.", "ing.",
            "prof.", "nr.", "blz.", "p.", "zgn.", "m.b.t.", "i.p.v.", "t.o.v.", "m.a.w.", "n.a.v.",
            "vgl.", "incl.", "excl.", "ca.", "resp.", "tel.",
        ],
        may_end: &["enz.", "etc.", "e.d.", "e.a.", "a.u.b."],
        undotted: &[],
    },
    ordinal_dot: false,
    ordinal_suffixes: &["e", "ste", "de"],
    percent_words: &["procent", "procenten", "percentage", "percentages"],
    number_words: "twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien \
        vijftien zestien zeventien achttien negentien twintig dertig veertig vijftig zestig \
        zeventig tachtig negentig honderd duizend miljoen miljard",
    bands: [
        "zeer makkelijk",
        "makkelijk",
        "vrij makkelijk",
        "standaard",
        "vrij moeilijk",
        "moeilijk",
        "zeer moeilijk",
    ],
    school: [
        "groep 7 – 5e leerjaar (10–11 jaar)",
        "groep 8 – 6e leerjaar (11–12 jaar)",
        "brugklas – 1e middelbaar (12–13 jaar)",
        "2e-3e klas – 2e-3e middelbaar (13–15 jaar)",
        "4e-6e klas – 4e-6e middelbaar (15–18 jaar)",
        "hoger onderwijs",
        "afgestudeerden hoger onderwijs",
    ],
};

/// What follows the `i` of English `-ing`, after which it is a syllable of its own (`be-ing`).
pub(super) const ING: &[&str] = &["ng", "ngs"];

pub(super) const ENGLISH: Language = Language {
    code: "en",
    // Flesch (1948); see `reading_ease`.
    formula: formula("Flesch", 206.835, 1.015, 84.6),
    syllables: SyllableRules {
        vowels: "aeiouyéè",
        grouping: Grouping::Runs,
        hiatus: &[],
        silent_u: &[('q', "")],
        initial_y_consonant: true,
        splits: &[
            split("ia", "ctsgx", &[]),
            split("io", "ctsgx", &[]),
            split("iu", "", &[]),
            split("ua", "gq", &[]),
            split("uo", "q", &[]),
            split("ie", "ct", &["r", "rs", "st", "t", "nt", "nts"]),
            split("ai", "", ING),
            split("ei", "", ING),
            split("oi", "", ING),
            split("ui", "", ING),
            split("yi", "", ING),
        ],
        silent_e: &[
            silent("", &["Cl"]),
            silent("s", &["c", "g", "s", "x", "z", "ch", "sh", "Cl"]),
            silent("d", &["t", "d", "Cl"]),
            silent("ly", &[]),
            silent("ment", &["Cl", "el"]),
            silent("ful", &[]),
            silent("less", &[]),
            silent("ness", &[]),
        ],
        pronounced: "",
    },
    abbreviations: Abbreviations {
        inner: &[
            "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Mt.", "Jr.", "Sr.", "e.g.", "i.e.",
            "vs.", "cf.", "approx.", "fig.", "p.", "pp.",
        ],
        may_end: &["etc.", "a.m.", "p.m.", "Inc.", "Ltd.", "Co."],
        undotted: &["Mr", "Mrs", "Ms", "Dr"],
    },
    ordinal_dot: false,
    ordinal_suffixes: &["st", "nd", "rd", "th"],
    percent_words: &["percent", "per cent", "percentage", "percentages"],
    number_words: "two three four five six seven eight nine ten eleven twelve thirteen \
        fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty \
        seventy eighty ninety hundred thousand million billion",
    bands: ENGLISH_BANDS,
    school: ENGLISH_SCHOOL,
};

pub(super) const GERMAN: Language = Language {
    code: "de",
    // Amstad (1978); see `reading_ease`.
    formula: formula("Amstad", 180.0, 1.0, 58.5),
    syllables: SyllableRules {
        vowels: "aäeéioöuüy",
        grouping: Grouping::Units(&[
            "äu", "eu", "ei", "ey", "ai", "ay", "au", "ie", "aa", "ee", "oo",
        ]),
        hiatus: &[],
        silent_u: &[('q', "")],
        initial_y_consonant: false,
        splits: &[split("ie", "", &["n"])],
        silent_e: &[],
        pronounced: "",
    },
    abbreviations: Abbreviations {
        inner: &[
            "z.B.", "z. B.", "d.h.", "d. h.", "u.a.", "u. a.", "bzw.", "ca.", "Nr.", "Hr.", "Fr.",
            "Dr.", "Prof.", "vgl.", "inkl.", "ggf.", "evtl.", "bzgl.", "Tel.", "Str.", "geb.",
            "sog.", "S.",
        ],
        may_end: &[
            "usw.", "etc.", "u.Ä.", "u. Ä.", "o.Ä.", "o. Ä.", "u.v.m.", "u. v. m.",
        ],
        undotted: &[],
    },
    ordinal_dot: true,
    ordinal_suffixes: &[],
    percent_words: &["Prozent", "prozentual", "Prozentsatz"],
    number_words: "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn \
        fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig dreißig vierzig fünfzig sechzig \
        siebzig achtzig neunzig hundert tausend million millionen",
    bands: [
        "sehr leicht",
        "leicht",
        "mittelleicht",
        "mittel",
        "mittelschwer",
        "schwer",
        "sehr schwer",
    ],
    school: [
        "5. Klasse (10–11 Jahre)",
        "6. Klasse (11–12 Jahre)",
        "7. Klasse (12–13 Jahre)",
        "8.–9. Klasse (13–15 Jahre)",
        "10.–12. Klasse (15–18 Jahre)",
        "Studium",
        "Hochschulabschluss",
    ],
};

/// Another language: vowel runs, no abbreviations, no score.
pub(super) static GENERIC: Language = Language {
    code: "",
    formula: None,
    syllables: SyllableRules {
        vowels: "aàáâãäåæeèéêëiìíîïoòóôõöøœuùúûüyýÿ",
        grouping: Grouping::Runs,
        hiatus: &[],
        silent_u: &[],
        initial_y_consonant: false,
        splits: &[],
        silent_e: &[],
        pronounced: "",
    },
    abbreviations: Abbreviations {
        inner: &[],
        may_end: &[],
        undotted: &[],
    },
    ordinal_dot: false,
    ordinal_suffixes: &[],
    percent_words: &[],
    number_words: "",
    bands: ENGLISH_BANDS,
    school: ENGLISH_SCHOOL,
};
