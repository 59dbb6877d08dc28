//! Words and syllables, per language.

use super::*;

// ------------------------------------------------------------------------------------------
// Words
// ------------------------------------------------------------------------------------------

#[test]
fn elisions_contractions_and_compounds_are_one_word() {
    assert_eq!(count_words("C'est aujourd'hui."), 2);
    assert_eq!(count_words("l'ordinateur est prêt"), 3);
    assert_eq!(count_words("c'est-à-dire, don't, auto's, e-mail"), 4);
}

#[test]
fn numbers_addresses_and_abbreviations_are_one_word() {
    assert_eq!(count_words("Il coûte 3,5 € ou 3.5 $."), 5);
    assert_eq!(count_words("10\u{202f}000 personnes, 10\u{a0}000 gens"), 4);
    assert_eq!(count_words("10 000"), 2);
    assert_eq!(
        count_words("Voir https://exemple.fr/aide. ou ana@exemple.be"),
        4
    );
    assert_eq!(count_words("e.g. p. ex."), 3);
}

#[test]
fn punctuation_and_dashes_are_no_words() {
    assert_eq!(count_words("« Bonjour ! » — mot–mot… fin"), 4);
    assert_eq!(count_words("? ! : ; ... -- «»"), 0);
}

// ------------------------------------------------------------------------------------------
// Syllables
// ------------------------------------------------------------------------------------------

/// French words and their syllables, as a dictionary divides them when spoken.
const FRENCH_WORDS: &[(&str, usize)] = &[
    ("mot", 1),
    ("passe", 1),
    ("solide", 2),
    ("long", 1),
    ("mélange", 2),
    ("lien", 1),
    ("entre", 1),
    ("eux", 1),
    ("ordinateur", 4),
    ("aujourd'hui", 3),
    ("oiseau", 2),
    ("beaucoup", 2),
    ("écran", 2),
    ("internet", 3),
    ("téléphone", 3),
    ("sécurité", 4),
    ("identifiant", 4),
    ("connexion", 3),
    ("utilisent", 3),
    ("parlent", 1),
    ("souvent", 2),
    ("moment", 2),
    ("oui", 1),
    ("fenêtre", 2),
    ("voiture", 2),
    ("famille", 2),
    ("école", 2),
    ("idée", 2),
    ("idées", 2),
    ("année", 2),
    ("joue", 1),
    ("poésie", 3),
    ("réunion", 3),
    ("maïs", 2),
    ("Noël", 2),
    ("qui", 1),
    ("quatre", 1),
    ("guerre", 1),
    ("langue", 1),
    ("jouer", 2),
    ("nuit", 1),
    ("travail", 2),
    ("symboles", 2),
    ("lettres", 1),
    ("protéger", 3),
    ("le", 1),
    ("les", 1),
    ("c'est-à-dire", 3),
];

#[test]
fn french_syllables() {
    check_syllables("fr", FRENCH_WORDS);
}

/// Dutch words and their syllables, as a dictionary divides them when spoken.
const DUTCH_WORDS: &[(&str, usize)] = &[
    ("wachtwoord", 2),
    ("sterk", 1),
    ("lang", 1),
    ("mengt", 1),
    ("woorden", 2),
    ("zonder", 2),
    ("verband", 2),
    ("elkaar", 2),
    ("computer", 3),
    ("beveiliging", 4),
    ("bijvoorbeeld", 3),
    ("nieuw", 1),
    ("eeuw", 1),
    ("moeilijk", 2),
    ("draaien", 2),
    ("mooie", 2),
    ("ruïne", 3),
    ("beëindigen", 4),
    ("ideeën", 3),
    ("België", 3),
    ("kopiëren", 4),
    ("huis", 1),
    ("trein", 1),
    ("leuk", 1),
    ("gebruiken", 3),
    ("telefoon", 3),
    ("radio", 3),
    ("ideaal", 3),
    ("e-mail", 2),
    ("veilig", 2),
    ("geheim", 2),
    ("uw", 1),
    ("nooit", 1),
    ("iemand", 2),
];

#[test]
fn dutch_syllables() {
    check_syllables("nl", DUTCH_WORDS);
}

/// English words and their syllables, as a dictionary divides them when spoken.
const ENGLISH_WORDS: &[(&str, usize)] = &[
    ("password", 2),
    ("strong", 1),
    ("mixes", 2),
    ("words", 1),
    ("without", 2),
    ("between", 2),
    ("table", 2),
    ("simple", 2),
    ("little", 2),
    ("people", 2),
    ("makes", 1),
    ("wanted", 2),
    ("played", 1),
    ("used", 1),
    ("called", 1),
    ("boxes", 2),
    ("places", 2),
    ("changes", 2),
    ("actual", 3),
    ("radio", 3),
    ("media", 3),
    ("nation", 2),
    ("being", 2),
    ("going", 2),
    ("playing", 2),
    ("easier", 3),
    ("quiet", 2),
    ("client", 2),
    ("computer", 3),
    ("information", 4),
    ("safely", 2),
    ("statement", 2),
    ("useful", 2),
    ("yes", 1),
    ("you", 1),
    ("happy", 2),
    ("day", 1),
    ("boy", 1),
    ("language", 2),
    ("stadium", 3),
    ("phone", 1),
    ("online", 2),
    ("website", 2),
    ("whole", 1),
    ("the", 1),
    ("have", 1),
    ("one", 1),
];

#[test]
fn english_syllables() {
    check_syllables("en", ENGLISH_WORDS);
}

/// German words and their syllables, as a dictionary divides them when spoken.
const GERMAN_WORDS: &[(&str, usize)] = &[
    ("Passwort", 2),
    ("sicher", 2),
    ("sicheres", 3),
    ("lang", 1),
    ("Wörter", 2),
    ("ohne", 2),
    ("Zusammenhang", 4),
    ("Information", 5),
    ("Familien", 4),
    ("Ferien", 3),
    ("dienen", 2),
    ("Häuser", 2),
    ("heute", 2),
    ("Zeit", 1),
    ("sie", 1),
    ("Bier", 1),
    ("Haus", 1),
    ("Boot", 1),
    ("See", 1),
    ("Quelle", 2),
    ("Computer", 3),
    ("Sicherheit", 3),
    ("Schlüssel", 2),
    ("einfach", 2),
    ("Bayern", 2),
    ("Theater", 3),
    ("viele", 2),
    ("wichtig", 2),
    ("Verbindung", 3),
    ("Buchstaben", 3),
    ("Ziffern", 2),
    ("Zeichen", 2),
];

#[test]
fn german_syllables() {
    check_syllables("de", GERMAN_WORDS);
}

#[test]
fn capitals_digits_and_consonants_are_spelled_out() {
    for lang in ["fr", "nl", "en", "de", "xx"] {
        assert_eq!(syllables(lang, "PDF"), 3, "{lang}");
        assert_eq!(syllables(lang, "OK"), 2, "{lang}");
        assert_eq!(syllables(lang, "2024"), 4, "{lang}");
        assert_eq!(syllables(lang, "www"), 3, "{lang}");
        assert_eq!(syllables(lang, "-"), 1, "{lang}");
    }
}

#[test]
fn other_languages_count_vowel_runs() {
    assert_eq!(syllables("es", "contraseña"), 4);
    assert_eq!(syllables("it", "sicurezza"), 4);
}
