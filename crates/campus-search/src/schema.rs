//! The fields of the index.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::analyzer::{FOLDED, FRENCH};

/// Handles on the fields, looked up once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fields {
    /// `kind:id`, unique: the term by which a document is replaced.
    pub key: Field,
    pub kind: Field,
    pub id: Field,
    pub url: Field,
    pub title: Field,
    pub keywords: Field,
    pub text: Field,
    /// Folded twins of the three text fields, for prefixes and typos.
    pub title_folded: Field,
    pub keywords_folded: Field,
    pub text_folded: Field,
    pub niveau: Field,
    pub modalites: Field,
    pub departement: Field,
    pub secteur: Field,
    pub lat: Field,
    pub lon: Field,
    /// 1 for a document still in force, 0 for a replaced or inactive
    /// certification.
    pub en_vigueur: Field,
    /// ROME codes of the trades a certification leads to, scored by BM25:
    /// the fewer trades a certification leads to, the more it is about
    /// each.
    pub metiers: Field,
}

impl Fields {
    /// The searched text fields with their weight: a word of the title
    /// says more about a document than the same word in its description.
    pub(crate) fn weighted(&self) -> [(Field, Field, f32); 3] {
        [
            (self.title, self.title_folded, 3.0),
            (self.keywords, self.keywords_folded, 1.5),
            (self.text, self.text_folded, 0.6),
        ]
    }
}

pub(crate) fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let french = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(FRENCH)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
        .set_stored();
    // Titles and other names are also matched as phrases, which needs the
    // words' positions; the long texts are not.
    let phrased = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(FRENCH)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    // Folded words only need to be found, not counted nor shown.
    let folded = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(FOLDED)
            .set_index_option(IndexRecordOption::Basic),
    );
    // Codes are whole terms; their count per document is kept (field
    // norms) so that a certification leading to one trade scores above one
    // leading to fifteen.
    let codes = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_fieldnorms(true)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        key: builder.add_text_field("key", STRING),
        kind: builder.add_u64_field("kind", FAST | STORED),
        id: builder.add_text_field("id", STORED),
        url: builder.add_text_field("url", STORED),
        title: builder.add_text_field("title", phrased.clone()),
        keywords: builder.add_text_field("keywords", phrased),
        text: builder.add_text_field("text", french),
        title_folded: builder.add_text_field("title_folded", folded.clone()),
        keywords_folded: builder.add_text_field("keywords_folded", folded.clone()),
        text_folded: builder.add_text_field("text_folded", folded),
        niveau: builder.add_u64_field("niveau", FAST | STORED),
        modalites: builder.add_u64_field("modalites", FAST | STORED),
        departement: builder.add_u64_field("departement", FAST | STORED),
        secteur: builder.add_u64_field("secteur", FAST | STORED | INDEXED),
        lat: builder.add_f64_field("lat", FAST | STORED),
        lon: builder.add_f64_field("lon", FAST | STORED),
        en_vigueur: builder.add_u64_field("en_vigueur", FAST),
        metiers: builder.add_text_field("metiers", codes),
    };
    (builder.build(), fields)
}
