//! 防止返贫动态监测 (二(二)): which of the three monitoring groups the household falls in, its
//! risk kinds, and — for a household already monitored — whether it meets the conditions for
//! 风险消除 (policy-reference §1d) and which it misses.
use super::decision::{Ctx, Decision};
use crate::case::{HouseholdType, Housing, Labour, MonitoringType, OutOfSchoolReason, Risk, Schooling, Water};
use crate::decode::Choice;
use crate::error::Failure;
use crate::explain::{Comparison, Missing, Outcome, Threshold};
use crate::money;
use crate::money::Yuan;
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use crate::prose::Prose;
use rust_decimal::Decimal;
use smallvec::SmallVec;

/// At most one entry per kind (nine kinds), each with a fixed text: kept inline.
pub type Risks = SmallVec<[(Risk, &'static str); 9]>;

/// Risk kinds: declared ones plus those the member data shows, each with where it came from.
/// Measures read them through [`Ctx::risks`], which finds them once.
pub fn risks(ctx: &Ctx) -> Risks {
    let c = ctx.case;
    let mut out: Risks = c.declared_risks.iter().map(|r| (*r, "申报")).collect();
    let mut add = |r: Risk, why: &'static str| {
        if !out.iter().any(|(x, _)| *x == r) {
            out.push((r, why));
        }
    };
    let ill = c.members.iter().any(|m| m.serious_illness == Some(true) || m.chronic_illness == Some(true));
    let medical = c.members.iter().any(|m| m.medical_out_of_pocket.is_some_and(|x| !x.is_zero()));
    if ill || medical {
        add(Risk::Illness, "有成员患重病/慢性病或有医疗自付费用");
    }
    if c.members.iter().any(|m| m.has_disability == Some(true)) {
        add(Risk::Disability, "有残疾成员");
    }
    if c.expenses.education.is_some_and(|x| !x.is_zero()) || !dropouts(ctx).is_empty() {
        add(Risk::Schooling, "有教育支出或义务教育阶段失学辍学");
    }
    if c.expenses.disaster_loss.is_some_and(|x| !x.is_zero()) {
        add(Risk::Disaster, "有自然灾害损失");
    }
    if c.expenses.accident_loss.is_some_and(|x| !x.is_zero()) {
        add(Risk::Accident, "有意外事故损失");
    }
    if !c.members.is_empty() && c.members.iter().all(|m| matches!(m.labour, Some(Labour::Weak | Labour::None))) {
        add(Risk::LabourShortage, "家庭无全劳力、半劳力");
    }
    out.sort_by_key(|(r, _)| *r);
    out
}

/// Members of compulsory-school age out of school for a reason other than health.
pub fn dropouts(ctx: &Ctx) -> Vec<usize> {
    ctx.case
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.schooling == Some(Schooling::OutOfSchool) && m.out_of_school_reason != Some(OutOfSchoolReason::Health))
        .filter(|(_, m)| ctx.age(m).is_some_and(|a| a >= ctx.school_ages.0 && a < ctx.school_ages.1))
        .map(|(i, _)| i)
        .collect()
}

