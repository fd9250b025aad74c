//! 脱贫人口小额信贷 — 实施意见 七(二十):
//!
//! > 进一步完善落实针对脱贫人口的小额信贷政策
//!
//! Conditions (national terms, docs/policy-reference.md §8, unverified for Gansu):
//! 1. 脱贫户, or 监测对象 (recorded — or identified by this evaluation: then **once recognised**);
//! 2. a member aged `microcredit.borrower_age_min`–`microcredit.borrower_age_max` who can borrow
//!    (有劳动能力 or not stated otherwise).
//!
//! Terms: up to `microcredit.max_amount` 元, up to `microcredit.max_years` 年, 免担保免抵押,
//! 基准利率, 财政贴息.
use super::{Decided, Measure};
use crate::case::{field, HouseholdType, Labour};
use crate::error::Failure;
use crate::explain::Outcome;
use crate::household::decision::{Ctx, Decision};
use crate::household::facts::{self, Open, Standing};
use crate::money::Yuan;
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use crate::prose::{Prose, Sep};
use rust_decimal::Decimal;

pub static MEASURE: Measure = Measure {
    code: "microcredit",
    title: "脱贫人口小额信贷",
    per_member: false,
    clauses: &[anchor::FINANCE_MICROCREDIT],
    reads: &[field::HOUSEHOLD_TYPE, field::STATUS_MONITORED, field::MEMBER_BIRTH_DATE, field::MEMBER_LABOUR_CAPACITY],
    after: &["monitoring"],
    decide,
};

fn decide(ctx: &Ctx, decided: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = MEASURE.clauses.iter().map(|a| a.cite()).collect();
    let (min, max) = (ctx.scope.get(param::MICROCREDIT_BORROWER_AGE_MIN)?, ctx.scope.get(param::MICROCREDIT_BORROWER_AGE_MAX)?);
    let (amount, years) = (ctx.scope.get(param::MICROCREDIT_MAX_AMOUNT)?, ctx.scope.get(param::MICROCREDIT_MAX_YEARS)?);
    // Condition 1: 脱贫户 (a recorded fact) or 监测对象.
    let exited = ctx.case.household_type.map(|t| t == HouseholdType::PovertyExited);
    let monitored = facts::monitored(ctx, decided);
    let group = match (exited, monitored) {
        (Some(true), _) | (_, Standing::Recorded) => Standing::Recorded,
        (_, Standing::Found) => Standing::Found,
        (Some(false), Standing::Not) => Standing::Not,
        _ => Standing::Unknown,
    };
    let open = if group == Standing::Unknown { group_open(ctx, decided, exited) } else { Open::default() };
    d.condition(
        "group",
        "脱贫户或监测对象",
        match group {
            Standing::Recorded => Some(true),
            Standing::Not => Some(false),
            Standing::Found | Standing::Unknown => None,
        },
        match group {
            Standing::Recorded if exited == Some(true) => "脱贫户".into(),
            Standing::Recorded => "监测对象".into(),
            Standing::Found => "本次核查识别为监测对象，待认定".into(),
            Standing::Not => "一般农户，非监测对象".into(),
            Standing::Unknown => open.note.clone(),
        },
    );
    // Condition 2: a borrower of age, not known to be without labour capacity.
    let mut borrowers = Vec::new();
    let mut missing = Vec::new();
    for (i, m) in ctx.case.members.iter().enumerate() {
        match ctx.age(m).map(Decimal::from) {
            Some(a) if a >= min && a <= max && m.labour != Some(Labour::None) => borrowers.push(Ctx::name(m, i)),
            Some(_) => {}
            None => missing.push(ctx.missing(i, field::MEMBER_BIRTH_DATE)),
        }
    }
    let has_borrower = if !borrowers.is_empty() {
        Some(true)
    } else if missing.is_empty() {
        Some(false)
    } else {
        None
    };
    d.condition("borrower", "有符合年龄的借款人", has_borrower, prose!("{}–{} 周岁、有劳动能力", min, max));
    let terms = prose!("{} 以下、{} 年以内，免担保免抵押、基准利率、财政贴息", Yuan(amount), years);
    match (group, has_borrower) {
        (Standing::Not, _) => Ok(d.decided(Outcome::DoesNotApply, "一般农户且不属监测对象，不属脱贫人口小额信贷对象（有较大资金需求的可申请创业担保贷款）")),
        (_, Some(false)) => Ok(d.decided(Outcome::DoesNotApply, prose!("家中没有 {}–{} 周岁、有劳动能力的借款人", min, max))),
        (Standing::Unknown, _) => {
            let reason = prose!("{}；补充后如属脱贫户或监测对象，可申请小额信贷：{}", open.note, terms);
            let mut d = d.undecided(open.asks, "");
            d.reason = reason;
            Ok(d)
        }
        (_, None) => Ok(d.undecided(missing, "成员年龄未填")),
        (Standing::Recorded, Some(true)) => {
            let reason = prose!("可申请脱贫人口小额信贷（借款人：{}）：{}", Prose::join(borrowers, Sep::Comma), terms);
            Ok(d.decided(Outcome::Applies, reason))
        }
        (Standing::Found, Some(true)) => {
            d.once_recognised = Some(prose!("纳入监测对象后可申请小额信贷：{}", terms.clone()));
            let reason = prose!("本次核查识别为监测对象；纳入监测后可申请小额信贷（借款人：{}）：{}", Prose::join(borrowers, Sep::Comma), terms);
            Ok(d.decided(Outcome::OnceRecognised, reason))
        }
    }
}

/// Why the group (脱贫户 or 监测对象) is unknown, and what would settle it: the household type
/// when blank, and the monitoring check's own asks while its finding is open.
fn group_open(ctx: &Ctx, decided: &Decided, exited: Option<bool>) -> Open {
    let household_type = Open::blank(exited.is_some(), field::HOUSEHOLD_TYPE);
    Open::merge([household_type, facts::monitored_open(ctx, decided)])
}
