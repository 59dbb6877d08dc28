//! Interface strings ("Search", "Print the worksheet"...): one YAML file per language in
//! `i18n/`, over the built-in strings of French, Dutch and English. A key missing in a
//! language falls back to the default language, and `check` reports it.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::base::files::read_optional;
use crate::sources::config::SiteConfig;

/// The folder of interface strings inside a site.
pub const I18N_DIR: &str = "i18n";

/// The strings built into the binary, by language.
pub const BUILT_IN: [(&str, &str); 3] = [
    ("fr", include_str!("../../i18n/fr.yaml")),
    ("nl", include_str!("../../i18n/nl.yaml")),
    ("en", include_str!("../../i18n/en.yaml")),
];

/// The interface strings of every language of a site, fallbacks applied.
#[derive(Debug, Clone, Default)]
pub struct Strings {
    by_language: BTreeMap<String, Value>,
}

impl Strings {
    /// Loads `i18n/<lang>.yaml` for each language of the site. Returns the strings and the
    /// problems: unreadable or malformed files are errors, keys that fall back are warnings.
    pub fn load(root: &Path, config: &SiteConfig) -> Checked<Strings> {
        let mut problems = Diagnostics::new();
        let mut own = BTreeMap::new();
        for lang in config.languages.keys() {
            let file = Path::new(I18N_DIR).join(format!("{lang}.yaml"));
            let mut strings = built_in(lang);
            let site = read_optional(root, &file)
                .and_then(|text| crate::base::yaml::parse::<Value>(&text, &file, 1));
            match problems.take(site) {
                None | Some(Value::Null) => {}
                Some(site) => merge(&mut strings, site),
            }
            own.insert(lang.clone(), strings);
        }
        let default = own
            .get(&config.default_language)
            .cloned()
            .unwrap_or(Value::Null);
        let mut by_language = BTreeMap::new();
        for (lang, strings) in own {
            let mut missing = Vec::new();
            missing_keys(&default, &strings, "", &mut missing);
            if !missing.is_empty() {
                problems.push(
                    Diagnostic::warning(
                        Path::new(I18N_DIR).join(format!("{lang}.yaml")),
                        format!(
                            "{} interface string(s) missing in `{lang}`, shown in `{}`: {}",
                            missing.len(),
                            config.default_language,
                            missing.join(", ")
                        ),
                    )
                    .with_hint("add the missing keys to the file, translated"),
                );
            }
            let mut complete = default.clone();
            merge(&mut complete, strings);
            by_language.insert(lang, complete);
        }
        Checked::new(Strings { by_language }, problems)
    }

    /// The strings of a language, as a tree of values for templates (`t.search.label`).
    pub fn of(&self, lang: &str) -> &Value {
        self.by_language.get(lang).unwrap_or(&Value::Null)
    }

    /// One string by its dotted key (`callout.important`), or the key itself when missing.
    pub fn get(&self, lang: &str, key: &str) -> String {
        key.split('.')
            .try_fold(self.of(lang), |value, part| value.get(part))
            .and_then(Value::as_str)
            .map_or_else(|| key.to_string(), str::to_string)
    }
}

/// The built-in strings of a language (empty for a language parcours does not ship).
fn built_in(lang: &str) -> Value {
    BUILT_IN
        .iter()
        .find(|(code, _)| *code == lang)
        .and_then(|(code, text)| {
            crate::base::yaml::parse(text, &Path::new(I18N_DIR).join(format!("{code}.yaml")), 1)
                .value
        })
        .unwrap_or(Value::Object(Default::default()))
}

/// Deep-merges `over` into `base`: maps merge key by key, anything else replaces.
fn merge(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(base), Value::Object(over)) => {
            for (key, value) in over {
                match base.get_mut(&key) {
                    Some(existing) => merge(existing, value),
                    None => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (base, over) => *base = over,
    }
}

/// Collects the dotted keys of `reference` that `strings` lacks.
fn missing_keys(reference: &Value, strings: &Value, prefix: &str, out: &mut Vec<String>) {
    if let Value::Object(reference) = reference {
        for (key, value) in reference {
            let path = crate::base::urls::join(prefix, key).replace('/', ".");
            match strings.get(key) {
                Some(found) => missing_keys(value, found, &path, out),
                None => out.push(path),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_languages_have_the_same_keys() {
        let fr = built_in("fr");
        for lang in ["nl", "en"] {
            let mut missing = Vec::new();
            missing_keys(&fr, &built_in(lang), "", &mut missing);
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            missing_keys(&built_in(lang), &fr, "", &mut missing);
            assert!(missing.is_empty(), "fr lacks {missing:?} of {lang}");
        }
    }

    #[test]
    fn site_strings_override_and_missing_keys_fall_back() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(I18N_DIR)).unwrap();
        std::fs::write(
            dir.path().join("i18n/fr.yaml"),
            "search:\n  label: Trouver\nonly_fr: Oui\n",
        )
        .unwrap();
        let config = SiteConfig::parse(
            "title: T\nlanguages:\n  fr: { name: Français }\n  de: { name: Deutsch }\n",
        )
        .value
        .unwrap();
        let Checked {
            value: strings,
            problems,
        } = Strings::load(dir.path(), &config);
        assert_eq!(strings.get("fr", "search.label"), "Trouver");
        assert_eq!(
            strings.get("de", "only_fr"),
            "Oui",
            "falls back to the default language"
        );
        assert_eq!(strings.get("de", "no.such.key"), "no.such.key");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("only_fr"), "{problems:?}");
    }
}
