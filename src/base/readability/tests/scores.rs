//! The formulas on known texts, and a course on passwords in three languages.

use super::*;

// ------------------------------------------------------------------------------------------
// Scores
// ------------------------------------------------------------------------------------------

#[test]
fn kandel_moles_by_hand() {
    let text = "Un mot de passe solide est long. Il mélange des mots sans lien entre eux.";
    let analysis = analyse("fr", &[text], &Limits::default());
    // Words 7 + 8 = 15 in 2 sentences. Syllables: un 1, mot 1, de 1, passe 1, solide 2, est 1,
    // long 1 = 8; il 1, mélange 2, des 1, mots 1, sans 1, lien 1, entre 1, eux 1 = 9; 17.
    assert_eq!(
        (analysis.sentences, analysis.words, analysis.syllables),
        (2, 15, 17)
    );
    // 207 − 1.015 × 15/2 − 73.6 × 17/15 = 207 − 7.6125 − 83.413333… = 115.974166…
    assert_close(analysis.score, 207.0 - 7.6125 - 1251.2 / 15.0);
    assert_eq!(analysis.band, Some(Band::VeryEasy));
    assert_eq!(analysis.label, Some("très facile"));
    assert_eq!(analysis.language, Some("fr"));
}

#[test]
fn flesch_douma_by_hand() {
    let text = "Een sterk wachtwoord is lang. Het mengt woorden zonder verband.";
    let analysis = analyse("nl", &[text], &Limits::default());
    // Words 5 + 5 = 10 in 2 sentences. Syllables: een 1, sterk 1, wacht-woord 2, is 1, lang 1
    // = 6; het 1, mengt 1, woor-den 2, zon-der 2, ver-band 2 = 8; 14.
    assert_eq!(
        (analysis.sentences, analysis.words, analysis.syllables),
        (2, 10, 14)
    );
    // 206.835 − 0.93 × 5 − 77 × 1.4 = 206.835 − 4.65 − 107.8 = 94.385
    assert_close(analysis.score, 94.385);
    assert_eq!(analysis.label, Some("zeer makkelijk"));
}

#[test]
fn flesch_by_hand() {
    let text = "A strong password is long. It mixes words that have no link.";
    let analysis = analyse("en", &[text], &Limits::default());
    // Words 5 + 7 = 12 in 2 sentences. Syllables: a 1, strong 1, pass-word 2, is 1, long 1 = 6;
    // it 1, mix-es 2, words 1, that 1, have 1, no 1, link 1 = 8; 14.
    assert_eq!(
        (analysis.sentences, analysis.words, analysis.syllables),
        (2, 12, 14)
    );
    // 206.835 − 1.015 × 6 − 84.6 × 14/12 = 206.835 − 6.09 − 98.7 = 102.045
    assert_close(analysis.score, 102.045);
    assert_eq!(analysis.label, Some("very easy"));
}

#[test]
fn flesch_on_a_hard_sentence_by_hand() {
    let text = "Organisations should implement comprehensive authentication procedures.";
    let analysis = analyse("en", &[text], &Limits::default());
    // or-ga-ni-sa-tions 5, should 1, im-ple-ment 3, com-pre-hen-sive 4, au-then-ti-ca-tion 5,
    // pro-ce-dures 3 = 21 syllables in 6 words, 1 sentence.
    assert_eq!(
        (analysis.sentences, analysis.words, analysis.syllables),
        (1, 6, 21)
    );
    // 206.835 − 1.015 × 6 − 84.6 × 3.5 = 206.835 − 6.09 − 296.1 = −95.355
    assert_close(analysis.score, -95.355);
    assert_eq!(analysis.band, Some(Band::VeryDifficult));
}

