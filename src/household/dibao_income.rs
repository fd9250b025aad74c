//! Quick check: the per-capita income counted for 农村低保, and whether it is below the standard.
//!
//! A calculator for the one question asked most at the counter, from incomes alone; the full
//! household evaluation uses the same [`ledger`](super::income::ledger).
//!
//! Input JSON (all money in 元 over the last 12 months, as decimal strings or numbers):
//! `{ "assessment_date": "2024-06-30", "household_size": 3, "incomes": { "wage": "9000", … },
//!    "employment_costs": "1200" }`. The 低保 standard comes from the parameters in force on the
//! assessment date; `options.overrides["dibao.standard_annual"]` replaces it.
use super::income::{ledger, IncomeLedger, Incomes};
use crate::decode::{parse_json, Decoder};
use crate::error::Failure;
use crate::explain::{Comparison, Threshold};
use crate::money;
use crate::params::param;
use crate::params::{Options, Scope};
use crate::policy::{anchor, Citation};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

/// The decoded input of the quick check.
#[derive(Debug, Clone, PartialEq)]
pub struct DibaoIncomeInput {
    pub assessment_date: NaiveDate,
    pub household_size: u32,
    pub incomes: Incomes,
    pub employment_costs: Option<Decimal>,
}

/// The result of the quick check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct DibaoIncomeCheck {
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub assessment_date: NaiveDate,
    pub ledger: IncomeLedger,
    /// 农村低保标准 in force (元/人·年).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub standard: Decimal,
    /// Per-capita counted income is strictly below the standard.
    pub below_standard: bool,
    /// The verdict in one Chinese sentence.
    pub reason: String,
    pub threshold: Threshold,
    pub citations: Vec<&'static Citation>,
    #[cfg_attr(feature = "wasm", tsify(type = "ParamUse[]"))]
    pub params_used: crate::params::ParamsUsed,
    /// Labels of parameter values used that are not verified (placeholders or overrides).
    pub unverified: Vec<String>,
}

const FIELDS: &[&str] = &["assessment_date", "household_size", "incomes", "employment_costs"];

impl DibaoIncomeInput {
    pub fn from_json(v: &Value) -> Result<Self, Failure> {
        let mut d = Decoder::new();
        let Some(o) = d.root(v, "输入") else { return d.finish(None) };
        o.deny_unknown(&mut d, FIELDS);
        o.require(&mut d, "assessment_date", "核查日期");
        o.require(&mut d, "household_size", "家庭人口数");
        o.require(&mut d, "incomes", "收入");
        let date = o.date(&mut d, "assessment_date", "核查日期");
        let size = o.int(&mut d, "household_size", "家庭人口数", 1, 50);
        let incomes = o.object(&mut d, "incomes", "收入").map(|i| Incomes::read(&mut d, &i));
        let employment_costs = o.money(&mut d, "employment_costs", "必要的就业成本");
        let input = match (date, size, incomes) {
            (Some(assessment_date), Some(size), Some(incomes)) => {
                Some(DibaoIncomeInput { assessment_date, household_size: size as u32, incomes, employment_costs })
            }
            _ => None,
        };
        d.finish(input)
    }
}

/// Evaluates JSON input with JSON options (`{ region?, overrides?, params? }`).
pub fn check_json(input: &str, options: &str) -> Result<DibaoIncomeCheck, Failure> {
    let input = DibaoIncomeInput::from_json(&parse_json(input)?)?;
    let opts = if options.trim().is_empty() { Options::default() } else { Options::from_json(&parse_json(options)?)? };
    check(&input, &opts)
}

pub fn check(input: &DibaoIncomeInput, opts: &Options) -> Result<DibaoIncomeCheck, Failure> {
    let set = opts.param_set()?;
    let scope = Scope::new(set, input.assessment_date, opts)?;
    let standard = scope.get(param::DIBAO_STANDARD_ANNUAL)?;
    let ledger = ledger(&input.incomes, input.employment_costs, input.household_size)?;
    let size = Decimal::from(input.household_size);
    // Compare totals, not rounded per-capita figures: exact, whatever the household size.
    let line = money::mul(standard, size, "低保标准×人口")?;
    let below = ledger.total_dibao < line;
    let exact_per_capita = money::div(ledger.total_dibao, size, "低保人均收入")?;
    let threshold = Threshold::money("低保计算人均收入", "元/人·年", exact_per_capita, standard, Comparison::Below);
    let reason = format!(
        "家庭 {} 人，低保计算收入合计 {}（已剔除政策规定不计入的收入{}），人均 {}，{}农村低保标准 {}",
        input.household_size,
        money::yuan(ledger.total_dibao),
        if ledger.employment_cost_deducted.is_zero() {
            String::new()
        } else {
            format!("并扣减就业成本 {}", money::yuan(ledger.employment_cost_deducted))
        },
        money::yuan(ledger.per_capita_dibao),
        if below { "低于" } else { "不低于" },
        money::yuan(standard),
    );
    let params_used = scope.into_used();
    let unverified = params_used.iter().filter(|p| !p.verified).map(|p| p.label.to_string()).collect();
    let mut citations = vec![anchor::DIBAO_IDENTIFY.cite(), anchor::DIBAO_EXCLUDED_INCOME.cite()];
    if !ledger.employment_cost_deducted.is_zero() {
        citations.push(anchor::DIBAO_EMPLOYMENT_COST.cite());
    }
    Ok(DibaoIncomeCheck {
        assessment_date: input.assessment_date,
        ledger,
        standard,
        below_standard: below,
        reason,
        threshold,
        citations,
        params_used,
        unverified,
    })
}
