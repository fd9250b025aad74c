//! 防止返贫监测对象识别 — 实施意见 二(二):
//!
//! > 对脱贫不稳定户、边缘易致贫户,以及因病因灾因意外事故等刚性支出较大或收入大幅缩减导致基本生活
//! > 出现严重困难户,开展定期检查、动态管理……重点监测其收入支出状况、“两不愁三保障”及饮水安全状况
//!
//! Conditions, in the order checked:
//! 1. 家庭年人均纯收入低于当年监测范围 (`monitoring.income_threshold`) → 脱贫户为脱贫不稳定户，
//!    一般农户为边缘易致贫户 (the type needs 农户类型).
//! 2. Otherwise 突发严重困难户: 扣除刚性支出后人均纯收入低于监测范围, or 家庭年纯收入较上年度大幅
//!    缩减 (`monitoring.income_drop_ratio`); unknown rigid expenses or last year's income are asked
//!    for, not taken as zero.
//!
//! The risk kinds the data shows (因病、因残、因学…) are listed as findings.
use super::{Decided, Measure};
use crate::case::{field, HouseholdType, MonitoringType};
use crate::decode::Choice;
use crate::error::Failure;
use crate::explain::{Comparison, Missing, Outcome, Threshold};
use crate::household::decision::{Ctx, Decision};
use crate::money::{self, Yuan};
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use crate::prose::Prose;
use rust_decimal::Decimal;

pub static MEASURE: Measure = Measure {
    code: "monitoring",
    title: "防止返贫监测对象识别",
    per_member: false,
    clauses: &[anchor::MONITORING_OBJECTS, anchor::MONITORING_FOCUS],
    reads: &[
        field::INCOMES,
        field::EMPLOYMENT_COSTS,
        field::HOUSEHOLD_TYPE,
        field::LAST_YEAR_TOTAL_INCOME,
        field::MEMBER_MEDICAL_OUT_OF_POCKET,
        field::EXPENSES,
        field::RISKS,
    ],
    after: &[],
    decide,
};

