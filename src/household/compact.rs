//! The lean result: what an evaluation found, with everything that is the same for every household
//! (clause texts, documents, parameter sources, measure titles, field labels) left to the catalogue
//! ([`crate::catalogue`]) and referred to by id.
//!
//! A full result carries each citation's document and excerpt and each parameter's source text
//! inline, once per decision: 66,618 bytes of JSON for the 5-member example, almost all of it
//! repeated from one household to the next. A portal checking a village's households, or the batch
//! worker, wants the verdicts: the compact result keeps per decision its outcome, category, reason,
//! amount, 认定后 text, citation ids (left out when they are the measure's own), the members
//! concerned and the missing inputs, and per result the per-capita figures, the parameter values
//! used (id → value), the ids of the unverified values used (each decision that read one marked
//! provisional) and the fingerprint: 3,834 bytes for the example (docs/household-case.md
//! “精简结果”). Condition checklists, figures, thresholds, member findings that do not apply and the
//! income ledger are in the full result only (`detail: "full"`).
use super::decision::{Decision, MemberFinding};
use super::evaluate::HouseholdResult;
use crate::error::{Failure, FieldError};
use crate::explain::{Missing, Outcome};
use crate::intern::Interned;
use crate::prose::Prose;
use rust_decimal::Decimal;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// How much a result says: `compact` (ids into the catalogue, the default for API users) or `full`
/// (every text inline, as the page and the print sheet use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Detail {
    #[default]
    Compact,
    Full,
}

impl Detail {
    /// Reads `"compact"` / `"full"` (`None` = the default).
    pub fn parse(text: Option<&str>) -> Result<Detail, Failure> {
        match text.map(str::trim) {
            None | Some("compact") => Ok(Detail::Compact),
            Some("full") => Ok(Detail::Full),
            Some(other) => Err(Failure::invalid(vec![FieldError::new("$.detail", format!("「结果详略」应为 \"compact\" 或 \"full\"，收到 \"{other}\""))])),
        }
    }

    /// Takes `detail` out of an options object (the rest goes to [`crate::params::Options`],
    /// which knows nothing of how results are written).
    pub fn take_from(options: &mut serde_json::Value) -> Result<Detail, Failure> {
        let Some(map) = options.as_object_mut() else { return Ok(Detail::Compact) };
        match map.remove("detail") {
            None | Some(serde_json::Value::Null) => Ok(Detail::Compact),
            Some(serde_json::Value::String(s)) => Detail::parse(Some(&s)),
            Some(other) => Err(Failure::invalid(vec![FieldError::new("$.detail", format!("「结果详略」应为 \"compact\" 或 \"full\"，收到 {other}"))])),
        }
    }
}

/// The result as JSON text at the given detail.
pub fn to_json(result: &HouseholdResult, detail: Detail) -> Result<String, Failure> {
    match detail {
        Detail::Full => serde_json::to_string(result),
        Detail::Compact => serde_json::to_string(&Compact(result)),
    }
    .map_err(|e| Failure::calc(format!("结果无法写出：{e}")))
}

/// A household result written compactly (see the module docs): serialises as
/// [`CompactHouseholdResult`], whose TypeScript type is derived from it.
pub struct Compact<'a>(pub &'a HouseholdResult);

impl Serialize for Compact<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        CompactHouseholdResult::of(self.0).serialize(s)
    }
}

/// `evaluateHousehold`'s result with `detail: "compact"` (the default): the verdicts, with texts that
/// are the same for every household left to `catalogue()` and named by id.
#[derive(Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct CompactHouseholdResult<'a> {
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    schema: Interned,
    #[cfg_attr(feature = "wasm", tsify(type = "\"compact\""))]
    detail: Detail,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    engine_version: Interned,
    /// 核查日期 YYYY-MM-DD.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    assessment_date: &'a chrono::NaiveDate,
    household_size: u32,
    decisions: Vec<CompactDecision<'a>>,
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    per_capita_net: Option<Decimal>,
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    per_capita_dibao: Option<Decimal>,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    rigid_expenses: Decimal,
    /// Parameter id → value used; label, unit, source and verified flag in `catalogue().params`.
    #[cfg_attr(feature = "wasm", tsify(type = "Record<string, string>"))]
    params_used: ParamValues<'a>,
    /// Ids of the parameters set by the options' overrides (absent when none).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string[]"))]
    overridden: Option<Ids<'a>>,
    /// Ids of the unverified (placeholder or overridden) values used.
    #[cfg_attr(feature = "wasm", tsify(type = "string[]"))]
    unverified: Ids<'a>,
    missing: &'a [Missing],
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    fingerprint: &'a crate::fingerprint::Fingerprint,
}

