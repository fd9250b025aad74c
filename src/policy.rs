//! The policy texts: the numbered clauses of the county's 2021 implementing opinion (the seed), the
//! excerpts of national and provincial rules it relies on, and the excerpts that rules cite.
//!
//! All are generated at build time from `policy/documents.toml`, the texts it names and
//! `policy/clauses.toml` (see build.rs, which refuses to build if a cited excerpt is not verbatim in
//! its clause of its document). Every decision carries a [`Citation`] naming the document (title,
//! issuer, 文号) and the clause, so a reviewer or trainer can read the words it rests on.
use serde::Serialize;

/// A document rules cite. Fields the sources did not give say “未找到” rather than a guess.
#[derive(Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct PolicyDocument {
    /// Stable id, e.g. `seed-2021`, `mca-2021-43`.
    #[serde(serialize_with = "crate::intern::text")]
    pub id: &'static str,
    /// Short name shown beside a citation, e.g. `实施意见`.
    #[serde(serialize_with = "crate::intern::text")]
    pub short: &'static str,
    /// Full title without book-title marks, or “未找到…”.
    #[serde(serialize_with = "crate::intern::text")]
    pub title: &'static str,
    #[serde(serialize_with = "crate::intern::text")]
    pub issuer: &'static str,
    /// 文号, e.g. `民发〔2021〕43号`, or “未找到…”.
    #[serde(serialize_with = "crate::intern::text")]
    pub number: &'static str,
    /// Date issued or in force, as the sources give it.
    #[serde(serialize_with = "crate::intern::text")]
    pub date: &'static str,
    /// Where the text was found, or “未找到…”.
    #[serde(serialize_with = "crate::intern::text")]
    pub url: &'static str,
    /// The words were seen only on a mirror, a repost or a local restatement.
    pub secondary: bool,
    /// The repository holds excerpts of it, not the whole text.
    pub excerpts_only: bool,
    #[serde(serialize_with = "crate::intern::text")]
    pub note: &'static str,
    /// Title, issuer, 文号 and date as shown wherever a citation is, e.g.
    /// `《特困人员认定办法》（民政部，民发〔2021〕43号，2021-07-01 起施行（印发日期未找到），二手来源）`.
    #[serde(serialize_with = "crate::intern::text")]
    pub cite_as: &'static str,
}

/// One numbered clause of the seed, e.g. `五(十二)`, or one passage of an excerpt file.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Clause {
    /// The document it belongs to.
    pub document: &'static PolicyDocument,
    /// Part and clause number of the seed, e.g. `五(十二)`; for an excerpt, the passage's name
    /// (e.g. `无劳动能力`: the article numbers were not found, so none is made up).
    pub id: &'static str,
    /// The seed part's heading, e.g. `五、强化低收入人口监测帮扶,切实兜牢民生保障底线`; for an
    /// excerpt, whether it is the source's words or a summary.
    pub part: &'static str,
    /// Short title, e.g. `分层分类实施社会救助`.
    pub title: &'static str,
    /// The whole clause or passage, as stored.
    pub text: &'static str,
    /// For an excerpt, where the words were seen (address, date, whether second-hand).
    pub source: Option<&'static str>,
    /// The document's own words (false: a summary in docs/policy-reference.md).
    pub verbatim: bool,
}

/// A citable excerpt of a clause.
#[derive(Debug, Clone, Copy)]
pub struct Anchor {
    pub key: &'static str,
    /// Id of the document (`seed-2021` for the seed).
    pub document: &'static str,
    pub clause: &'static str,
    pub excerpt: &'static str,
}

/// A handle to an [`Anchor`]; constants for all of them live in [`anchor`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnchorRef(pub(crate) usize);

include!(concat!(env!("OUT_DIR"), "/clauses.rs"));

/// What a decision rests on: the document, the clause, its title and the words relied on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Citation {
    /// The excerpt's key in policy/clauses.toml (`dibao.identify`): what a compact result lists
    /// and `catalogue().citations` is keyed by.
    #[serde(serialize_with = "crate::intern::text")]
    pub id: &'static str,
    /// The document: title, issuer, 文号, date, URL.
    pub document: &'static PolicyDocument,
    /// Clause id, e.g. `五(十二)`, or passage name; [`clause_in`] gives its full text.
    #[serde(serialize_with = "crate::intern::text")]
    pub clause: &'static str,
    #[serde(serialize_with = "crate::intern::text")]
    pub title: &'static str,
    /// How the citation is shown: document, clause and title, e.g. `实施意见 五(十二) 分层分类实施社会救助`.
    #[serde(serialize_with = "crate::intern::text")]
    pub label: &'static str,
    /// The words relied on, verbatim from the stored text of the document.
    #[serde(serialize_with = "crate::intern::text")]
    pub excerpt: &'static str,
    /// The excerpt is the document's own words (false: a summary in docs/policy-reference.md).
    pub verbatim: bool,
}

