//! 防止返贫监测对象识别 — 实施意见 二(二):
//!
//! > 对脱贫不稳定户、边缘易致贫户,以及因病因灾因意外事故等刚性支出较大或收入大幅缩减导致基本生活
//! > 出现严重困难户,开展定期检查、动态管理……重点监测其收入支出状况、“两不愁三保障”及饮水安全状况
//!
//! Conditions, in the order checked (the national definitions, policy/excerpts/monitoring-national.txt):
//! 1. 家庭年人均纯收入低于当年监测范围 (`monitoring.income_threshold`) **and** 有返贫致贫风险 →
//!    脱贫户为脱贫不稳定户，一般农户为边缘易致贫户 (the type needs 农户类型). Income alone is not
//!    enough: with no risk found, the risk inputs are asked for ("须核实是否存在返贫致贫风险").
//!    Staff who checked and found none record `risks: ["none"]` (已核实无风险): the household is
//!    then not a 监测对象 by the risk condition, and the reason says its income is under the line
//!    and that this rests on their verification. A risk the member data shows (因病, 因残…) stands
//!    over that record, with a note asking to re-check the contradiction. So does a 家庭年纯收入
//!    that fell below the range by the same 大幅缩减 as in 2. (like with like,
//!    `monitoring.income_drop_ratio`): a halved income is the 因产业项目失败 / 因务工就业不稳 kind of
//!    risk, though which of them only a visit can tell, so the reason asks staff to name it.
//! 2. Otherwise 突发严重困难户: 扣除刚性支出后人均纯收入低于监测范围, or 家庭年纯收入较上年度家庭
//!    纯收入 (like with like) 大幅缩减 (`monitoring.income_drop_ratio`) while the income left is not
//!    far above the range (`monitoring.sudden_drop_far_above_multiple`: a drop from a high income to
//!    a still-high one is not a hardship). Unknown rigid expenses or last year's 纯收入 are asked
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
use crate::prose::{Prose, Sep};
use rust_decimal::Decimal;

pub static MEASURE: Measure = Measure {
    code: "monitoring",
    title: "防止返贫监测对象识别",
    per_member: false,
    clauses: &[anchor::MONITORING_OBJECTS, anchor::MONITORING_FOCUS, anchor::MONITORING_UNSTABLE_AND_EDGE_NATIONAL, anchor::MONITORING_NEEDS_RISK],
    reads: &[
        field::INCOMES,
        field::EMPLOYMENT_COSTS,
        field::HOUSEHOLD_TYPE,
        field::LAST_YEAR_NET_INCOME,
        field::MEMBER_SERIOUS_ILLNESS,
        field::MEMBER_CHRONIC_ILLNESS,
        field::MEMBER_HAS_DISABILITY,
        field::MEMBER_LABOUR_CAPACITY,
        field::MEMBER_MEDICAL_OUT_OF_POCKET,
        field::EXPENSES,
        field::RISKS,
    ],
    after: &[],
    decide,
};

/// The inputs that could still show a risk of returning to or falling into poverty: the declared
/// risks first, then each member's illness, disability and labour capacity and the rigid expenses
/// left unknown.
fn risk_inputs_missing(ctx: &Ctx) -> Vec<Missing> {
    let mut missing = vec![Missing::of(field::RISKS)];
    for (i, m) in ctx.case.members.iter().enumerate() {
        for (unknown, f) in [
            (m.serious_illness.is_none(), field::MEMBER_SERIOUS_ILLNESS),
            (m.chronic_illness.is_none(), field::MEMBER_CHRONIC_ILLNESS),
            (m.has_disability.is_none(), field::MEMBER_HAS_DISABILITY),
            (m.labour.is_none(), field::MEMBER_LABOUR_CAPACITY),
        ] {
            if unknown {
                missing.push(ctx.missing(i, f));
            }
        }
    }
    missing.extend(ctx.rigid_missing.iter().cloned());
    missing
}

