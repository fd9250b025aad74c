//! 城乡居民医保参保资助 — 实施意见 五(十三), per member:
//!
//! > 继续全额资助农村特困(孤儿)人员,定额资助低保对象、返贫致贫人口……脱贫人口……参保个人缴费
//!
//! Tiers, "就高不就低" (the highest that holds, never two): 1. 特困人员/孤儿 全额; 2. 一、二类低保;
//! 3. 三、四类低保 and 返贫致贫人口; 4. 脱贫人口/监测对象. Amounts are `medical.subsidy_*` (the 2022
//! Gansu table is confirmed; other years are placeholders).
//!
//! A tier follows a recognition (特困, 低保, 监测). What the case records applies now; a higher
//! tier that this evaluation finds the member eligible for is stated as what applies **once
//! recognised** (认定为特困人员后全额资助 …), so nobody eligible is told "不属资助对象".
use super::{Decided, Measure};
use crate::case::{field, DibaoClass, HouseholdType};
use crate::error::Failure;
use crate::explain::{Missing, Outcome};
use crate::household::decision::{Ctx, Decision, MemberFinding};
use crate::household::facts::{self, Open, Standing};
use crate::money::{self, Yuan};
use crate::params::{param, ParamId};
use crate::policy::anchor;
use crate::prose;
use crate::prose::Prose;
use rust_decimal::Decimal;

pub static MEASURE: Measure = Measure {
    code: "medical_insurance",
    title: "医保参保资助",
    per_member: true,
    clauses: &[anchor::MEDICAL_SUBSIDY, anchor::MEDICAL_COVERAGE],
    reads: &[
        field::STATUS_TEKUN,
        field::MEMBER_ORPHAN,
        field::STATUS_DIBAO,
        field::STATUS_DIBAO_CLASS,
        field::STATUS_RETURNED_TO_POVERTY,
        field::HOUSEHOLD_TYPE,
        field::STATUS_MONITORED,
        field::MEMBER_MEDICAL_INSURANCE,
    ],
    after: &["tekun", "dibao", "monitoring"],
    decide,
};

/// A subsidy tier: its rank (lower is higher), amount parameter and label.
#[derive(Clone, Copy)]
struct Tier {
    rank: u8,
    amount: ParamId,
    label: &'static str,
}

const FULL: Tier = Tier { rank: 1, amount: param::MEDICAL_SUBSIDY_FULL, label: "特困人员/孤儿（全额资助）" };
const DIBAO_12: Tier = Tier { rank: 2, amount: param::MEDICAL_SUBSIDY_DIBAO_CLASS12, label: "农村一、二类低保" };
const DIBAO_34: Tier = Tier { rank: 3, amount: param::MEDICAL_SUBSIDY_DIBAO_CLASS34, label: "农村三、四类低保" };
const RETURNED: Tier = Tier { rank: 3, amount: param::MEDICAL_SUBSIDY_DIBAO_CLASS34, label: "返贫致贫人口" };
const EXITED: Tier = Tier { rank: 4, amount: param::MEDICAL_SUBSIDY_POVERTY_EXITED, label: "脱贫人口/监测对象" };

