//! The whole household evaluation: every measure, the income ledger, the parameters used and a
//! fingerprint for the printed case sheet.
use super::decision::{Ctx, Decision};
use super::income::{ledger, IncomeLedger};
use super::{dibao, help_plan, housing, medical_insurance, monitoring, pension, schooling, tekun, water};
use crate::case::{self, Case};
use crate::decode::parse_json;
use crate::error::Failure;
use crate::explain::{Missing, Outcome};
use crate::money;
use crate::params::param;
use crate::params::{Options, ParamId, ParamsUsed, Scope};
use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

/// Everything the engine says about one household.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct HouseholdResult {
    /// The case format read (`jingning.household/1`).
    pub schema: &'static str,
    pub engine_version: &'static str,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub assessment_date: NaiveDate,
    pub head_name: Option<String>,
    pub village: Option<String>,
    pub household_size: u32,
    /// One decision per measure, in a fixed order (see docs/household-case.md).
    pub decisions: Vec<Decision>,
    /// The income ledger (absent when no incomes were given).
    pub ledger: Option<IncomeLedger>,
    /// 家庭年人均纯收入 for monitoring (to fen).
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub per_capita_net: Option<Decimal>,
    /// 低保计算人均收入 (to fen).
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub per_capita_dibao: Option<Decimal>,
    /// 刚性支出合计 over 12 months.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub rigid_expenses: Decimal,
    #[cfg_attr(feature = "wasm", tsify(type = "ParamUse[]"))]
    pub params_used: ParamsUsed,
    /// Labels of unverified (placeholder or overridden) values used.
    #[cfg_attr(feature = "wasm", tsify(type = "string[]"))]
    pub unverified: Vec<crate::params::Text>,
    /// Union of the inputs every decision still needs.
    pub missing: Vec<Missing>,
    /// The decisions that read an unverified value (a placeholder, not a local override), each
    /// with those values: their cards and the print sheet say the result is provisional.
    pub provisional: Vec<Provisional>,
    /// First 12 hex digits of XXH3-64 over the case as read, the parameter values used and the
    /// engine version: the same sheet gives the same fingerprint (module `household::fingerprint`).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub fingerprint: super::fingerprint::Fingerprint,
}

/// A decision that read unverified parameter values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Provisional {
    /// The decision's `measure`.
    pub measure: &'static str,
    pub params: Vec<ProvisionalParam>,
}

/// One unverified value a decision read: the parameter's id (to set it in the options) and label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct ProvisionalParam {
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub id: crate::params::Text,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub label: crate::params::Text,
}

/// How many decisions a result has (one per measure).
const DECISIONS: usize = 12;

/// Evaluates JSON text with JSON options text (`""` = defaults).
pub fn evaluate_json(input: &str, options: &str) -> Result<HouseholdResult, Failure> {
    let case = case::from_json(input)?;
    let opts = if options.trim().is_empty() { Options::default() } else { Options::from_json(&parse_json(options)?)? };
    evaluate(&case, &opts)
}

fn rigid(case: &Case) -> Result<(Decimal, Vec<Missing>), Failure> {
    let mut missing = Vec::new();
    let mut total = Decimal::ZERO;
    for (i, m) in case.members.iter().enumerate() {
        match m.medical_out_of_pocket {
            Some(x) => total = money::add(total, x, "刚性支出合计")?,
            None => missing.push(Missing::new(Ctx::member_path(i, "medical_out_of_pocket"), "医疗自付费用")),
        }
    }
    let e = &case.expenses;
    for (v, path, label) in [
        (e.education, "$.expenses.education", "教育支出"),
        (e.disability_rehab, "$.expenses.disability_rehab", "残疾康复支出"),
        (e.disaster_loss, "$.expenses.disaster_loss", "自然灾害损失"),
        (e.accident_loss, "$.expenses.accident_loss", "意外事故损失"),
    ] {
        match v {
            Some(x) => total = money::add(total, x, "刚性支出合计")?,
            None => missing.push(Missing::new(path, label)),
        }
    }
    Ok((total, missing))
}

fn year_param(scope: &Scope, p: ParamId) -> Result<u32, Failure> {
    scope.get(p)?.trunc().to_u32().ok_or_else(|| Failure::calc(format!("参数 {} 应为非负整数", p.id)))
}

/// Names the member in every missing input about one (`王秀兰：医疗自付费用`, `成员2：医疗自付费用`
/// without a name): a household lists the same field for several members, and a card, the
/// missing list or the print sheet must say whose it is. Done once here, over every decision,
/// member finding and the union, so no rule has to remember it.
fn name_members(case: &Case, decisions: &mut [Decision], union: &mut [Missing]) {
    let name = |m: &mut Missing| {
        if let Some(member) = m.path.member_index().and_then(|i| case.members.get(i).map(|x| Ctx::name(x, i))) {
            m.label = format!("{member}：{}", m.label).into();
        }
    };
    for d in decisions {
        d.missing.iter_mut().for_each(&name);
        d.members.iter_mut().flat_map(|f| f.missing.iter_mut()).for_each(&name);
    }
    union.iter_mut().for_each(&name);
}

