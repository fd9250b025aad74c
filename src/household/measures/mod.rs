//! The registry of household measures: one file per measure, each reading like its clause, and
//! [`MEASURES`], the one list that evaluation, batch columns, the docs, the page's cards and the
//! tests iterate.
//!
//! A measure declares the clauses it rests on, the input fields it reads and the measures whose
//! decisions it reads (`after`). Evaluation runs them in an order that puts every measure after
//! those it reads ([`evaluation_order`]), so a benefit that follows a recognition can see whether
//! this evaluation finds the household or a member eligible for it (e.g. 医保资助 reads 特困).
//! Adding a measure is its file, its line here, its parameters, its case files and, if it needs a
//! new input, the field catalogue (data/household-fields.toml).
use super::decision::{Ctx, Decision};
use crate::case::Field;
use crate::error::Failure;
use crate::policy::AnchorRef;
use serde::Serialize;
use std::sync::OnceLock;

pub mod dibao;
pub mod dibao_edge;
pub mod dibao_single_person;
pub mod disability_subsidies;
pub mod education_aid;
pub mod employment;
pub mod help_plan;
pub mod housing;
pub mod medical_insurance;
pub mod microcredit;
pub mod monitoring;
pub mod pension;
pub mod relocation;
pub mod risk_elimination;
pub mod schooling;
pub mod tekun;
pub mod temporary_aid;
pub mod water;

/// One measure of the policy that a household may be eligible for.
pub struct Measure {
    /// Stable code, e.g. `dibao` (the result's `measure`, batch columns, case files).
    pub code: &'static str,
    /// Chinese name, e.g. `农村低保（整户）`.
    pub title: &'static str,
    /// Decided member by member (the decision lists a finding per member).
    pub per_member: bool,
    /// The clauses (of the seed or a national document) it rests on.
    pub clauses: &'static [AnchorRef],
    /// The input fields it reads.
    pub reads: &'static [Field],
    /// Codes of the measures whose decisions it reads; they are decided first.
    pub after: &'static [&'static str],
    /// The rule itself.
    pub decide: fn(&Ctx, &Decided) -> Result<Decision, Failure>,
}

/// Every measure, in the order results list them (the page's card order).
pub static MEASURES: &[&Measure] = &[
    &monitoring::MEASURE,
    &risk_elimination::MEASURE,
    &dibao::MEASURE,
    &dibao_edge::MEASURE,
    &dibao_single_person::MEASURE,
    &tekun::MEASURE,
    &medical_insurance::MEASURE,
    &pension::MEASURE,
    &housing::MEASURE,
    &schooling::MEASURE,
    &water::MEASURE,
    &help_plan::MEASURE,
    &microcredit::MEASURE,
    &disability_subsidies::MEASURE,
    &education_aid::MEASURE,
    &employment::MEASURE,
    &temporary_aid::MEASURE,
    &relocation::MEASURE,
];

/// The measure with this code.
pub fn by_code(code: &str) -> Option<&'static Measure> {
    MEASURES.iter().copied().find(|m| m.code == code)
}

/// Indices into [`MEASURES`] in an order where every measure comes after those it reads (and
/// otherwise in list order). A dependency on an unknown code, or a cycle, is a programming error
/// that `tests::dependencies_are_known_and_acyclic` catches; at run time the measures concerned
/// still run, last, reading "undecided" for what is missing, rather than panic.
pub fn evaluation_order() -> &'static [usize] {
    static ORDER: OnceLock<Vec<usize>> = OnceLock::new();
    ORDER.get_or_init(|| {
        let mut order = Vec::with_capacity(MEASURES.len());
        let mut done = vec![false; MEASURES.len()];
        while order.len() < MEASURES.len() {
            let ready = (0..MEASURES.len())
                .find(|&i| !done[i] && MEASURES[i].after.iter().all(|c| MEASURES.iter().position(|m| m.code == *c).is_some_and(|j| done[j])));
            // A cycle or an unknown code: take the first left, as documented above.
            let i = ready.unwrap_or_else(|| (0..MEASURES.len()).find(|&i| !done[i]).unwrap_or(0));
            done[i] = true;
            order.push(i);
        }
        order
    })
}