#[test]
fn amstad_by_hand() {
    let text = "Ein sicheres Passwort ist lang. Es mischt Wörter ohne Zusammenhang.";
    let analysis = analyse("de", &[text], &Limits::default());
    // Words 5 + 5 = 10 in 2 sentences. Syllables: ein 1, si-che-res 3, Pass-wort 2, ist 1,
    // lang 1 = 8; es 1, mischt 1, Wör-ter 2, oh-ne 2, Zu-sam-men-hang 4 = 10; 18.
    assert_eq!(
        (analysis.sentences, analysis.words, analysis.syllables),
        (2, 10, 18)
    );
    // 180 − 5 − 58.5 × 1.8 = 180 − 5 − 105.3 = 69.7
    assert_close(analysis.score, 69.7);
    assert_eq!(analysis.label, Some("mittel"));
    assert_eq!(analysis.school_level, Some("8.–9. Klasse (13–15 Jahre)"));
}

#[test]
fn reading_ease_takes_counts() {
    // 207 − 1.015 × 10 − 73.6 × 1.5 = 207 − 10.15 − 110.4 = 86.45
    assert_close(reading_ease("fr-BE", 2, 20, 30), 86.45);
    assert_close(reading_ease("nl_NL", 1, 10, 10), 206.835 - 9.3 - 77.0);
    assert_eq!(reading_ease("fr", 0, 0, 0), None);
    assert_eq!(reading_ease("es", 2, 20, 30), None);
}

#[test]
fn other_languages_get_counts_without_a_score() {
    let analysis = analyse("es", &["Hola. Adiós amigos."], &Limits::default());
    assert_eq!((analysis.sentences, analysis.words), (2, 3));
    assert_eq!(
        (analysis.language, analysis.score, analysis.label),
        (None, None, None)
    );
    assert_eq!(analysis.words_per_sentence(), Some(1.5));
}

#[test]
fn an_empty_text_has_no_score() {
    let analysis = analyse("fr", &[], &Limits::default());
    assert_eq!(
        (analysis.sentences, analysis.words, analysis.score),
        (0, 0, None)
    );
    assert_eq!(
        (analysis.words_per_sentence(), analysis.syllables_per_word()),
        (None, None)
    );
}

#[test]
fn bands_follow_flesch() {
    let cases = [
        (130.0, Band::VeryEasy),
        (90.0, Band::VeryEasy),
        (89.9, Band::Easy),
        (70.0, Band::FairlyEasy),
        (60.0, Band::Standard),
        (59.99, Band::FairlyDifficult),
        (30.0, Band::Difficult),
        (29.9, Band::VeryDifficult),
        (-5.0, Band::VeryDifficult),
    ];
    for (score, band) in cases {
        assert_eq!(Band::of(score), band, "{score}");
    }
}

#[test]
fn bands_have_labels_and_school_levels() {
    assert_eq!(Band::Easy.label("fr"), "facile");
    assert_eq!(Band::Standard.label("nl"), "standaard");
    assert_eq!(Band::FairlyDifficult.label("en"), "fairly difficult");
    assert_eq!(Band::VeryDifficult.label("de"), "sehr schwer");
    assert_eq!(Band::Easy.label("xx"), "easy");
    assert_eq!(
        Band::VeryEasy.school_level("fr"),
        "CM2 – 5e primaire (10–11 ans)"
    );
    assert_eq!(
        Band::FairlyEasy.school_level("nl"),
        "brugklas – 1e middelbaar (12–13 jaar)"
    );
    assert_eq!(Band::Standard.grades(), 8..=9);
    assert_eq!(Band::VeryDifficult.grades(), 17..=17);
}

// ------------------------------------------------------------------------------------------
// A course on passwords
// ------------------------------------------------------------------------------------------

