//! The easy-to-read checks, and texts that try to break them.

use super::*;

// ------------------------------------------------------------------------------------------
// Easy-to-read checks
// ------------------------------------------------------------------------------------------

#[test]
fn long_sentences_are_listed_with_their_start() {
    let long = "Pour créer un mot de passe solide, il faut choisir plusieurs mots sans lien \
                entre eux et les mélanger avec des chiffres et des symboles variés.";
    let block = format!("Bonjour. {long}");
    let analysis = analyse("fr", &["Titre court", &block], &Limits::default());
    assert_eq!(
        analysis.long_sentences,
        [LongSentence {
            block: 1,
            offset: 9,
            words: 26,
            start: "Pour créer un mot de passe solide, il".to_string(),
        }]
    );
    let strict = Limits {
        max_sentence_words: 26,
        ..Limits::default()
    };
    assert!(
        analyse("fr", &["Titre court", &block], &strict)
            .long_sentences
            .is_empty()
    );
}

#[test]
fn long_words_are_listed_so_that_a_glossary_can_excuse_them() {
    let text = "Activez l'authentification à deux facteurs sur votre ordinateur.";
    let analysis = analyse("fr", &[text], &Limits::default());
    let long: Vec<(&str, usize, usize, usize)> = analysis
        .long_words
        .iter()
        .map(|w| (w.word.as_str(), w.offset, w.letters, w.syllables))
        .collect();
    assert_eq!(
        long,
        [("authentification", 10, 16, 6), ("ordinateur", 54, 10, 4)]
    );
    assert_eq!(&text[54..64], "ordinateur");
    let glossary = ["ordinateur", "ordinateurs"];
    let left = analysis
        .long_words
        .iter()
        .filter(|w| !glossary.contains(&w.word.to_lowercase().as_str()));
    assert_eq!(left.count(), 1);
}

#[test]
fn long_compounds_are_long_by_their_letters() {
    let analysis = analyse(
        "nl",
        &["Gebruik een wachtwoordbeheerder."],
        &Limits::default(),
    );
    let word = &analysis.long_words[0];
    assert_eq!(
        (word.word.as_str(), word.letters, word.syllables),
        ("wachtwoordbeheerder", 19, 5)
    );
    let hyphenated = analyse(
        "nl",
        &["Gebruik een wachtwoord-beheerder."],
        &Limits::default(),
    );
    assert!(hyphenated.long_words.is_empty());
}

#[test]
fn roman_numerals() {
    assert_eq!(
        findings(
            "fr",
            "Au XXIe siècle, Louis XIV lit le chapitre III. Il a un CD et un CV."
        ),
        expected(&[
            (Rule::RomanNumeral, "XXIe"),
            (Rule::RomanNumeral, "XIV"),
            (Rule::RomanNumeral, "III"),
            (Rule::Initials, "CD"),
            (Rule::Initials, "CV"),
        ])
    );
    assert_eq!(
        findings("en", "Henry VIII lived in the XVIth century. I am here."),
        expected(&[(Rule::RomanNumeral, "VIII"), (Rule::RomanNumeral, "XVIth"),])
    );
    assert_eq!(
        findings("fr", "Le IIII et le VV ne sont pas romains. Le chat."),
        expected(&[(Rule::Initials, "IIII"), (Rule::Initials, "VV"),])
    );
}

#[test]
fn percentages_and_numbers_in_words() {
    assert_eq!(
        findings(
            "fr",
            "Environ 50 % des gens et 20% des autres, soit dix pour cent."
        ),
        expected(&[
            (Rule::Percentage, "50 %"),
            (Rule::Percentage, "20%"),
            (Rule::NumberInWords, "dix"),
            (Rule::Percentage, "pour cent"),
        ])
    );
    assert_eq!(
        findings("en", "Use twenty-five letters or two words, one by one."),
        expected(&[
            (Rule::NumberInWords, "twenty-five"),
            (Rule::NumberInWords, "two")
        ])
    );
    assert_eq!(
        findings("nl", "Dat is 100 procent veilig."),
        expected(&[(Rule::Percentage, "procent")])
    );
    assert_eq!(
        findings("de", "Zehn Prozent."),
        expected(&[(Rule::NumberInWords, "Zehn"), (Rule::Percentage, "Prozent"),])
    );
}

#[test]
fn capitals_and_initials() {
    assert_eq!(
        findings(
            "fr",
            "ATTENTION : ne donnez JAMAIS votre code PIN. NE PAS partager."
        ),
        expected(&[
            (Rule::Capitals, "ATTENTION"),
            (Rule::Capitals, "JAMAIS"),
            (Rule::Initials, "PIN"),
            (Rule::Capitals, "NE PAS"),
        ])
    );
}

