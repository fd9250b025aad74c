//! 农村低保 (五(十二)): the whole household, 低保边缘 (1.5×), and 单人户施保 for members who are
//! 重度残疾人, 重病患者, or whose own medical costs this year exceed last year's household income.
use super::decision::{disability_parts, Ctx, Decision, Grounds, MemberFinding};
use crate::error::Failure;
use crate::explain::{Comparison, Missing, Outcome, Threshold};
use crate::money;
use crate::money::Yuan;
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use crate::prose::{Prose, Sep};
use rust_decimal::Decimal;

const MONTHS: Decimal = Decimal::from_parts(12, 0, 0, false, 0);

fn property_missing() -> Missing {
    Missing::new("$.assets.within_dibao_rules", "财产状况符合低保规定")
}

/// The whole household: counted income below the standard, property within the rules.
pub fn whole(d: &mut Decision, ctx: &Ctx) -> Result<(), Failure> {
    d.start("dibao", "农村低保（整户）");
    d.citations = smallvec::smallvec![anchor::DIBAO_IDENTIFY.cite(), anchor::DIBAO_EXCLUDED_INCOME.cite()];
    let standard = ctx.scope.get(param::DIBAO_STANDARD_ANNUAL)?;
    let (Some(ledger), Some(pc)) = (&ctx.ledger, ctx.per_capita_dibao()) else {
        return Ok(d.undecided(vec![Ctx::incomes_missing()], "未填写收入，无法计算低保家庭收入"));
    };
    if !ledger.employment_cost_deducted.is_zero() {
        d.citations.push(anchor::DIBAO_EMPLOYMENT_COST.cite());
    }
    let line = money::mul(standard, ctx.size(), "低保标准×人口")?;
    d.figure("低保计算收入合计", ledger.total_dibao, "元/年");
    d.figure("低保计算人均收入", pc, "元/人·年");
    d.figure("农村低保标准", standard, "元/人·年");
    d.thresholds.push(Threshold::money("低保计算人均收入", "元/人·年", pc, standard, Comparison::Below));
    let below = ledger.total_dibao < line;
    let current = match ctx.case.status.dibao {
        Some(true) => "（现为低保户）",
        _ => "",
    };
    if !below {
        d.outcome = Outcome::DoesNotApply;
        d.reason = prose!("低保计算人均收入 {} 不低于农村低保标准 {}，整户不符合低保条件{}", Yuan(pc), Yuan(standard), current);
        return Ok(());
    }
    let gap = money::sub(line, ledger.total_dibao, "低保补差")?;
    let monthly = money::to_fen(money::div(gap, MONTHS, "月补差")?);
    match ctx.case.assets.within_dibao_rules {
        None => {
            d.figure("估算月补差", monthly, "元/月");
            Ok(d.undecided(vec![property_missing()], "收入低于低保标准，尚需核实家庭财产状况是否符合规定"))
        }
        Some(false) => {
            d.outcome = Outcome::DoesNotApply;
            d.reason = prose!("低保计算人均收入 {} 低于标准 {}，但家庭财产状况不符合低保规定", Yuan(pc), Yuan(standard));
            Ok(())
        }
        Some(true) => {
            d.outcome = Outcome::Applies;
            d.amount = Some(monthly);
            d.amount_unit = Some("元/月");
            d.reason = prose!("家庭 {} 人，低保计算收入 {}（人均 {}）低于农村低保标准 {}，财产状况符合规定，整户符合农村低保条件{}。估算月补差 =（标准 {} × {} 人 − 计算收入 {}）÷ 12 = {}；实际按甘肃分类施保（一至四类）核定", ctx.case.members.len(), Yuan(ledger.total_dibao), Yuan(pc), Yuan(standard), current, Yuan(standard), ctx.case.members.len(), Yuan(ledger.total_dibao), Yuan(monthly));
            Ok(())
        }
    }
}

