//! 监测对象风险消除 — 实施意见 二(二) (对监测对象……动态管理), with the conditions of the national
//! 风险消除 guidance (docs/policy-reference.md §1d):
//!
//! 1. 纳入监测满规定月数 (`monitoring.elimination_min_months`);
//! 2. 已落实帮扶措施 (at least `monitoring.elimination_min_measures`);
//! 3. 收入持续稳定 (`monitoring.stable_income_months`);
//! 4. 人均纯收入稳定超过当年监测范围;
//! 5. 刚性支出问题稳定解决 (per capita after rigid expenses above the range);
//! 6. “两不愁三保障”及饮水安全有保障;
//! 7. 原有风险稳定消除且无新风险;
//! 8. 非整户无劳动力 (a household without labour is not marked eliminated but kept under 兜底).
//!
//! Only for a household already recorded as 监测对象.
use super::{Decided, Measure};
use crate::case::field;
use crate::error::Failure;
use crate::explain::{Comparison, Missing, Outcome, Threshold};
use crate::household::decision::{Ctx, Decision};
use crate::household::facts;
use crate::money::Yuan;
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use crate::prose::Prose;
use rust_decimal::Decimal;

pub static MEASURE: Measure = Measure {
    code: "risk_elimination",
    title: "监测对象风险消除",
    per_member: false,
    clauses: &[anchor::MONITORING_OBJECTS],
    reads: &[
        field::STATUS_MONITORED,
        field::STATUS_MONITORED_SINCE,
        field::STATUS_MEASURES_TAKEN,
        field::STATUS_INCOME_STABLE_MONTHS,
        field::STATUS_ORIGINAL_RISK_ELIMINATED,
        field::STATUS_NEW_RISK,
        field::INCOMES,
        field::EXPENSES,
        field::MEMBER_MEDICAL_OUT_OF_POCKET,
        field::FOOD_CLOTHING_SECURE,
        field::HOUSING,
        field::DRINKING_WATER,
        field::MEMBER_MEDICAL_INSURANCE,
        field::MEMBER_SCHOOLING,
        field::MEMBER_LABOUR_CAPACITY,
    ],
    after: &["monitoring"],
    decide,
};

