//! Exact yuan arithmetic: `rust_decimal` with checked operations only.
//!
//! Every operation that could overflow returns a [`Failure::Calculation`] naming what was being
//! computed, instead of panicking (a panic would kill the wasm instance and every open form).
use crate::error::Failure;
use rust_decimal::{Decimal, RoundingStrategy};

/// The largest amount any single money field may hold (元). Far above any household's figures;
/// keeps every sum and product of inputs well inside `Decimal`'s range.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0x4876_E7FF, 0x17, 0, false, 0); // 99_999_999_999

pub fn add(a: Decimal, b: Decimal, what: &str) -> Result<Decimal, Failure> {
    // Most of a household's income and expense items are 0: adding one gives back the other
    // amount, with the same scale the full addition would keep (the larger of the two).
    if b.is_zero() && !a.is_zero() && b.scale() <= a.scale() {
        return Ok(a);
    }
    if a.is_zero() && !b.is_zero() && a.scale() <= b.scale() {
        return Ok(b);
    }
    a.checked_add(b).ok_or_else(|| Failure::calc(format!("{what}：加法溢出")))
}

pub fn sub(a: Decimal, b: Decimal, what: &str) -> Result<Decimal, Failure> {
    a.checked_sub(b).ok_or_else(|| Failure::calc(format!("{what}：减法溢出")))
}

pub fn mul(a: Decimal, b: Decimal, what: &str) -> Result<Decimal, Failure> {
    a.checked_mul(b).ok_or_else(|| Failure::calc(format!("{what}：乘法溢出")))
}

pub fn div(a: Decimal, b: Decimal, what: &str) -> Result<Decimal, Failure> {
    if b.is_zero() {
        return Err(Failure::calc(format!("{what}：除数为零")));
    }
    a.checked_div(b).ok_or_else(|| Failure::calc(format!("{what}：除法溢出")))
}

pub fn sum<I: IntoIterator<Item = Decimal>>(items: I, what: &str) -> Result<Decimal, Failure> {
    items.into_iter().try_fold(Decimal::ZERO, |acc, x| add(acc, x, what))
}

/// Rounds to fen (0.01 元), half away from zero, as amounts are written on forms; trailing zeros
/// are dropped (`1200.00` → `1200`) so JSON shows amounts as people write them.
pub fn to_fen(a: Decimal) -> Decimal {
    a.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero).normalize()
}

/// Rounds up to the next fen: the smallest amount that reaches a threshold.
pub fn ceil_fen(a: Decimal) -> Decimal {
    a.round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity).normalize()
}

/// Serialises an amount rounded to fen (`#[serde(serialize_with = "money::serialize_fen")]`):
/// figures are rounded when shown, not each time a rule records one.
pub fn serialize_fen<S: serde::Serializer>(a: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&to_fen(*a), s)
}

/// `¥1,234.50` style for Chinese reason texts.
pub fn yuan(a: Decimal) -> String {
    Yuan(a).to_string()
}

/// An amount shown as in reason texts (`¥1,234.50`, `-¥12.35`): rounded to fen, thousands
/// grouped, two decimals when there are any. Written straight into the output, so composing a
/// sentence allocates nothing for its figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Yuan(pub Decimal);

impl std::fmt::Display for Yuan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        let r = to_fen(self.0);
        // A Decimal has at most 29 digits, a point and a sign: the digits fit on the stack.
        let mut buf = Digits { bytes: [0; 40], len: 0 };
        write!(buf, "{}", r.abs())?;
        let s = buf.as_str();
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        if r.is_sign_negative() && !r.is_zero() {
            f.write_char('-')?;
        }
        f.write_char('¥')?;
        for (i, c) in int.char_indices() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                f.write_char(',')?;
            }
            f.write_char(c)?;
        }
        if !frac.is_empty() {
            f.write_char('.')?;
            f.write_str(frac)?;
            if frac.len() == 1 {
                f.write_char('0')?;
            }
        }
        Ok(())
    }
}

struct Digits {
    bytes: [u8; 40],
    len: usize,
}

impl Digits {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

impl std::fmt::Write for Digits {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_zero_keeps_the_value_and_the_scale_of_the_full_addition() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        for (a, b) in [("12.50", "0"), ("0", "12.50"), ("12", "0.00"), ("0.00", "12"), ("0", "0.0"), ("-3.1", "0"), ("0.000", "7.25")] {
            let full = d(a).checked_add(d(b)).unwrap();
            let ours = add(d(a), d(b), "t").unwrap();
            assert_eq!((ours, ours.scale(), ours.to_string()), (full, full.scale(), full.to_string()), "{a} + {b}");
        }
    }
    use rust_decimal_macros_free::d;

    mod rust_decimal_macros_free {
        pub fn d(s: &str) -> rust_decimal::Decimal {
            s.parse().unwrap()
        }
    }

    #[test]
    fn max_amount_is_what_it_says() {
        assert_eq!(MAX_AMOUNT, d("99999999999"));
    }

    #[test]
    fn yuan_groups_thousands_and_keeps_two_decimals() {
        assert_eq!(yuan(d("1234567.5")), "¥1,234,567.50");
        assert_eq!(yuan(d("312")), "¥312");
        assert_eq!(yuan(d("-0.004")), "¥0");
        assert_eq!(yuan(d("-12.345")), "-¥12.35");
    }

    #[test]
    fn checked_ops_report_instead_of_panicking() {
        assert!(mul(Decimal::MAX, d("2"), "测试").is_err());
        assert!(div(d("1"), Decimal::ZERO, "测试").is_err());
        assert_eq!(ceil_fen(d("1.001")), d("1.01"));
    }
}