fn decide(ctx: &Ctx, decided: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = MEASURE.clauses.iter().map(|a| a.cite()).collect();
    let s = &ctx.case.status;
    let dibao = facts::dibao(ctx, decided);
    let monitored = facts::monitored(ctx, decided);
    let mut total = Decimal::ZERO;
    for (i, m) in ctx.case.members.iter().enumerate() {
        let tekun = facts::tekun(ctx, decided, i);
        let mut missing = Vec::new();
        // What applies now, on recorded statuses: the highest tier known to hold.
        let now: Option<Tier> = if tekun == Standing::Recorded || m.orphan == Some(true) {
            Some(FULL)
        } else if dibao == Standing::Recorded {
            match s.dibao_class {
                Some(DibaoClass::Class1 | DibaoClass::Class2) => Some(DIBAO_12),
                Some(_) => Some(DIBAO_34),
                None => {
                    missing.push(Missing::of(field::STATUS_DIBAO_CLASS));
                    None
                }
            }
        } else if s.returned_to_poverty == Some(true) {
            Some(RETURNED)
        } else if ctx.case.household_type == Some(HouseholdType::PovertyExited) || monitored == Standing::Recorded {
            Some(EXITED)
        } else {
            None
        };
        // What would apply once a status this evaluation finds is recognised, if higher.
        let found: Option<(&str, Prose)> = if tekun == Standing::Found {
            Some(("特困人员", prose!("全额资助 {}", Yuan(ctx.scope.get(FULL.amount)?))))
        } else if dibao == Standing::Found && now.is_none_or(|t| t.rank > DIBAO_12.rank) {
            let (a, b) = (ctx.scope.get(DIBAO_12.amount)?, ctx.scope.get(DIBAO_34.amount)?);
            Some(("低保对象", prose!("按低保类别资助（一、二类 {}，三、四类 {}）", Yuan(a), Yuan(b))))
        } else if monitored == Standing::Found && now.is_none() {
            Some(("监测对象", prose!("资助 {}", Yuan(ctx.scope.get(EXITED.amount)?))))
        } else {
            None
        };
        let once = found.map(|(who, what)| prose!("认定为{}后{}", who, what));
        let enrolled = match m.medical_insurance {
            Some(false) => "；尚未参保，应动员参保",
            None => "；参保情况未填",
            Some(true) => "",
        };
        let mut f = MemberFinding::new(i, m, Outcome::CannotDecide, "");
        f.condition("enrolled", "参加城乡居民医保", m.medical_insurance, if m.medical_insurance.is_some() { "" } else { "未填" });
        match (now, once) {
            (Some(tier), once) => {
                let amount = ctx.scope.get(tier.amount)?;
                total = money::add(total, amount, "医保资助合计")?;
                f.outcome = Outcome::Applies;
                f.grounds.push(tier.label.into());
                f.amount = Some(amount);
                f.reason = match &once {
                    Some(o) => prose!("{}，资助个人缴费 {}；{}{}", tier.label, Yuan(amount), o.clone(), enrolled),
                    None => prose!("{}，资助个人缴费 {}{}", tier.label, Yuan(amount), enrolled),
                };
                f.once_recognised = once;
            }
            (None, Some(once)) => {
                f.outcome = Outcome::OnceRecognised;
                f.reason = prose!("本次核查符合认定条件，{}{}", once.clone(), enrolled);
                f.once_recognised = Some(once);
            }
            (None, None) => {
                // Each status still open, with what its own check needs (not only a blank status).
                let mut open = Open::default();
                if missing.is_empty() {
                    open = Open::merge([
                        facts::tekun_open(ctx, decided, i),
                        facts::dibao_open(ctx, decided),
                        Open::blank(s.returned_to_poverty.is_some(), field::STATUS_RETURNED_TO_POVERTY),
                        Open::blank(ctx.case.household_type.is_some(), field::HOUSEHOLD_TYPE),
                        facts::monitored_open(ctx, decided),
                    ]);
                    missing = open.asks;
                }
                if missing.is_empty() {
                    f.outcome = Outcome::DoesNotApply;
                    f.reason = prose!("不属资助对象，按规定享受基本医保待遇{}", enrolled);
                } else if open.note.is_empty() {
                    f.reason = "身份信息未填，无法确定资助档次".into();
                    f.missing = missing;
                } else {
                    f.reason = prose!("{}，无法确定资助档次；补充后如符合认定条件，按相应档次资助个人缴费{}", open.note, enrolled);
                    f.missing = missing;
                }
            }
        }
        d.members.push(f);
    }
    d.settle_members();
    if d.outcome == Outcome::Applies {
        d.amount = Some(total);
        d.amount_unit = Some("元/年");
        d.figure("资助合计", total, "元/年");
    }
    let n = d.members_with(Outcome::Applies).count();
    let pending: Vec<Prose> = d.members.iter().filter_map(|f| f.once_recognised.as_ref().map(|o| prose!("{}{}", f.display_name(), o.clone()))).collect();
    if !pending.is_empty() {
        d.once_recognised = Some(Prose::join(pending, crate::prose::Sep::Semicolon));
    }
    d.reason = match d.outcome {
        Outcome::Applies => prose!("{} 人享受参保个人缴费资助，合计 {}（就高不就低，不重复资助）", n, Yuan(total)),
        Outcome::OnceRecognised => "尚未认定相关身份；本次核查符合认定条件，认定后按档次资助（见各成员）".into(),
        Outcome::DoesNotApply => "家庭成员均不属参保资助对象".into(),
        Outcome::CannotDecide => "身份信息未填或相关核查尚需补充，无法确定资助档次（见各成员）".into(),
    };
    Ok(d)
}
