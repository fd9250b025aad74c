//! 临时救助 (trigger only) — 实施意见 五(十五):
//!
//! > 并按困难类型及时给予专项救助、临时救助等,做到应救尽救、应兜尽兜
//!
//! and the hardship the seed describes in 二(二) (因病因灾因意外事故等刚性支出较大……导致基本生活
//! 出现严重困难). docs/policy-reference.md §8: only the trigger is decidable, amounts are local.
//!
//! Conditions:
//! 1. a 刚性支出 shock in the last 12 months: 医疗自付费用, 意外事故损失 or 自然灾害损失;
//! 2. basic life in serious difficulty: per-capita net income after all 刚性支出 below the 低保
//!    standard × `temporary_aid.line_multiplier` (a design assumption, unverified).
//!
//! The aid amount is the county's 临时救助 rule: never computed here, and the reason says so.
//!
//! **What the sources do not give, and how the reason reads instead.** Neither the seed (二(二),
//! 五(十五): “按困难类型及时给予专项救助、临时救助”) nor docs/policy-reference.md (§8: “临时救助
//! 五(十五): only the trigger is decidable; amounts are local”) gives a minimum shock or a test
//! that the hardship is *because of* the shock. So no threshold is invented: any 刚性支出 shock with
//! income after rigid expenses below the line still triggers. What the reason does is say which
//! kind of difficulty it is (category):
//! - `expense` 支出型困难: without the shock, income per head (after routine 教育、康复 spending)
//!   is at or above the line, and the shock takes it below;
//! - `income` 收入本已低于困难线: income per head is below the line before the shock; the shock adds
//!   to a difficulty that 低保、特困 and the other regular assistance are for, so the reason says to
//!   check those as well, and names the shock's size (a ¥1 bill is visibly ¥1).
use super::{Decided, Measure};
use crate::case::field;
use crate::error::Failure;
use crate::explain::{Comparison, Missing, Outcome, Threshold};
use crate::household::decision::{Ctx, Decision};
use crate::money::{self, Yuan};
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use rust_decimal::Decimal;

pub static MEASURE: Measure = Measure {
    code: "temporary_aid",
    title: "临时救助",
    per_member: false,
    clauses: &[anchor::TEMPORARY_AID_BY_DIFFICULTY, anchor::MONITORING_OBJECTS],
    reads: &[
        field::MEMBER_MEDICAL_OUT_OF_POCKET,
        field::EXPENSES_ACCIDENT_LOSS,
        field::EXPENSES_DISASTER_LOSS,
        field::EXPENSES_EDUCATION,
        field::EXPENSES_DISABILITY_REHAB,
        field::INCOMES,
    ],
    after: &[],
    decide,
};

const AMOUNT_NOTE: &str = "金额按当地规定（本工具不计算）";

