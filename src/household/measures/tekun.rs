//! 农村特困人员救助供养 — 实施意见 五(十二)、五(十五), per member:
//!
//! > 完善农村特困人员救助供养和残疾儿童康复救助等制度 (五(十二))
//!
//! The conditions come from 《特困人员认定办法》(民发〔2021〕43号, docs/policy-reference.md §3):
//! 1. 无劳动能力: 年满 60 周岁 (`tekun.age_elderly`), 未满 16 周岁 (`tekun.age_minor`), or a
//!    disability grade within the 办法's limits (`tekun.max_grade_*`);
//! 2. 无生活来源: the household's income counted for 低保 below the 低保 standard, and property
//!    within the 低保 rules;
//! 3. 无法定赡养、抚养、扶养义务人, or 义务人无履行义务能力.
//!
//! An orphan under the minor age goes to 孤儿保障 instead. A person supported as 特困 is not also
//! counted for 低保: the 低保 decision reads this one (特困优先).
use super::{Decided, Measure};
use crate::case::{field, DisabilityKind, Member, Supporter};
use crate::error::Failure;
use crate::explain::{Comparison, Missing, Outcome, Threshold};
use crate::household::decision::{disability_parts, Ctx, Decision, MemberFinding};
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use crate::prose::{Prose, Sep};
use rust_decimal::Decimal;

pub static MEASURE: Measure = Measure {
    code: "tekun",
    title: "农村特困人员救助供养",
    per_member: true,
    clauses: &[anchor::BOTTOM_LINE_NO_LABOUR, anchor::TEKUN_SUPPORT],
    reads: &[
        field::MEMBER_BIRTH_DATE,
        field::MEMBER_HAS_DISABILITY,
        field::MEMBER_DISABILITY,
        field::MEMBER_ORPHAN,
        field::MEMBER_SUPPORTER,
        field::INCOMES,
        field::EMPLOYMENT_COSTS,
        field::ASSETS_WITHIN_DIBAO_RULES,
        field::STATUS_TEKUN,
    ],
    after: &[],
    decide,
};

/// The 特困 age limits, read once per household.
struct Ages {
    elderly: Decimal,
    minor: Decimal,
}

/// Condition 1, 无劳动能力, as the member's ground (`无劳动能力（年满 60 周岁）`): `Ok(None)` when
/// the member is known able to work; the inputs still needed go to `missing`.
fn unable_to_work(ctx: &Ctx, m: &Member, i: usize, ages: &Ages, missing: &mut Vec<Missing>) -> Result<Option<Prose>, Failure> {
    match ctx.age(m).map(Decimal::from) {
        Some(a) if a >= ages.elderly => return Ok(Some(prose!("无劳动能力（年满 {} 周岁）", ages.elderly))),
        Some(a) if a < ages.minor => return Ok(Some(prose!("无劳动能力（未满 {} 周岁）", ages.minor))),
        Some(_) => {}
        None => missing.push(ctx.missing(i, field::MEMBER_BIRTH_DATE)),
    }
    if m.has_disability == Some(false) {
        return Ok(None);
    }
    let (Some(kind), Some(grade)) = (m.disability.and_then(|d| d.kind), m.disability.and_then(|d| d.grade)) else {
        missing.push(ctx.missing(i, if m.has_disability.is_none() { field::MEMBER_HAS_DISABILITY } else { field::MEMBER_DISABILITY }));
        return Ok(None);
    };
    let max = match kind {
        DisabilityKind::Intellectual | DisabilityKind::Mental => ctx.scope.get(param::TEKUN_MAX_GRADE_INTELLECTUAL_MENTAL)?,
        DisabilityKind::Physical | DisabilityKind::Multiple => ctx.scope.get(param::TEKUN_MAX_GRADE_PHYSICAL)?,
        DisabilityKind::Visual => ctx.scope.get(param::TEKUN_MAX_GRADE_VISUAL)?,
        DisabilityKind::Hearing | DisabilityKind::Speech => Decimal::ZERO,
    };
    if Decimal::from(grade) <= max {
        let (kind, grade) = disability_parts(m);
        Ok(Some(prose!("无劳动能力（{}{}）", kind, grade)))
    } else {
        Ok(None)
    }
}

