//! 城乡居民基本养老保险 代缴 (五(十四)), per member: 低保对象, 特困人员, 返贫致贫人口, 重度残疾人,
//! 计划生育“两证户” of contributing age who are enrolled get the minimum tier paid for them.
use super::decision::{Ctx, Decision, Grounds, MemberFinding};
use crate::case::Schooling;
use crate::error::Failure;
use crate::explain::{Missing, Outcome};
use crate::money;
use crate::money::Yuan;
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use crate::prose::{Prose, Sep};
use rust_decimal::Decimal;

pub fn decide(d: &mut Decision, ctx: &Ctx) -> Result<(), Failure> {
    d.start_per_member("pension", "城乡居民养老保险代缴", ctx.case.members.len());
    d.citations = smallvec::smallvec![anchor::PENSION_SUBSIDY.cite()];
    let s = &ctx.case.status;
    let tier = ctx.scope.get(param::PENSION_MIN_TIER)?;
    let min_age = ctx.scope.get(param::PENSION_MIN_AGE)?;
    let receiving = ctx.scope.get(param::PENSION_RECEIVING_AGE)?;
    d.figure("最低缴费档次", tier, "元/人·年");
    let mut total = Decimal::ZERO;
    for (i, m) in ctx.case.members.iter().enumerate() {
        let mut missing = Vec::new();
        let finding = |outcome, grounds: Grounds, amount, reason: Prose, missing| MemberFinding {
            index: i,
            name: m.name.clone(),
            outcome,
            grounds,
            amount,
            reason,
            missing,
        };
        let Some(age) = ctx.age(m).map(Decimal::from) else {
            d.members.push(finding(
                Outcome::CannotDecide,
                Grounds::new(),
                None,
                "年龄未知".into(),
                vec![Missing::new(Ctx::member_path(i, "birth_date"), "出生日期或身份证号")],
            ));
            continue;
        };
        let student = matches!(m.schooling, Some(Schooling::Primary | Schooling::Junior | Schooling::Senior | Schooling::Vocational | Schooling::Higher));
        if age < min_age || age >= receiving || student {
            let why = if student {
                prose!("在校学生不参保缴费")
            } else if age < min_age {
                prose!("未满 {} 周岁，不在缴费年龄", min_age)
            } else {
                prose!("年满 {} 周岁，已到领取年龄，不再缴费", receiving)
            };
            d.members.push(finding(Outcome::DoesNotApply, Grounds::new(), None, why, vec![]));
            continue;
        }
        let mut grounds = Grounds::new();
        if s.dibao == Some(true) {
            grounds.push(prose!("低保对象"));
        }
        if s.tekun == Some(true) {
            grounds.push(prose!("特困人员"));
        }
        if s.returned_to_poverty == Some(true) {
            grounds.push(prose!("返贫致贫人口"));
        }
        match ctx.severe_disability(m)? {
            Some(true) => grounds.push(prose!("重度残疾人")),
            Some(false) => {}
            None => missing.push(Missing::new(Ctx::member_path(i, "disability"), "残疾情况")),
        }
        match m.family_planning_two_certificates {
            Some(true) => grounds.push(prose!("计划生育“两证户”")),
            Some(false) => {}
            None => missing.push(Missing::new(Ctx::member_path(i, "family_planning_two_certificates"), "计划生育“两证户”")),
        }
        for (v, p, l) in [
            (s.dibao, "$.status.dibao", "低保户"),
            (s.tekun, "$.status.tekun", "特困供养户"),
            (s.returned_to_poverty, "$.status.returned_to_poverty", "返贫致贫人口"),
        ] {
            if v.is_none() {
                missing.push(Missing::new(p, l));
            }
        }
        if grounds.is_empty() {
            let f = if missing.is_empty() {
                finding(Outcome::DoesNotApply, Grounds::new(), None, "不属代缴对象".into(), vec![])
            } else {
                finding(Outcome::CannotDecide, Grounds::new(), None, "身份信息未填".into(), missing)
            };
            d.members.push(f);
            continue;
        }
        let f = match m.pension_insurance {
            Some(true) => {
                total = money::add(total, tier, "代缴合计")?;
                finding(
                    Outcome::Applies,
                    grounds.clone(),
                    Some(tier),
                    prose!("{}，已参保，按最低缴费档次代缴 {}", Prose::join(grounds.clone(), Sep::Comma), Yuan(tier)),
                    vec![],
                )
            }
            Some(false) => finding(
                Outcome::DoesNotApply,
                grounds.clone(),
                None,
                prose!("{}，但尚未参加城乡居民养老保险：应先动员参保，参保后代缴", Prose::join(grounds.clone(), Sep::Comma)),
                vec![],
            ),
            None => finding(
                Outcome::CannotDecide,
                grounds,
                None,
                "参保情况未填".into(),
                vec![Missing::new(Ctx::member_path(i, "pension_insurance"), "参加城乡居民养老保险")],
            ),
        };
        d.members.push(f);
    }
    d.settle_members();
    let n = d.members.iter().filter(|m| m.outcome == Outcome::Applies).count();
    if n > 0 {
        d.amount = Some(total);
        d.amount_unit = Some("元/年");
    }
    d.reason = match d.outcome {
        Outcome::Applies => prose!("{} 人可按最低缴费档次代缴，合计 {}", n, Yuan(total)),
        Outcome::DoesNotApply => "没有成员属于已参保的代缴对象".into(),
        Outcome::CannotDecide => "部分成员信息未填，无法判断".into(),
    };
    Ok(())
}
