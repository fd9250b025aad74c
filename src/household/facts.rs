//! Facts about a household that several measures read: its risk kinds, children out of school,
//! the “两不愁三保障” gaps, and — for benefits that follow a formal recognition — whether a status
//! (特困, 低保, 监测对象) is recorded on the case or only found by this evaluation.
use super::decision::Ctx;
use super::measures::Decided;
use crate::case::{field, Field, Housing, Labour, OutOfSchoolReason, Risk, Schooling, Water};
use crate::error::Failure;
use crate::explain::{Missing, Outcome};
use crate::money;
use crate::prose;
use crate::prose::{Prose, Sep};
use rust_decimal::Decimal;
use smallvec::SmallVec;

/// At most one entry per kind (nine kinds, not counting "checked: none"), each with where it came from.
pub type Risks = SmallVec<[(Risk, &'static str); 9]>;

/// Risk kinds: declared ones plus those the member data shows, each with where it came from
/// (never [`Risk::NoneVerified`]).
/// Measures read them through [`Ctx::risks`], which finds them once.
pub fn risks(ctx: &Ctx) -> Risks {
    let c = ctx.case;
    // "Checked: no risk" is an answer, not a kind ([`Case::no_risk_verified`]).
    let mut out: Risks = c.declared_risks.iter().filter(|r| **r != Risk::NoneVerified).map(|r| (*r, "申报")).collect();
    let mut add = |r: Risk, why: &'static str| {
        if !out.iter().any(|(x, _)| *x == r) {
            out.push((r, why));
        }
    };
    let ill = c.members.iter().any(|m| m.serious_illness == Some(true) || m.chronic_illness == Some(true));
    let medical = c.members.iter().any(|m| m.medical_out_of_pocket.is_some_and(|x| !x.is_zero()));
    if ill || medical {
        add(Risk::Illness, "有成员患重病/慢性病或有医疗自付费用");
    }
    if c.members.iter().any(|m| m.has_disability == Some(true)) {
        add(Risk::Disability, "有残疾成员");
    }
    if c.expenses.education.is_some_and(|x| !x.is_zero()) || !dropouts(ctx).is_empty() {
        add(Risk::Schooling, "有教育支出或义务教育阶段失学辍学");
    }
    if c.expenses.disaster_loss.is_some_and(|x| !x.is_zero()) {
        add(Risk::Disaster, "有自然灾害损失");
    }
    if c.expenses.accident_loss.is_some_and(|x| !x.is_zero()) {
        add(Risk::Accident, "有意外事故损失");
    }
    if !c.members.is_empty() && c.members.iter().all(|m| matches!(m.labour, Some(Labour::Weak | Labour::None))) {
        add(Risk::LabourShortage, "家庭无全劳力、半劳力");
    }
    out.sort_by_key(|(r, _)| *r);
    out
}

/// Members of compulsory-school age out of school for a reason other than health.
pub fn dropouts(ctx: &Ctx) -> Vec<usize> {
    ctx.case
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.schooling == Some(Schooling::OutOfSchool) && m.out_of_school_reason != Some(OutOfSchoolReason::Health))
        .filter(|(_, m)| ctx.age(m).is_some_and(|a| a >= ctx.school_ages.0 && a < ctx.school_ages.1))
        .map(|(i, _)| i)
        .collect()
}

