//! The directory of help places: its listing pages, with the filters, the areas they lead
//! to or the places of each town, and each place's page.

use minijinja::{Value, context};

use super::jsonld;
use super::renderer::{HtmlRenderer, ser};
use crate::model::Output;
use crate::render::views::places::{ListingView, PlaceView};

impl HtmlRenderer<'_> {
    /// A listing page of the directory (the first one is the directory's own page).
    pub(super) fn places_context(&self, lang: &str, index: usize) -> Value {
        let site = self.site;
        let (services, languages) = self.place_filters.get(lang).cloned().unwrap_or_default();
        let view = ListingView::new(site, lang, index);
        let towns: Vec<Value> = view
            .towns
            .iter()
            .map(|town| context! { pdf => self.town_list(lang, town.town), ..ser(town) })
            .collect();
        let window = &site.directory.window;
        let index_path = (site.listings.pages.len() > 1).then(|| Output::PlaceIndex.path(site));
        context! {
            notice => self.notice(lang),
            services => services,
            languages => languages,
            towns => towns,
            listing => ser(view),
            window => context! { from => window.start.to_string(), days => window.days },
            index => index_path,
            directory => Output::Places(lang.to_string()).path(site),
        }
    }

    /// A help place's page.
    pub(super) fn place_context(&self, lang: &str, index: usize) -> Value {
        let site = self.site;
        let view = PlaceView::new(site, lang, index);
        let jsonld = jsonld::place(&view, &site.directory.window);
        let town = site.listings.town_of[index];
        context! {
            place => ser(view),
            notice => self.notice(lang),
            jsonld => ser(jsonld),
            pdf => self.town_list(lang, town),
        }
    }

    /// The printed list of a town, when the directory prints them.
    fn town_list(&self, lang: &str, town: usize) -> Option<Value> {
        let site = self.site;
        if !site.directory.print {
            return None;
        }
        self.pdf_link(lang, Output::CityList(lang.to_string(), town).path(site))
    }

    /// The notice of the directory ("these places are examples") in `lang`.
    fn notice(&self, lang: &str) -> Option<String> {
        let notice = self.site.directory.notice.as_ref()?;
        Some(notice.get(lang, self.site.default_language()))
    }
}
