//! Where a place is, from its postcode: the French département and région, the Belgian
//! province and region. The directory is split along them, so that no page lists thousands of
//! places. French names are the same in every language; Belgian ones are given in French,
//! Dutch and English, and in the region's own language for the others.

/// A région of France or of Belgium.
#[derive(Debug, PartialEq, Eq)]
pub struct Region {
    /// The last part of its address (`auvergne-rhone-alpes`).
    pub slug: &'static str,
    /// Its names in French, Dutch, English, and in its own language.
    pub names: Names,
}

/// A French département or a Belgian province.
#[derive(Debug, PartialEq, Eq)]
pub struct District {
    /// Its code (`69`, `2A`, `971`, `VAN`).
    pub code: &'static str,
    /// The last part of its address (`69-rhone`, `antwerpen`).
    pub slug: &'static str,
    /// Its names.
    pub names: Names,
    /// Its région.
    pub region: &'static Region,
}

/// A name in French, Dutch and English, and in the place's own language for the others.
#[derive(Debug, PartialEq, Eq)]
pub struct Names {
    fr: &'static str,
    nl: &'static str,
    en: &'static str,
    local: &'static str,
}

impl Names {
    /// The same name in every language.
    const fn same(name: &'static str) -> Names {
        Names {
            fr: name,
            nl: name,
            en: name,
            local: name,
        }
    }

    /// The name in `lang`.
    pub fn get(&self, lang: &str) -> &'static str {
        match lang {
            "fr" => self.fr,
            "nl" => self.nl,
            "en" => self.en,
            _ => self.local,
        }
    }
}

macro_rules! region {
    ($name:ident, $slug:literal, $fr:literal) => {
        static $name: Region = Region {
            slug: $slug,
            names: Names::same($fr),
        };
    };
    ($name:ident, $slug:literal, $fr:literal, $nl:literal, $en:literal, $local:literal) => {
        static $name: Region = Region {
            slug: $slug,
            names: Names {
                fr: $fr,
                nl: $nl,
                en: $en,
                local: $local,
            },
        };
    };
}

region!(ARA, "auvergne-rhone-alpes", "Auvergne-Rhône-Alpes");
region!(BFC, "bourgogne-franche-comte", "Bourgogne-Franche-Comté");
region!(BRE, "bretagne", "Bretagne");
region!(CVL, "centre-val-de-loire", "Centre-Val de Loire");
region!(COR, "corse", "Corse");
region!(GES, "grand-est", "Grand Est");
region!(HDF, "hauts-de-france", "Hauts-de-France");
region!(IDF, "ile-de-france", "Île-de-France");
region!(NOR, "normandie", "Normandie");
region!(NAQ, "nouvelle-aquitaine", "Nouvelle-Aquitaine");
region!(OCC, "occitanie", "Occitanie");
region!(PDL, "pays-de-la-loire", "Pays de la Loire");
region!(
    PAC,
    "provence-alpes-cote-d-azur",
    "Provence-Alpes-Côte d'Azur"
);
region!(GUA, "guadeloupe", "Guadeloupe");
region!(MTQ, "martinique", "Martinique");
region!(GUF, "guyane", "Guyane");
region!(REU, "la-reunion", "La Réunion");
region!(MAY, "mayotte", "Mayotte");
region!(
    COM,
    "collectivites-d-outre-mer",
    "Collectivités d'outre-mer"
);
region!(
    BRU,
    "bruxelles-capitale",
    "Région de Bruxelles-Capitale",
    "Brussels Hoofdstedelijk Gewest",
    "Brussels-Capital Region",
    "Bruxelles-Capitale / Brussel-Hoofdstad"
);
region!(
    VLG,
    "vlaanderen",
    "Flandre",
    "Vlaanderen",
    "Flanders",
    "Vlaanderen"
);
region!(
    WAL,
    "wallonie",
    "Wallonie",
    "Wallonië",
    "Wallonia",
    "Wallonie"
);

/// A French département: code, name, région.
const fn department(
    code: &'static str,
    slug: &'static str,
    name: &'static str,
    region: &'static Region,
) -> District {
    District {
        code,
        slug,
        names: Names::same(name),
        region,
    }
}

