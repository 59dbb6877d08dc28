//! The enumerated values of the national standard, spelt exactly as its schema's patterns
//! require, each with a short id (which places, filters and `continue_at:` use) and its
//! names in French, Dutch and English. `places/directory.yaml` may rename any of them.

/// One allowed value of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Value {
    /// The value as the standard spells it.
    pub text: &'static str,
    /// Its id in the directory.
    pub id: &'static str,
    /// Its names in French, Dutch and English.
    pub names: [&'static str; 3],
}

const fn value(text: &'static str, id: &'static str, names: [&'static str; 3]) -> Value {
    Value { text, id, names }
}

/// `services`: what a place helps with.
pub const SERVICES: [Value; 9] = [
    value(
        "Aide aux démarches administratives",
        "demarches",
        [
            "Aide aux démarches administratives",
            "Hulp bij administratieve zaken",
            "Help with official paperwork",
        ],
    ),
    value(
        "Maîtrise des outils numériques du quotidien",
        "outils-quotidien",
        [
            "Maîtrise des outils numériques du quotidien",
            "Digitale hulpmiddelen in het dagelijks leven",
            "Everyday digital tools",
        ],
    ),
    value(
        "Insertion professionnelle via le numérique",
        "emploi",
        [
            "Insertion professionnelle via le numérique",
            "Werk vinden met digitale hulpmiddelen",
            "Finding work with digital tools",
        ],
    ),
    value(
        "Utilisation sécurisée du numérique",
        "securite",
        [
            "Utilisation sécurisée du numérique",
            "Veilig online",
            "Staying safe online",
        ],
    ),
    value(
        "Parentalité et éducation avec le numérique",
        "parentalite",
        [
            "Parentalité et éducation avec le numérique",
            "Ouderschap en opvoeding in een digitale wereld",
            "Parenting and education in a digital world",
        ],
    ),
    value(
        "Loisirs et créations numériques",
        "loisirs",
        [
            "Loisirs et créations numériques",
            "Digitale vrije tijd en creativiteit",
            "Digital leisure and creativity",
        ],
    ),
    value(
        "Compréhension du monde numérique",
        "comprendre",
        [
            "Compréhension du monde numérique",
            "De digitale wereld begrijpen",
            "Understanding the digital world",
        ],
    ),
    value(
        "Accès internet et matériel informatique",
        "acces-materiel",
        [
            "Accès internet et matériel informatique",
            "Toegang tot internet en computers",
            "Internet and computer access",
        ],
    ),
    value(
        "Acquisition de matériel informatique à prix solidaire",
        "materiel-solidaire",
        [
            "Acquisition de matériel informatique à prix solidaire",
            "Computers aan sociaal tarief",
            "Low-cost computers",
        ],
    ),
];

/// `publics_specifiquement_adresses`: the audiences a place welcomes in particular.
pub const AUDIENCES: [Value; 5] = [
    value("Jeunes", "jeunes", ["Jeunes", "Jongeren", "Young people"]),
    value(
        "Étudiants",
        "etudiants",
        ["Étudiants", "Studenten", "Students"],
    ),
    value(
        "Familles et/ou enfants",
        "familles",
        [
            "Familles et enfants",
            "Gezinnen en kinderen",
            "Families and children",
        ],
    ),
    value(
        "Seniors",
        "seniors",
        ["Seniors", "Senioren", "Older people"],
    ),
    value("Femmes", "femmes", ["Femmes", "Vrouwen", "Women"]),
];

/// `prise_en_charge_specifique`: specific needs a place can support.
pub const SUPPORT: [Value; 7] = [
    value(
        "Surdité",
        "surdite",
        [
            "Surdité",
            "Doven en slechthorenden",
            "Deaf and hard of hearing",
        ],
    ),
    value(
        "Handicaps moteurs",
        "handicap-moteur",
        [
            "Handicaps moteurs",
            "Motorische beperking",
            "Physical disabilities",
        ],
    ),
    value(
        "Handicaps mentaux",
        "handicap-mental",
        [
            "Handicaps mentaux",
            "Verstandelijke beperking",
            "Intellectual disabilities",
        ],
    ),
    value(
        "Illettrisme",
        "illettrisme",
        ["Illettrisme", "Laaggeletterdheid", "Low literacy"],
    ),
    value(
        "Langues étrangères (anglais)",
        "langue-anglais",
        [
            "Langues étrangères (anglais)",
            "Hulp in het Engels",
            "Help in English",
        ],
    ),
    value(
        "Langues étrangères (autres)",
        "langues-autres",
        [
            "Langues étrangères (autres)",
            "Hulp in andere talen",
            "Help in other languages",
        ],
    ),
    value(
        "Déficience visuelle",
        "deficience-visuelle",
        [
            "Déficience visuelle",
            "Blinden en slechtzienden",
            "Blind and partially sighted",
        ],
    ),
];

/// `frais_a_charge`: what it costs.
pub const FEES: [Value; 3] = [
    value("Gratuit", "gratuit", ["Gratuit", "Gratis", "Free"]),
    value(
        "Gratuit sous condition",
        "gratuit-sous-condition",
        [
            "Gratuit sous condition",
            "Gratis onder voorwaarden",
            "Free under conditions",
        ],
    ),
    value("Payant", "payant", ["Payant", "Betalend", "Paid"]),
];

/// `itinerance`: whether the place moves.
pub const MOBILITY: [Value; 2] = [
    value("Itinérant", "itinerant", ["Itinérant", "Mobiel", "Mobile"]),
    value("Fixe", "fixe", ["Fixe", "Vaste locatie", "Fixed location"]),
];

/// `dispositif_programmes_nationaux`: national schemes the place belongs to.
pub const SCHEMES: [Value; 11] = [
    value(
        "Aidants Connect",
        "aidants-connect",
        [
            "Aidants Connect",
            "Aidants Connect (gemachtigde helpers)",
            "Aidants Connect (authorised helpers)",
        ],
    ),
    value(
        "Bibliothèques numérique de référence",
        "bnr",
        [
            "Bibliothèque numérique de référence",
            "Digitale referentiebibliotheek",
            "Digital reference library",
        ],
    ),
    value(
        "Certification PIX",
        "pix",
        [
            "Certification PIX",
            "PIX-certificering",
            "PIX certification",
        ],
    ),
    value(
        "Conseillers numériques",
        "conseillers-numeriques",
        [
            "Conseillers numériques",
            "Digitale adviseurs",
            "Digital advisers",
        ],
    ),
    value(
        "Emmaüs Connect",
        "emmaus-connect",
        ["Emmaüs Connect", "Emmaüs Connect", "Emmaüs Connect"],
    ),
    value(
        "France Services",
        "france-services",
        [
            "France Services",
            "France Services (overheidsloket)",
            "France Services (public service desk)",
        ],
    ),
    value(
        "Grande école du numérique",
        "grande-ecole-numerique",
        [
            "Grande école du numérique",
            "Grande École du Numérique (digitale opleidingen)",
            "Grande École du Numérique (digital training)",
        ],
    ),
    value(
        "La Croix Rouge",
        "croix-rouge",
        ["La Croix-Rouge", "Rode Kruis", "Red Cross"],
    ),
    value(
        "Point d'accès numérique CAF",
        "point-numerique-caf",
        [
            "Point d'accès numérique CAF",
            "Digitaal steunpunt van de CAF (kinderbijslag)",
            "CAF digital access point (family benefits)",
        ],
    ),
    value(
        "Promeneurs du net",
        "promeneurs-du-net",
        [
            "Promeneurs du Net",
            "Promeneurs du Net (online jongerenwerk)",
            "Promeneurs du Net (online youth work)",
        ],
    ),
    value(
        "Relais numérique (Emmaüs Connect)",
        "relais-emmaus-connect",
        [
            "Relais numérique (Emmaüs Connect)",
            "Digitaal steunpunt (Emmaüs Connect)",
            "Digital relay (Emmaüs Connect)",
        ],
    ),
];

/// `formations_labels`: training and labels of the people who help.
pub const LABELS: [Value; 10] = [
    value(
        "Formé à « Mon Espace Santé »",
        "mon-espace-sante",
        [
            "Formé à « Mon Espace Santé »",
            "Opgeleid voor Mon Espace Santé (online medisch dossier)",
            "Trained on Mon Espace Santé (online health record)",
        ],
    ),
    value(
        "Formé à « DUPLEX » (illettrisme)",
        "duplex",
        [
            "Formé à DUPLEX (illettrisme)",
            "Opgeleid in DUPLEX (laaggeletterdheid)",
            "Trained in DUPLEX (low literacy)",
        ],
    ),
    value(
        "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
        "arnia-mednum-bfc",
        [
            "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
            "Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
            "Arnia/MedNum BFC (Burgundy-Franche-Comté)",
        ],
    ),
    value(
        "Collectif ressources et acteurs réemploi (Normandie)",
        "reemploi-normandie",
        [
            "Collectif ressources et acteurs réemploi (Normandie)",
            "Collectief hergebruik (Normandië)",
            "Reuse network (Normandy)",
        ],
    ),
    value(
        "Étapes numériques(La Poste)",
        "etapes-numeriques",
        [
            "Étapes numériques (La Poste)",
            "Étapes numériques (La Poste)",
            "Étapes numériques (La Poste)",
        ],
    ),
    value(
        "Fabriques de Territoire",
        "fabriques-de-territoire",
        [
            "Fabriques de Territoire",
            "Fabriques de Territoire (buurthubs)",
            "Fabriques de Territoire (community hubs)",
        ],
    ),
    value(
        "Les Éclaireurs du numérique (Drôme)",
        "eclaireurs-drome",
        [
            "Les Éclaireurs du numérique (Drôme)",
            "Les Éclaireurs du numérique (Drôme)",
            "Les Éclaireurs du numérique (Drôme)",
        ],
    ),
    value(
        "Mes Papiers (Métropole de Lyon)",
        "mes-papiers-lyon",
        [
            "Mes Papiers (Métropole de Lyon)",
            "Mes Papiers (Metropool Lyon)",
            "Mes Papiers (Lyon Metropolis)",
        ],
    ),
    value(
        "ORDI 3.0",
        "ordi-3-0",
        [
            "ORDI 3.0",
            "ORDI 3.0 (label hergebruikte computers)",
            "ORDI 3.0 (refurbished-computer label)",
        ],
    ),
    value(
        "SUD LABS (PACA)",
        "sud-labs",
        ["SUD LABS (PACA)", "SUD LABS (PACA)", "SUD LABS (PACA)"],
    ),
];

/// `modalites_acces`: how to come.
pub const ACCESS: [Value; 6] = [
    value(
        "Se présenter",
        "sur-place",
        ["Se présenter sur place", "Langskomen", "Walk in"],
    ),
    value("Téléphoner", "telephone", ["Téléphoner", "Bellen", "Phone"]),
    value(
        "Contacter par mail",
        "mail",
        ["Contacter par mail", "Mailen", "Email"],
    ),
    value(
        "Prendre un RDV en ligne",
        "rdv-en-ligne",
        [
            "Prendre rendez-vous en ligne",
            "Online een afspraak maken",
            "Book online",
        ],
    ),
    value(
        "Ce lieu n'accueille pas de public",
        "pas-de-public",
        [
            "Ce lieu n'accueille pas de public",
            "Niet open voor publiek",
            "Not open to the public",
        ],
    ),
    value(
        "Envoyer un mail avec une fiche de prescription",
        "prescription",
        [
            "Sur orientation d'un professionnel (fiche de prescription)",
            "Na doorverwijzing (verwijsformulier per e-mail)",
            "By referral (form sent by email)",
        ],
    ),
];

/// `modalites_accompagnement`: how people are helped.
pub const HELP: [Value; 4] = [
    value(
        "En autonomie",
        "autonomie",
        ["En autonomie", "Zelfstandig", "On your own"],
    ),
    value(
        "Accompagnement individuel",
        "individuel",
        [
            "Accompagnement individuel",
            "Individuele begeleiding",
            "One-to-one help",
        ],
    ),
    value(
        "Dans un atelier collectif",
        "atelier",
        ["Atelier collectif", "Groepsworkshop", "Group workshop"],
    ),
    value(
        "À distance",
        "a-distance",
        [
            "À distance",
            "Op afstand (telefoon of video)",
            "Remote (phone or video)",
        ],
    ),
];

/// Every enumerated value, for their names.
pub fn all() -> impl Iterator<Item = &'static Value> {
    SERVICES
        .iter()
        .chain(&AUDIENCES)
        .chain(&SUPPORT)
        .chain(&FEES)
        .chain(&MOBILITY)
        .chain(&SCHEMES)
        .chain(&LABELS)
        .chain(&ACCESS)
        .chain(&HELP)
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<&str> = super::all().map(|v| v.id).collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count);
        assert_eq!(count, 57);
    }
}