fn decide(ctx: &Ctx, decided: &Decided) -> Result<Decision, Failure> {
    let c = ctx.case;
    let s = &c.status;
    let mut d = Decision::new(&MEASURE);
    d.citations = MEASURE.clauses.iter().map(|a| a.cite()).collect();
    match s.monitored {
        None => return Ok(d.undecided(vec![Missing::of(field::STATUS_MONITORED)], "不知是否为监测对象")),
        Some(false) => return Ok(d.decided(Outcome::DoesNotApply, "未纳入监测（记录为非监测对象），无需风险消除")),
        Some(true) => {}
    }
    let mut missing = Vec::new();
    let mut cond = |d: &mut Decision, code: &'static str, label: &'static str, met: Option<bool>, note: Prose, miss: Vec<Missing>| {
        if met.is_none() {
            missing.extend(miss);
        }
        d.condition(code, label, met, note);
    };
    let min_months = ctx.scope.get(param::MONITORING_ELIMINATION_MIN_MONTHS)?;
    let months = s.monitored_since.map(|since| months_between(since, c.assessment_date));
    cond(
        &mut d,
        "monitored_long_enough",
        "纳入监测满规定月数",
        months.map(|m| Decimal::from(m) >= min_months),
        match months {
            Some(m) => prose!("已纳入监测 {} 个月，须满 {} 个月", m, min_months),
            None => "纳入监测日期未填".into(),
        },
        vec![Missing::of(field::STATUS_MONITORED_SINCE)],
    );
    let min_measures = ctx.scope.get(param::MONITORING_ELIMINATION_MIN_MEASURES)?;
    let n = s.measures_taken.as_ref().map(|v| v.len());
    cond(
        &mut d,
        "measures_taken",
        "已落实帮扶措施",
        n.map(|n| Decimal::from(n as u64) >= min_measures),
        match n {
            Some(n) => prose!("已落实 {} 项，至少 {} 项", n, min_measures),
            None => "已落实帮扶措施未填".into(),
        },
        vec![Missing::of(field::STATUS_MEASURES_TAKEN)],
    );
    let stable = ctx.scope.get(param::MONITORING_STABLE_INCOME_MONTHS)?;
    cond(
        &mut d,
        "income_stable",
        "收入持续稳定",
        s.income_stable_months.map(|m| Decimal::from(m) >= stable),
        match s.income_stable_months {
            Some(m) => prose!("收入已稳定 {} 个月，原则上不少于 {} 个月", m, stable),
            None => "收入持续稳定月数未填".into(),
        },
        vec![Missing::of(field::STATUS_INCOME_STABLE_MONTHS)],
    );
    let line = ctx.scope.get(param::MONITORING_INCOME_THRESHOLD)?;
    let pc = ctx.per_capita_net();
    if let Some(pc) = pc {
        d.thresholds.push(Threshold::money("家庭年人均纯收入", "元/人·年", pc, line, Comparison::Below));
    }
    cond(
        &mut d,
        "income_above_range",
        "人均纯收入稳定超过当年监测范围",
        pc.map(|pc| pc >= line),
        match pc {
            Some(pc) => prose!("人均纯收入 {}，监测范围 {}", Yuan(pc), Yuan(line)),
            None => "收入未填".into(),
        },
        vec![Ctx::incomes_missing()],
    );
    let after = ctx.per_capita_after_rigid()?;
    cond(
        &mut d,
        "rigid_expenses_resolved",
        "刚性支出问题稳定解决",
        after.map(|a| a >= line),
        match after {
            Some(a) => prose!("扣除刚性支出后人均 {}", Yuan(a)),
            None => "收入未填".into(),
        },
        vec![Ctx::incomes_missing()],
    );
    let (secure, miss) = facts::three_guarantees(ctx);
    cond(
        &mut d,
        "three_guarantees",
        "“两不愁三保障”及饮水安全有保障",
        secure,
        match secure {
            Some(true) => "吃穿、义务教育、基本医保、住房、饮水均有保障".into(),
            Some(false) => "吃穿、义务教育、医保参保、住房或饮水尚有问题".into(),
            None => "部分情况未填".into(),
        },
        miss,
    );
    let risk_gone = match (s.original_risk_eliminated, s.new_risk) {
        (Some(false), _) | (_, Some(true)) => Some(false),
        (Some(true), Some(false)) => Some(true),
        _ => None,
    };
    let mut m = Vec::new();
    if s.original_risk_eliminated.is_none() {
        m.push(Missing::of(field::STATUS_ORIGINAL_RISK_ELIMINATED));
    }
    if s.new_risk.is_none() {
        m.push(Missing::of(field::STATUS_NEW_RISK));
    }
    cond(&mut d, "risk_gone", "原有风险稳定消除且无新风险", risk_gone, "据入户核实".into(), m);
    // What this evaluation's own monitoring check finds now: a household it would identify again
    // (e.g. a 突发严重困难户 after a halved income) has a risk that is not gone, whatever is recorded.
    let monitoring = decided.get("monitoring");
    cond(
        &mut d,
        "not_identified_again",
        "本次核查不再符合监测对象识别条件",
        match monitoring.outcome {
            Outcome::Applies => Some(false),
            Outcome::CannotDecide => None,
            _ => Some(true),
        },
        match monitoring.outcome {
            Outcome::Applies => prose!("本次核查仍可识别为{}", monitoring.category_label.unwrap_or("监测对象")),
            Outcome::CannotDecide => prose!("“{}”尚需补充", monitoring.title),
            _ => prose!("本次核查不属于三类监测对象"),
        },
        monitoring.missing.clone(),
    );
    let labour = ctx.no_labour_at_all();
    cond(
        &mut d,
        "has_labour",
        "非整户无劳动力",
        labour.map(|x| !x),
        if labour == Some(true) {
            "整户无劳动力的不标注风险消除，继续兜底保障并跟踪".into()
        } else {
            "至少一名成员有劳动能力".into()
        },
        ctx.labour_missing(),
    );
    let missed: Vec<&str> = d.conditions.iter().filter(|f| f.met == Some(false)).map(|f| f.label).collect();
    if !missed.is_empty() {
        let reason = prose!("暂不能标注风险消除，未满足：{}", missed.join("；"));
        Ok(d.decided(Outcome::DoesNotApply, reason))
    } else if !missing.is_empty() {
        Ok(d.undecided(missing, "已知条件均满足，尚缺部分信息"))
    } else {
        Ok(d.decided(Outcome::Applies, "各项条件均满足，可按程序（入户核实、民主评议公示、县级审核）标注风险消除"))
    }
}

/// Whole months from `from` to `to`.
fn months_between(from: chrono::NaiveDate, to: chrono::NaiveDate) -> u32 {
    use chrono::Datelike;
    let mut m = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    // A month ends on the same day of a later month, or on that month's last day when it has no
    // such day (31 Dec → 30 Jun is six months).
    let last_of_month = to.succ_opt().is_none_or(|next| next.month() != to.month());
    if to.day() < from.day() && !last_of_month {
        m -= 1;
    }
    m.max(0) as u32
}
