//! The directory of help places: its page, with the filters and the places of each city, and
//! each place's page.

use minijinja::{Value, context};

use super::jsonld;
use super::renderer::{HtmlRenderer, ser};
use crate::model::Output;
use crate::render::views::places::{PlaceView, cities, filters};

impl HtmlRenderer<'_> {
    /// The directory of help places: the filters, and the places of each city with the
    /// link to its printable list.
    pub(super) fn places_context(&self, lang: &str) -> Value {
        let (services, languages) = filters(self.site, lang);
        let cities: Vec<Value> = cities(self.site, lang)
            .into_iter()
            .map(|city| {
                let list = Output::CityList(lang.to_string(), city.name.clone());
                let pdf = self.pdf_link(lang, list.path(self.site));
                context! { pdf => pdf, ..ser(&city) }
            })
            .collect();
        context! {
            notice => self.notice(lang),
            services => ser(services),
            languages => ser(languages),
            cities => cities,
            count => self.site.directory.places.len(),
        }
    }

    /// A help place's page.
    pub(super) fn place_context(&self, lang: &str, index: usize) -> Value {
        let place = &self.site.directory.places[index];
        let view = PlaceView::new(self.site, lang, index);
        let jsonld = jsonld::place(&view);
        context! {
            place => ser(view),
            notice => self.notice(lang),
            jsonld => ser(jsonld),
            pdf => self.pdf_link(lang, Output::CityList(lang.to_string(), place.city.clone()).path(self.site)),
        }
    }

    /// The notice of the directory ("these places are examples") in `lang`.
    fn notice(&self, lang: &str) -> Option<String> {
        let notice = self.site.directory.notice.as_ref()?;
        Some(notice.get(lang, self.site.default_language()))
    }
}