impl AnchorRef {
    pub fn anchor(self) -> &'static Anchor {
        &ANCHORS[self.0]
    }

    /// The citation, built once at compile time: a result cites a dozen clauses, and holds a
    /// pointer to each rather than three (finding the title took a search through the clauses).
    pub fn cite(self) -> &'static Citation {
        &CITATIONS[self.0]
    }
}

/// Every citable excerpt, in the order of policy/clauses.toml.
pub fn citations() -> impl Iterator<Item = &'static Citation> {
    CITATIONS.iter()
}

/// The seed: the county's 2021 implementing opinion.
pub fn seed() -> &'static PolicyDocument {
    DOCUMENTS[0]
}

/// The document with this id.
pub fn document(id: &str) -> Option<&'static PolicyDocument> {
    DOCUMENTS.iter().copied().find(|d| d.id == id)
}

/// The clause of the seed with this id (`五(十二)`), if the seed has it.
pub fn clause(id: &str) -> Option<&'static Clause> {
    clause_in(seed().id, id)
}

/// The clause or passage `id` of the document `document` (an id from [`DOCUMENTS`]).
pub fn clause_in(document: &str, id: &str) -> Option<&'static Clause> {
    CLAUSES.iter().find(|c| c.document.id == document && c.id == id)
}

/// The clauses of the seed, in order.
pub fn seed_clauses() -> impl Iterator<Item = &'static Clause> {
    CLAUSES.iter().filter(|c| std::ptr::eq(c.document, seed()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_has_all_twenty_nine_clauses_in_order() {
        let seed: Vec<_> = seed_clauses().collect();
        assert_eq!(seed.len(), 29);
        assert_eq!(seed[0].id, "一(一)");
        assert_eq!(seed[28].id, "八(二十六)");
        assert!(clause("五(十二)").unwrap().text.starts_with("(十二)分层分类实施社会救助"));
    }

    #[test]
    fn every_anchor_cites_its_clause_verbatim() {
        for a in ANCHORS {
            let c = clause_in(a.document, a.clause).unwrap();
            assert!(c.text.contains(a.excerpt), "{}", a.key);
        }
        let cite = anchor::DIBAO_EXCLUDED_INCOME.cite();
        assert_eq!(cite.clause, "五(十二)");
        assert_eq!(cite.title, "分层分类实施社会救助");
        assert_eq!(cite.document.id, "seed-2021");
        assert_eq!(cite.label, "实施意见 五(十二) 分层分类实施社会救助");
    }

    #[test]
    fn a_national_rule_is_cited_with_its_document_and_passage() {
        let cite = anchor::TEKUN_MINOR_TO_18.cite();
        assert_eq!(cite.document.number, "民发〔2021〕43号");
        assert_eq!(cite.document.issuer, "民政部");
        assert_eq!(cite.clause, "未成年人");
        assert_eq!(cite.label, "特困人员认定办法（2021） 民发〔2021〕43号 未成年人的救助供养期限");
        assert!(cite.document.excerpts_only && cite.document.secondary);
        let passage = clause_in("mca-2021-43", "未成年人").unwrap();
        assert!(passage.text.contains(cite.excerpt) && passage.source.unwrap().contains("浙江工人日报"));
        // A passage of an excerpt file is not a clause of the seed.
        assert!(clause("未成年人").is_none());
        assert_eq!(cite.document.cite_as, "《特困人员认定办法》（民政部，民发〔2021〕43号，2021-07-01 起施行（印发日期未找到），二手来源）");
    }

    #[test]
    fn every_document_is_cited_or_has_passages_and_says_where_it_came_from() {
        assert_eq!(seed().id, "seed-2021");
        for d in DOCUMENTS {
            assert!(CLAUSES.iter().any(|c| std::ptr::eq(c.document, *d)), "{} has no text", d.id);
            for field in [d.short, d.title, d.issuer, d.number, d.date, d.url] {
                assert!(!field.trim().is_empty(), "{}: a field is empty (write 未找到 instead)", d.id);
            }
        }
    }
}