#[test]
fn french_course_on_passwords() {
    let blocks = [
        "Un mot de passe solide est long. Il mélange des mots sans lien entre eux.",
        "Ne donnez jamais votre mot de passe, même à un proche.",
        "Utilisez un mot de passe différent pour chaque compte.",
    ];
    let analysis = analyse("fr", &blocks, &Limits::default());
    // 7 + 8 + 11 + 9 = 35 words in 4 sentences; 8 + 9 + 13 + 14 = 44 syllables (ne 1, don-nez 2,
    // ja-mais 2, votre 1, mot 1, de 1, passe 1, même 1, à 1, un 1, proche 1 = 13; u-ti-li-sez 4,
    // un 1, mot 1, de 1, passe 1, dif-fé-rent 3, pour 1, chaque 1, compte 1 = 14).
    assert_eq!(
        (analysis.sentences, analysis.words, analysis.syllables),
        (4, 35, 44)
    );
    // 207 − 1.015 × 35/4 − 73.6 × 44/35 = 207 − 8.88125 − 92.525714… = 105.593035…
    assert_close(analysis.score, 207.0 - 8.88125 - 3238.4 / 35.0);
    assert!(analysis.long_sentences.is_empty() && analysis.findings.is_empty());
    let long: Vec<(&str, usize)> = analysis
        .long_words
        .iter()
        .map(|w| (w.word.as_str(), w.syllables))
        .collect();
    assert_eq!(long, [("Utilisez", 4)]);
    assert_eq!(
        (analysis.long_words[0].block, analysis.long_words[0].offset),
        (2, 0)
    );
}

#[test]
fn sentence_counts_add_up() {
    let blocks = [
        "Un mot de passe solide est long. Il mélange des mots.",
        "Deux\n\ntrois mots ici",
    ];
    let found = sentences("fr", &blocks);
    let words: usize = found.iter().map(|s| s.words).sum();
    assert_eq!(words, blocks.iter().map(|b| count_words(b)).sum::<usize>());
    let syllables: Vec<usize> = found.iter().map(|s| s.syllables).collect();
    // un 1, mot 1, de 1, passe 1, so-lide 2, est 1, long 1; il 1, mé-lange 2, des 1, mots 1;
    // deux 1; trois 1, mots 1, i-ci 2.
    assert_eq!(syllables, [8, 5, 1, 4]);
}

#[test]
fn dutch_course_on_passwords() {
    let blocks = [
        "Een sterk wachtwoord is lang. Het mengt woorden zonder verband.",
        "Geef uw wachtwoord nooit aan iemand anders.",
        "Gebruik voor elk account een ander wachtwoord.",
    ];
    let analysis = analyse("nl", &blocks, &Limits::default());
    // 5 + 5 + 7 + 7 = 24 words in 4 sentences; 6 + 8 + 10 + 11 = 35 syllables (geef 1, uw 1,
    // wacht-woord 2, nooit 1, aan 1, ie-mand 2, an-ders 2 = 10; ge-bruik 2, voor 1, elk 1,
    // ac-count 2, een 1, an-der 2, wacht-woord 2 = 11).
    assert_eq!(
        (analysis.sentences, analysis.words, analysis.syllables),
        (4, 24, 35)
    );
    // 206.835 − 0.93 × 6 − 77 × 35/24 = 206.835 − 5.58 − 112.291666… = 88.963333…
    assert_close(analysis.score, 206.835 - 5.58 - 2695.0 / 24.0);
    assert_eq!(analysis.label, Some("makkelijk"));
    assert!(analysis.long_words.is_empty() && analysis.findings.is_empty());
}

#[test]
fn english_course_on_passwords() {
    let blocks = [
        "A strong password is long. It mixes words that have no link.",
        "Never give your password to other people.",
        "Use a different password for each account.",
    ];
    let analysis = analyse("en", &blocks, &Limits::default());
    // 5 + 7 + 7 + 7 = 26 words in 4 sentences; 6 + 8 + 11 + 11 = 36 syllables (nev-er 2, give 1,
    // your 1, pass-word 2, to 1, oth-er 2, peo-ple 2 = 11; use 1, a 1, dif-fer-ent 3,
    // pass-word 2, for 1, each 1, ac-count 2 = 11).
    assert_eq!(
        (analysis.sentences, analysis.words, analysis.syllables),
        (4, 26, 36)
    );
    // 206.835 − 1.015 × 6.5 − 84.6 × 36/26 = 206.835 − 6.5975 − 117.138461… = 83.099038…
    assert_close(analysis.score, 206.835 - 6.5975 - 3045.6 / 26.0);
    assert_eq!(analysis.band, Some(Band::Easy));
    assert!(analysis.long_words.is_empty() && analysis.findings.is_empty());
}
