//! The whole household evaluation: every measure, the income ledger, the parameters used and a
//! fingerprint for the printed case sheet.
use super::decision::{Ctx, Decision};
use super::income::{ledger, IncomeLedger};
use super::measures::{evaluation_order, Decided, MEASURES};
use crate::case::{self, field, Case};
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
    /// Always `full`: this is the whole result, every text inline; `detail: "compact"` writes
    /// [`super::compact::Compact`] instead.
    #[cfg_attr(feature = "wasm", tsify(type = "\"full\""))]
    pub detail: super::compact::Detail,
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
    /// The decisions that read a county figure entered locally (an override), each with those
    /// values and the document each comes from: their cards and the print sheet show the figure
    /// and its document where a placeholder would say 暂定.
    pub local_figures: Vec<LocalFigures>,
    /// First 12 hex digits of XXH3-64 over the case as read, the parameter values used and the
    /// engine version: the same sheet gives the same fingerprint (module `crate::fingerprint`).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub fingerprint: crate::fingerprint::Fingerprint,
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

/// A decision that read locally entered figures (overrides).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct LocalFigures {
    /// The decision's `measure`.
    pub measure: &'static str,
    pub params: Vec<LocalFigure>,
}

/// One locally entered figure a decision read, with the document it was entered from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct LocalFigure {
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub id: crate::params::Text,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub label: crate::params::Text,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub value: Decimal,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub unit: crate::params::Text,
    /// 文号 and/or title as entered; `null` when none was given.
    pub document: Option<String>,
}

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
            None => missing.push(Missing::member(i, m.name.as_deref(), field::MEMBER_MEDICAL_OUT_OF_POCKET)),
        }
    }
    let e = &case.expenses;
    for (v, f) in [
        (e.education, field::EXPENSES_EDUCATION),
        (e.disability_rehab, field::EXPENSES_DISABILITY_REHAB),
        (e.disaster_loss, field::EXPENSES_DISASTER_LOSS),
        (e.accident_loss, field::EXPENSES_ACCIDENT_LOSS),
    ] {
        match v {
            Some(x) => total = money::add(total, x, "刚性支出合计")?,
            None => missing.push(Missing::of(f)),
        }
    }
    Ok((total, missing))
}

fn year_param(scope: &Scope, p: ParamId) -> Result<u32, Failure> {
    scope.get(p)?.trunc().to_u32().ok_or_else(|| Failure::calc(format!("参数 {} 应为非负整数", p.id)))
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

    // Each measure after those whose decisions it reads (the registry's order). Each is named to
    // the scope (by its place in the registry) before it runs, so its card can list the unverified
    // values it read.
    // Decisions are pushed as made, then put in the registry's order once.
    let mut decisions: Vec<Decision> = Vec::with_capacity(MEASURES.len());
    for &i in evaluation_order() {
        ctx.scope.rule(i);
        let decision = (MEASURES[i].decide)(&ctx, &Decided::new(&decisions))?;
        decisions.push(decision);
    }
    decisions.sort_by_key(|d| MEASURES.iter().position(|m| m.code == d.measure));
    let unverified_reads = ctx.scope.unverified_by_rule();
    let provisional = decisions
        .iter()
        .enumerate()
        .filter_map(|(k, d)| {
            let bit = 1u64.checked_shl(u32::try_from(k).ok()?)?;
            let params: Vec<ProvisionalParam> = unverified_reads
                .iter()
                .filter(|(rules, _)| rules & bit != 0)
                .map(|(_, p)| ProvisionalParam { id: p.id.clone(), label: p.label.clone() })
                .collect();
            (!params.is_empty()).then_some(Provisional { measure: d.measure, params })
        })
        .collect();
    let overridden_reads = ctx.scope.overridden_by_rule();
    let local_figures = decisions
        .iter()
        .enumerate()
        .filter_map(|(k, d)| {
            let bit = 1u64.checked_shl(u32::try_from(k).ok()?)?;
            let params: Vec<LocalFigure> = overridden_reads
                .iter()
                .filter(|(rules, _)| rules & bit != 0)
                .map(|(_, p)| LocalFigure {
                    id: p.id.clone(),
                    label: p.label.clone(),
                    value: p.value,
                    unit: p.unit.clone(),
                    document: opts.override_sources.get(&*p.id).cloned(),
                })
                .collect();
            (!params.is_empty()).then_some(LocalFigures { measure: d.measure, params })
        })
        .collect();
    let mut missing: Vec<Missing> = decisions.iter().filter(|d| d.outcome == Outcome::CannotDecide).flat_map(|d| d.missing.clone()).collect();
    missing.sort();
    missing.dedup();
    // In id order, so the order rules happen to consult parameters in (which can follow member
    // order) never shows in the result or the fingerprint.
    let Ctx { scope, ledger, rigid, .. } = ctx;
    let params_used = scope.into_used();
    let unverified = params_used.iter().filter(|p| !p.verified).map(|p| p.label.clone()).collect();
    let per_capita_net = ledger.as_ref().map(|l| l.per_capita_net);
    let per_capita_dibao = ledger.as_ref().map(|l| l.per_capita_dibao);
    let fingerprint = crate::fingerprint::fingerprint(case, params_used.digests());
    Ok(HouseholdResult {
        schema: case::SCHEMA,
        detail: super::compact::Detail::Full,
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
        local_figures,
        fingerprint,
    })
}
