//! schema.org descriptions of pages, for search engines and learning platforms: each course a
//! `LearningResource` aligned to its DigComp 2.2 competences and levels.

use chrono::Days;
use serde_json::{Value, json};

use crate::model::{LearningPath, Output, Page, Site};
use crate::render::views::places::PlaceView;
use crate::sources::digcomp::level_label;
use crate::sources::digcomp::{self, text};
use crate::sources::places::clock;
use crate::sources::places::hours::DAY_NAMES;
use crate::sources::places::schedule::Window;

/// The JSON-LD of a course page.
pub fn course(site: &Site, page: &Page) -> Value {
    let front = &page.front;
    let lang = &page.lang;
    let address = |path: String| format!("{}{path}", site.config.base_url);
    let framework = digcomp::framework();
    let mut alignments = Vec::new();
    let mut levels = Vec::new();
    for reference in &front.competences {
        let Some(competence) = framework.competence(&reference.id) else {
            continue;
        };
        let target = Output::Competence(lang.clone(), reference.id.clone());
        alignments.push(json!({
            "@type": "AlignmentObject",
            "alignmentType": "teaches",
            "educationalFramework": "DigComp 2.2",
            "targetName": format!("{} {}", reference.id, text(&competence.title, lang)),
            "targetUrl": address(target.path(site)),
        }));
        if let Some(level) = reference.level {
            let label = level_label(level, lang);
            alignments.push(json!({
                "@type": "AlignmentObject",
                "alignmentType": "educationalLevel",
                "educationalFramework": "DigComp 2.2",
                "targetName": label,
                "targetUrl": address(Output::Level(lang.clone(), level).path(site)),
            }));
            levels.push(label);
        }
    }
    let mut resource = json!({
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": front.title,
        "url": address(page.path.clone()),
        "inLanguage": lang,
        "isAccessibleForFree": true,
        "educationalAlignment": alignments,
    });
    let optional = [
        ("description", front.description.clone().map(Value::from)),
        (
            "educationalLevel",
            (!levels.is_empty()).then(|| levels.into()),
        ),
        (
            "timeRequired",
            front.duration.map(|m| format!("PT{m}M").into()),
        ),
        ("audience", audience(&front.audience)),
        ("license", front.license.as_deref().map(license)),
        ("datePublished", front.date.clone().map(Value::from)),
        ("dateModified", front.updated.clone().map(Value::from)),
    ];
    set_optional(&mut resource, optional);
    resource
}

/// The JSON-LD of a learning path: a `Course` made of its courses, aligned to what they teach.
pub fn path(site: &Site, page: &Page, path: &LearningPath) -> Value {
    let courses: Vec<Value> = path
        .steps
        .iter()
        .map(|&id| course(site, &site.pages[id]))
        .collect();
    let minutes: u32 = path
        .steps
        .iter()
        .filter_map(|&id| site.pages[id].front.duration)
        .sum();
    let mut alignments: Vec<Value> = Vec::new();
    for alignment in courses.iter().flat_map(|c| {
        c["educationalAlignment"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }) {
        if !alignments.contains(&alignment) {
            alignments.push(alignment);
        }
    }
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Course",
        "name": page.front.title,
        "url": format!("{}{}", site.config.base_url, page.path),
        "inLanguage": page.lang,
        "isAccessibleForFree": true,
        "educationalAlignment": alignments,
        "hasPart": courses.iter().map(|c| json!({ "@type": "LearningResource", "name": c["name"], "url": c["url"] })).collect::<Vec<_>>(),
    });
    if let Some(description) = &page.front.description {
        value["description"] = description.clone().into();
    }
    if minutes > 0 {
        value["timeRequired"] = format!("PT{minutes}M").into();
    }
    value
}

/// Who a course is for, as schema.org educational roles.
fn audience(audience: &[String]) -> Option<Value> {
    let roles: Vec<Value> = audience
        .iter()
        .map(|a| {
            let role = match a.as_str() {
                "apprenant" => "learner",
                "aidant" => "trainer",
                other => other,
            };
            json!({ "@type": "EducationalAudience", "educationalRole": role })
        })
        .collect();
    (!roles.is_empty()).then(|| roles.into())
}