fn decide(ctx: &Ctx, _: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = MEASURE.clauses.iter().map(|a| a.cite()).collect();
    let standard = ctx.scope.get(param::DIBAO_STANDARD_ANNUAL)?;
    // Condition 2, 无生活来源: the household's counted income below the 低保 standard and property
    // within the rules.
    let pc = ctx.per_capita_dibao();
    if let Some(pc) = pc {
        d.figure("低保计算人均收入", pc, "元/人·年");
        d.thresholds.push(Threshold::money("低保计算人均收入（无生活来源）", "元/人·年", pc, standard, Comparison::Below));
    }
    let no_income = match (pc.map(|p| p < standard), ctx.case.assets.within_dibao_rules) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    };
    let ages = Ages { elderly: ctx.scope.get(param::TEKUN_AGE_ELDERLY)?, minor: ctx.scope.get(param::TEKUN_AGE_MINOR)? };
    let recorded = ctx.case.status.tekun == Some(true);
    for (i, m) in ctx.case.members.iter().enumerate() {
        if m.orphan == Some(true) && ctx.age(m).is_some_and(|a| Decimal::from(a) < ages.minor) {
            d.members.push(MemberFinding::new(i, m, Outcome::DoesNotApply, "未满特困年龄下限的孤儿纳入孤儿保障，不认定为特困人员"));
            continue;
        }
        let mut missing = Vec::new();
        let unable = unable_to_work(ctx, m, i, &ages, &mut missing)?;
        let can_work = unable.is_none() && missing.is_empty();
        let supporter = match m.supporter {
            Some(Supporter::NoneExists | Supporter::Unable) => Some(true),
            Some(Supporter::Able) => Some(false),
            None => None,
        };
        let mut f = MemberFinding::new(i, m, Outcome::CannotDecide, "");
        f.condition(
            "unable_to_work",
            "无劳动能力",
            if can_work { Some(false) } else { unable.as_ref().map(|_| true) },
            match &unable {
                Some(g) => g.clone(),
                None if can_work => "有劳动能力（年龄、残疾不符）".into(),
                None => "年龄或残疾情况未填".into(),
            },
        );
        f.condition(
            "no_income",
            "无生活来源",
            no_income,
            match no_income {
                Some(true) => Prose::from("收入低于低保标准且财产符合规定"),
                Some(false) => Prose::from("有生活来源（收入不低于低保标准或财产不符）"),
                None => Prose::from("收入或财产状况未填"),
            },
        );
        f.condition(
            "no_supporter",
            "无法定义务人或义务人无履行能力",
            supporter,
            match supporter {
                Some(true) => Prose::from("无法定义务人或其无履行能力"),
                Some(false) => Prose::from("有具备履行能力的法定义务人"),
                None => Prose::from("法定义务人情况未填"),
            },
        );
        f.grounds.extend(unable);
        if no_income == Some(true) {
            f.grounds.push("无生活来源".into());
        }
        if supporter == Some(true) {
            f.grounds.push("无法定义务人或义务人无履行能力".into());
        }
        let unmet: Vec<Prose> = f.conditions.iter().filter(|c| c.met == Some(false)).map(|c| c.note.clone()).collect();
        if !unmet.is_empty() {
            f.outcome = Outcome::DoesNotApply;
            f.reason = Prose::join(unmet, Sep::Semicolon);
        } else if f.conditions.iter().all(|c| c.met == Some(true)) {
            f.outcome = Outcome::Applies;
            let now = if recorded { "现为特困供养户" } else { "可认定为特困人员" };
            f.reason = prose!("{}，{}；特困优先于低保，不重复纳入低保", Prose::join(f.grounds.clone(), Sep::Comma), now);
        } else {
            if no_income.is_none() {
                if pc.is_none() {
                    missing.push(Ctx::incomes_missing());
                }
                if ctx.case.assets.within_dibao_rules.is_none() {
                    missing.push(Missing::of(field::ASSETS_WITHIN_DIBAO_RULES));
                }
            }
            if supporter.is_none() {
                missing.push(ctx.missing(i, field::MEMBER_SUPPORTER));
            }
            f.reason = "部分条件未知".into();
            f.missing = missing;
        }
        d.members.push(f);
    }
    d.settle_members();
    let who: Vec<Prose> = d.members_with(Outcome::Applies).map(|f| f.display_name()).collect();
    d.reason = match d.outcome {
        Outcome::Applies => prose!("符合特困人员认定条件（无劳动能力、无生活来源、无法定义务人或其无履行能力）：{}", Prose::join(who, Sep::Comma)),
        Outcome::DoesNotApply => "没有成员同时满足无劳动能力、无生活来源、无有能力的法定义务人三项条件".into(),
        Outcome::CannotDecide | Outcome::OnceRecognised => "部分成员条件未知，无法判断".into(),
    };
    Ok(d)
}
