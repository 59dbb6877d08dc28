//! Sentence splitting in French, Dutch, English, German and other languages.

use super::*;

// ------------------------------------------------------------------------------------------
// Sentences: French
// ------------------------------------------------------------------------------------------

#[test]
fn french_titles_do_not_end_sentences() {
    let text = "Bonjour M. Dupont. Comment allez-vous ?";
    assert_eq!(
        texts("fr", &[text]),
        ["Bonjour M. Dupont.", "Comment allez-vous ?"]
    );
}

#[test]
fn french_etc_ends_a_sentence_before_a_capital() {
    let text =
        "Il faut des lettres, des chiffres, etc. Ensuite, on teste. Lettres, etc. et chiffres.";
    assert_eq!(
        texts("fr", &[text]),
        [
            "Il faut des lettres, des chiffres, etc.",
            "Ensuite, on teste.",
            "Lettres, etc. et chiffres."
        ]
    );
}

#[test]
fn french_multi_part_abbreviations_stay_whole() {
    let text = "Prenez un gestionnaire, p. ex. Bitwarden. Notez le code, c.-à-d. Les 6 chiffres.";
    assert_eq!(
        texts("fr", &[text]),
        [
            "Prenez un gestionnaire, p. ex. Bitwarden.",
            "Notez le code, c.-à-d. Les 6 chiffres."
        ]
    );
}

#[test]
fn french_initials_decimals_and_numbers() {
    let text = "Écrivez à J. Dupont. Il a 3,5 ans. Appelez le n° 17. C'est gratuit.";
    assert_eq!(
        texts("fr", &[text]),
        [
            "Écrivez à J. Dupont.",
            "Il a 3,5 ans.",
            "Appelez le n° 17.",
            "C'est gratuit."
        ]
    );
}

#[test]
fn french_spacing_before_punctuation() {
    let text = "Vraiment\u{202f}? Oui\u{a0}! C'est simple\u{a0}: il suffit de cliquer.";
    assert_eq!(
        texts("fr", &[text]),
        [
            "Vraiment\u{202f}?",
            "Oui\u{a0}!",
            "C'est simple\u{a0}: il suffit de cliquer."
        ]
    );
}

#[test]
fn french_quotes_close_the_sentence_and_lower_case_goes_on() {
    let text = "« Tu viens ? » demande-t-il. Non. « Viens ! » Il part.";
    assert_eq!(
        texts("fr", &[text]),
        [
            "« Tu viens ? » demande-t-il.",
            "Non.",
            "« Viens ! »",
            "Il part."
        ]
    );
}

#[test]
fn french_addresses_stay_whole() {
    let text = "Allez sur www.exemple.fr. Écrivez à aide@exemple.be si besoin.";
    let found = sentences("fr", &[text]);
    assert_eq!(
        texts("fr", &[text]),
        [
            "Allez sur www.exemple.fr.",
            "Écrivez à aide@exemple.be si besoin."
        ]
    );
    assert_eq!((found[0].words, found[1].words), (3, 5));
}

#[test]
fn french_ellipses() {
    let text = "Il hésite... puis il clique. Attendez… Voilà.";
    assert_eq!(
        texts("fr", &[text]),
        ["Il hésite... puis il clique.", "Attendez…", "Voilà."]
    );
}

#[test]
fn a_colon_before_a_line_break_does_not_end_a_sentence() {
    let text = "Voici les étapes :\nouvrez le site\net cliquez.";
    assert_eq!(texts("fr", &[text]), [text]);
}

#[test]
fn blocks_and_blank_lines_end_sentences() {
    let blocks = [
        "Un mot de passe",
        "Titre sans point\n\nTexte. Suite.",
        "Ligne\n  \nautre",
    ];
    assert_eq!(
        texts("fr", &blocks),
        [
            "Un mot de passe",
            "Titre sans point",
            "Texte.",
            "Suite.",
            "Ligne",
            "autre"
        ]
    );
    let found = sentences("fr", &blocks);
    let places: Vec<(usize, usize)> = found.iter().map(|s| (s.block, s.offset)).collect();
    assert_eq!(places, [(0, 0), (1, 0), (1, 18), (1, 25), (2, 0), (2, 9)]);
}

#[test]
fn a_paragraph_separator_ends_a_sentence() {
    assert_eq!(texts("fr", &["Un\u{2029}deux"]), ["Un", "deux"]);
}

#[test]
fn a_list_number_joins_its_sentence() {
    let text = "1. Ouvrez le site. 2. Cliquez.";
    assert_eq!(texts("fr", &[text]), ["1. Ouvrez le site.", "2. Cliquez."]);
    assert_eq!(sentences("fr", &[text])[0].words, 4);
}

