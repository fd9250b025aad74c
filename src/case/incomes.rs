//! A household's income items over the last 12 months, as the case records them: each item the
//! statistics distinguish, with each item 五(十二) excludes from the 低保 count as its own field.
//! The ledger that counts them is `household::income`.
use crate::choice_enum;
use crate::decode::{Choice, Decoder, Obj};
use rust_decimal::Decimal;
use serde::Serialize;

choice_enum! {
    /// Income items over the last 12 months, by the statistical kinds of 农村居民收入 with each
    /// item that 五(十二) excludes from the 低保 count as its own field.
    pub enum IncomeItem {
        Wage = ("wage", "工资性收入"),
        BusinessNet = ("business_net", "家庭经营净收入"),
        PropertyNet = ("property_net", "财产净收入"),
        TransferNet = ("transfer_net", "其他转移净收入"),
        BasicPension = ("basic_pension", "城乡居民基本养老保险基础养老金"),
        SpecialCare = ("special_care", "优待抚恤金"),
        FamilyPlanning = ("family_planning", "计划生育奖励与扶助金"),
        Scholarship = ("scholarship", "奖学金"),
        HeroismAward = ("heroism_award", "见义勇为等奖励性补助"),
        SocialAssistance = ("social_assistance", "政府发放的各类社会救助款物"),
    }
}

impl IncomeItem {
    /// The statistical kind the item belongs to.
    pub fn kind_label(self) -> &'static str {
        match self {
            IncomeItem::Wage => "工资性收入",
            IncomeItem::BusinessNet => "经营净收入",
            IncomeItem::PropertyNet => "财产净收入",
            _ => "转移净收入",
        }
    }

    /// Whether the item is a net figure that may be below zero (家庭经营、财产、转移净收入: a
    /// failed harvest or a loss-making lease is a loss, counted as such). Gross items and the
    /// excluded payments are never negative.
    pub fn may_be_negative(self) -> bool {
        matches!(self, IncomeItem::BusinessNet | IncomeItem::PropertyNet | IncomeItem::TransferNet)
    }

    /// Whether 五(十二) leaves the item out of the 低保 household income.
    pub fn excluded_from_dibao(self) -> bool {
        matches!(
            self,
            IncomeItem::BasicPension
                | IncomeItem::SpecialCare
                | IncomeItem::FamilyPlanning
                | IncomeItem::Scholarship
                | IncomeItem::HeroismAward
                | IncomeItem::SocialAssistance
        )
    }
}

/// How many income items there are (the length of [`IncomeItem::OPTIONS`]).
pub const ITEMS: usize = 10;
const _: () = assert!(IncomeItem::OPTIONS.len() == ITEMS);

/// Known income amounts (元, last 12 months); an absent item is unknown, not zero. Kept by item
/// in form order (an array, not a map: the ledger reads every item of every household).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Incomes {
    amounts: [Option<Decimal>; ITEMS],
}

impl Incomes {
    /// Reads `{ "wage": "12000", "business_net": "-3000", … }`; unknown keys are errors, absent
    /// items stay unknown, and only the net items may be negative.
    pub fn read(d: &mut Decoder, o: &Obj) -> Incomes {
        let known: Vec<&str> = IncomeItem::OPTIONS.iter().map(|(_, c, _)| *c).collect();
        o.deny_unknown(d, &known);
        let mut incomes = Incomes::default();
        for (item, code, label) in IncomeItem::OPTIONS {
            let amount = if item.may_be_negative() { o.net_money(d, code, label) } else { o.money(d, code, label) };
            if let Some(x) = amount {
                incomes.set(*item, x);
            }
        }
        incomes
    }

    /// The amount of one item, if given.
    pub fn get(&self, item: IncomeItem) -> Option<Decimal> {
        self.amounts.get(item as usize).copied().flatten()
    }

    pub fn set(&mut self, item: IncomeItem, amount: Decimal) {
        if let Some(slot) = self.amounts.get_mut(item as usize) {
            *slot = Some(amount);
        }
    }

    /// Every item's amount, in form order.
    pub fn amounts(&self) -> &[Option<Decimal>; ITEMS] {
        &self.amounts
    }

    /// Items with no amount given, in form order.
    pub fn missing(&self) -> Vec<IncomeItem> {
        IncomeItem::OPTIONS.iter().map(|(i, _, _)| *i).filter(|i| self.get(*i).is_none()).collect()
    }
}

/// Written as `{ "wage": "12000", … }`, the given items only, as the case format reads them.
impl Serialize for Incomes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let given = IncomeItem::OPTIONS.iter().filter_map(|(i, c, _)| self.get(*i).map(|x| (*c, x)));
        let mut map = s.serialize_map(None)?;
        for (code, amount) in given {
            map.serialize_entry(code, &amount)?;
        }
        map.end()
    }
}
