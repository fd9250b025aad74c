//! What every household measure returns, and the evaluation context the measures share.
//!
//! One shape for all measures, so the page renders each the same way: the outcome, who it
//! concerns, the figures and distances to each threshold, the reason, the clause, and what input
//! is still needed.
use crate::case::{field, Case, Field, Labour, Member};
use crate::error::Failure;
use crate::explain::{Missing, Outcome, Threshold};
use crate::household::income::IncomeLedger;
use crate::household::measures::Measure;
use crate::money;
use crate::params::param;
use crate::params::Scope;
use crate::policy::Citation;
use crate::prose::Prose;
use rust_decimal::Decimal;
use serde::Serialize;

/// One measure's decision for the household.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Decision {
    /// Stable code, e.g. `dibao`, `monitoring` (the registry's, `household::measures::MEASURES`).
    #[serde(serialize_with = "crate::intern::text")]
    pub measure: &'static str,
    /// Chinese name, e.g. `农村低保（整户）`.
    #[serde(serialize_with = "crate::intern::text")]
    pub title: &'static str,
    pub outcome: Outcome,
    /// Sub-kind when the measure has one (e.g. monitoring `edge`, housing `priority`).
    #[serde(serialize_with = "crate::intern::opt_text")]
    pub category: Option<&'static str>,
    #[serde(serialize_with = "crate::intern::opt_text")]
    pub category_label: Option<&'static str>,
    /// 条件清单: the measure's conditions, in the order its clause states them, each met, not
    /// met or unknown for this household.
    pub conditions: Vec<Finding>,
    /// 认定后: what would apply once a recognition the engine finds the household eligible for is
    /// made (e.g. `认定为低保对象后为危房改造重点对象`), beside what applies now; the whole
    /// outcome is `once_recognised` when nothing applies before it.
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub once_recognised: Option<Prose>,
    /// Per-member findings (for per-member measures).
    pub members: Vec<MemberFinding>,
    /// Itemised risks or help measures found.
    pub findings: Vec<Finding>,
    /// Figures the decision used.
    pub figures: Vec<Figure>,
    /// An amount (e.g. monthly 补差, yearly 资助) when the measure has one.
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub amount: Option<Decimal>,
    #[serde(serialize_with = "crate::intern::opt_text")]
    pub amount_unit: Option<&'static str>,
    /// Distance to every threshold the decision turned on.
    pub thresholds: Vec<Threshold>,
    /// The reason in Chinese.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub reason: Prose,
    #[cfg_attr(feature = "wasm", tsify(type = "Citation[]"))]
    pub citations: Vec<&'static Citation>,
    /// Inputs still needed (outcome `cannot_decide`), or that would refine it.
    pub missing: Vec<Missing>,
}

/// A measure's finding for one member.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct MemberFinding {
    /// Index in `members` of the case.
    pub index: usize,
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub name: Option<crate::prose::Name>,
    pub outcome: Outcome,
    /// Grounds in Chinese (e.g. `重度残疾人（肢体残疾一级）`).
    #[cfg_attr(feature = "wasm", tsify(type = "string[]"))]
    pub grounds: Vec<Prose>,
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub amount: Option<Decimal>,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub reason: Prose,
    /// 认定后: what would apply to this member once recognised (see [`Decision::once_recognised`]).
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub once_recognised: Option<Prose>,
    /// The member's conditions as checked (for measures decided person by person).
    pub conditions: Vec<Finding>,
    pub missing: Vec<Missing>,
}

/// One condition, risk or suggestion: met, not met, or unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Finding {
    #[serde(serialize_with = "crate::intern::text")]
    pub code: &'static str,
    #[serde(serialize_with = "crate::intern::text")]
    pub label: &'static str,
    /// `true` met / present, `false` not, `null` unknown.
    pub met: Option<bool>,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub note: Prose,
}

/// A figure used in a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Figure {
    #[serde(serialize_with = "crate::intern::text")]
    pub label: &'static str,
    /// Kept exact in Rust; rounded to fen (0.01 元) in JSON.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(serialize_with = "money::serialize_fen")]
    pub value: Decimal,
    #[serde(serialize_with = "crate::intern::text")]
    pub unit: &'static str,
}

impl Decision {
    /// An undecided decision of `measure`, citing nothing yet.
    pub fn new(measure: &Measure) -> Decision {
        Decision {
            measure: measure.code,
            title: measure.title,
            outcome: Outcome::CannotDecide,
            category: None,
            category_label: None,
            conditions: Vec::new(),
            once_recognised: None,
            members: Vec::new(),
            findings: Vec::new(),
            figures: Vec::new(),
            amount: None,
            amount_unit: None,
            thresholds: Vec::new(),
            reason: Prose::default(),
            citations: Vec::new(),
            missing: Vec::new(),
        }
    }

    pub fn figure(&mut self, label: &'static str, value: Decimal, unit: &'static str) {
        self.figures.push(Figure { label, value, unit });
    }

