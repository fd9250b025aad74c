//! The catalogue: everything a result refers to by id, once — the documents cited, every citable
//! excerpt (`citations`, keyed by the id a compact result lists), the built-in parameters (values by
//! date and region, source, verified flag), the measures, the input fields and the outcome labels.
//!
//! A compact result ([`crate::household::compact`]) carries ids; a reader looks the texts up here:
//! `catalogue()` in JS, `jingning catalogue` on the command line, `dist/catalogue.json` beside the
//! page. It depends on the engine version only, so a portal fetches it once and caches it.
use crate::case::fields::FieldInfo;
use crate::case::ChoiceInfo;
use crate::error::Failure;
use crate::household::measures::MeasureInfo;
use crate::params::ParamSet;
use crate::policy::{Citation, PolicyDocument};
use serde::Serialize;

/// See the module docs.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Catalogue {
    pub engine_version: &'static str,
    /// Every document cited (title, issuer, 文号, date, URL), the seed first.
    #[cfg_attr(feature = "wasm", tsify(type = "PolicyDocument[]"))]
    pub documents: &'static [&'static PolicyDocument],
    /// Every citable excerpt: `id` (what a compact decision's `citations` list), its document,
    /// clause, title, label and the words relied on. `clause(id, document)` gives a clause's whole text.
    #[cfg_attr(feature = "wasm", tsify(type = "CatalogueCitation[]"))]
    pub citations: Vec<CatalogueCitation>,
    /// The built-in parameters: every value with its date, region, source and verified flag.
    #[cfg_attr(feature = "wasm", tsify(type = "ParamSet"))]
    pub params: &'static ParamSet,
    /// The measure registry, in the order results list decisions.
    pub measures: Vec<MeasureInfo>,
    /// The field catalogue (labels of the paths a result's `missing` names).
    pub fields: Vec<FieldInfo>,
    /// The Chinese label of each outcome code.
    pub outcomes: Vec<ChoiceInfo>,
}

/// A citation as the catalogue lists it: the document by id rather than inline.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct CatalogueCitation {
    pub id: &'static str,
    /// `documents[].id`.
    pub document: &'static str,
    pub clause: &'static str,
    pub title: &'static str,
    pub label: &'static str,
    pub excerpt: &'static str,
    pub verbatim: bool,
}

impl From<&'static Citation> for CatalogueCitation {
    fn from(c: &'static Citation) -> Self {
        CatalogueCitation { id: c.id, document: c.document.id, clause: c.clause, title: c.title, label: c.label, excerpt: c.excerpt, verbatim: c.verbatim }
    }
}

/// The catalogue of this build.
pub fn catalogue() -> Result<Catalogue, Failure> {
    Ok(Catalogue {
        engine_version: crate::ENGINE_VERSION,
        documents: crate::policy::DOCUMENTS,
        citations: crate::policy::citations().map(CatalogueCitation::from).collect(),
        params: ParamSet::builtin()?,
        measures: crate::household::measures::catalogue(),
        fields: crate::case::fields::catalogue(),
        outcomes: crate::explain::Outcome::ALL.iter().map(|o| ChoiceInfo { code: o.code().to_string(), label: o.label().to_string() }).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_citation_a_result_can_name_is_in_the_catalogue_once() {
        let c = catalogue().unwrap();
        let mut ids: Vec<&str> = c.citations.iter().map(|c| c.id).collect();
        assert_eq!(ids.len(), crate::policy::ANCHORS.len());
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), crate::policy::ANCHORS.len(), "citation ids are unique");
        let cite = c.citations.iter().find(|x| x.id == "dibao.identify").unwrap();
        assert_eq!((cite.document, cite.clause), ("seed-2021", "五(十二)"));
        assert!(c.documents.iter().any(|d| d.id == cite.document));
    }
}