/// 低保边缘家庭: not eligible for 低保, counted income below 1.5× the standard, property within rules.
pub fn edge(d: &mut Decision, ctx: &Ctx) -> Result<(), Failure> {
    d.start("dibao_edge", "低保边缘家庭");
    d.citations = smallvec::smallvec![anchor::DIBAO_IDENTIFY.cite()];
    let standard = ctx.scope.get(param::DIBAO_STANDARD_ANNUAL)?;
    let k = ctx.scope.get(param::DIBAO_EDGE_MULTIPLIER)?;
    let edge_line = money::mul(standard, k, "低保边缘线")?;
    let Some(pc) = ctx.per_capita_dibao() else {
        return Ok(d.undecided(vec![Ctx::incomes_missing()], "未填写收入"));
    };
    d.figure("低保计算人均收入", pc, "元/人·年");
    d.figure("低保边缘收入上限", edge_line, "元/人·年");
    d.thresholds.push(Threshold::money("低保计算人均收入（低保标准）", "元/人·年", pc, standard, Comparison::Below));
    d.thresholds.push(Threshold::money("低保计算人均收入（低保边缘上限）", "元/人·年", pc, edge_line, Comparison::Below));
    if pc < standard {
        d.outcome = Outcome::DoesNotApply;
        d.reason = prose!("人均 {} 低于低保标准 {}，按低保认定，不属边缘家庭", Yuan(pc), Yuan(standard));
        return Ok(());
    }
    if pc >= edge_line {
        d.outcome = Outcome::DoesNotApply;
        d.reason = prose!("人均 {} 不低于低保标准的 {} 倍（{}），不属低保边缘家庭", Yuan(pc), k, Yuan(edge_line));
        return Ok(());
    }
    match ctx.case.assets.within_dibao_rules {
        None => Ok(d.undecided(vec![property_missing()], "收入在低保边缘范围内，尚需核实财产状况")),
        Some(false) => {
            d.outcome = Outcome::DoesNotApply;
            d.reason = "收入在低保边缘范围内，但财产状况不符合规定".into();
            Ok(())
        }
        Some(true) => {
            d.outcome = Outcome::Applies;
            d.reason = prose!(
                "人均 {} 高于低保标准 {}、低于其 {} 倍 {}，财产状况符合规定，属低保边缘家庭（农村低收入人口）",
                Yuan(pc),
                Yuan(standard),
                k,
                Yuan(edge_line)
            );
            Ok(())
        }
    }
}

/// Whether the household is 农村低收入人口 (the group 单人户施保 draws from): a current 低保,
/// 特困 or monitored household, a 返贫致贫 household, or counted income below the edge line.
fn low_income(ctx: &Ctx) -> Result<(Option<bool>, Option<Threshold>), Failure> {
    let s = &ctx.case.status;
    if [s.dibao, s.tekun, s.monitored, s.returned_to_poverty].contains(&Some(true)) {
        return Ok((Some(true), None));
    }
    let Some(pc) = ctx.per_capita_dibao() else { return Ok((None, None)) };
    let standard = ctx.scope.get(param::DIBAO_STANDARD_ANNUAL)?;
    let edge_line = money::mul(standard, ctx.scope.get(param::DIBAO_EDGE_MULTIPLIER)?, "低保边缘线")?;
    let t = Threshold::money("低保计算人均收入（农村低收入人口上限）", "元/人·年", pc, edge_line, Comparison::Below);
    Ok((Some(pc < edge_line), Some(t)))
}

