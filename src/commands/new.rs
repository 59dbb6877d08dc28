//! `parcours new site DIR` and `parcours new course PATH`: starting points that build.

use std::path::{Path, PathBuf};

use super::{CONTENT_ERROR, SUCCESS, USAGE_ERROR};
use crate::base::diagnostic::Checked;
use crate::sources::config::SiteConfig;
use crate::sources::i18n::{BUILT_IN, Strings};
use crate::sources::pages::CONTENT_DIR;

const SITE_YAML: &str = r#"title:
  fr: "Mon site de formation"
  nl: "Mijn opleidingssite"
  en: "My training site"
base_url: "https://example.org/"
default_language: fr
languages:            # order = order in the language switcher
  fr: { name: "Français" }
  nl: { name: "Nederlands" }
  en: { name: "English" }
framework: digcomp-2.2
theme: default
"#;

/// What git leaves out: the built site, and the PDFs and answers parcours keeps between
/// builds.
const GITIGNORE: &str = "public/\n.parcours-cache/\n";

/// (language, home page, section page, course page) of a new site.
const PAGES: [(&str, &str, &str, &str); 3] = [
    (
        "fr",
        "---\ntitle: \"Bienvenue\"\ndescription: \"Des fiches pour apprendre le numérique pas à pas.\"\n---\n\nCe site propose des fiches pour apprendre le numérique, à son rythme ou avec un aidant.\n",
        "---\ntitle: \"Premiers pas\"\ndescription: \"Pour bien commencer.\"\nweight: 10\n---\n\nLes fiches pour bien commencer.\n",
        "---\ntitle: \"Allumer une tablette\"\ndescription: \"Allumer, déverrouiller et éteindre une tablette.\"\ncompetences:\n  - { id: \"5.1\", level: 1 }\naudience: [apprenant]\nduration: 20\nformat: atelier\nweight: 10\nlicense: \"CC-BY-SA-4.0\"\n---\n\n## Étape par étape\n\n1. Appuyez longtemps sur le bouton du côté.\n2. Attendez que l'écran s'allume.\n3. Faites glisser votre doigt vers le haut.\n\n> [!IMPORTANT]\n> Pour éteindre, appuyez longtemps sur le même bouton.\n",
    ),
    (
        "nl",
        "---\ntitle: \"Welkom\"\ndescription: \"Fiches om stap voor stap digitaal te leren.\"\n---\n\nDeze site biedt fiches om digitaal te leren, in je eigen tempo of met een begeleider.\n",
        "---\ntitle: \"Eerste stappen\"\ndescription: \"Om goed te beginnen.\"\nweight: 10\n---\n\nDe fiches om goed te beginnen.\n",
        "---\ntitle: \"Een tablet aanzetten\"\nslug: \"een-tablet-aanzetten\"\ndescription: \"Een tablet aanzetten, ontgrendelen en uitzetten.\"\ncompetences:\n  - { id: \"5.1\", level: 1 }\naudience: [apprenant]\nduration: 20\nformat: atelier\nweight: 10\nlicense: \"CC-BY-SA-4.0\"\n---\n\n## Stap voor stap\n\n1. Druk lang op de knop aan de zijkant.\n2. Wacht tot het scherm oplicht.\n3. Veeg met je vinger naar boven.\n\n> [!IMPORTANT]\n> Om uit te zetten, druk je lang op dezelfde knop.\n",
    ),
    (
        "en",
        "---\ntitle: \"Welcome\"\ndescription: \"Worksheets to learn digital skills step by step.\"\n---\n\nThis site offers worksheets to learn digital skills, at your own pace or with a helper.\n",
        "---\ntitle: \"First steps\"\ndescription: \"To get started.\"\nweight: 10\n---\n\nThe worksheets to get started.\n",
        "---\ntitle: \"Turning on a tablet\"\nslug: \"turning-on-a-tablet\"\ndescription: \"Turn on, unlock and turn off a tablet.\"\ncompetences:\n  - { id: \"5.1\", level: 1 }\naudience: [apprenant]\nduration: 20\nformat: atelier\nweight: 10\nlicense: \"CC-BY-SA-4.0\"\n---\n\n## Step by step\n\n1. Press and hold the button on the side.\n2. Wait for the screen to light up.\n3. Swipe up with your finger.\n\n> [!IMPORTANT]\n> To turn it off, press and hold the same button.\n",
    ),
];