/// Which monitoring group, if any.
pub fn decide(d: &mut Decision, ctx: &Ctx) -> Result<(), Failure> {
    d.start("monitoring", "防止返贫监测对象识别");
    d.citations = smallvec::smallvec![anchor::MONITORING_OBJECTS.cite(), anchor::MONITORING_FOCUS.cite()];
    let line = ctx.scope.get(param::MONITORING_INCOME_THRESHOLD)?;
    let risks = ctx.risks();
    for (r, why) in risks {
        d.finding(r.code(), r.label(), Some(true), *why);
    }
    let (Some(ledger), Some(pc)) = (&ctx.ledger, ctx.per_capita_net()) else {
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
    if pc < line {
        let Some(ht) = ctx.case.household_type else {
            return Ok(d.undecided(vec![Missing::new("$.household_type", "农户类型")], "人均纯收入低于监测范围，需农户类型区分脱贫不稳定户与边缘易致贫户"));
        };
        let t = if ht == HouseholdType::PovertyExited { MonitoringType::Unstable } else { MonitoringType::Edge };
        d.category(t.code(), t.label());
        d.outcome = Outcome::Applies;
        d.reason = prose!("{}，家庭年人均纯收入 {} 低于当年监测范围 {}，可识别为{}；{}", ht.label(), Yuan(pc), Yuan(line), t.label(), risk_text);
        d.missing = ctx.rigid_missing.clone();
        return Ok(());
    }
    // Above the range: 突发严重困难户 only if rigid expenses or a large income drop make basic
    // living seriously hard.
    let after = ctx.per_capita_after_rigid()?.unwrap_or(pc);
    d.figure("扣除刚性支出后人均纯收入", after, "元/人·年");
    let rigid_hit = after < line;
    d.thresholds.push(Threshold::money("扣除刚性支出后人均纯收入", "元/人·年", after, line, Comparison::Below));
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
    if rigid_hit || drop_hit == Some(true) {
        let t = MonitoringType::Sudden;
        d.category(t.code(), t.label());
        d.outcome = Outcome::Applies;
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
        d.reason = prose!("人均纯收入 {} 高于监测范围，但{}，基本生活可能出现严重困难，可识别为突发严重困难户（须入户核实）；{}", Yuan(pc), why, risk_text);
        return Ok(());
    }
    // Above the line on what is known: unknown rigid expenses or last year's income could still
    // make it a 突发严重困难户, so they are asked for rather than taken as zero.
    let mut missing = ctx.rigid_missing.clone();
    if drop_hit.is_none() {
        missing.push(Missing::new("$.last_year_total_income", "上年度家庭总收入"));
    }
    if !missing.is_empty() {
        return Ok(d.undecided(missing, "人均纯收入高于监测范围；需刚性支出和上年度家庭总收入，判断是否属突发严重困难户"));
    }
    d.outcome = Outcome::DoesNotApply;
    d.category("none", "不属于监测对象");
    d.reason =
        prose!("家庭年人均纯收入 {} 不低于监测范围 {}，扣除刚性支出后人均 {} 亦不低于，收入未大幅缩减，不属于三类监测对象", Yuan(pc), Yuan(line), Yuan(after));
    Ok(())
}

/// 风险消除 for a household already monitored.
pub fn elimination(d: &mut Decision, ctx: &Ctx) -> Result<(), Failure> {
    let c = ctx.case;
    let s = &c.status;
    d.start("risk_elimination", "监测对象风险消除");
    d.citations = smallvec::smallvec![anchor::MONITORING_OBJECTS.cite()];
    match s.monitored {
        None => return Ok(d.undecided(vec![Missing::new("$.status.monitored", "监测对象")], "不知是否为监测对象")),
        Some(false) => {
            d.outcome = Outcome::DoesNotApply;
            d.reason = "不是监测对象，无需风险消除".into();
            return Ok(());
        }
        Some(true) => {}
    }
    let mut missing = Vec::new();
    let mut cond = |d: &mut Decision, code: &'static str, label: &'static str, met: Option<bool>, note: Prose, miss: Vec<Missing>| {
        if met.is_none() {
            missing.extend(miss);
        }
        d.finding(code, label, met, note);
    };
    let min_months = ctx.scope.get(param::MONITORING_ELIMINATION_MIN_MONTHS)?;
    let months = s.monitored_since.map(|since| months_between(since, c.assessment_date));
    cond(
        d,
        "monitored_long_enough",
        "纳入监测满规定月数",
        months.map(|m| Decimal::from(m) >= min_months),
        match months {
            Some(m) => prose!("已纳入监测 {} 个月，须满 {} 个月", m, min_months),
            None => "纳入监测日期未填".into(),
        },
        vec![Missing::new("$.status.monitored_since", "纳入监测日期")],
    );
    let min_measures = ctx.scope.get(param::MONITORING_ELIMINATION_MIN_MEASURES)?;
    let n = s.measures_taken.as_ref().map(|v| v.len());
    cond(
        d,
        "measures_taken",
        "已落实帮扶措施",
        n.map(|n| Decimal::from(n as u64) >= min_measures),
        match n {
            Some(n) => prose!("已落实 {} 项，至少 {} 项", n, min_measures),
            None => "已落实帮扶措施未填".into(),
        },
        vec![Missing::new("$.status.measures_taken", "已落实帮扶措施")],
    );
    let stable = ctx.scope.get(param::MONITORING_STABLE_INCOME_MONTHS)?;
    cond(
        d,
        "income_stable",
        "收入持续稳定",
        s.income_stable_months.map(|m| Decimal::from(m) >= stable),
        match s.income_stable_months {
            Some(m) => prose!("收入已稳定 {} 个月，原则上不少于 {} 个月", m, stable),
            None => "收入持续稳定月数未填".into(),
        },
        vec![Missing::new("$.status.income_stable_months", "收入持续稳定月数")],
    );
    let line = ctx.scope.get(param::MONITORING_INCOME_THRESHOLD)?;
    let pc = ctx.per_capita_net();
    if let Some(pc) = pc {
        d.thresholds.push(Threshold::money("家庭年人均纯收入", "元/人·年", pc, line, Comparison::Below));
    }
    cond(
        d,
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
        d,
        "rigid_expenses_resolved",
        "刚性支出问题稳定解决",
        after.map(|a| a >= line),
        match after {
            Some(a) => prose!("扣除刚性支出后人均 {}", Yuan(a)),
            None => "收入未填".into(),
        },
        vec![Ctx::incomes_missing()],
    );
    let (secure, miss) = three_guarantees(ctx);
    cond(
        d,
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
        m.push(Missing::new("$.status.original_risk_eliminated", "原有风险已稳定消除"));
    }
    if s.new_risk.is_none() {
        m.push(Missing::new("$.status.new_risk", "出现新的风险"));
    }
    cond(d, "risk_gone", "原有风险稳定消除且无新风险", risk_gone, "据入户核实".into(), m);
    let labour = ctx.no_labour_at_all();
    cond(
        d,
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
    let missed: Vec<&str> = d.findings.iter().filter(|f| f.met == Some(false)).map(|f| f.label).collect();
    if !missed.is_empty() {
        d.outcome = Outcome::DoesNotApply;
        d.reason = prose!("暂不能标注风险消除，未满足：{}", missed.join("；"));
    } else if !missing.is_empty() {
        d.outcome = Outcome::CannotDecide;
        d.reason = "已知条件均满足，尚缺部分信息".into();
        d.missing = missing;
    } else {
        d.outcome = Outcome::Applies;
        d.reason = "各项条件均满足，可按程序（入户核实、民主评议公示、县级审核）标注风险消除".into();
    }
    Ok(())
}

/// 两不愁三保障 + 饮水: `Some(true)` all secured, `Some(false)` a known gap, `None` unknown.
pub fn three_guarantees(ctx: &Ctx) -> (Option<bool>, Vec<Missing>) {
    let c = ctx.case;
    let mut missing = Vec::new();
    let mut gap = false;
    match c.food_clothing_secure {
        Some(false) => gap = true,
        None => missing.push(Missing::new("$.food_clothing_secure", "不愁吃、不愁穿")),
        _ => {}
    }
    match c.housing {
        Some(Housing::GradeC | Housing::GradeD) => gap = true,
        None => missing.push(Missing::new("$.housing", "住房安全")),
        _ => {}
    }
    match c.drinking_water {
        Some(w) if w != Water::Safe => gap = true,
        None => missing.push(Missing::new("$.drinking_water", "饮水安全")),
        _ => {}
    }
    if !dropouts(ctx).is_empty() {
        gap = true;
    }
    for (i, m) in c.members.iter().enumerate() {
        match m.medical_insurance {
            Some(false) => gap = true,
            None => missing.push(Missing::new(Ctx::member_path(i, "medical_insurance"), "参加城乡居民医保")),
            _ => {}
        }
    }
    if gap {
        (Some(false), Vec::new())
    } else if missing.is_empty() {
        (Some(true), missing)
    } else {
        (None, missing)
    }
}

/// Whole months from `from` to `to`.
fn months_between(from: chrono::NaiveDate, to: chrono::NaiveDate) -> u32 {
    use chrono::Datelike;
    let mut m = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if to.day() < from.day() {
        m -= 1;
    }
    m.max(0) as u32
}