/// A Belgian province: code, names, region.
const fn province(
    code: &'static str,
    slug: &'static str,
    [fr, nl, en, local]: [&'static str; 4],
    region: &'static Region,
) -> District {
    District {
        code,
        slug,
        names: Names { fr, nl, en, local },
        region,
    }
}

/// The départements of France, overseas included.
static DEPARTMENTS: [District; 107] = [
    department("01", "01-ain", "Ain", &ARA),
    department("02", "02-aisne", "Aisne", &HDF),
    department("03", "03-allier", "Allier", &ARA),
    department(
        "04",
        "04-alpes-de-haute-provence",
        "Alpes-de-Haute-Provence",
        &PAC,
    ),
    department("05", "05-hautes-alpes", "Hautes-Alpes", &PAC),
    department("06", "06-alpes-maritimes", "Alpes-Maritimes", &PAC),
    department("07", "07-ardeche", "Ardèche", &ARA),
    department("08", "08-ardennes", "Ardennes", &GES),
    department("09", "09-ariege", "Ariège", &OCC),
    department("10", "10-aube", "Aube", &GES),
    department("11", "11-aude", "Aude", &OCC),
    department("12", "12-aveyron", "Aveyron", &OCC),
    department("13", "13-bouches-du-rhone", "Bouches-du-Rhône", &PAC),
    department("14", "14-calvados", "Calvados", &NOR),
    department("15", "15-cantal", "Cantal", &ARA),
    department("16", "16-charente", "Charente", &NAQ),
    department("17", "17-charente-maritime", "Charente-Maritime", &NAQ),
    department("18", "18-cher", "Cher", &CVL),
    department("19", "19-correze", "Corrèze", &NAQ),
    department("2A", "2a-corse-du-sud", "Corse-du-Sud", &COR),
    department("2B", "2b-haute-corse", "Haute-Corse", &COR),
    department("21", "21-cote-d-or", "Côte-d'Or", &BFC),
    department("22", "22-cotes-d-armor", "Côtes-d'Armor", &BRE),
    department("23", "23-creuse", "Creuse", &NAQ),
    department("24", "24-dordogne", "Dordogne", &NAQ),
    department("25", "25-doubs", "Doubs", &BFC),
    department("26", "26-drome", "Drôme", &ARA),
    department("27", "27-eure", "Eure", &NOR),
    department("28", "28-eure-et-loir", "Eure-et-Loir", &CVL),
    department("29", "29-finistere", "Finistère", &BRE),
    department("30", "30-gard", "Gard", &OCC),
    department("31", "31-haute-garonne", "Haute-Garonne", &OCC),
    department("32", "32-gers", "Gers", &OCC),
    department("33", "33-gironde", "Gironde", &NAQ),
    department("34", "34-herault", "Hérault", &OCC),
    department("35", "35-ille-et-vilaine", "Ille-et-Vilaine", &BRE),
    department("36", "36-indre", "Indre", &CVL),
    department("37", "37-indre-et-loire", "Indre-et-Loire", &CVL),
    department("38", "38-isere", "Isère", &ARA),
    department("39", "39-jura", "Jura", &BFC),
    department("40", "40-landes", "Landes", &NAQ),
    department("41", "41-loir-et-cher", "Loir-et-Cher", &CVL),
    department("42", "42-loire", "Loire", &ARA),
    department("43", "43-haute-loire", "Haute-Loire", &ARA),
    department("44", "44-loire-atlantique", "Loire-Atlantique", &PDL),
    department("45", "45-loiret", "Loiret", &CVL),
    department("46", "46-lot", "Lot", &OCC),
    department("47", "47-lot-et-garonne", "Lot-et-Garonne", &NAQ),
    department("48", "48-lozere", "Lozère", &OCC),
    department("49", "49-maine-et-loire", "Maine-et-Loire", &PDL),
    department("50", "50-manche", "Manche", &NOR),
    department("51", "51-marne", "Marne", &GES),
    department("52", "52-haute-marne", "Haute-Marne", &GES),
    department("53", "53-mayenne", "Mayenne", &PDL),
    department("54", "54-meurthe-et-moselle", "Meurthe-et-Moselle", &GES),
    department("55", "55-meuse", "Meuse", &GES),
    department("56", "56-morbihan", "Morbihan", &BRE),
    department("57", "57-moselle", "Moselle", &GES),
    department("58", "58-nievre", "Nièvre", &BFC),
    department("59", "59-nord", "Nord", &HDF),
    department("60", "60-oise", "Oise", &HDF),
    department("61", "61-orne", "Orne", &NOR),
    department("62", "62-pas-de-calais", "Pas-de-Calais", &HDF),
    department("63", "63-puy-de-dome", "Puy-de-Dôme", &ARA),
    department(
        "64",
        "64-pyrenees-atlantiques",
        "Pyrénées-Atlantiques",
        &NAQ,
    ),
    department("65", "65-hautes-pyrenees", "Hautes-Pyrénées", &OCC),
    department("66", "66-pyrenees-orientales", "Pyrénées-Orientales", &OCC),
    department("67", "67-bas-rhin", "Bas-Rhin", &GES),
    department("68", "68-haut-rhin", "Haut-Rhin", &GES),
    department("69", "69-rhone", "Rhône", &ARA),
    department("70", "70-haute-saone", "Haute-Saône", &BFC),
    department("71", "71-saone-et-loire", "Saône-et-Loire", &BFC),
    department("72", "72-sarthe", "Sarthe", &PDL),
    department("73", "73-savoie", "Savoie", &ARA),
    department("74", "74-haute-savoie", "Haute-Savoie", &ARA),
    department("75", "75-paris", "Paris", &IDF),
    department("76", "76-seine-maritime", "Seine-Maritime", &NOR),
    department("77", "77-seine-et-marne", "Seine-et-Marne", &IDF),
    department("78", "78-yvelines", "Yvelines", &IDF),
    department("79", "79-deux-sevres", "Deux-Sèvres", &NAQ),
    department("80", "80-somme", "Somme", &HDF),
    department("81", "81-tarn", "Tarn", &OCC),
    department("82", "82-tarn-et-garonne", "Tarn-et-Garonne", &OCC),
    department("83", "83-var", "Var", &PAC),
    department("84", "84-vaucluse", "Vaucluse", &PAC),
    department("85", "85-vendee", "Vendée", &PDL),
    department("86", "86-vienne", "Vienne", &NAQ),
    department("87", "87-haute-vienne", "Haute-Vienne", &NAQ),
    department("88", "88-vosges", "Vosges", &GES),
    department("89", "89-yonne", "Yonne", &BFC),
    department(
        "90",
        "90-territoire-de-belfort",
        "Territoire de Belfort",
        &BFC,
    ),
    department("91", "91-essonne", "Essonne", &IDF),
    department("92", "92-hauts-de-seine", "Hauts-de-Seine", &IDF),
    department("93", "93-seine-saint-denis", "Seine-Saint-Denis", &IDF),
    department("94", "94-val-de-marne", "Val-de-Marne", &IDF),
    department("95", "95-val-d-oise", "Val-d'Oise", &IDF),
    department("971", "971-guadeloupe", "Guadeloupe", &GUA),
    department("972", "972-martinique", "Martinique", &MTQ),
    department("973", "973-guyane", "Guyane", &GUF),
    department("974", "974-la-reunion", "La Réunion", &REU),
    department(
        "975",
        "975-saint-pierre-et-miquelon",
        "Saint-Pierre-et-Miquelon",
        &COM,
    ),
    department("976", "976-mayotte", "Mayotte", &MAY),
    department("977", "977-saint-barthelemy", "Saint-Barthélemy", &COM),
    department("978", "978-saint-martin", "Saint-Martin", &COM),
    department("986", "986-wallis-et-futuna", "Wallis-et-Futuna", &COM),
    department(
        "987",
        "987-polynesie-francaise",
        "Polynésie française",
        &COM,
    ),
    department("988", "988-nouvelle-caledonie", "Nouvelle-Calédonie", &COM),
];

/// The provinces of Belgium, and the Brussels-Capital Region, which has none.
static PROVINCES: [District; 11] = [
    province(
        "BRU",
        "bruxelles-brussel",
        [
            "Bruxelles-Capitale",
            "Brussel-Hoofdstad",
            "Brussels-Capital",
            "Bruxelles-Capitale / Brussel-Hoofdstad",
        ],
        &BRU,
    ),
    province(
        "WBR",
        "brabant-wallon",
        [
            "Brabant wallon",
            "Waals-Brabant",
            "Walloon Brabant",
            "Brabant wallon",
        ],
        &WAL,
    ),
    province(
        "VBR",
        "vlaams-brabant",
        [
            "Brabant flamand",
            "Vlaams-Brabant",
            "Flemish Brabant",
            "Vlaams-Brabant",
        ],
        &VLG,
    ),
    province(
        "VAN",
        "antwerpen",
        ["Anvers", "Antwerpen", "Antwerp", "Antwerpen"],
        &VLG,
    ),
    province(
        "VLI",
        "limburg",
        ["Limbourg", "Limburg", "Limburg", "Limburg"],
        &VLG,
    ),
    province("WLG", "liege", ["Liège", "Luik", "Liège", "Liège"], &WAL),
    province("WNA", "namur", ["Namur", "Namen", "Namur", "Namur"], &WAL),
    province(
        "WHT",
        "hainaut",
        ["Hainaut", "Henegouwen", "Hainaut", "Hainaut"],
        &WAL,
    ),
    province(
        "WLX",
        "luxembourg-belge",
        ["Luxembourg", "Luxemburg", "Luxembourg", "Luxembourg"],
        &WAL,
    ),
    province(
        "VWV",
        "west-vlaanderen",
        [
            "Flandre-Occidentale",
            "West-Vlaanderen",
            "West Flanders",
            "West-Vlaanderen",
        ],
        &VLG,
    ),
    province(
        "VOV",
        "oost-vlaanderen",
        [
            "Flandre-Orientale",
            "Oost-Vlaanderen",
            "East Flanders",
            "Oost-Vlaanderen",
        ],
        &VLG,
    ),
];

/// The Belgian postcodes of each province: first, last, and the province's place in
/// [`PROVINCES`].
const POSTCODES: [(u16, u16, usize); 13] = [
    (1000, 1299, 0),
    (1300, 1499, 1),
    (1500, 1999, 2),
    (2000, 2999, 3),
    (3000, 3499, 2),
    (3500, 3999, 4),
    (4000, 4999, 5),
    (5000, 5999, 6),
    (6000, 6599, 7),
    (6600, 6999, 8),
    (7000, 7999, 7),
    (8000, 8999, 9),
    (9000, 9999, 10),
];

/// The département or province of a place in the country `code` at `postcode`, when known.
pub fn district(code: &str, postcode: &str) -> Option<&'static District> {
    match code {
        "FR" => french_department(postcode),
        "BE" => {
            let number: u16 = postcode.trim().parse().ok()?;
            POSTCODES
                .iter()
                .find(|(first, last, _)| (*first..=*last).contains(&number))
                .map(|(_, _, province)| &PROVINCES[*province])
        }
        _ => None,
    }
}