    pub fn finding(&mut self, code: &'static str, label: &'static str, met: Option<bool>, note: impl Into<Prose>) {
        self.findings.push(Finding { code, label, met, note: note.into() });
    }

    /// Records one of the measure's conditions as checked.
    pub fn condition(&mut self, code: &'static str, label: &'static str, met: Option<bool>, note: impl Into<Prose>) {
        self.conditions.push(Finding { code, label, met, note: note.into() });
    }

    pub fn category(&mut self, code: &'static str, label: &'static str) {
        self.category = Some(code);
        self.category_label = Some(label);
    }

    /// Ends the decision as `cannot_decide` for want of `missing`.
    pub fn undecided(mut self, missing: Vec<Missing>, reason: &'static str) -> Decision {
        self.outcome = Outcome::CannotDecide;
        self.missing = missing;
        self.reason = Prose::Static(reason);
        self
    }

    /// Ends the decision with `outcome` and `reason`.
    pub fn decided(mut self, outcome: Outcome, reason: impl Into<Prose>) -> Decision {
        self.outcome = outcome;
        self.reason = reason.into();
        self
    }

    /// For a per-member measure: the household outcome follows its members (any applies →
    /// applies; else any once recognised → once recognised; else any undecided → cannot decide),
    /// and the missing inputs are those of undecided members.
    pub fn settle_members(&mut self) {
        self.outcome = fold(&self.members);
        self.missing = self.members.iter().filter(|m| m.outcome == Outcome::CannotDecide).flat_map(|m| m.missing.iter().cloned()).collect();
        self.missing.sort();
        self.missing.dedup();
    }

    /// The members with this outcome.
    pub fn members_with(&self, outcome: Outcome) -> impl Iterator<Item = &MemberFinding> {
        self.members.iter().filter(move |m| m.outcome == outcome)
    }

    /// The finding for member `index`, if the measure made one.
    pub fn member(&self, index: usize) -> Option<&MemberFinding> {
        self.members.iter().find(|m| m.index == index)
    }
}

impl MemberFinding {
    /// A finding for member `index` of the case, to be given its outcome and reason.
    pub fn new(index: usize, m: &Member, outcome: Outcome, reason: impl Into<Prose>) -> MemberFinding {
        MemberFinding {
            index,
            name: m.name.clone(),
            outcome,
            grounds: Vec::new(),
            amount: None,
            reason: reason.into(),
            once_recognised: None,
            conditions: Vec::new(),
            missing: Vec::new(),
        }
    }

    /// The member's name, or `成员N` when the case gives none.
    pub fn display_name(&self) -> Prose {
        match &self.name {
            Some(n) => Prose::Name(n.clone()),
            None => crate::prose!("成员{}", self.index + 1),
        }
    }

    /// Records one of the member's conditions as checked.
    pub fn condition(&mut self, code: &'static str, label: &'static str, met: Option<bool>, note: impl Into<Prose>) {
        self.conditions.push(Finding { code, label, met, note: note.into() });
    }
}

/// The household outcome of per-member findings.
pub fn fold(members: &[MemberFinding]) -> Outcome {
    let any = |o| members.iter().any(|m| m.outcome == o);
    if any(Outcome::Applies) {
        Outcome::Applies
    } else if any(Outcome::OnceRecognised) {
        Outcome::OnceRecognised
    } else if any(Outcome::CannotDecide) {
        Outcome::CannotDecide
    } else {
        Outcome::DoesNotApply
    }
}

/// Everything the measures share for one evaluation.
pub struct Ctx<'a> {
    pub case: &'a Case,
    pub scope: Scope<'a>,
    /// The income ledger, when incomes were given.
    pub ledger: Option<IncomeLedger>,
    /// Rigid expenses over 12 months (unknown items count as 0; listed in `rigid_missing`).
    pub rigid: Decimal,
    pub rigid_missing: Vec<Missing>,
    /// Compulsory-school ages `[from, until)` (parameters `schooling.*`).
    pub school_ages: (u32, u32),
    /// Exact per-capita incomes (net, counted for 低保), from [`Ctx::divide_ledger`].
    pub per_capita: (Option<Decimal>, Option<Decimal>),
    /// The household's risk kinds, found once for the measures that use them.
    pub risks: std::cell::OnceCell<super::facts::Risks>,
}

impl<'a> Ctx<'a> {
    /// Risk kinds, declared or shown by the member data ([`super::facts::risks`]).
    pub fn risks(&self) -> &super::facts::Risks {
        self.risks.get_or_init(|| super::facts::risks(self))
    }

    pub fn size(&self) -> Decimal {
        Decimal::from(self.case.members.len() as u64)
    }

    pub fn age(&self, m: &Member) -> Option<u32> {
        m.age_on(self.case.assessment_date)
    }

    /// A member's name as sentences show it, `成员N` when the case gives none.
    pub fn name(m: &Member, i: usize) -> Prose {
        match &m.name {
            Some(n) => Prose::Name(n.clone()),
            None => crate::prose!("成员{}", i + 1),
        }
    }

