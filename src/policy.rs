//! The policy text itself: the numbered clauses of the 2021 implementing opinion and the excerpts
//! that rules cite.
//!
//! Both are generated at build time from `policy/seed-2021.txt` and `policy/clauses.toml`
//! (see build.rs, which refuses to build if a cited excerpt is not verbatim in its clause). Every
//! decision carries a [`Citation`], so a reviewer or trainer can read the words it rests on.
use serde::Serialize;

/// The document all citations refer to.
pub const DOCUMENT: &str =
    "中共静宁县委办公室 静宁县人民政府办公室《关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的实施意见》（2021年5月8日印发，索引号 11769/2021-0709171624）";

/// One numbered clause of the seed, e.g. `五(十二)`.
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Clause {
    /// Part and clause number, e.g. `五(十二)`.
    pub id: &'static str,
    /// The part's heading, e.g. `五、强化低收入人口监测帮扶,切实兜牢民生保障底线`.
    pub part: &'static str,
    /// Short title, e.g. `分层分类实施社会救助`.
    pub title: &'static str,
    /// The whole clause, verbatim.
    pub text: &'static str,
}

/// A citable excerpt of a clause.
#[derive(Debug, Clone, Copy)]
pub struct Anchor {
    pub key: &'static str,
    pub clause: &'static str,
    pub excerpt: &'static str,
}

/// A handle to an [`Anchor`]; constants for all of them live in [`anchor`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnchorRef(pub(crate) usize);

include!(concat!(env!("OUT_DIR"), "/clauses.rs"));

/// What a decision rests on: the clause, its title and the words relied on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Citation {
    /// Clause id, e.g. `五(十二)`; [`clause`] gives its full text.
    pub clause: &'static str,
    pub title: &'static str,
    /// The sentence relied on, verbatim from the seed.
    pub excerpt: &'static str,
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

/// The clause with this id (`五(十二)`), if the seed has it.
pub fn clause(id: &str) -> Option<&'static Clause> {
    CLAUSES.iter().find(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_has_all_twenty_nine_clauses_in_order() {
        assert_eq!(CLAUSES.len(), 29);
        assert_eq!(CLAUSES[0].id, "一(一)");
        assert_eq!(CLAUSES[28].id, "八(二十六)");
        assert!(clause("五(十二)").unwrap().text.starts_with("(十二)分层分类实施社会救助"));
    }

    #[test]
    fn every_anchor_cites_its_clause_verbatim() {
        for a in ANCHORS {
            let c = clause(a.clause).unwrap();
            assert!(c.text.contains(a.excerpt), "{}", a.key);
        }
        let cite = anchor::DIBAO_EXCLUDED_INCOME.cite();
        assert_eq!(cite.clause, "五(十二)");
        assert_eq!(cite.title, "分层分类实施社会救助");
    }
}