fn decide(ctx: &Ctx, _: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = MEASURE.clauses.iter().map(|a| a.cite()).collect();
    let line = ctx.scope.get(param::MONITORING_INCOME_THRESHOLD)?;
    let risks = ctx.risks();
    for (r, why) in risks {
        d.finding(r.code(), r.label(), Some(true), *why);
    }
    let (Some(ledger), Some(pc)) = (&ctx.ledger, ctx.per_capita_net()) else {
        d.condition("income_below_line", "家庭年人均纯收入低于监测范围", None, "收入未填");
        return Ok(d.undecided(vec![Ctx::incomes_missing()], "未填写收入，无法计算家庭年人均纯收入"));
    };
    d.figure("家庭年纯收入", ledger.total_net, "元");
    d.figure("家庭年人均纯收入", pc, "元/人·年");
    d.figure("监测收入范围", line, "元/人·年");
    d.figure("刚性支出合计", ctx.rigid, "元");
    d.thresholds.push(Threshold::money("家庭年人均纯收入", "元/人·年", pc, line, Comparison::Below));
    let risk_text = if risks.is_empty() {
        prose!("未发现具体风险类型，请入户核实")
    } else {
        Prose::labels("风险类型：", risks.iter().map(|(r, _)| r.label()), "、")
    };
    let below = pc < line;
    d.condition("income_below_line", "家庭年人均纯收入低于监测范围", Some(below), prose!("人均 {}，监测范围 {}", Yuan(pc), Yuan(line)));
    if below {
        let Some(ht) = ctx.case.household_type else {
            return Ok(d.undecided(vec![Missing::of(field::HOUSEHOLD_TYPE)], "人均纯收入低于监测范围，需农户类型区分脱贫不稳定户与边缘易致贫户"));
        };
        let t = if ht == HouseholdType::PovertyExited { MonitoringType::Unstable } else { MonitoringType::Edge };
        d.category(t.code(), t.label());
        d.missing = ctx.rigid_missing.clone();
        let reason = prose!("{}，家庭年人均纯收入 {} 低于当年监测范围 {}，可识别为{}；{}", ht.label(), Yuan(pc), Yuan(line), t.label(), risk_text);
        return Ok(d.decided(Outcome::Applies, reason));
    }
    // Above the range: 突发严重困难户 only if rigid expenses or a large income drop make basic
    // living seriously hard.
    let after = ctx.per_capita_after_rigid()?.unwrap_or(pc);
    d.figure("扣除刚性支出后人均纯收入", after, "元/人·年");
    let rigid_hit = after < line;
    d.thresholds.push(Threshold::money("扣除刚性支出后人均纯收入", "元/人·年", after, line, Comparison::Below));
    d.condition(
        "rigid_expenses",
        "扣除刚性支出后人均纯收入低于监测范围",
        if rigid_hit || ctx.rigid_missing.is_empty() { Some(rigid_hit) } else { None },
        prose!("刚性支出 {}，扣除后人均 {}", Yuan(ctx.rigid), Yuan(after)),
    );
    let drop_ratio = ctx.scope.get(param::MONITORING_INCOME_DROP_RATIO)?;
    let drop_hit = match ctx.case.last_year_total_income {
        Some(last) => {
            let keep = money::sub(Decimal::ONE, drop_ratio, "收入降幅")?;
            let floor = money::mul(last, keep, "收入大幅缩减线")?;
            d.figure("上年度家庭总收入", last, "元");
            d.thresholds.push(Threshold::money("家庭年纯收入（较上年大幅缩减线）", "元", ledger.total_net, floor, Comparison::Below));
            Some(ledger.total_net < floor)
        }
        None => None,
    };
    d.condition(
        "income_drop",
        "家庭年纯收入较上年度大幅缩减",
        drop_hit,
        match ctx.case.last_year_total_income {
            Some(last) => prose!("本年纯收入 {}，上年度 {}", Yuan(ledger.total_net), Yuan(last)),
            None => "上年度家庭总收入未填".into(),
        },
    );
    if rigid_hit || drop_hit == Some(true) {
        let t = MonitoringType::Sudden;
        d.category(t.code(), t.label());
        let why = match (rigid_hit, drop_hit == Some(true)) {
            (true, true) => prose!("扣除刚性支出 {} 后人均纯收入 {} 低于监测范围，且收入较上年大幅缩减", Yuan(ctx.rigid), Yuan(after)),
            (true, false) => prose!("扣除刚性支出 {} 后人均纯收入 {} 低于监测范围 {}", Yuan(ctx.rigid), Yuan(after), Yuan(line)),
            _ => prose!(
                "家庭年纯收入 {} 较上年度 {} 下降达 {}% 以上",
                Yuan(ledger.total_net),
                Yuan(ctx.case.last_year_total_income.unwrap_or_default()),
                money::to_fen(drop_ratio * Decimal::ONE_HUNDRED)
            ),
        };
        let reason = prose!("人均纯收入 {} 高于监测范围，但{}，基本生活可能出现严重困难，可识别为突发严重困难户（须入户核实）；{}", Yuan(pc), why, risk_text);
        return Ok(d.decided(Outcome::Applies, reason));
    }
    // Above the line on what is known: unknown rigid expenses or last year's income could still
    // make it a 突发严重困难户, so they are asked for rather than taken as zero.
    let mut missing = ctx.rigid_missing.clone();
    if drop_hit.is_none() {
        missing.push(Missing::of(field::LAST_YEAR_TOTAL_INCOME));
    }
    if !missing.is_empty() {
        return Ok(d.undecided(missing, "人均纯收入高于监测范围；需刚性支出和上年度家庭总收入，判断是否属突发严重困难户"));
    }
    d.category("none", "不属于监测对象");
    let reason =
        prose!("家庭年人均纯收入 {} 不低于监测范围 {}，扣除刚性支出后人均 {} 亦不低于，收入未大幅缩减，不属于三类监测对象", Yuan(pc), Yuan(line), Yuan(after));
    Ok(d.decided(Outcome::DoesNotApply, reason))
}
