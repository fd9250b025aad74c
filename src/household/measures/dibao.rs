//! 农村最低生活保障（整户） — 实施意见 五(十二):
//!
//! > 完善最低生活保障制度,加强监测筛查,科学认定农村低保对象,提高政策精准性
//!
//! Conditions:
//! 1. 低保计算人均收入低于农村低保标准 (`dibao.standard_annual`), the income counted as the
//!    clause says: the listed transfers excluded and 必要的就业成本 deducted (see `income`);
//! 2. 家庭财产状况符合低保规定 (the staff's finding; Gansu's figures are local).
//!
//! 渐退: a household already recorded as 低保户 whose counted income is no longer below the
//! standard is not dropped outright; it enters the 渐退期 (`dibao.phase_out_months`, unverified).
//!
//! 特困优先: a member this evaluation finds (or the case records) as 特困人员 is supported as
//! such and not also counted for 低保 (民发〔2021〕43号): neither the head nor the person's own income
//! (`members[].own_income`, asked for when blank) is in the 低保 family's; the test and the estimated
//! 补差 are the others'.
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
use crate::prose::{Prose, Sep};
use rust_decimal::Decimal;

pub static MEASURE: Measure = Measure {
    code: "dibao",
    title: "农村低保（整户）",
    per_member: false,
    clauses: &[anchor::DIBAO_IDENTIFY, anchor::DIBAO_EXCLUDED_INCOME, anchor::DIBAO_EMPLOYMENT_COST],
    reads: &[field::INCOMES, field::EMPLOYMENT_COSTS, field::ASSETS_WITHIN_DIBAO_RULES, field::STATUS_DIBAO, field::STATUS_TEKUN],
    after: &["tekun"],
    decide,
};

const MONTHS: Decimal = Decimal::from_parts(12, 0, 0, false, 0);