fn decide(ctx: &Ctx, _: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = vec![anchor::TEMPORARY_AID_BY_DIFFICULTY.cite()];
    let c = ctx.case;
    // Condition 1: the shock — sudden items only (routine 教育、康复 spending is not one, though it
    // counts against income below).
    let mut shock = Decimal::ZERO;
    let mut shock_missing = Vec::new();
    for (i, m) in c.members.iter().enumerate() {
        match m.medical_out_of_pocket {
            Some(x) => shock = money::add(shock, x, "突发刚性支出")?,
            None => shock_missing.push(ctx.missing(i, field::MEMBER_MEDICAL_OUT_OF_POCKET)),
        }
    }
    for (v, f) in [(c.expenses.accident_loss, field::EXPENSES_ACCIDENT_LOSS), (c.expenses.disaster_loss, field::EXPENSES_DISASTER_LOSS)] {
        match v {
            Some(x) => shock = money::add(shock, x, "突发刚性支出")?,
            None => shock_missing.push(Missing::of(f)),
        }
    }
    let has_shock = if !shock.is_zero() {
        Some(true)
    } else if shock_missing.is_empty() {
        Some(false)
    } else {
        None
    };
    d.figure("医疗自付、意外事故、自然灾害支出", shock, "元");
    d.condition("shock", "有突发刚性支出（医疗、意外事故、自然灾害）", has_shock, prose!("合计 {}", Yuan(shock)));
    if has_shock == Some(false) {
        return Ok(d.decided(Outcome::DoesNotApply, "近 12 个月没有医疗自付、意外事故或自然灾害等突发刚性支出，不触发临时救助"));
    }
    // Condition 2: after the rigid expenses, basic life in serious difficulty.
    let line = money::mul(ctx.scope.get(param::DIBAO_STANDARD_ANNUAL)?, ctx.scope.get(param::TEMPORARY_AID_LINE_MULTIPLIER)?, "临时救助困难线")?;
    d.figure("基本生活困难线（人均）", line, "元/人·年");
    let Some(after) = ctx.per_capita_after_rigid()? else {
        d.condition("hardship", "扣除刚性支出后人均纯收入低于困难线", None, "收入未填");
        return Ok(d.undecided(vec![Ctx::incomes_missing()], "收入未填，无法判断刚性支出是否使基本生活陷入困难"));
    };
    d.figure("刚性支出合计", ctx.rigid, "元");
    d.figure("扣除刚性支出后人均纯收入", after, "元/人·年");
    d.thresholds.push(Threshold::money("扣除刚性支出后人均纯收入（临时救助困难线）", "元/人·年", after, line, Comparison::Below));
    let hardship = after < line;
    // Unknown rigid items can only lower income further: a "below" stands, an "above" waits for them.
    let hardship_known = if hardship || ctx.rigid_missing.is_empty() { Some(hardship) } else { None };
    d.condition("hardship", "扣除刚性支出后人均纯收入低于困难线", hardship_known, prose!("{}（困难线 {}）", Yuan(after), Yuan(line)));
    match (has_shock, hardship_known) {
        (Some(true), Some(true)) => {
            // The hardship in the seed's own words (二(二)), where it is found.
            d.citations.push(anchor::MONITORING_OBJECTS.cite());
            // Income per head with every rigid expense but the shock: does the shock make the difficulty?
            let total_net = ctx.ledger.as_ref().map_or(Decimal::ZERO, |l| l.total_net);
            let routine = money::sub(ctx.rigid, shock, "日常刚性支出")?;
            let before = money::div(money::sub(total_net, routine, "未计突发支出的纯收入")?, ctx.size(), "未计突发支出的人均纯收入")?;
            d.figure("未计突发刚性支出的人均纯收入", before, "元/人·年");
            let reason = if before >= line {
                d.category("expense", "支出型困难");
                prose!(
                    // The kind is the category label beside the verdict; the sentence says how.
                    "突发刚性支出 {} 使扣除刚性支出后人均纯收入由 {} 降至 {}，低于困难线 {}：可申请临时救助，{}",
                    Yuan(shock),
                    Yuan(before),
                    Yuan(after),
                    Yuan(line),
                    AMOUNT_NOTE
                )
            } else {
                d.category("income", "收入本已低于困难线");
                // Below already on income alone, or on income less routine 教育、康复 spending.
                let already =
                    if routine.is_zero() { prose!("人均纯收入") } else { prose!("扣除教育、康复等日常刚性支出后人均纯收入") };
                prose!(
                    "{} {} 本已低于困难线 {}，另有突发刚性支出 {}（扣除后人均 {}）：困难不只由这笔支出造成，应同时核查低保、特困等常规救助；这笔支出可按困难类型申请临时救助，{}",
                    already,
                    Yuan(before),
                    Yuan(line),
                    Yuan(shock),
                    Yuan(after),
                    AMOUNT_NOTE
                )
            };
            Ok(d.decided(Outcome::Applies, reason))
        }
        (_, Some(false)) => Ok(
            d.decided(Outcome::DoesNotApply, prose!("扣除刚性支出后人均纯收入 {} 不低于困难线 {}，基本生活未因刚性支出陷入严重困难", Yuan(after), Yuan(line)))
        ),
        _ => {
            let mut missing = shock_missing;
            missing.extend(ctx.rigid_missing.iter().cloned());
            missing.sort();
            missing.dedup();
            Ok(d.undecided(missing, "部分刚性支出未填，无法判断"))
        }
    }
}