/// 两不愁三保障 + 饮水: `Some(true)` all secured, `Some(false)` a known gap, `None` unknown.
pub fn three_guarantees(ctx: &Ctx) -> (Option<bool>, Vec<Missing>) {
    let c = ctx.case;
    let mut missing = Vec::new();
    let mut gap = false;
    match c.food_clothing_secure {
        Some(false) => gap = true,
        None => missing.push(Missing::of(field::FOOD_CLOTHING_SECURE)),
        _ => {}
    }
    match c.housing {
        Some(Housing::GradeC | Housing::GradeD) => gap = true,
        None => missing.push(Missing::of(field::HOUSING)),
        _ => {}
    }
    match c.drinking_water {
        Some(w) if w != Water::Safe => gap = true,
        None => missing.push(Missing::of(field::DRINKING_WATER)),
        _ => {}
    }
    if !dropouts(ctx).is_empty() {
        gap = true;
    }
    for (i, m) in c.members.iter().enumerate() {
        match m.medical_insurance {
            Some(false) => gap = true,
            None => missing.push(ctx.missing(i, field::MEMBER_MEDICAL_INSURANCE)),
            _ => {}
        }
    }
    if gap {
        (Some(false), Vec::new())
    } else if missing.is_empty() {
        (Some(true), missing)
    } else {
        (None, missing)
    }
}

/// Where a status that follows a formal recognition stands for this household or member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Recognised: recorded on the case.
    Recorded,
    /// Not recorded, but this evaluation finds the conditions met: applies once recognised.
    Found,
    /// Neither recorded nor found.
    Not,
    /// Not recognised on the case (blank, or recorded "no"), and this evaluation cannot tell yet
    /// whether the conditions are met: [`Open`] says why and what would settle it.
    Unknown,
}

impl Standing {
    /// From what the case records and what the measure deciding the status found. A recorded
    /// "no" is only as good as the check behind it: while this evaluation's own finding is open
    /// (e.g. income under the line, risk not yet verified), the status is unknown, so a measure
    /// that follows it asks for what the check needs instead of telling an eligible household
    /// "不属…对象". (An open check that names nothing it needs could never be settled: there the
    /// record stands.)
    fn of(recorded: Option<bool>, found: Outcome, needs: &[Missing]) -> Standing {
        match (recorded, found) {
            (Some(true), _) => Standing::Recorded,
            (_, Outcome::Applies) => Standing::Found,
            (Some(false), Outcome::CannotDecide) if needs.is_empty() => Standing::Not,
            (_, Outcome::CannotDecide) => Standing::Unknown,
            (_, Outcome::DoesNotApply | Outcome::OnceRecognised) => Standing::Not,
        }
    }

    pub fn holds(self) -> bool {
        matches!(self, Standing::Recorded | Standing::Found)
    }
}

/// Why a status is [`Standing::Unknown`] and what would settle it: the status itself when the case
/// leaves it blank, and the inputs the measure deciding it still needs (its `missing`, a member's
/// field named with the member). Empty for any other standing.
#[derive(Debug, Clone, Default)]
pub struct Open {
    /// For a condition's note, e.g. `记录为非监测对象，但“防止返贫监测对象识别”尚需补充，是否属监测对象尚不能确定`.
    pub note: Prose,
    pub asks: Vec<Missing>,
}

impl Open {
    fn of(standing: Standing, recorded: Option<bool>, status: Field, what: &'static str, upstream: &'static str, missing: &[Missing]) -> Open {
        if standing != Standing::Unknown {
            return Open::default();
        }
        let mut asks = Vec::with_capacity(missing.len() + 1);
        if recorded.is_none() {
            asks.push(Missing::of(status));
        }
        asks.extend(missing.iter().cloned());
        let note = match recorded {
            Some(_) => prose!("记录为非{}，但“{}”尚需补充，是否属{}尚不能确定", what, upstream, what),
            None => prose!("{}身份未填，“{}”尚需补充", what, upstream),
        };
        Open { note, asks }
    }

    /// A recorded fact the case leaves blank (e.g. 农户类型): `农户类型未填`, asking for it; nothing
    /// when `known`.
    pub fn blank(known: bool, f: Field) -> Open {
        match known {
            true => Open::default(),
            false => Open { note: prose!("{}未填", f.label()), asks: vec![Missing::of(f)] },
        }
    }