/// A licence as the address of its deed when it is a Creative Commons one (`CC-BY-SA-4.0`),
/// else as written.
fn license(id: &str) -> Value {
    let upper = id.to_ascii_uppercase();
    if let Some(version) = upper.strip_prefix("CC0-") {
        return format!("https://creativecommons.org/publicdomain/zero/{version}/").into();
    }
    let Some((kind, version)) = upper
        .strip_prefix("CC-")
        .and_then(|rest| rest.rsplit_once('-'))
    else {
        return id.into();
    };
    let kind = kind.to_ascii_lowercase();
    let known = ["by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd"];
    if known.contains(&kind.as_str()) && version.chars().all(|c| c.is_ascii_digit() || c == '.') {
        format!("https://creativecommons.org/licenses/{kind}/{version}/").into()
    } else {
        id.into()
    }
}

/// The JSON-LD of a help place: a `LocalBusiness` with its address, its coordinates, its
/// opening hours over the coming weeks (an `OpeningHoursSpecification` per day of the week
/// and time range, and a special one for each date that differs: a public holiday, a month
/// closed), the languages spoken and its wheelchair access.
pub fn place(view: &PlaceView, window: &Window) -> Value {
    let hours: Vec<Value> = view
        .hours
        .iter()
        .map(|[day, opens, closes]| {
            json!({
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": format!("https://schema.org/{}", DAY_NAMES[usize::from(*day)]),
                "opens": clock(*opens),
                "closes": clock(*closes),
            })
        })
        .collect();
    let special: Vec<Value> = view
        .exceptions
        .iter()
        .flat_map(|(offset, openings)| {
            let date = (window.start + Days::new(u64::from(*offset))).to_string();
            let spans = if openings.is_empty() {
                vec![[0, 0]]
            } else {
                openings.clone()
            };
            spans.into_iter().map(move |[opens, closes]| {
                json!({
                    "@type": "OpeningHoursSpecification",
                    "validFrom": date,
                    "validThrough": date,
                    "opens": clock(opens),
                    "closes": clock(closes),
                })
            })
        })
        .collect();
    let mut business = json!({
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "name": view.name,
        "url": view.permalink,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": view.address,
            "postalCode": view.postcode,
            "addressLocality": view.city,
            "addressCountry": view.country,
        },
        "availableLanguage": view.languages.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
        "hasMap": view.map,
    });
    let optional = [
        ("openingHoursSpecification", (!hours.is_empty()).then(|| Value::from(hours))),
        ("specialOpeningHoursSpecification", (!special.is_empty()).then(|| Value::from(special))),
        ("telephone", view.phone.clone().map(Value::from)),
        ("email", view.emails.first().cloned().map(Value::from)),
        ("sameAs", (!view.websites.is_empty()).then(|| Value::from(view.websites.clone()))),
        ("description", view.note.clone().map(Value::from)),
        (
            "geo",
            view.coordinates.map(|(lat, lon)| {
                json!({ "@type": "GeoCoordinates", "latitude": lat, "longitude": lon })
            }),
        ),
        (
            "amenityFeature",
            view.wheelchair.as_ref().map(|words| {
                json!({ "@type": "LocationFeatureSpecification", "name": "wheelchair access", "value": words })
            }),
        ),
    ];
    set_optional(&mut business, optional);
    business
}

/// Sets the keys of `object` whose values are given.
fn set_optional<const N: usize>(object: &mut Value, optional: [(&str, Option<Value>); N]) {
    for (key, value) in optional {
        if let Some(value) = value {
            object[key] = value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creative_commons_licences_become_their_address() {
        assert_eq!(
            license("CC-BY-SA-4.0"),
            "https://creativecommons.org/licenses/by-sa/4.0/"
        );
        assert_eq!(
            license("cc0-1.0"),
            "https://creativecommons.org/publicdomain/zero/1.0/"
        );
        assert_eq!(license("Etalab-2.0"), "Etalab-2.0");
        assert_eq!(license("CC-XYZ-4.0"), "CC-XYZ-4.0");
    }

    #[test]
    fn audiences_become_educational_roles() {
        let roles = audience(&["apprenant".into(), "aidant".into()]).unwrap();
        assert_eq!(roles[0]["educationalRole"], "learner");
        assert_eq!(roles[1]["educationalRole"], "trainer");
        assert!(audience(&[]).is_none());
    }
}
