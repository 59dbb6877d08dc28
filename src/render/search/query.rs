//! `parcours search`: a tantivy index of the content, made in memory with the analysis of
//! the language, for authors looking for existing material.

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, TantivyDocument, doc};

use super::analysis::analyzer;
use super::documents;
use crate::model::Site;

/// The name under which each index registers its analyzer.
const ANALYZER: &str = "parcours";

/// A page found by a search.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Its title.
    pub title: String,
    /// Its absolute URL.
    pub url: String,
    /// Its source file.
    pub file: String,
    /// A passage of the page with the words found, `**`-marked.
    pub excerpt: String,
}

struct Fields {
    title: Field,
    description: Field,
    body: Field,
    url: Field,
    file: Field,
}

fn schema() -> (Schema, Fields) {
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let mut builder = Schema::builder();
    let fields = Fields {
        title: builder.add_text_field("title", text.clone()),
        description: builder.add_text_field("description", text.clone()),
        body: builder.add_text_field("body", text),
        url: builder.add_text_field("url", STRING | STORED),
        file: builder.add_text_field("file", STRING | STORED),
    };
    (builder.build(), fields)
}

/// Searches the pages of `lang` in `site`: typos of one letter forgiven, words matched by
/// their stem, accents ignored; titles count more than descriptions, and those more than text.
pub fn search(site: &Site, lang: &str, query: &str, limit: usize) -> tantivy::Result<Vec<Hit>> {
    let (schema, fields) = schema();
    let index = Index::create_in_ram(schema);
    index.tokenizers().register(ANALYZER, analyzer(lang));
    let mut writer = index.writer(50_000_000)?;
    for page in documents::pages(site, lang) {
        writer.add_document(doc!(
            fields.title => page.front.title.clone(),
            fields.description => page.front.description.clone().unwrap_or_default(),
            fields.body => page.plain_text().text,
            fields.url => format!("{}{}", site.config.base_url, page.path),
            fields.file => page.file().display().to_string(),
        ))?;
    }
    writer.commit()?;
    let searcher = index.reader()?.searcher();
    let mut parser =
        QueryParser::for_index(&index, vec![fields.title, fields.description, fields.body]);
    parser.set_field_boost(fields.title, 3.0);
    parser.set_field_boost(fields.description, 1.5);
    for field in [fields.title, fields.description, fields.body] {
        parser.set_field_fuzzy(field, false, 1, true);
    }
    let (query, _) = parser.parse_query_lenient(query);
    let mut excerpts = SnippetGenerator::create(&searcher, &*query, fields.body)?;
    excerpts.set_max_num_chars(160);
    let mut hits = Vec::new();
    for (_, address) in searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())? {
        let document: TantivyDocument = searcher.doc(address)?;
        let text = |field: Field| {
            document
                .get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let snippet = excerpts.snippet_from_doc(&document);
        // Words found only with a typo are not marked by tantivy: show the description then.
        let excerpt = match snippet.fragment() {
            "" => text(fields.description),
            fragment => marked(fragment, snippet.highlighted()),
        };
        hits.push(Hit {
            title: text(fields.title),
            url: text(fields.url),
            file: text(fields.file),
            excerpt,
        });
    }
    Ok(hits)
}

/// A passage with its found words between `**`.
fn marked(fragment: &str, highlighted: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(fragment.len() + 8);
    let mut at = 0;
    for range in highlighted {
        out.push_str(&fragment[at..range.start]);
        out.push_str("**");
        out.push_str(&fragment[range.clone()]);
        out.push_str("**");
        at = range.end;
    }
    out.push_str(&fragment[at..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_words_are_marked() {
        assert_eq!(
            marked("un mot de passe", &[3..6, 10..15]),
            "un **mot** de **passe**"
        );
    }
}