fn decide(ctx: &Ctx, decided: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = vec![anchor::DIBAO_IDENTIFY.cite(), anchor::DIBAO_EXCLUDED_INCOME.cite()];
    let standard = ctx.scope.get(param::DIBAO_STANDARD_ANNUAL)?;
    let Some(ledger) = &ctx.ledger else {
        d.condition("income_below_standard", "低保计算人均收入低于农村低保标准", None, "收入未填");
        return Ok(d.undecided(vec![Ctx::incomes_missing()], "未填写收入，无法计算低保家庭收入"));
    };
    if !ledger.employment_cost_deducted.is_zero() {
        d.citations.push(anchor::DIBAO_EMPLOYMENT_COST.cite());
    }
    // 特困优先: members supported (or to be supported) as 特困 are not counted for 低保 — neither
    // their heads nor their own incomes: the 低保 family is the others (facts::dibao_family).
    let family = match facts::dibao_family(ctx, decided)? {
        facts::Family::Known(f) => f,
        facts::Family::NoIncomes => return Ok(d.undecided(vec![Ctx::incomes_missing()], "未填写收入，无法计算低保家庭收入")),
        facts::Family::OwnIncomeNeeded(names, asks) => {
            let mut d = d.undecided(asks, "");
            d.reason = prose!("{}按特困人员救助供养，不计入低保：需其本人年收入，从家庭收入中扣除后，按其余成员计算低保人均收入", names);
            return Ok(d);
        }
    };
    let (tekun, covered, counted, pc) = (&family.tekun, family.covered, family.counted, family.per_capita);
    let names = || Prose::join(tekun.iter().map(|&i| Ctx::name(&ctx.case.members[i], i)), Sep::Comma);
    if !tekun.is_empty() && covered > 0 {
        d.figure("不计入低保的特困人员本人收入", family.excluded, "元/年");
    }
    d.figure("低保计算收入合计", counted, "元/年");
    d.figure("低保计算人均收入", pc, "元/人·年");
    d.figure("农村低保标准", standard, "元/人·年");
    d.thresholds.push(Threshold::money("低保计算人均收入", "元/人·年", pc, standard, Comparison::Below));
    let below = pc < standard;
    d.condition("income_below_standard", "低保计算人均收入低于农村低保标准", Some(below), prose!("人均 {}，标准 {}", Yuan(pc), Yuan(standard)));
    let property = ctx.case.assets.within_dibao_rules;
    d.condition(
        "property_within_rules",
        "家庭财产状况符合低保规定",
        property,
        match property {
            Some(true) => "经办人认定符合",
            Some(false) => "经办人认定不符合",
            None => "未填",
        },
    );
    let current = if ctx.case.status.dibao == Some(true) { "（现为低保户）" } else { "" };
    if !below && ctx.case.status.dibao == Some(true) {
        let months = ctx.scope.get(param::DIBAO_PHASE_OUT_MONTHS)?;
        d.category("phase_out", "渐退期");
        // 渐退 is for income that has risen; property outside the rules is another matter, which
        // the reason must not hide (how Gansu treats it is not in the sources).
        let property_note = match property {
            Some(false) => prose!("；但家庭财产状况已不符合低保规定，渐退是否适用须按规定复核"),
            _ => prose!(""),
        };
        let reason = prose!(
            "现为低保户，低保计算人均收入 {} 已不低于农村低保标准 {}：不立即停保，按规定进入渐退期（{} 个月，暂定），期满后退出低保{}",
            Yuan(pc),
            Yuan(standard),
            months,
            property_note
        );
        return Ok(d.decided(Outcome::Applies, reason));
    }
    if !below && !tekun.is_empty() && covered > 0 {
        let reason = prose!(
            "{}按特困人员供养（特困优先），不计入低保；其余 {} 人低保计算人均收入 {} 不低于农村低保标准 {}，不符合低保条件{}",
            names(),
            covered,
            Yuan(pc),
            Yuan(standard),
            current
        );
        return Ok(d.decided(Outcome::DoesNotApply, reason));
    }
    if !below {
        let reason = prose!("低保计算人均收入 {} 不低于农村低保标准 {}，整户不符合低保条件{}", Yuan(pc), Yuan(standard), current);
        return Ok(d.decided(Outcome::DoesNotApply, reason));
    }
    if covered == 0 {
        d.category("tekun_first", "特困优先");
        let reason = prose!(
            "低保计算人均收入 {} 低于农村低保标准 {}，但{}按特困人员救助供养（特困优先于低保，不重复享受）；如未认定为特困人员，再按低保条件认定",
            Yuan(pc),
            Yuan(standard),
            names()
        );
        return Ok(d.decided(Outcome::DoesNotApply, reason));
    }
    // (标准 − 人均) × 纳入人数 = 标准 × 纳入人数 − 计算收入 (without dividing and multiplying back).
    let yearly = money::sub(money::mul(standard, Decimal::from(covered as u64), "低保标准×人口")?, counted, "低保补差")?;
    let monthly = money::to_fen(money::div(yearly, MONTHS, "月补差")?);
    match property {
        None => {
            d.figure("估算月补差", monthly, "元/月");
            Ok(d.undecided(vec![Missing::of(field::ASSETS_WITHIN_DIBAO_RULES)], "收入低于低保标准，尚需核实家庭财产状况是否符合规定"))
        }
        Some(false) => {
            let reason = prose!("低保计算人均收入 {} 低于标准 {}，但家庭财产状况不符合低保规定", Yuan(pc), Yuan(standard));
            Ok(d.decided(Outcome::DoesNotApply, reason))
        }
        Some(true) => {
            d.amount = Some(monthly);
            d.amount_unit = Some("元/月");
            let n = ctx.case.members.len();
            // A loss (negative net income) is counted as it is, so the estimate exceeds the whole
            // standard; no source says how Gansu treats it, so the sheet says so rather than capping.
            let loss_note = if pc.is_sign_negative() && !pc.is_zero() {
                prose!(
                    "（人均收入为负，估算已超过低保标准全额 {}/月，负收入如何计算请按当地规定核定）",
                    Yuan(money::to_fen(money::div(money::mul(standard, Decimal::from(covered as u64), "低保标准×人数")?, MONTHS, "月标准")?))
                )
            } else {
                prose!("")
            };
            let who = if tekun.is_empty() {
                prose!("家庭 {} 人，低保计算收入 {}", n, Yuan(counted))
            } else {
                prose!(
                    "家庭 {} 人，{}按特困人员供养（特困优先），不计入低保；其余 {} 人低保计算收入 {}（已扣除其本人收入）",
                    n,
                    names(),
                    covered,
                    Yuan(counted)
                )
            };
            let reason = prose!(
                "{}（人均 {}）低于农村低保标准 {}，财产状况符合规定，整户符合农村低保条件{}。估算月补差 =（标准 {} − 人均 {}）× {} 人 ÷ 12 = {}{}；实际按甘肃分类施保（一至四类）核定",
                who,
                Yuan(pc),
                Yuan(standard),
                current,
                Yuan(standard),
                Yuan(pc),
                covered,
                Yuan(monthly),
                loss_note
            );
            Ok(d.decided(Outcome::Applies, reason))
        }
    }
}