/// The département of a French postcode: its first two digits, three overseas, and Corsica's
/// 2A (20000 to 20199) and 2B (20200 to 20699).
fn french_department(postcode: &str) -> Option<&'static District> {
    let postcode = postcode.trim();
    let code = match postcode.get(..2)? {
        "97" | "98" => postcode.get(..3)?,
        "20" => match postcode.get(..3)?.parse::<u16>().ok()? {
            200..=201 => "2A",
            _ => "2B",
        },
        two => two,
    };
    DEPARTMENTS.iter().find(|d| d.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postcodes_give_their_department_and_region() {
        let lyon = district("FR", "69003").unwrap();
        assert_eq!(
            (lyon.slug, lyon.region.slug),
            ("69-rhone", "auvergne-rhone-alpes")
        );
        assert_eq!(district("FR", "20090").unwrap().code, "2A");
        assert_eq!(district("FR", "20200").unwrap().code, "2B");
        assert_eq!(
            district("FR", "97411").unwrap().names.get("nl"),
            "La Réunion"
        );
        assert!(district("FR", "98000").is_none(), "Monaco is not France");
        let gent = district("BE", "9000").unwrap();
        assert_eq!(gent.names.get("fr"), "Flandre-Orientale");
        assert_eq!(gent.region.names.get("nl"), "Vlaanderen");
        assert_eq!(
            district("BE", "1060").unwrap().region.slug,
            "bruxelles-capitale"
        );
        assert!(std::ptr::eq(
            district("BE", "1500").unwrap(),
            district("BE", "3000").unwrap()
        ));
        assert!(district("LU", "1009").is_none());
    }

    #[test]
    fn every_department_has_its_own_address() {
        let mut slugs: Vec<&str> = DEPARTMENTS.iter().map(|d| d.slug).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), DEPARTMENTS.len());
        assert!(
            DEPARTMENTS
                .iter()
                .all(|d| d.slug.starts_with(&d.code.to_lowercase()))
        );
    }
}
