//! What values a parameter can take: each parameter in `params/*.toml` declares its `kind` (a
//! standard is a positive amount, a multiplier is at least 1, an age is 0–120 …) and may narrow
//! or widen the kind's range with `min` / `max`. Values in parameter files and per-evaluation
//! overrides outside the range are refused with the parameter's name — "低保标准 -¥5,000" used
//! to be accepted and computed with.
use rust_decimal::Decimal;
use serde::Serialize;

/// The kinds of parameter, each with a default range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An amount of money in 元: more than 0.
    Amount,
    /// A multiple of another amount: at least 1.
    Multiplier,
    /// A share or ratio: more than 0, at most 1.
    Ratio,
    /// An age in whole years, 0–120.
    Age,
    /// A disability grade, 1–4.
    Grade,
    /// A number of months, 0–120.
    Months,
    /// A count (of measures, …), 0–100.
    Count,
}

impl Kind {
    pub const OPTIONS: &'static [(Kind, &'static str, &'static str)] = &[
        (Kind::Amount, "amount", "正数金额"),
        (Kind::Multiplier, "multiplier", "倍数"),
        (Kind::Ratio, "ratio", "比例"),
        (Kind::Age, "age", "年龄（周岁）"),
        (Kind::Grade, "grade", "残疾等级"),
        (Kind::Months, "months", "月数"),
        (Kind::Count, "count", "数量"),
    ];

    pub fn parse(s: &str) -> Option<Kind> {
        Self::OPTIONS.iter().find(|(_, c, _)| *c == s.trim()).map(|(k, _, _)| *k)
    }

    pub fn label(self) -> &'static str {
        Self::OPTIONS.iter().find(|(k, _, _)| *k == self).map_or("", |(_, _, l)| l)
    }

    /// The default range: (min, whether min itself is allowed, max).
    fn range(self) -> (Decimal, bool, Decimal) {
        match self {
            Kind::Amount => (Decimal::ZERO, false, Decimal::from(1_000_000)),
            Kind::Multiplier => (Decimal::ONE, true, Decimal::from(10)),
            Kind::Ratio => (Decimal::ZERO, false, Decimal::ONE),
            Kind::Age | Kind::Months => (Decimal::ZERO, true, Decimal::from(120)),
            Kind::Grade => (Decimal::ONE, true, Decimal::from(4)),
            Kind::Count => (Decimal::ZERO, true, Decimal::from(100)),
        }
    }

    fn whole(self) -> bool {
        matches!(self, Kind::Age | Kind::Grade | Kind::Months | Kind::Count)
    }
}

/// A parameter's kind and range.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Domain {
    pub kind: Kind,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub min: Decimal,
    /// Whether `min` itself is allowed (an amount must be more than 0).
    pub min_inclusive: bool,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub max: Decimal,
}

impl Domain {
    /// `kind` with its default range, narrowed or widened by `min` / `max` (both inclusive).
    pub fn new(kind: Kind, min: Option<Decimal>, max: Option<Decimal>) -> Domain {
        let (lo, inclusive, hi) = kind.range();
        Domain { kind, min: min.unwrap_or(lo), min_inclusive: min.is_some() || inclusive, max: max.unwrap_or(hi) }
    }

    /// Why `value` is outside the domain, in words naming the parameter; `None` if inside.
    pub fn refuse(&self, value: Decimal, label: &str, id: &str) -> Option<String> {
        let below = if self.min_inclusive { value < self.min } else { value <= self.min };
        let fraction = self.kind.whole() && !value.fract().is_zero();
        (below || value > self.max || fraction).then(|| format!("参数「{label}」（{id}）应为{}，收到 {}", self.describe(), value.normalize()))
    }

    /// e.g. `正数金额（大于 0，至多 1000000）`.
    pub fn describe(&self) -> String {
        let lower = if self.min_inclusive { format!("不小于 {}", self.min.normalize()) } else { format!("大于 {}", self.min.normalize()) };
        let whole = if self.kind.whole() { "整数，" } else { "" };
        format!("{}（{whole}{lower}，至多 {}）", self.kind.label(), self.max.normalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_standard_is_a_positive_amount_and_an_age_a_whole_number_of_years() {
        let amount = Domain::new(Kind::Amount, None, None);
        let m = amount.refuse(Decimal::from(-5000), "农村低保标准", "dibao.standard_annual").unwrap();
        assert_eq!(m, "参数「农村低保标准」（dibao.standard_annual）应为正数金额（大于 0，至多 1000000），收到 -5000");
        assert!(amount.refuse(Decimal::ZERO, "x", "x").is_some());
        assert!(amount.refuse(Decimal::from(5600), "x", "x").is_none());
        let age = Domain::new(Kind::Age, None, None);
        assert!(age.refuse(Decimal::new(605, 1), "x", "x").unwrap().contains("整数"));
        assert!(age.refuse(Decimal::from(121), "x", "x").is_some());
        assert!(Domain::new(Kind::Multiplier, None, None).refuse(Decimal::new(9, 1), "x", "x").is_some());
    }
}
