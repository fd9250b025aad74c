//! 城乡居民养老保险代缴 — 实施意见 五(十四), per member:
//!
//! > 按照最低缴费档次为参加城乡居民基本养老保险的低保对象、特困人员、返贫致贫人口、重度残疾人
//! > 等缴费困难群体代缴部分或全部保费
//!
//! Conditions:
//! 1. 在缴费年龄: 年满 `pension.min_age`、未满领取年龄 `pension.receiving_age`, not a student;
//! 2. 属代缴对象: 低保对象, 特困人员 (recorded — or found by this evaluation: then **once
//!    recognised**), 返贫致贫人口, 重度残疾人, 计划生育“两证户”;
//! 3. 已参加城乡居民养老保险. A 代缴对象 not yet insured is told to enrol first: **once enrolled**
//!    (outcome `once_recognised`, 认定后 “参加城乡居民养老保险后…代缴”), never 不符合.
//!
//! The amount is the minimum tier kept for these groups (`pension.min_tier`, unverified).
use super::{Decided, Measure};
use crate::case::{field, Schooling};
use crate::error::Failure;
use crate::explain::{Missing, Outcome};
use crate::household::decision::{Ctx, Decision, MemberFinding};
use crate::household::facts::{self, Open, Standing};
use crate::money::{self, Yuan};
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use crate::prose::{Prose, Sep};
use rust_decimal::Decimal;

pub static MEASURE: Measure = Measure {
    code: "pension",
    title: "城乡居民养老保险代缴",
    per_member: true,
    clauses: &[anchor::PENSION_SUBSIDY],
    reads: &[
        field::MEMBER_BIRTH_DATE,
        field::MEMBER_SCHOOLING,
        field::STATUS_DIBAO,
        field::STATUS_TEKUN,
        field::STATUS_RETURNED_TO_POVERTY,
        field::MEMBER_HAS_DISABILITY,
        field::MEMBER_DISABILITY_GRADE,
        field::MEMBER_FAMILY_PLANNING_TWO_CERTIFICATES,
        field::MEMBER_PENSION_INSURANCE,
    ],
    after: &["tekun", "dibao"],
    decide,
};