/// The decisions made so far in one evaluation, for a measure to read those it declared.
pub struct Decided<'a> {
    made: &'a [Decision],
}

impl<'a> Decided<'a> {
    pub fn new(made: &'a [Decision]) -> Self {
        Decided { made }
    }

    /// The decision of measure `code`; an undecided one when it has not been made (which the
    /// registry's order rules out for declared dependencies).
    pub fn get(&self, code: &str) -> &Decision {
        static UNDECIDED: OnceLock<Decision> = OnceLock::new();
        self.made.iter().find(|d| d.measure == code).unwrap_or_else(|| UNDECIDED.get_or_init(|| Decision::new(&PLACEHOLDER)))
    }
}

/// What [`Decided::get`] stands in with for a decision not made.
static PLACEHOLDER: Measure =
    Measure { code: "", title: "", per_member: false, clauses: &[], reads: &[], after: &[], decide: |_, _| Err(Failure::calc("未登记的措施")) };

/// A measure as the catalogue export describes it (`householdMeasures()`, `jingning measures`).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct MeasureInfo {
    pub code: &'static str,
    pub title: &'static str,
    pub per_member: bool,
    /// Clause ids it rests on (`五(十二)`).
    pub clauses: Vec<&'static str>,
    /// The same as citation ids (`catalogue().citations[].id`): what a decision cites unless its
    /// compact form lists others.
    pub citations: Vec<&'static str>,
    /// Catalogue paths of the inputs it reads.
    pub reads: Vec<&'static str>,
    /// Measures whose decisions it reads.
    pub after: Vec<&'static str>,
}

/// Every measure, described.
pub fn catalogue() -> Vec<MeasureInfo> {
    MEASURES
        .iter()
        .map(|m| MeasureInfo {
            code: m.code,
            title: m.title,
            per_member: m.per_member,
            clauses: m.clauses.iter().map(|a| a.anchor().clause).collect(),
            citations: m.clauses.iter().map(|a| a.anchor().key).collect(),
            reads: m.reads.iter().map(|f| f.path()).collect(),
            after: m.after.to_vec(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependencies_are_known_and_acyclic() {
        let order = evaluation_order();
        assert_eq!(order.len(), MEASURES.len());
        for (pos, &i) in order.iter().enumerate() {
            for dep in MEASURES[i].after {
                let j = MEASURES.iter().position(|m| m.code == *dep).unwrap_or_else(|| panic!("{}: unknown dependency {dep}", MEASURES[i].code));
                let dep_pos = order.iter().position(|&k| k == j).unwrap();
                assert!(dep_pos < pos, "{} is decided before {dep}, which it reads", MEASURES[i].code);
            }
        }
    }

    #[test]
    fn the_scope_can_tell_every_measure_apart() {
        // A card lists the unverified values its own measure read: one bit per measure.
        assert!(MEASURES.len() <= crate::params::MAX_RULES);
    }

    #[test]
    fn codes_are_unique_and_every_measure_cites_and_reads_something() {
        let mut codes: Vec<_> = MEASURES.iter().map(|m| m.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), MEASURES.len());
        for m in MEASURES {
            assert!(!m.clauses.is_empty(), "{} cites no clause", m.code);
            assert!(!m.reads.is_empty(), "{} reads no input", m.code);
        }
    }

    #[test]
    fn a_decision_not_made_reads_as_undecided() {
        let made = [Decision::new(&monitoring::MEASURE)];
        let d = Decided::new(&made);
        assert_eq!(d.get("monitoring").measure, "monitoring");
        assert_eq!(d.get("tekun").outcome, crate::explain::Outcome::CannotDecide);
        assert_eq!(d.get("no_such_measure").outcome, crate::explain::Outcome::CannotDecide);
    }
}