/// 单人户施保, per member and ground.
pub fn single_person(d: &mut Decision, ctx: &Ctx, whole_applies: bool) -> Result<(), Failure> {
    d.start_per_member("dibao_single_person", "低保“单人户”施保", ctx.case.members.len());
    d.citations = smallvec::smallvec![anchor::DIBAO_SINGLE_PERSON.cite()];
    if whole_applies {
        d.outcome = Outcome::DoesNotApply;
        d.reason = "整户已符合低保条件，无需单人户施保".into();
        return Ok(());
    }
    let (low, t) = low_income(ctx)?;
    // One threshold per member with medical costs, and the low-income line.
    d.thresholds.reserve_exact(ctx.case.members.len() + 1);
    d.thresholds.extend(t);
    let ratio = ctx.scope.get(param::DIBAO_SINGLE_PERSON_MEDICAL_COST_RATIO)?;
    let last = ctx.case.last_year_total_income;
    let cap = last.map(|l| money::mul(l, ratio, "上年度家庭总收入×倍数")).transpose()?;
    if let Some(l) = last {
        d.figure("上年度家庭总收入", l, "元");
    }
    for (i, m) in ctx.case.members.iter().enumerate() {
        let mut grounds = Grounds::new();
        let mut missing = Vec::new();
        let mut unknown = false;
        match ctx.severe_disability(m)? {
            Some(true) => {
                let (kind, grade) = disability_parts(m);
                grounds.push(prose!("重度残疾人（{}{}）", kind, grade));
            }
            Some(false) => {}
            None => {
                unknown = true;
                let field = if m.has_disability.is_none() { "has_disability" } else { "disability.grade" };
                missing.push(Missing::new(Ctx::member_path(i, field), if field == "has_disability" { "是否残疾" } else { "残疾等级" }));
            }
        }
        match m.serious_illness {
            Some(true) => grounds.push(prose!("重病患者")),
            Some(false) => {}
            None => {
                unknown = true;
                missing.push(Missing::new(Ctx::member_path(i, "serious_illness"), "患重病（大病）"));
            }
        }
        match (m.medical_out_of_pocket, cap) {
            (Some(cost), Some(cap)) => {
                if cost > cap {
                    grounds.push(prose!("当年就医自负费用 {} 超过上年度家庭总收入 {}", Yuan(cost), Yuan(cap)));
                }
                // The distance to the line is shown for members with costs (most have none).
                if !cost.is_zero() {
                    d.thresholds.push(Threshold::money(prose!("{}当年就医自负费用", Ctx::name(m, i)), "元", cost, cap, Comparison::Above));
                }
            }
            (Some(cost), None) if !cost.is_zero() => {
                unknown = true;
                missing.push(Missing::new("$.last_year_total_income", "上年度家庭总收入"));
            }
            (None, _) => {
                unknown = true;
                missing.push(Missing::new(Ctx::member_path(i, "medical_out_of_pocket"), "医疗自付费用"));
            }
            _ => {}
        }
        let (outcome, reason) = if !grounds.is_empty() {
            match low {
                Some(true) => (Outcome::Applies, prose!("属农村低收入人口中的{}，可单独纳入低保", Prose::join(grounds.clone(), Sep::Comma))),
                Some(false) => (Outcome::DoesNotApply, prose!("虽为{}，但家庭不属农村低收入人口", Prose::join(grounds.clone(), Sep::Comma))),
                None => {
                    missing.push(Ctx::incomes_missing());
                    (Outcome::CannotDecide, prose!("需收入判断是否属农村低收入人口"))
                }
            }
        } else if unknown {
            (Outcome::CannotDecide, prose!("部分情况未填"))
        } else {
            missing.clear();
            (Outcome::DoesNotApply, prose!("非重度残疾、非重病、就医自负费用未超过上年度家庭总收入"))
        };
        d.members.push(MemberFinding { index: i, name: m.name.clone(), outcome, grounds, amount: None, reason, missing });
    }
    d.settle_members();
    let who: Vec<Prose> = d
        .members
        .iter()
        .filter(|m| m.outcome == Outcome::Applies)
        .map(|f| prose!("{}（{}）", f.display_name(), Prose::join(f.grounds.clone(), Sep::Comma)))
        .collect();
    d.reason = match d.outcome {
        Outcome::Applies => prose!("可“单人户”施保：{}", Prose::join(who, Sep::Semicolon)),
        Outcome::DoesNotApply => "没有成员符合单人户施保条件".into(),
        Outcome::CannotDecide => "部分成员情况未填，无法判断".into(),
    };
    Ok(())
}