    /// Several open statuses as one: notes joined, asks merged without repeats.
    pub fn merge(parts: impl IntoIterator<Item = Open>) -> Open {
        let (mut notes, mut asks) = (Vec::new(), Vec::new());
        for p in parts {
            if !p.asks.is_empty() || !p.note.is_empty() {
                notes.push(p.note);
                asks.extend(p.asks);
            }
        }
        asks.sort();
        asks.dedup();
        Open { note: Prose::join(notes, Sep::Semicolon), asks }
    }
}

/// Member `i` as a 特困人员: the household recorded as 特困供养户, or the member found to meet the
/// 特困 conditions by this evaluation.
pub fn tekun(ctx: &Ctx, decided: &Decided, i: usize) -> Standing {
    match decided.get("tekun").member(i) {
        // `status.tekun` is the household's (特困供养户), not any one member's: it cannot make 特困 a
        // member whom this check settles as not one (a working-age son able to work; a 19-year-old
        // who has left school), who is then counted for 低保 like anyone else.
        Some(f) if f.outcome == Outcome::DoesNotApply => Standing::Not,
        Some(f) => Standing::of(ctx.case.status.tekun, f.outcome, &f.missing),
        None => Standing::of(ctx.case.status.tekun, Outcome::CannotDecide, &[]),
    }
}

/// Why member `i`'s 特困 standing is unknown, and the member's inputs the 特困 check needs.
pub fn tekun_open(ctx: &Ctx, decided: &Decided, i: usize) -> Open {
    let d = decided.get("tekun");
    let missing = d.member(i).map_or(&[][..], |f| &f.missing[..]);
    Open::of(tekun(ctx, decided, i), ctx.case.status.tekun, field::STATUS_TEKUN, "特困人员", d.title, missing)
}

/// The 低保 family of a household: its members but those supported as 特困 (特困优先, 民发〔2021〕43号),
/// whose heads and own incomes (`members[].own_income`) are not the 低保 family's. 低保, 低保边缘
/// and 单人户 all test this family, so they never disagree on whose income is under which line.
pub struct DibaoFamily {
    /// Members supported (or to be supported) as 特困.
    pub tekun: Vec<usize>,
    /// Members counted for 低保.
    pub covered: usize,
    /// 低保计算收入 of the counted members.
    pub counted: Decimal,
    /// The 特困 members' own incomes, taken out of the household's (zero when none is taken out).
    pub excluded: Decimal,
    /// … per counted member (the whole household's when no member is 特困, or all are).
    pub per_capita: Decimal,
}

/// What the 低保 family's income test can use.
pub enum Family {
    /// Incomes not entered.
    NoIncomes,
    /// A 特困 member's own income is needed to take it out of the household's: who, and the asks.
    OwnIncomeNeeded(Prose, Vec<Missing>),
    Known(DibaoFamily),
}

/// The 低保 family ([`DibaoFamily`]); reads the 特困 decision.
pub fn dibao_family(ctx: &Ctx, decided: &Decided) -> Result<Family, Failure> {
    let (Some(ledger), Some(pc_all)) = (&ctx.ledger, ctx.per_capita_dibao()) else { return Ok(Family::NoIncomes) };
    let tekun: Vec<usize> = (0..ctx.case.members.len()).filter(|&i| tekun(ctx, decided, i).holds()).collect();
    let covered = ctx.case.members.len() - tekun.len();
    if tekun.is_empty() || covered == 0 {
        return Ok(Family::Known(DibaoFamily { tekun, covered, counted: ledger.total_dibao, excluded: Decimal::ZERO, per_capita: pc_all }));
    }
    let unknown: Vec<usize> = tekun.iter().copied().filter(|&i| ctx.case.members[i].own_income.is_none()).collect();
    if !unknown.is_empty() {
        let names = Prose::join(unknown.iter().map(|&i| Ctx::name(&ctx.case.members[i], i)), Sep::Comma);
        return Ok(Family::OwnIncomeNeeded(names, unknown.iter().map(|&i| ctx.missing(i, field::MEMBER_OWN_INCOME)).collect()));
    }
    let mut own = Decimal::ZERO;
    for &i in &tekun {
        own = money::add(own, ctx.case.members[i].own_income.unwrap_or_default(), "特困人员本人收入")?;
    }
    let counted = money::sub(ledger.total_dibao, own, "低保计算收入（不含特困人员）")?;
    let per_capita = money::div(counted, Decimal::from(covered as u64), "低保计算人均收入")?;
    Ok(Family::Known(DibaoFamily { tekun, covered, counted, excluded: own, per_capita }))
}