fn decide(ctx: &Ctx, decided: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = MEASURE.clauses.iter().map(|a| a.cite()).collect();
    let s = &ctx.case.status;
    let tier = ctx.scope.get(param::PENSION_MIN_TIER)?;
    let min_age = ctx.scope.get(param::PENSION_MIN_AGE)?;
    let receiving = ctx.scope.get(param::PENSION_RECEIVING_AGE)?;
    d.figure("最低缴费档次", tier, "元/人·年");
    let dibao = facts::dibao(ctx, decided);
    let mut total = Decimal::ZERO;
    // 代缴对象 not yet insured, by name (the household reason asks staff to arrange 参保).
    let mut to_enrol: Vec<Prose> = Vec::new();
    for (i, m) in ctx.case.members.iter().enumerate() {
        let Some(age) = ctx.age(m).map(Decimal::from) else {
            let mut f = MemberFinding::new(i, m, Outcome::CannotDecide, "年龄未知");
            f.missing = vec![ctx.missing(i, field::MEMBER_BIRTH_DATE)];
            d.members.push(f);
            continue;
        };
        let student = m.schooling.is_some_and(|s| s != Schooling::Preschool && s.is_student());
        let in_age = age >= min_age && age < receiving && !student;
        let mut f = MemberFinding::new(i, m, Outcome::CannotDecide, "");
        f.condition("contributing_age", "在缴费年龄（非在校学生）", Some(in_age), prose!("{} 岁", age));
        if !in_age {
            f.outcome = Outcome::DoesNotApply;
            f.reason = if student {
                prose!("在校学生不参保缴费")
            } else if age < min_age {
                prose!("未满 {} 周岁，不在缴费年龄", min_age)
            } else {
                prose!("年满 {} 周岁，已到领取年龄，不再缴费", receiving)
            };
            d.members.push(f);
            continue;
        }
        // Condition 2: the groups, recorded (now) or found by this evaluation (once recognised).
        let mut missing = Vec::new();
        // A status still open: what its own check needs (a recorded "no" is not the last word).
        let mut open = Vec::new();
        let mut found: Vec<&'static str> = Vec::new();
        match dibao {
            Standing::Recorded => f.grounds.push(prose!("低保对象")),
            Standing::Found => found.push("低保对象"),
            Standing::Unknown => open.push(facts::dibao_open(ctx, decided)),
            Standing::Not => {}
        }
        match facts::tekun(ctx, decided, i) {
            Standing::Recorded => f.grounds.push(prose!("特困人员")),
            Standing::Found => found.push("特困人员"),
            Standing::Unknown => open.push(facts::tekun_open(ctx, decided, i)),
            Standing::Not => {}
        }
        match s.returned_to_poverty {
            Some(true) => f.grounds.push(prose!("返贫致贫人口")),
            Some(false) => {}
            None => missing.push(Missing::of(field::STATUS_RETURNED_TO_POVERTY)),
        }
        match ctx.severe_disability(m)? {
            Some(true) => f.grounds.push(prose!("重度残疾人")),
            Some(false) => {}
            None => missing.push(ctx.missing(i, if m.has_disability.is_none() { field::MEMBER_HAS_DISABILITY } else { field::MEMBER_DISABILITY_GRADE })),
        }
        match m.family_planning_two_certificates {
            Some(true) => f.grounds.push(prose!("计划生育“两证户”")),
            Some(false) => {}
            None => missing.push(ctx.missing(i, field::MEMBER_FAMILY_PLANNING_TWO_CERTIFICATES)),
        }
        let open = Open::merge(open);
        missing.extend(open.asks.iter().cloned());
        let group_now = !f.grounds.is_empty();
        f.condition(
            "subsidy_group",
            "属代缴对象",
            if group_now {
                Some(true)
            } else if found.is_empty() && missing.is_empty() {
                Some(false)
            } else {
                None
            },
            if group_now {
                Prose::join(f.grounds.clone(), Sep::Comma)
            } else if !found.is_empty() {
                prose!("本次核查符合{}条件，待认定", found.join("、"))
            } else {
                open.note.clone()
            },
        );
        f.condition("enrolled", "已参加城乡居民养老保险", m.pension_insurance, if m.pension_insurance.is_some() { "" } else { "未填" });
        let once = (!found.is_empty()).then(|| prose!("认定为{}后按最低缴费档次代缴 {}", found.join("、"), Yuan(tier)));
        let grounds = Prose::join(f.grounds.clone(), Sep::Comma);
        match (group_now, once, m.pension_insurance) {
            (true, once, Some(true)) => {
                total = money::add(total, tier, "代缴合计")?;
                f.outcome = Outcome::Applies;
                f.amount = Some(tier);
                f.reason = prose!("{}，已参保，按最低缴费档次代缴 {}", grounds, Yuan(tier));
                f.once_recognised = once;
            }
            // A 代缴对象 not yet insured is not "not one": 代缴 follows 参保, which staff are to arrange.
            (true, _, Some(false)) => {
                f.outcome = Outcome::OnceRecognised;
                f.reason = prose!("{}，但尚未参加城乡居民养老保险：应先动员参保，参保后代缴", grounds);
                f.once_recognised = Some(prose!("参加城乡居民养老保险后按最低缴费档次代缴 {}", Yuan(tier)));
                to_enrol.push(f.display_name());
            }
            (false, Some(once), Some(false)) => {
                f.outcome = Outcome::OnceRecognised;
                f.reason = prose!("本次核查符合认定条件；尚未参加城乡居民养老保险：应先动员参保");
                f.once_recognised = Some(once);
            }
            (false, Some(once), Some(true)) => {
                f.outcome = Outcome::OnceRecognised;
                f.reason = prose!("已参保，本次核查符合认定条件：{}", once.clone());
                f.once_recognised = Some(once);
            }
            (_, _, None) if group_now || !found.is_empty() => {
                f.reason = "参保情况未填".into();
                f.missing = vec![ctx.missing(i, field::MEMBER_PENSION_INSURANCE)];
            }
            _ if missing.is_empty() => {
                f.outcome = Outcome::DoesNotApply;
                f.reason = "不属代缴对象".into();
            }
            _ => {
                f.reason = if open.note.is_empty() {
                    "身份信息未填".into()
                } else {
                    prose!("{}；补充后如属代缴对象，按最低缴费档次代缴 {}", open.note, Yuan(tier))
                };
                missing.sort();
                missing.dedup();
                f.missing = missing;
            }
        }
        d.members.push(f);
    }
    d.settle_members();
    let n = d.members_with(Outcome::Applies).count();
    if n > 0 {
        d.amount = Some(total);
        d.amount_unit = Some("元/年");
    }
    let pending: Vec<Prose> = d.members.iter().filter_map(|f| f.once_recognised.as_ref().map(|o| prose!("{}{}", f.display_name(), o.clone()))).collect();
    if !pending.is_empty() {
        d.once_recognised = Some(Prose::join(pending, Sep::Semicolon));
    }
    d.reason = match d.outcome {
        Outcome::Applies if to_enrol.is_empty() => prose!("{} 人可按最低缴费档次代缴，合计 {}", n, Yuan(total)),
        Outcome::Applies => prose!(
            "{} 人可按最低缴费档次代缴，合计 {}；{}为代缴对象，但尚未参加城乡居民养老保险：应先动员参保，参保后代缴",
            n,
            Yuan(total),
            Prose::join(to_enrol, Sep::Comma)
        ),
        Outcome::OnceRecognised if to_enrol.is_empty() => "尚未认定相关身份；本次核查符合认定条件，认定后代缴（见各成员）".into(),
        Outcome::OnceRecognised => {
            let others = d.members_with(Outcome::OnceRecognised).count() > to_enrol.len();
            prose!(
                "{}为代缴对象，但尚未参加城乡居民养老保险：应先动员参保，参保后按最低缴费档次代缴{}（见各成员）",
                Prose::join(to_enrol, Sep::Comma),
                if others { "；其他成员认定相关身份后代缴" } else { "" }
            )
        }
        Outcome::DoesNotApply => "没有成员属于已参保的代缴对象".into(),
        Outcome::CannotDecide => "部分成员信息未填或身份尚待核查，无法判断（见各成员）".into(),
    };
    Ok(d)
}