    /// Member `i`'s field `f` is needed: the prompt names the member.
    pub fn missing(&self, i: usize, f: Field) -> Missing {
        Missing::member(i, self.case.members.get(i).and_then(|m| m.name.as_deref()), f)
    }

    pub fn incomes_missing() -> Missing {
        Missing::of(field::INCOMES)
    }

    /// Exact per-capita net income (monitoring).
    pub fn per_capita_net(&self) -> Option<Decimal> {
        self.per_capita.0
    }

    /// Exact per-capita income counted for 低保.
    pub fn per_capita_dibao(&self) -> Option<Decimal> {
        self.per_capita.1
    }

    /// Both exact per-capita incomes (net, counted for 低保), worked out once per evaluation.
    pub fn divide_ledger(ledger: Option<&IncomeLedger>, size: usize) -> Result<(Option<Decimal>, Option<Decimal>), Failure> {
        let Some(l) = ledger else { return Ok((None, None)) };
        let size = Decimal::from(size as u64);
        Ok((Some(money::div(l.total_net, size, "人均纯收入")?), Some(money::div(l.total_dibao, size, "低保人均收入")?)))
    }

    /// Per-capita net income after rigid expenses.
    pub fn per_capita_after_rigid(&self) -> Result<Option<Decimal>, Failure> {
        let Some(l) = &self.ledger else { return Ok(None) };
        let net = money::sub(l.total_net, self.rigid, "扣除刚性支出后纯收入")?;
        money::div(net, self.size(), "扣除刚性支出后人均纯收入").map(Some)
    }

    /// Whether the whole household has no labour capacity: `None` while some member's is unknown
    /// and none is known to have any.
    pub fn no_labour_at_all(&self) -> Option<bool> {
        let ms = &self.case.members;
        if ms.iter().any(|m| matches!(m.labour, Some(Labour::Full | Labour::Half | Labour::Weak))) {
            Some(false)
        } else if ms.iter().all(|m| m.labour.is_some()) {
            Some(true)
        } else {
            None
        }
    }

    /// Missing labour capacity fields.
    pub fn labour_missing(&self) -> Vec<Missing> {
        self.case.members.iter().enumerate().filter(|(_, m)| m.labour.is_none()).map(|(i, _)| self.missing(i, field::MEMBER_LABOUR_CAPACITY)).collect()
    }

    /// Severe disability (重度残疾人) for 单人户施保 in the national wording: 一、二级, and 三级 for
    /// 智力、精神残疾 (`dibao.single_person.severe_disability_max_grade_intellectual_mental`).
    pub fn severe_for_single_person(&self, m: &Member) -> Result<Option<bool>, Failure> {
        use crate::case::DisabilityKind;
        let kind = m.disability.and_then(|x| x.kind);
        match (m.has_disability, m.disability.and_then(|x| x.grade), kind) {
            (Some(false), _, _) => Ok(Some(false)),
            (_, Some(g), Some(DisabilityKind::Intellectual | DisabilityKind::Mental)) => {
                Ok(Some(Decimal::from(g) <= self.scope.get(param::DIBAO_SINGLE_PERSON_SEVERE_DISABILITY_MAX_GRADE_INTELLECTUAL_MENTAL)?))
            }
            // A grade-three disability of unknown kind may be intellectual or mental: ask for the kind.
            (_, Some(g), None)
                if Decimal::from(g) > self.scope.get(param::DIBAO_SINGLE_PERSON_SEVERE_DISABILITY_MAX_GRADE)?
                    && Decimal::from(g) <= self.scope.get(param::DIBAO_SINGLE_PERSON_SEVERE_DISABILITY_MAX_GRADE_INTELLECTUAL_MENTAL)? =>
            {
                Ok(None)
            }
            _ => self.severe_disability(m),
        }
    }

    /// Severe disability (重度残疾人) for 养老代缴: grade at or above the parameter (一、二级).
    pub fn severe_disability(&self, m: &Member) -> Result<Option<bool>, Failure> {
        match (m.has_disability, m.disability.and_then(|x| x.grade)) {
            (Some(false), _) => Ok(Some(false)),
            (_, Some(g)) => Ok(Some(Decimal::from(g) <= self.scope.get(param::DIBAO_SINGLE_PERSON_SEVERE_DISABILITY_MAX_GRADE)?)),
            _ => Ok(None),
        }
    }
}

/// A member's disability in two halves (`肢体残疾`, `一级`), for sentences to place directly.
pub fn disability_parts(m: &Member) -> (&'static str, &'static str) {
    use crate::decode::Choice;
    let grades = ["", "一级", "二级", "三级", "四级"];
    match m.disability {
        Some(d) => (d.kind.map(|k| k.label()).unwrap_or("残疾"), d.grade.and_then(|g| grades.get(g as usize).copied()).unwrap_or("")),
        None => ("残疾", ""),
    }
}
