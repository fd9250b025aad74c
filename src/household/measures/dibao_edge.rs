//! 低保边缘家庭 — 实施意见 五(十二) (农村低收入人口的分层认定), with the national definition
//! (docs/policy-reference.md §2):
//!
//! 1. 不符合低保条件: 低保计算人均收入不低于农村低保标准;
//! 2. 低保计算人均收入低于低保标准的 `dibao.edge_multiplier` 倍 (1.5);
//! 3. 家庭财产状况符合规定.
//!
//! The income is the 低保 family's, as 低保 tests it: members supported as 特困 are not in it.
use super::{Decided, Measure};
use crate::case::field;
use crate::error::Failure;
use crate::explain::{Comparison, Missing, Outcome, Threshold};
use crate::household::decision::{Ctx, Decision};
use crate::household::facts;
use crate::money::{self, Yuan};
use crate::params::param;
use crate::policy::anchor;
use crate::prose;

pub static MEASURE: Measure = Measure {
    code: "dibao_edge",
    title: "低保边缘家庭",
    per_member: false,
    clauses: &[anchor::DIBAO_IDENTIFY],
    reads: &[field::INCOMES, field::EMPLOYMENT_COSTS, field::ASSETS_WITHIN_DIBAO_RULES],
    after: &["tekun"],
    decide,
};

fn decide(ctx: &Ctx, decided: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = MEASURE.clauses.iter().map(|a| a.cite()).collect();
    let standard = ctx.scope.get(param::DIBAO_STANDARD_ANNUAL)?;
    let k = ctx.scope.get(param::DIBAO_EDGE_MULTIPLIER)?;
    let edge_line = money::mul(standard, k, "低保边缘线")?;
    // The same 低保 family as 低保's own test: members supported as 特困 are not in it.
    let pc = match facts::dibao_family(ctx, decided)? {
        facts::Family::Known(f) => f.per_capita,
        facts::Family::NoIncomes => return Ok(d.undecided(vec![Ctx::incomes_missing()], "未填写收入")),
        facts::Family::OwnIncomeNeeded(names, asks) => {
            let mut d = d.undecided(asks, "");
            d.reason = prose!("{}按特困人员救助供养，不计入低保家庭：需其本人年收入，从家庭收入中扣除后计算", names);
            return Ok(d);
        }
    };
    d.figure("低保计算人均收入", pc, "元/人·年");
    d.figure("低保边缘收入上限", edge_line, "元/人·年");
    d.thresholds.push(Threshold::money("低保计算人均收入（低保标准）", "元/人·年", pc, standard, Comparison::Below));
    d.thresholds.push(Threshold::money("低保计算人均收入（低保边缘上限）", "元/人·年", pc, edge_line, Comparison::Below));
    d.condition("not_dibao", "不符合低保条件（人均收入不低于低保标准）", Some(pc >= standard), prose!("人均 {}，低保标准 {}", Yuan(pc), Yuan(standard)));
    d.condition("below_edge_line", "人均收入低于低保标准的规定倍数", Some(pc < edge_line), prose!("{} 倍即 {}", k, Yuan(edge_line)));
    let property = ctx.case.assets.within_dibao_rules;
    d.condition("property_within_rules", "家庭财产状况符合规定", property, if property.is_some() { "经办人认定" } else { "未填" });
    if pc < standard {
        let reason = prose!("人均 {} 低于低保标准 {}，属低保收入范围（是否低保户见“农村低保”），不属边缘家庭", Yuan(pc), Yuan(standard));
        return Ok(d.decided(Outcome::DoesNotApply, reason));
    }
    if pc >= edge_line {
        let reason = prose!("人均 {} 不低于低保标准的 {} 倍（{}），不属低保边缘家庭", Yuan(pc), k, Yuan(edge_line));
        return Ok(d.decided(Outcome::DoesNotApply, reason));
    }
    match property {
        None => Ok(d.undecided(vec![Missing::of(field::ASSETS_WITHIN_DIBAO_RULES)], "收入在低保边缘范围内，尚需核实财产状况")),
        Some(false) => Ok(d.decided(Outcome::DoesNotApply, "收入在低保边缘范围内，但财产状况不符合规定")),
        Some(true) => {
            let reason = prose!(
                "人均 {} 高于低保标准 {}、低于其 {} 倍 {}，财产状况符合规定，属低保边缘家庭（农村低收入人口）",
                Yuan(pc),
                Yuan(standard),
                k,
                Yuan(edge_line)
            );
            Ok(d.decided(Outcome::Applies, reason))
        }
    }
}
