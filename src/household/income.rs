//! The household income ledger: every income item, whether it counts, and why.
//!
//! Two totals differ on purpose. Monitoring (二(二)) looks at the household's whole net income
//! (家庭年人均纯收入). The 低保 count (五(十二)) leaves out the items the policy excludes and
//! deducts necessary employment costs. The ledger lists each item once with both verdicts, so staff
//! can see exactly where the two figures part.
use crate::decode::Choice;
use crate::error::Failure;
use crate::money::{self, Yuan};
use crate::policy::{anchor, Citation};
use crate::prose;
use crate::prose::Prose;
use rust_decimal::Decimal;
use serde::Serialize;

pub use crate::case::incomes::{IncomeItem, Incomes, ITEMS};

/// One line of the ledger.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct LedgerLine {
    /// Item code (an [`IncomeItem`] code, or `employment_cost` for the deduction).
    pub item: &'static str,
    pub label: &'static str,
    /// 工资性收入 / 经营净收入 / 财产净收入 / 转移净收入 / 扣除.
    pub kind: &'static str,
    /// Amount in 元; a deduction is shown as a positive amount with `counted_for_dibao` true.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub amount: Decimal,
    /// Counted in the whole net income used for monitoring.
    pub counted_for_monitoring: bool,
    /// Counted (or, for the deduction, deducted) in the 低保 household income.
    pub counted_for_dibao: bool,
    /// Why, in Chinese.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub note: LedgerNote,
    pub citation: Option<&'static Citation>,
}

/// Why a ledger line counts as it does; the sentence is written when the ledger is shown
/// (a batch run reads no notes, and eleven composed sentences per household were a tenth of an
/// evaluation).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LedgerNote {
    /// An item 五(十二) leaves out of the 低保 count.
    Excluded(&'static str),
    Counted(&'static str),
    /// A net item below zero (a loss): counted as negative in both totals.
    Negative(&'static str, Decimal),
    /// Not given: counted as 0.
    NotGiven(&'static str),
    /// The employment-cost deduction, capped at wage income: (declared, wage).
    CostCapped(Decimal, Decimal),
    Cost,
}

impl LedgerNote {
    pub fn prose(&self) -> Prose {
        match *self {
            LedgerNote::Excluded(label) => prose!("{}计入家庭纯收入，但过渡期内不计入低保家庭收入", label),
            LedgerNote::Counted(label) => prose!("{}计入家庭纯收入和低保家庭收入", label),
            LedgerNote::Negative(label, x) => prose!("{}为负数（亏损 {}），按负数计入家庭纯收入和低保家庭收入", label, Yuan(x.abs())),
            LedgerNote::NotGiven(label) => prose!("{}未填写，按 0 计", label),
            LedgerNote::CostCapped(declared, wage) => prose!("申报必要就业成本 {}，以工资性收入 {} 为限扣减", Yuan(declared), Yuan(wage)),
            LedgerNote::Cost => prose!("计算低保家庭收入时扣减交通、通讯、食宿等必要的就业费用"),
        }
    }
}

impl std::fmt::Display for LedgerNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.prose().fmt(f)
    }
}

impl Serialize for LedgerNote {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.prose().serialize(s)
    }
}

/// Both income totals with the lines that make them up.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct IncomeLedger {
    pub lines: Vec<LedgerLine>,
    pub household_size: u32,
    /// Whole household net income, all items (元/年).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub total_net: Decimal,
    /// Per-capita net income for monitoring, rounded to fen (元/人·年).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub per_capita_net: Decimal,
    /// Household income as counted for 低保: excluded items left out, employment costs deducted.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub total_dibao: Decimal,
    /// Per-capita income counted for 低保, rounded to fen (元/人·年).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub per_capita_dibao: Decimal,
    /// Employment costs actually deducted (capped at wage income).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub employment_cost_deducted: Decimal,
}

/// Builds the ledger. Unknown items count as zero here; callers that must not guess check
/// [`Incomes::missing`] first. `employment_costs` is deducted only from wage income, and never
/// below zero: it is the cost of earning that wage.
pub fn ledger(incomes: &Incomes, employment_costs: Option<Decimal>, household_size: u32) -> Result<IncomeLedger, Failure> {
    if household_size == 0 {
        return Err(Failure::calc("家庭人口数为 0，无法计算人均收入"));
    }
    let mut lines = Vec::with_capacity(ITEMS + 1);
    let mut total_net = Decimal::ZERO;
    let mut total_dibao = Decimal::ZERO;
    for (item, code, label) in IncomeItem::OPTIONS {
        let given = incomes.get(*item);
        let amount = given.unwrap_or(Decimal::ZERO);
        total_net = money::add(total_net, amount, "家庭纯收入合计")?;
        let excluded = item.excluded_from_dibao();
        if !excluded {
            total_dibao = money::add(total_dibao, amount, "低保计算收入合计")?;
        }
        let note = match (excluded, given.is_some()) {
            (_, true) if amount.is_sign_negative() && !amount.is_zero() => LedgerNote::Negative(label, amount),
            (true, _) => LedgerNote::Excluded(label),
            (false, true) => LedgerNote::Counted(label),
            (false, false) => LedgerNote::NotGiven(label),
        };
        lines.push(LedgerLine {
            item: code,
            label,
            kind: item.kind_label(),
            amount,
            counted_for_monitoring: true,
            counted_for_dibao: !excluded,
            note,
            citation: excluded.then(|| anchor::DIBAO_EXCLUDED_INCOME.cite()),
        });
    }
    let wage = incomes.get(IncomeItem::Wage).unwrap_or(Decimal::ZERO);
    let declared = employment_costs.unwrap_or(Decimal::ZERO);
    let deducted = declared.min(wage);
    if !declared.is_zero() {
        let note = if deducted < declared { LedgerNote::CostCapped(declared, wage) } else { LedgerNote::Cost };
        total_dibao = money::sub(total_dibao, deducted, "扣减就业成本")?;
        lines.push(LedgerLine {
            item: "employment_cost",
            label: "必要的就业成本",
            kind: "扣除",
            amount: deducted,
            counted_for_monitoring: false,
            counted_for_dibao: true,
            note,
            citation: Some(anchor::DIBAO_EMPLOYMENT_COST.cite()),
        });
    }
    let size = Decimal::from(household_size);
    Ok(IncomeLedger {
        lines,
        household_size,
        total_net,
        per_capita_net: money::to_fen(money::div(total_net, size, "人均纯收入")?),
        total_dibao,
        per_capita_dibao: money::to_fen(money::div(total_dibao, size, "低保人均收入")?),
        employment_cost_deducted: deducted,
    })
}