/// The household as 低保户: recorded, or found eligible for 农村低保 by this evaluation.
pub fn dibao(ctx: &Ctx, decided: &Decided) -> Standing {
    let d = decided.get("dibao");
    Standing::of(ctx.case.status.dibao, d.outcome, &d.missing)
}

/// Why the household's 低保 standing is unknown, and what the 低保 check needs.
pub fn dibao_open(ctx: &Ctx, decided: &Decided) -> Open {
    let d = decided.get("dibao");
    Open::of(dibao(ctx, decided), ctx.case.status.dibao, field::STATUS_DIBAO, "低保对象", d.title, &d.missing)
}

/// The household as 监测对象: recorded, or identified by this evaluation (any of the three types).
pub fn monitored(ctx: &Ctx, decided: &Decided) -> Standing {
    let d = decided.get("monitoring");
    Standing::of(ctx.case.status.monitored, d.outcome, &d.missing)
}

/// Why the household's 监测对象 standing is unknown, and what the monitoring check needs (e.g. the
/// risk inputs when income is under the line).
pub fn monitored_open(ctx: &Ctx, decided: &Decided) -> Open {
    let d = decided.get("monitoring");
    Open::of(monitored(ctx, decided), ctx.case.status.monitored, field::STATUS_MONITORED, "监测对象", d.title, &d.missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_no_stands_only_once_the_engines_own_check_is_settled() {
        let risk = [Missing::of(field::RISKS)];
        // Recorded yes: recognised, whatever this check finds.
        assert_eq!(Standing::of(Some(true), Outcome::CannotDecide, &risk), Standing::Recorded);
        // Recorded no, and this check finds the conditions met: applies once recognised.
        assert_eq!(Standing::of(Some(false), Outcome::Applies, &[]), Standing::Found);
        // Recorded no while the check still needs the risk: not known yet, never "not".
        assert_eq!(Standing::of(Some(false), Outcome::CannotDecide, &risk), Standing::Unknown);
        // … unless the open check names nothing it needs (it could never be settled).
        assert_eq!(Standing::of(Some(false), Outcome::CannotDecide, &[]), Standing::Not);
        assert_eq!(Standing::of(Some(false), Outcome::DoesNotApply, &[]), Standing::Not);
        // Blank status: unknown while the check is open, not once it says no.
        assert_eq!(Standing::of(None, Outcome::CannotDecide, &risk), Standing::Unknown);
        assert_eq!(Standing::of(None, Outcome::DoesNotApply, &[]), Standing::Not);
    }

    #[test]
    fn an_open_status_asks_for_the_status_only_when_it_is_blank() {
        let risk = [Missing::of(field::RISKS)];
        let recorded_no = Open::of(Standing::Unknown, Some(false), field::STATUS_MONITORED, "监测对象", "防止返贫监测对象识别", &risk);
        assert_eq!(recorded_no.asks, risk.to_vec());
        assert_eq!(recorded_no.note.to_string(), "记录为非监测对象，但“防止返贫监测对象识别”尚需补充，是否属监测对象尚不能确定");
        let blank = Open::of(Standing::Unknown, None, field::STATUS_MONITORED, "监测对象", "防止返贫监测对象识别", &risk);
        assert_eq!(blank.asks, vec![Missing::of(field::STATUS_MONITORED), Missing::of(field::RISKS)]);
        assert!(Open::of(Standing::Not, Some(false), field::STATUS_MONITORED, "监测对象", "防止返贫监测对象识别", &risk).asks.is_empty());
    }
}