#[test]
fn punctuation_alone_is_no_sentence() {
    assert_eq!(texts("fr", &["...", "Fin. !!"]), ["Fin. !!"]);
    assert!(sentences("fr", &["", "  \n\n "]).is_empty());
}

#[test]
fn abbreviations_at_a_paragraph_start_and_before_a_bracket() {
    let text = "M. Martin arrive (lettres, chiffres, etc.). Ensuite il part.";
    assert_eq!(
        texts("fr", &[text]),
        [
            "M. Martin arrive (lettres, chiffres, etc.).",
            "Ensuite il part."
        ]
    );
}

#[test]
fn a_question_mark_inside_an_address_is_no_end() {
    let text = "Connaissez-vous www.exemple.fr/aide?id=3 ? Oui.";
    assert_eq!(
        texts("fr", &[text]),
        ["Connaissez-vous www.exemple.fr/aide?id=3 ?", "Oui."]
    );
}

#[test]
fn windows_line_breaks() {
    let found = sentences("fr", &["Un.\r\n\r\nDeux\r\n"]);
    let places: Vec<(usize, usize)> = found.iter().map(|s| (s.offset, s.len)).collect();
    assert_eq!(places, [(0, 3), (7, 4)]);
}

// ------------------------------------------------------------------------------------------
// Sentences: Dutch, English, German, others
// ------------------------------------------------------------------------------------------

#[test]
fn dutch_abbreviations() {
    let text = "Gebruik bijv. een zin. Dat is d.w.z. een lange zin. Neem o.a. Bitwarden. \
                Mevr. Janssens helpt u. Letters, cijfers enz. Daarna test u.";
    assert_eq!(
        texts("nl", &[text]),
        [
            "Gebruik bijv. een zin.",
            "Dat is d.w.z. een lange zin.",
            "Neem o.a. Bitwarden.",
            "Mevr. Janssens helpt u.",
            "Letters, cijfers enz.",
            "Daarna test u."
        ]
    );
}

#[test]
fn dutch_decimals() {
    let text = "Het kost 3,5 euro. Dat is 2.5 keer minder.";
    assert_eq!(
        texts("nl", &[text]),
        ["Het kost 3,5 euro.", "Dat is 2.5 keer minder."]
    );
}

#[test]
fn english_abbreviations_and_initials() {
    let text = "Use a manager, e.g. Bitwarden. Mr. Smith and Dr. Jones agree. \
                J. R. Smith wrote it, i.e. Smith. Mix letters, digits, etc. Then test it.";
    assert_eq!(
        texts("en", &[text]),
        [
            "Use a manager, e.g. Bitwarden.",
            "Mr. Smith and Dr. Jones agree.",
            "J. R. Smith wrote it, i.e. Smith.",
            "Mix letters, digits, etc.",
            "Then test it."
        ]
    );
}

#[test]
fn english_addresses_numbers_and_questions() {
    let text = "Visit www.example.com. Write to help@example.org today. It costs 3.5 dollars. \
                Is it safe? Yes! Wait... then click.";
    assert_eq!(
        texts("en", &[text]),
        [
            "Visit www.example.com.",
            "Write to help@example.org today.",
            "It costs 3.5 dollars.",
            "Is it safe?",
            "Yes!",
            "Wait... then click."
        ]
    );
}

#[test]
fn german_abbreviations_and_ordinals() {
    let text = "Nutzen Sie z. B. einen Manager. Am 3. Mai beginnt der Kurs. \
                Buchstaben, Zahlen usw. Das ist d. h. Sicherheit. Er ist 30. Gut.";
    assert_eq!(
        texts("de", &[text]),
        [
            "Nutzen Sie z. B. einen Manager.",
            "Am 3. Mai beginnt der Kurs.",
            "Buchstaben, Zahlen usw.",
            "Das ist d. h. Sicherheit.",
            "Er ist 30. Gut."
        ]
    );
}

#[test]
fn other_languages_split_on_punctuation() {
    assert_eq!(
        texts("es", &["Hola. ¿Qué tal? Adiós."]),
        ["Hola.", "¿Qué tal?", "Adiós."]
    );
}

#[test]
fn a_sentence_maps_back_to_its_block() {
    let blocks = ["Titre", "Première phrase.\nSuite de la ligne. Dernière."];
    let found = sentences("fr", &blocks);
    let last = found[found.len() - 1];
    // "Première phrase." is 17 bytes (è takes two), the line break 1, "Suite de la ligne. " 19.
    assert_eq!(
        (last.block, last.offset, last.len),
        (1, 37, "Dernière.".len())
    );
    assert_eq!(blocks[1][..last.offset].matches('\n').count(), 1);
    assert_eq!(last.text(&blocks), "Dernière.");
}