pub fn evaluate(case: &Case, opts: &Options) -> Result<HouseholdResult, Failure> {
    let set = opts.param_set()?;
    let scope = Scope::new(set, case.assessment_date, opts)?;
    let size = u32::try_from(case.members.len()).map_err(|_| Failure::calc("家庭人口数过大"))?;
    let ledger = match &case.incomes {
        Some(incomes) if size > 0 => Some(ledger(incomes, case.employment_costs, size)?),
        _ => None,
    };
    let (rigid, rigid_missing) = rigid(case)?;
    let school_ages = (year_param(&scope, param::SCHOOLING_COMPULSORY_AGE_FROM)?, year_param(&scope, param::SCHOOLING_COMPULSORY_AGE_UNTIL)?);
    let per_capita = Ctx::divide_ledger(ledger.as_ref(), case.members.len())?;
    let ctx = Ctx { case, scope, ledger, rigid, rigid_missing, school_ages, per_capita, risks: Default::default() };

    // Each rule writes its decision into its place in the result: a decision is a few hundred
    // bytes, and returning them cost two copies each.
    let mut decisions: Vec<Decision> = std::iter::repeat_with(Decision::default).take(DECISIONS).collect();
    let [mon, elim, whole, edge, single, tekun_d, medical, pension_d, housing_d, schooling_d, water_d, help] = &mut decisions[..] else {
        return Err(Failure::calc("决定数目不符"));
    };
    // Each rule is named to the scope (by its slot) before it runs, so its card can list the
    // unverified values it read.
    let rule = |k: usize| ctx.scope.rule(k);
    rule(0);
    monitoring::decide(mon, &ctx)?;
    rule(11);
    help_plan::decide(help, &ctx, mon);
    rule(1);
    monitoring::elimination(elim, &ctx)?;
    rule(2);
    dibao::whole(whole, &ctx)?;
    rule(3);
    dibao::edge(edge, &ctx)?;
    rule(4);
    dibao::single_person(single, &ctx, whole.outcome == Outcome::Applies)?;
    rule(5);
    tekun::decide(tekun_d, &ctx)?;
    rule(6);
    medical_insurance::decide(medical, &ctx)?;
    rule(7);
    pension::decide(pension_d, &ctx)?;
    rule(8);
    housing::decide(housing_d, &ctx, mon.outcome == Outcome::Applies);
    rule(9);
    schooling::decide(schooling_d, &ctx);
    rule(10);
    water::decide(water_d, &ctx);
    let unverified_reads = ctx.scope.unverified_by_rule();
    let provisional = decisions
        .iter()
        .enumerate()
        .filter_map(|(k, d)| {
            let bit = 1u16.checked_shl(u32::try_from(k).ok()?)?;
            let params: Vec<ProvisionalParam> = unverified_reads
                .iter()
                .filter(|(rules, _)| rules & bit != 0)
                .map(|(_, p)| ProvisionalParam { id: p.id.clone(), label: p.label.clone() })
                .collect();
            (!params.is_empty()).then_some(Provisional { measure: d.measure, params })
        })
        .collect();
    let mut missing: Vec<Missing> = decisions.iter().filter(|d| d.outcome == Outcome::CannotDecide).flat_map(|d| d.missing.clone()).collect();
    missing.sort();
    missing.dedup();
    name_members(case, &mut decisions, &mut missing);
    // In id order, so the order rules happen to consult parameters in (which can follow member
    // order) never shows in the result or the fingerprint.
    let Ctx { scope, ledger, rigid, .. } = ctx;
    let params_used = scope.into_used();
    let unverified = params_used.iter().filter(|p| !p.verified).map(|p| p.label.clone()).collect();
    let per_capita_net = ledger.as_ref().map(|l| l.per_capita_net);
    let per_capita_dibao = ledger.as_ref().map(|l| l.per_capita_dibao);
    let fingerprint = super::fingerprint::fingerprint(case, params_used.digests());
    Ok(HouseholdResult {
        schema: case::SCHEMA,
        engine_version: crate::ENGINE_VERSION,
        assessment_date: case.assessment_date,
        head_name: case.head_name.clone(),
        village: case.village.clone(),
        household_size: size,
        decisions,
        ledger,
        per_capita_net,
        per_capita_dibao,
        rigid_expenses: rigid,
        params_used,
        unverified,
        missing,
        provisional,
        fingerprint,
    })
}
