//! 低保“单人户”施保 — 实施意见 五(十二), per member:
//!
//! > 对农村低收入人口中的重度残疾人、重病患者等特殊困难人员,经本人申请,可参照“单人户”纳入低保;
//! > ……当年就医自负费用超过上年度家庭总收入的患病人员落实“单人户”施保
//!
//! Conditions:
//! 1. The household is 农村低收入人口 (五(十一)): recorded as 低保、特困、监测对象 or 返贫致贫 —
//!    or found so by this evaluation (a monitoring type including 突发严重困难户, or 低保边缘: income
//!    under 1.5× the standard **and** property within the rules), in which case the member qualifies **once recognised**;
//! 2. and the member is one of: 重度残疾人 (一、二级, `dibao.single_person.severe_disability_max_grade`;
//!    三级智力、精神残疾 too, `…_intellectual_mental`, the national wording, unverified for Gansu),
//!    重病患者, or 当年就医自负费用超过上年度家庭总收入 (`dibao.single_person.medical_cost_ratio`).
//!
//! Not for a member supported as 特困 (recorded, and not settled otherwise by the 特困 check): 特困
//! and 低保 are alternatives (民发〔2021〕43号).
//!
//! Not needed when the whole household qualifies for 低保 — except in the 渐退期: a 低保户 whose income
//! is now above the standard leaves 低保 when it ends, and its severely disabled or ill members are
//! exactly who 单人户施保 keeps in (the reason says so).
use super::{Decided, Measure};
use crate::case::field;
use crate::error::Failure;
use crate::explain::{Comparison, Missing, Outcome, Threshold};
use crate::household::decision::{disability_parts, Ctx, Decision, MemberFinding};
use crate::household::facts::{self, Standing};
use crate::money::{self, Yuan};
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use crate::prose::{Prose, Sep};

pub static MEASURE: Measure = Measure {
    code: "dibao_single_person",
    title: "低保“单人户”施保",
    per_member: true,
    clauses: &[anchor::DIBAO_SINGLE_PERSON, anchor::DIBAO_SINGLE_PERSON_SEVERE_DISABILITY_NATIONAL],
    reads: &[
        field::MEMBER_HAS_DISABILITY,
        field::MEMBER_DISABILITY_GRADE,
        field::MEMBER_DISABILITY_KIND,
        field::MEMBER_SERIOUS_ILLNESS,
        field::MEMBER_MEDICAL_OUT_OF_POCKET,
        field::LAST_YEAR_TOTAL_INCOME,
        field::LAST_YEAR_NET_INCOME,
        field::INCOMES,
        field::STATUS_DIBAO,
        field::STATUS_TEKUN,
        field::STATUS_MONITORED,
        field::STATUS_RETURNED_TO_POVERTY,
    ],
    after: &["dibao", "dibao_edge", "monitoring", "tekun"],
    decide,
};

/// Condition 1: whether the household is 农村低收入人口, and as what.
fn low_income(ctx: &Ctx, decided: &Decided, d: &mut Decision) -> Result<(Standing, Prose), Failure> {
    let s = &ctx.case.status;
    for (flag, label) in [(s.dibao, "低保户"), (s.tekun, "特困供养户"), (s.monitored, "监测对象"), (s.returned_to_poverty, "返贫致贫人口")] {
        if flag == Some(true) {
            return Ok((Standing::Recorded, prose!("{}", label)));
        }
    }
    // The low-income line is shown whenever incomes are known, whatever else decides.
    let family_pc = match facts::dibao_family(ctx, decided)? {
        facts::Family::Known(f) => Some(f.per_capita),
        _ => None,
    };
    let edge = match family_pc {
        Some(pc) => {
            let standard = ctx.scope.get(param::DIBAO_STANDARD_ANNUAL)?;
            let edge_line = money::mul(standard, ctx.scope.get(param::DIBAO_EDGE_MULTIPLIER)?, "低保边缘线")?;
            d.thresholds.push(Threshold::money("低保计算人均收入（农村低收入人口上限）", "元/人·年", pc, edge_line, Comparison::Below));
            Some((pc, edge_line))
        }
        None => None,
    };
    let monitoring = decided.get("monitoring");
    if monitoring.outcome == Outcome::Applies {
        return Ok((Standing::Found, prose!("{}（监测对象）", monitoring.category_label.unwrap_or("监测对象"))));
    }
    if decided.get("dibao_edge").outcome == Outcome::Applies {
        return Ok((Standing::Found, prose!("低保边缘家庭")));
    }
    let Some((pc, edge_line)) = edge else { return Ok((Standing::Unknown, prose!("收入未填，无法判断"))) };
    // Under the edge line by income alone (e.g. 低保 itself refused): 低保边缘 also needs the property
    // within the rules, as 低保边缘's own decision does.
    if pc < edge_line {
        match ctx.case.assets.within_dibao_rules {
            Some(true) => return Ok((Standing::Found, prose!("低保边缘家庭（人均收入低于 {}）", Yuan(edge_line)))),
            None => return Ok((Standing::Unknown, prose!("人均收入低于 {}，财产状况是否符合低保规定未填", Yuan(edge_line)))),
            Some(false) => {}
        }
    }
    // Income above the edge line, but monitoring still open (e.g. income under the monitoring
    // line with the risk not yet verified): whether it is 农村低收入人口 waits on that check.
    match monitoring.outcome {
        Outcome::CannotDecide => Ok((Standing::Unknown, prose!("收入不在低保边缘范围内；是否属监测对象，“{}”尚需补充", monitoring.title))),
        _ => Ok((Standing::Not, prose!(""))),
    }
}