/// Creates a working trilingual site in `dir`, which must be absent or empty.
pub fn site(dir: &Path) -> i32 {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        eprintln!(
            "error: {} already exists and is not empty; choose a new folder",
            dir.display()
        );
        return USAGE_ERROR;
    }
    let mut files: Vec<(PathBuf, &str)> = vec![
        (PathBuf::from("site.yaml"), SITE_YAML),
        (PathBuf::from(".gitignore"), GITIGNORE),
    ];
    for (lang, home, section, course) in PAGES {
        files.push((PathBuf::from(format!("content/_index.{lang}.md")), home));
        files.push((
            PathBuf::from(format!("content/premiers-pas/_index.{lang}.md")),
            section,
        ));
        files.push((
            PathBuf::from(format!(
                "content/premiers-pas/allumer-une-tablette.{lang}.md"
            )),
            course,
        ));
    }
    for (lang, strings) in BUILT_IN {
        files.push((PathBuf::from(format!("i18n/{lang}.yaml")), strings));
    }
    for (file, text) in &files {
        if let Err(error) = write_new(&dir.join(file), text) {
            eprintln!("error: cannot write {}: {error}", dir.join(file).display());
            return CONTENT_ERROR;
        }
    }
    println!(
        "Created a site in {dir}.\nNext: `parcours serve --root {dir}` to preview it, or `parcours build --root {dir}`.",
        dir = dir.display()
    );
    SUCCESS
}

/// Creates a course at `path` (such as `securite/ma-fiche`) in every language of the site at
/// `root`, or only in `lang`.
pub fn course(root: &Path, path: &str, lang: Option<&str>) -> i32 {
    let Checked {
        value: config,
        problems,
    } = SiteConfig::load(root);
    let Some(config) = config else {
        problems
            .iter()
            .for_each(|p| eprintln!("{}", p.render(root)));
        return CONTENT_ERROR;
    };
    let inner = path
        .trim_start_matches("./")
        .trim_start_matches("content/")
        .trim_end_matches(".md");
    let name = inner.rsplit('/').next().unwrap_or(inner);
    if name.is_empty() || inner.split('/').any(|p| p == ".." || p.is_empty()) {
        eprintln!("error: `{path}` is not a course path; write it like `securite/ma-fiche`");
        return USAGE_ERROR;
    }
    let languages: Vec<String> = match lang {
        Some(lang) if config.languages.contains_key(lang) => vec![lang.to_string()],
        Some(lang) => {
            eprintln!(
                "error: the site has no language `{lang}`; it has {:?}",
                config.languages.keys().collect::<Vec<_>>()
            );
            return USAGE_ERROR;
        }
        None => config.languages.keys().cloned().collect(),
    };
    // The strings' own problems are for `check`; a new course only needs their text.
    let strings = Strings::load(root, &config).value;
    for lang in languages {
        let file = root.join(CONTENT_DIR).join(format!("{inner}.{lang}.md"));
        let text = course_text(&strings, &lang, name);
        if let Err(error) = write_new(&file, &text) {
            eprintln!("error: cannot create {}: {error}", file.display());
            return CONTENT_ERROR;
        }
        println!("Created {}", file.display());
    }
    SUCCESS
}

fn course_text(strings: &Strings, lang: &str, name: &str) -> String {
    let title = {
        let words = name.replace(['-', '_'], " ");
        let mut chars = words.chars();
        chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    };
    let s = |key: &str| strings.get(lang, &format!("new_course.{key}"));
    format!(
        "---\ntitle: \"{title}\"\ndescription: \"{description}\"\ncompetences:\n  - {{ id: \"1.1\", level: 1 }}\naudience: [apprenant]\nduration: 30\nformat: atelier\nweight: 100\nlicense: \"CC-BY-SA-4.0\"\ndraft: true\n---\n\n## {need}\n\n- \n\n## {steps}\n\n1. \n\n> [!IMPORTANT]\n> \n\n## {check}\n\n- [ ] \n\n## {helper}\n\n- \n",
        description = s("description"),
        need = s("need"),
        steps = s("steps"),
        check = s("check"),
        helper = s("helper"),
    )
}

/// Writes a file that must not exist yet, creating its folders.
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    std::io::Write::write_all(&mut file, text.as_bytes())
}