impl<'a> CompactHouseholdResult<'a> {
    fn of(r: &'a HouseholdResult) -> Self {
        CompactHouseholdResult {
            schema: Interned(r.schema),
            detail: Detail::Compact,
            engine_version: Interned(r.engine_version),
            assessment_date: &r.assessment_date,
            household_size: r.household_size,
            decisions: r.decisions.iter().enumerate().map(|(i, d)| compact_decision(d, i, r.provisional.iter().any(|p| p.measure == d.measure))).collect(),
            per_capita_net: r.per_capita_net,
            per_capita_dibao: r.per_capita_dibao,
            rigid_expenses: r.rigid_expenses,
            params_used: ParamValues(r),
            overridden: r.params_used.iter().any(|p| p.overridden).then_some(Ids(r, |p| p.overridden)),
            unverified: Ids(r, |p| !p.verified),
            missing: &r.missing,
            fingerprint: &r.fingerprint,
        }
    }
}

/// One decision of a compact result: empty lists and absent values are left out; texts that are the
/// same for every household are in `catalogue()`.
#[derive(Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct CompactDecision<'a> {
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    measure: Interned,
    outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    category: Option<Interned>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    category_label: Option<Interned>,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    reason: &'a Prose,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    once_recognised: Option<&'a Prose>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    amount: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    amount_unit: Option<Interned>,
    /// Citation ids (`catalogue().citations[i].id`); absent when they are the measure's own
    /// (`catalogue().measures[i].citations`), as for most decisions.
    #[serde(skip_serializing_if = "CitationIds::are_the_measures")]
    #[cfg_attr(feature = "wasm", tsify(type = "string[]", optional))]
    citations: CitationIds<'a>,
    /// Members the decision applies to, will apply to once recognised, or cannot decide yet.
    #[serde(skip_serializing_if = "Members::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(type = "CompactMember[]", optional))]
    members: Members<'a>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    missing: &'a [Missing],
    /// It read an unverified (placeholder) value: say the result is provisional (暂定); which ones:
    /// the top-level `unverified`, per decision in the full result's `provisional`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "wasm", tsify(type = "true", optional))]
    provisional: bool,
}

/// Decision `index` of a result (results list the measures in registry order, so the measure is
/// found without a search by name, which was a few per cent of a compact call).
fn compact_decision(d: &Decision, index: usize, provisional: bool) -> CompactDecision<'_> {
    let measure = match super::measures::MEASURES.get(index) {
        Some(m) if std::ptr::eq(m.code, d.measure) => Some(*m),
        _ => super::measures::by_code(d.measure),
    };
    CompactDecision {
        measure: Interned(d.measure),
        outcome: d.outcome,
        category: d.category.map(Interned),
        category_label: d.category_label.map(Interned),
        reason: &d.reason,
        once_recognised: d.once_recognised.as_ref(),
        amount: d.amount,
        amount_unit: d.amount_unit.map(Interned),
        citations: CitationIds(&d.citations, measure),
        members: Members(&d.members),
        missing: &d.missing,
        provisional,
    }
}

/// A decision's citations and its measure (whose own clauses need not be repeated).
struct CitationIds<'a>(&'a [&'static crate::policy::Citation], Option<&'static super::measures::Measure>);

impl CitationIds<'_> {
    fn are_the_measures(&self) -> bool {
        // The same citation is normally the same static (`AnchorRef::cite`): compare addresses first.
        self.1
            .is_some_and(|m| m.clauses.len() == self.0.len() && m.clauses.iter().zip(self.0).all(|(a, c)| std::ptr::eq(a.cite(), *c) || a.anchor().key == c.id))
    }
}

impl Serialize for CitationIds<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|c| Interned(c.id)))
    }
}

/// The members a decision concerns: those it does not apply to are left out (the full result
/// lists everyone with the reason).
struct Members<'a>(&'a [MemberFinding]);

impl Members<'_> {
    fn concerned(&self) -> impl Iterator<Item = &MemberFinding> {
        self.0.iter().filter(|m| m.outcome != Outcome::DoesNotApply)
    }

    fn is_empty(&self) -> bool {
        self.concerned().next().is_none()
    }
}

/// A member a compact decision concerns (`index` into the case's `members`).
#[derive(Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct CompactMember<'a> {
    index: usize,
    outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    amount: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    once_recognised: Option<&'a Prose>,
}

impl Serialize for Members<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.concerned().map(|m| CompactMember {
            index: m.index,
            outcome: m.outcome,
            amount: m.amount,
            once_recognised: m.once_recognised.as_ref(),
        }))
    }
}

/// `{ id: value }` of the parameters used, in id order.
struct ParamValues<'a>(&'a HouseholdResult);

impl Serialize for ParamValues<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for p in self.0.params_used.iter() {
            m.serialize_entry(&*p.id, &p.value)?;
        }
        m.end()
    }
}

/// Ids of the parameters used that match a test.
struct Ids<'a>(&'a HouseholdResult, fn(&crate::params::ParamUse) -> bool);

impl Serialize for Ids<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.params_used.iter().filter(|p| (self.1)(p)).map(|p| &*p.id))
    }
}