/// What would settle an unknown population: incomes when not entered, else the monitoring check's asks.
fn population_asks(ctx: &Ctx, decided: &Decided) -> Vec<Missing> {
    match ctx.per_capita_dibao() {
        None => vec![Ctx::incomes_missing()],
        Some(_) if ctx.case.assets.within_dibao_rules.is_none() && decided.get("monitoring").missing.is_empty() => {
            vec![Missing::of(field::ASSETS_WITHIN_DIBAO_RULES)]
        }
        Some(_) => decided.get("monitoring").missing.clone(),
    }
}

fn decide(ctx: &Ctx, decided: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = vec![anchor::DIBAO_SINGLE_PERSON.cite()];
    let dibao = decided.get("dibao");
    let phasing_out = dibao.category == Some("phase_out");
    if dibao.outcome == Outcome::Applies && !phasing_out {
        return Ok(d.decided(Outcome::DoesNotApply, "整户已符合低保条件，无需单人户施保"));
    }
    // Who is 重度残疾 follows the national wording (一、二级 and 三级智力、精神).
    d.citations.push(anchor::DIBAO_SINGLE_PERSON_SEVERE_DISABILITY_NATIONAL.cite());
    let (population, as_what) = low_income(ctx, decided, &mut d)?;
    d.condition(
        "low_income_population",
        "属农村低收入人口",
        match population {
            Standing::Recorded => Some(true),
            Standing::Found => None,
            Standing::Not => Some(false),
            Standing::Unknown => None,
        },
        match population {
            Standing::Recorded => prose!("现为{}", as_what.clone()),
            Standing::Found => prose!("本次核查符合{}条件，待认定", as_what.clone()),
            Standing::Not => prose!("不属低保、特困、监测对象，收入不在低保边缘范围内"),
            Standing::Unknown => as_what.clone(),
        },
    );
    let ratio = ctx.scope.get(param::DIBAO_SINGLE_PERSON_MEDICAL_COST_RATIO)?;
    let last = ctx.case.last_year_total_income;
    let cap = last.map(|l| money::mul(l, ratio, "上年度家庭总收入×倍数")).transpose()?;
    if let Some(l) = last {
        d.figure("上年度家庭总收入", l, "元");
    }
    let net_floor = match ctx.case.last_year_net_income {
        Some(n) if last.is_none() && n.is_sign_positive() => Some(money::mul(n, ratio, "上年度家庭纯收入×倍数")?),
        _ => None,
    };
    for (i, m) in ctx.case.members.iter().enumerate() {
        // A person supported as 特困 is not also brought into 低保 (特困优先, 民发〔2021〕43号), as
        // 单人户 or otherwise.
        if facts::tekun(ctx, decided, i) == Standing::Recorded {
            d.members.push(MemberFinding::new(i, m, Outcome::DoesNotApply, "按特困人员救助供养（特困优先于低保），不另行“单人户”纳入低保"));
            continue;
        }
        let mut f = MemberFinding::new(i, m, Outcome::CannotDecide, "");
        let mut missing = Vec::new();
        let severe = ctx.severe_for_single_person(m)?;
        let note = match severe {
            Some(true) => {
                let (kind, grade) = disability_parts(m);
                let g = prose!("重度残疾人（{}{}）", kind, grade);
                f.grounds.push(g.clone());
                g
            }
            Some(false) => "否".into(),
            None => {
                let f = match (m.has_disability, m.disability.and_then(|x| x.grade)) {
                    (None, _) => field::MEMBER_HAS_DISABILITY,
                    (_, None) => field::MEMBER_DISABILITY_GRADE,
                    _ => field::MEMBER_DISABILITY_KIND,
                };
                missing.push(ctx.missing(i, f));
                "残疾情况未填".into()
            }
        };
        f.condition("severe_disability", "重度残疾人", severe, note);
        let note = match m.serious_illness {
            Some(true) => {
                f.grounds.push(prose!("重病患者"));
                "是"
            }
            Some(false) => "否",
            None => {
                missing.push(ctx.missing(i, field::MEMBER_SERIOUS_ILLNESS));
                "未填"
            }
        };
        f.condition("serious_illness", "重病患者", m.serious_illness, note);
        let cost_hit = match (m.medical_out_of_pocket, cap) {
            (Some(cost), Some(cap)) => {
                // The distance to the line is shown for members with costs (most have none).
                if !cost.is_zero() {
                    d.thresholds.push(Threshold::money(prose!("{}当年就医自负费用", Ctx::name(m, i)), "元", cost, cap, Comparison::Above));
                }
                Some(cost > cap)
            }
            (Some(cost), None) if cost.is_zero() => Some(false),
            // 总收入 is never below 纯收入: costs within last year's 纯收入 times the ratio cannot
            // exceed the 总收入 line, so the 总收入 need not be asked for.
            (Some(cost), None) if net_floor.is_some_and(|floor| cost <= floor) => Some(false),
            (Some(_), None) => {
                missing.push(Missing::of(field::LAST_YEAR_TOTAL_INCOME));
                None
            }
            (None, _) => {
                missing.push(ctx.missing(i, field::MEMBER_MEDICAL_OUT_OF_POCKET));
                None
            }
        };
        f.condition(
            "medical_cost",
            "当年就医自负费用超过上年度家庭总收入",
            cost_hit,
            match (m.medical_out_of_pocket, cap) {
                (Some(cost), Some(cap)) => prose!("自负 {}，上年度家庭总收入 {}", Yuan(cost), Yuan(cap)),
                _ => prose!("费用或上年度收入未填"),
            },
        );
        if cost_hit == Some(true) {
            if let (Some(cost), Some(cap)) = (m.medical_out_of_pocket, cap) {
                f.grounds.push(prose!("当年就医自负费用 {} 超过上年度家庭总收入 {}", Yuan(cost), Yuan(cap)));
            }
        }
        let grounds = Prose::join(f.grounds.clone(), Sep::Comma);
        if !f.grounds.is_empty() {
            match population {
                Standing::Recorded => {
                    f.outcome = Outcome::Applies;
                    f.reason = prose!("属农村低收入人口（{}）中的{}，可单独纳入低保", as_what.clone(), grounds);
                }
                Standing::Found => {
                    f.outcome = Outcome::OnceRecognised;
                    f.reason = prose!("{}；本户符合{}条件，尚未认定", grounds, as_what.clone());
                    f.once_recognised = Some(prose!("认定为{}（农村低收入人口）后，可单独纳入低保", as_what.clone()));
                }
                Standing::Not => {
                    f.outcome = Outcome::DoesNotApply;
                    f.reason = prose!("虽为{}，但家庭不属农村低收入人口", grounds);
                }
                Standing::Unknown => {
                    f.reason = match ctx.per_capita_dibao() {
                        None => prose!("需收入判断是否属农村低收入人口"),
                        Some(_) => prose!("{}；是否属农村低收入人口（监测对象）尚待防止返贫监测核查补充，属的可单独纳入低保", grounds),
                    };
                    f.missing = population_asks(ctx, decided);
                }
            }
        } else if !missing.is_empty() {
            f.reason = prose!("部分情况未填");
            f.missing = missing;
        } else {
            f.outcome = Outcome::DoesNotApply;
            f.reason = prose!("非重度残疾、非重病、就医自负费用未超过上年度家庭总收入");
        }
        d.members.push(f);
    }
    d.settle_members();
    let who = |o| -> Vec<Prose> { d.members_with(o).map(|f| prose!("{}（{}）", f.display_name(), Prose::join(f.grounds.clone(), Sep::Comma))).collect() };
    let reason = match d.outcome {
        Outcome::Applies if phasing_out => {
            prose!("整户处于低保渐退期，期满退出低保后，可“单人户”施保：{}", Prose::join(who(Outcome::Applies), Sep::Semicolon))
        }
        Outcome::Applies => prose!("可“单人户”施保：{}", Prose::join(who(Outcome::Applies), Sep::Semicolon)),
        Outcome::OnceRecognised => prose!("待认定：{}", Prose::join(who(Outcome::OnceRecognised), Sep::Semicolon)),
        Outcome::DoesNotApply => "没有成员符合单人户施保条件".into(),
        Outcome::CannotDecide => "部分成员情况未填，无法判断".into(),
    };
    if d.outcome == Outcome::OnceRecognised {
        d.once_recognised = Some(prose!("认定为{}后，可“单人户”施保", as_what));
    }
    d.reason = reason;
    Ok(d)
}