#[test]
fn abbreviations() {
    assert_eq!(
        findings(
            "fr",
            "Utilisez p. ex. un gestionnaire, etc. Mme Martin vous aide. La S.N.C.F. aussi."
        ),
        expected(&[
            (Rule::Abbreviation, "p. ex."),
            (Rule::Abbreviation, "etc."),
            (Rule::Abbreviation, "Mme"),
            (Rule::Abbreviation, "S.N.C.F."),
        ])
    );
    assert_eq!(
        findings("nl", "Gebruik bijv. 12 tekens, d.w.z. een lange zin."),
        expected(&[
            (Rule::Abbreviation, "bijv."),
            (Rule::Abbreviation, "d.w.z.")
        ])
    );
    assert_eq!(
        findings("de", "Nutzen Sie z. B. einen Manager."),
        expected(&[(Rule::Abbreviation, "z. B.")])
    );
    assert_eq!(
        findings("en", "See www.e.g.com and Dr. Who."),
        expected(&[(Rule::Abbreviation, "Dr.")])
    );
}

#[test]
fn special_characters_outside_addresses() {
    assert_eq!(
        findings(
            "fr",
            "Mélangez # et && dans le mot. Voir https://exemple.fr/#aide?a=1&b=2"
        ),
        expected(&[
            (Rule::SpecialCharacter, "#"),
            (Rule::SpecialCharacter, "&&")
        ])
    );
}

#[test]
fn findings_keep_their_block_and_offset() {
    let blocks = ["Rien.", "Texte.\n\nLe 50 % restant."];
    let analysis = analyse("fr", &blocks, &Limits::default());
    let finding = &analysis.findings[0];
    assert_eq!(
        (finding.block, finding.offset, finding.text.as_str()),
        (1, 11, "50 %")
    );
    assert_eq!(
        &blocks[1][finding.offset..finding.offset + finding.text.len()],
        "50 %"
    );
}

#[test]
fn every_rule_names_its_guideline() {
    let rules = [
        Rule::RomanNumeral,
        Rule::Percentage,
        Rule::NumberInWords,
        Rule::Capitals,
        Rule::Initials,
        Rule::Abbreviation,
        Rule::SpecialCharacter,
    ];
    for rule in rules {
        assert!(rule.guideline().len() > 30, "{rule:?}");
    }
}

#[test]
fn roman_numerals_are_read_in_standard_form_only() {
    assert_eq!(roman_value("XIV"), Some(14));
    assert_eq!(roman_value("MCMXCIX"), Some(1999));
    assert_eq!(roman_value("IIII"), None);
    assert_eq!(roman_value("IL"), None);
    assert_eq!(roman_value(""), None);
}

// ------------------------------------------------------------------------------------------
// Robustness
// ------------------------------------------------------------------------------------------

/// Pseudo-random texts of tricky characters (a fixed linear congruential generator, so that a
/// failure repeats).
fn tricky_texts(count: usize) -> Vec<String> {
    const PIECES: [&str; 40] = [
        "a", "é", "ë", "ï", "Ü", "A", "Z", "M", "p", "x", "3", "12", ".", "!", "?", "…", "...",
        ",", ":", "'", "’", "«", "»", "\"", "(", ")", "-", "—", " ", " ", "\n", "\n\n", "\u{a0}",
        "\u{202f}", "\u{2029}", "%", "#", "@", "www.", "etc.",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    (0..count)
        .map(|_| {
            (0..next() % 60)
                .map(|_| PIECES[next() % PIECES.len()])
                .collect()
        })
        .collect()
}

#[test]
fn any_text_gives_places_that_slice_it_and_keeps_every_word() {
    let texts = tricky_texts(1500);
    for lang in ["fr", "nl", "en", "de", "xx"] {
        for text in &texts {
            let blocks = [text.as_str()];
            let analysis = analyse(
                lang,
                &blocks,
                &Limits {
                    max_sentence_words: 2,
                    ..Limits::default()
                },
            );
            assert_eq!(analysis.words, count_words(text), "{lang} {text:?}");
            for sentence in sentences(lang, &blocks) {
                assert!(!sentence.text(&blocks).trim().is_empty(), "{lang} {text:?}");
            }
            for finding in &analysis.findings {
                assert!(
                    text[finding.offset..].starts_with(&finding.text),
                    "{lang} {text:?}"
                );
            }
            for word in &analysis.long_words {
                assert!(
                    text[word.offset..].starts_with(&word.word),
                    "{lang} {text:?}"
                );
            }
            for long in &analysis.long_sentences {
                assert!(
                    text[long.offset..].starts_with(&long.start),
                    "{lang} {text:?}"
                );
            }
        }
    }
}