fn decide(ctx: &Ctx, _: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    // The national definitions are cited where they decide (below the range, or for 突发).
    d.citations = vec![anchor::MONITORING_OBJECTS.cite(), anchor::MONITORING_FOCUS.cite()];
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
    let below = pc < line;
    d.condition("income_below_line", "家庭年人均纯收入低于监测范围", Some(below), prose!("人均 {}，监测范围 {}", Yuan(pc), Yuan(line)));
    let verified_none = ctx.case.no_risk_verified();
    if below {
        // Income under the range is half of the definition; the other half is a risk.
        d.citations.push(anchor::MONITORING_UNSTABLE_AND_EDGE_NATIONAL.cite());
        // A large drop from last year (like with like) is a risk the data shows, even where no kind
        // is declared or derived: a halved income does not fall under the line by itself. Read
        // only where no other risk is shown, where it decides (the ratio is a placeholder).
        let dropped = match ctx.case.last_year_net_income {
            Some(last) if risks.is_empty() => {
                let floor = drop_floor(ctx, last)?;
                d.figure("上年度家庭纯收入", last, "元");
                d.thresholds.push(Threshold::money("家庭年纯收入（较上年大幅缩减线）", "元", ledger.total_net, floor, Comparison::Below));
                (ledger.total_net < floor).then_some(last)
            }
            _ => None,
        };
        let mut shown: Vec<Prose> = risks.iter().map(|(r, _)| Prose::Static(r.label())).collect();
        if let Some(last) = dropped {
            shown.push(prose!("收入较上年大幅缩减（{} → {}，具体类型请入户核实）", Yuan(last), Yuan(ledger.total_net)));
        }
        let has_risk = !shown.is_empty();
        let shown_by = if dropped.is_some() { "成员、支出与收入信息" } else { "成员与支出信息" };
        d.condition(
            "risk",
            "有返贫致贫风险",
            match (has_risk, verified_none) {
                (true, _) => Some(true),
                (false, true) => Some(false),
                (false, false) => None,
            },
            match (has_risk, verified_none) {
                // What the data shows stands over the record; the contradiction is for staff to resolve.
                (true, true) => prose!("记录为已核实无风险，但{}显示{}，请复核", shown_by, Prose::join(shown.iter().cloned(), Sep::Comma)),
                (true, false) => Prose::join(shown.iter().cloned(), Sep::Comma),
                (false, true) => prose!("已入户核实无返贫致贫风险（以核实结论为准）"),
                (false, false) => prose!("未发现风险类型，须入户核实"),
            },
        );
        if !has_risk && verified_none {
            return Ok(verified_no_risk(d, ctx.case.household_type, pc, line));
        }
        let Some(ht) = ctx.case.household_type else {
            return Ok(d.undecided(vec![Missing::of(field::HOUSEHOLD_TYPE)], "人均纯收入低于监测范围，需农户类型区分脱贫不稳定户与边缘易致贫户"));
        };
        let t = if ht == HouseholdType::PovertyExited { MonitoringType::Unstable } else { MonitoringType::Edge };
        if !has_risk {
            d.citations.push(anchor::MONITORING_NEEDS_RISK.cite());
            let mut missing = risk_inputs_missing(ctx);
            missing.dedup();
            let mut d = d.undecided(missing, "");
            d.reason = prose!(
                "收入低于监测范围，须核实是否存在返贫致贫风险：{}，家庭年人均纯收入 {} 低于当年监测范围 {}，有返贫致贫风险的可识别为{}",
                ht.label(),
                Yuan(pc),
                Yuan(line),
                t.label()
            );
            return Ok(d);
        }
        d.category(t.code(), t.label());
        d.missing = ctx.rigid_missing.clone();
        let risk_text = prose!("风险类型：{}", Prose::join(shown, Sep::Comma));
        let reason =
            prose!("{}，家庭年人均纯收入 {} 低于当年监测范围 {}，且有返贫致贫风险，可识别为{}；{}", ht.label(), Yuan(pc), Yuan(line), t.label(), risk_text);
        let reason = if verified_none { prose!("{}（记录为已核实无风险，与{}不一致，请复核）", reason, shown_by) } else { reason };
        return Ok(d.decided(Outcome::Applies, reason));
    }
    let risk_text = if risks.is_empty() && verified_none {
        prose!("已核实无返贫致贫风险")
    } else if risks.is_empty() {
        prose!("未发现具体风险类型，请入户核实")
    } else {
        Prose::labels("风险类型：", risks.iter().map(|(r, _)| r.label()), "、")
    };
    // Above the range: 突发严重困难户 only if rigid expenses or a large income drop make basic
    // living seriously hard.
    d.citations.push(anchor::MONITORING_SUDDEN_HARDSHIP_NATIONAL.cite());
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
    // A drop counts only when like is compared with like (纯收入 with 纯收入) and the income left
    // is not far above the range: a drop from high to still high is not a hardship.
    d.citations.push(anchor::MONITORING_SUDDEN_HARDSHIP_LIKE_WITH_LIKE.cite());
    let drop_ratio = ctx.scope.get(param::MONITORING_INCOME_DROP_RATIO)?;
    let far = ctx.scope.get(param::MONITORING_SUDDEN_DROP_FAR_ABOVE_MULTIPLE)?;
    let far_line = money::mul(line, far, "远高于监测范围的收入线")?;
    d.figure("远高于监测范围的人均纯收入线", far_line, "元/人·年");
    let far_above = pc >= far_line;
    let last = ctx.case.last_year_net_income;
    let drop_hit = match last {
        _ if far_above => Some(false),
        Some(last) => {
            let floor = drop_floor(ctx, last)?;
            d.figure("上年度家庭纯收入", last, "元");
            d.thresholds.push(Threshold::money("家庭年纯收入（较上年大幅缩减线）", "元", ledger.total_net, floor, Comparison::Below));
            Some(ledger.total_net < floor)
        }
        None => None,
    };
    d.condition(
        "income_drop",
        "家庭年纯收入较上年度纯收入大幅缩减，且缩减后不远高于监测范围",
        drop_hit,
        match last {
            _ if far_above => prose!("人均纯收入 {} 不低于监测范围的 {} 倍（{}），即使较上年缩减也不致基本生活严重困难", Yuan(pc), far, Yuan(far_line)),
            Some(last) => prose!("本年纯收入 {}，上年度纯收入 {}", Yuan(ledger.total_net), Yuan(last)),
            None => "上年度家庭纯收入未填".into(),
        },
    );
    if rigid_hit || drop_hit == Some(true) {
        let t = MonitoringType::Sudden;
        d.category(t.code(), t.label());
        let why = match (rigid_hit, drop_hit == Some(true)) {
            (true, true) => prose!("扣除刚性支出 {} 后人均纯收入 {} 低于监测范围，且收入较上年大幅缩减", Yuan(ctx.rigid), Yuan(after)),
            (true, false) => prose!("扣除刚性支出 {} 后人均纯收入 {} 低于监测范围 {}", Yuan(ctx.rigid), Yuan(after), Yuan(line)),
            _ => prose!(
                "家庭年纯收入 {} 较上年度纯收入 {} 下降达 {}% 以上",
                Yuan(ledger.total_net),
                Yuan(last.unwrap_or_default()),
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
        missing.push(Missing::of(field::LAST_YEAR_NET_INCOME));
    }
    if !missing.is_empty() {
        return Ok(d.undecided(missing, "人均纯收入高于监测范围；需刚性支出和上年度家庭纯收入，判断是否属突发严重困难户"));
    }
    d.category("none", "不属于监测对象");
    let drop_text = if far_above { prose!("人均纯收入远高于监测范围") } else { prose!("收入未大幅缩减") };
    let reason =
        prose!("家庭年人均纯收入 {} 不低于监测范围 {}，扣除刚性支出后人均 {} 亦不低于，{}，不属于三类监测对象", Yuan(pc), Yuan(line), Yuan(after), drop_text);
    Ok(d.decided(Outcome::DoesNotApply, reason))
}

/// 家庭年纯收入 below this is 较上年度纯收入大幅缩减: last year's 纯收入 less the drop ratio.
fn drop_floor(ctx: &Ctx, last: Decimal) -> Result<Decimal, Failure> {
    let keep = money::sub(Decimal::ONE, ctx.scope.get(param::MONITORING_INCOME_DROP_RATIO)?, "收入降幅")?;
    money::mul(last, keep, "收入大幅缩减线")
}

/// Income under the range, but staff checked and found no risk of returning to or falling into
/// poverty: not a 脱贫不稳定户 / 边缘易致贫户, since both need the risk as well as the income
/// (policy-reference §8, anchor MONITORING_NEEDS_RISK). The reason says the income is under the
/// line and that the conclusion rests on the staff's verification, so it is re-checked when things
/// change rather than read as "income is fine".
fn verified_no_risk(mut d: Decision, household_type: Option<HouseholdType>, pc: Decimal, line: Decimal) -> Decision {
    d.citations.push(anchor::MONITORING_NEEDS_RISK.cite());
    d.category("none", "不属于监测对象");
    let types = match household_type {
        Some(HouseholdType::PovertyExited) => MonitoringType::Unstable.label(),
        Some(_) => MonitoringType::Edge.label(),
        None => "脱贫不稳定户或边缘易致贫户",
    };
    let reason = prose!(
        "家庭年人均纯收入 {} 低于当年监测范围 {}，但经入户核实无返贫致贫风险，不识别为{}（须收入低于监测范围且有返贫致贫风险）；此结论以入户核实为准，收入仍低于监测范围，情况变化时应重新核查",
        Yuan(pc),
        Yuan(line),
        types
    );
    d.decided(Outcome::DoesNotApply, reason)
}
