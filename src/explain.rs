//! The vocabulary results are explained in: outcomes, missing inputs and distances to thresholds.
//!
//! Shared by the household and village engines so the page renders every result the same way:
//! what was decided, on which figures, how far from the line, and what input is still needed.
use crate::money::{self, Yuan};
use crate::prose::Prose;
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

/// The answers a rule can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// 符合：applies now, on what is recorded (a recognised status) or needs no recognition.
    Applies,
    /// 待认定：applies once a formal recognition is made that this evaluation finds the household
    /// (or member) eligible for, e.g. 认定为特困人员后全额资助参保个人缴费. The decision says which
    /// recognition and what follows; never "不属对象" for someone the engine finds eligible.
    OnceRecognised,
    /// 不符合
    DoesNotApply,
    /// 需补充：cannot be decided until the inputs in `missing` are given.
    CannotDecide,
}

impl Outcome {
    /// Every outcome, in the order the page lists them.
    pub const ALL: [Outcome; 4] = [Outcome::Applies, Outcome::OnceRecognised, Outcome::DoesNotApply, Outcome::CannotDecide];

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Applies => "符合",
            Outcome::OnceRecognised => "待认定",
            Outcome::DoesNotApply => "不符合",
            Outcome::CannotDecide => "需补充",
        }
    }

    /// The JSON code (`applies`, `once_recognised`, …).
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Applies => "applies",
            Outcome::OnceRecognised => "once_recognised",
            Outcome::DoesNotApply => "does_not_apply",
            Outcome::CannotDecide => "cannot_decide",
        }
    }
}

/// An input the rule needs and did not get, so a form can ask for exactly it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Missing {
    /// JSON path of the field, e.g. `$.members[1].labour_capacity`.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub path: FieldPath,
    /// Its Chinese label.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub label: Cow<'static, str>,
}

impl Missing {
    pub fn new(path: impl Into<FieldPath>, label: impl Into<Cow<'static, str>>) -> Self {
        Missing { path: path.into(), label: label.into() }
    }

    /// A household field of the catalogue ([`crate::case::field`]).
    pub fn of(f: crate::case::Field) -> Self {
        let def = f.def();
        debug_assert!(!def.member, "{} is a member field", def.path);
        Missing { path: FieldPath::Fixed(def.json_path), label: Cow::Borrowed(def.label) }
    }

    /// A member's field, labelled with whose it is (`王秀兰：医疗自付费用`; `成员2：…` for a member
    /// without a name), so a prompt never repeats a bare label once per member.
    pub fn member(index: usize, name: Option<&str>, f: crate::case::Field) -> Self {
        let def = f.def();
        let label = match name {
            Some(n) if !n.trim().is_empty() => format!("{}：{}", n.trim(), def.label),
            _ => format!("成员{}：{}", index + 1, def.label),
        };
        Missing { path: FieldPath::member(index, def.key), label: Cow::Owned(label) }
    }
}

/// The JSON path of an input field, written out only when shown: a household's rules name
/// dozens of missing fields, each copied into the household's union, and formatting every
/// `$.members[i].field` up front was a good part of an evaluation's allocations.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FieldPath {
    /// A fixed path, e.g. `$.incomes`.
    Fixed(&'static str),
    /// `$.members[index].field`.
    Member(u32, &'static str),
    /// Any other path (the village engine's indicator ids).
    Owned(Box<str>),
}

impl FieldPath {
    /// `$.members[index].field`.
    pub fn member(index: usize, field: &'static str) -> FieldPath {
        match u32::try_from(index) {
            Ok(i) => FieldPath::Member(i, field),
            Err(_) => FieldPath::Owned(format!("$.members[{index}].{field}").into_boxed_str()),
        }
    }

    /// The member a `$.members[i]…` path is about.
    pub fn member_index(&self) -> Option<usize> {
        match self {
            FieldPath::Member(i, _) => usize::try_from(*i).ok(),
            _ => None,
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Fixed(s) => f.write_str(s),
            FieldPath::Member(i, field) => write!(f, "$.members[{i}].{field}"),
            FieldPath::Owned(s) => f.write_str(s),
        }
    }
}

impl From<&'static str> for FieldPath {
    fn from(s: &'static str) -> Self {
        FieldPath::Fixed(s)
    }
}

impl From<String> for FieldPath {
    fn from(s: String) -> Self {
        FieldPath::Owned(s.into_boxed_str())
    }
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        match self {
            FieldPath::Fixed(s) => s == other,
            FieldPath::Owned(s) => &**s == *other,
            FieldPath::Member(i, field) => {
                other.strip_prefix("$.members[").and_then(|rest| rest.split_once("].")).is_some_and(|(n, f)| n.parse::<u32>().ok() == Some(*i) && f == *field)
            }
        }
    }
}

/// Ordered as the text they stand for, so sorted lists read as before (`$.members[10]` sorts
/// before `$.members[2]`).
impl Ord for FieldPath {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (FieldPath::Member(a, fa), FieldPath::Member(b, fb)) if a == b => fa.cmp(fb),
            (FieldPath::Fixed(a), FieldPath::Fixed(b)) => a.cmp(b),
            _ => self.to_string().cmp(&other.to_string()),
        }
    }
}

impl PartialOrd for FieldPath {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for FieldPath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Which side of a threshold counts as "below".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// The rule holds while value < threshold (e.g. income below the 低保 standard).
    Below,
    /// The rule holds while value > threshold (e.g. medical costs above last year's income).
    Above,
}

/// How far a value is from a threshold, and the value at which the decision flips.
///
/// Serialised with three more fields written from these when the result is shown —
/// `flip_at`, `change_to_flip` and `explanation` (e.g. `人均收入：临界值 ¥5,000，本户 ¥4,688（低于
/// ¥312）`): a household has a dozen thresholds, and a batch reads none of them. The JSON shape
/// and its TypeScript declaration come from `json::Threshold`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Threshold {
    /// What is compared, e.g. `低保计算人均收入`.
    pub quantity: Prose,
    pub unit: &'static str,
    pub value: Decimal,
    pub threshold: Decimal,
    pub comparison: Comparison,
    /// Whether the rule's condition holds now.
    pub holds: bool,
}

impl Threshold {
    /// A money threshold. For `Below`, the condition is value < threshold, so it stops holding
    /// at value = threshold and starts holding one fen below it. For `Above`, the mirror image.
    pub fn money(quantity: impl Into<Prose>, unit: &'static str, value: Decimal, threshold: Decimal, comparison: Comparison) -> Threshold {
        let holds = match comparison {
            Comparison::Below => value < threshold,
            Comparison::Above => value > threshold,
        };
        Threshold { quantity: quantity.into(), unit, value, threshold, comparison, holds }
    }

    /// The value at which the outcome flips (to fen).
    pub fn flip_at(&self) -> Decimal {
        let fen = Decimal::new(1, 2);
        match (self.comparison, self.holds) {
            (_, true) => self.threshold,
            (Comparison::Below, false) => money::ceil_fen(self.threshold).checked_sub(fen).unwrap_or(self.threshold),
            (Comparison::Above, false) => money::to_fen(self.threshold.trunc_with_scale(2)).checked_add(fen).unwrap_or(self.threshold),
        }
    }

    /// How much the value must change to flip the outcome (always ≥ 0, to the fen above).
    pub fn change_to_flip(&self) -> Decimal {
        money::ceil_fen(self.flip_at().checked_sub(self.value).unwrap_or_default().abs())
    }

    /// e.g. `人均收入：临界值 ¥5,000，本户 ¥4,688（低于 ¥312）`: where the value stands, never
    /// what would change the outcome (that read as advice to under-report income).
    pub fn explanation(&self) -> Explanation<'_> {
        Explanation(self)
    }
}

/// [`Threshold::explanation`]: the sentence, written when displayed.
pub struct Explanation<'a>(&'a Threshold);

impl fmt::Display for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.0;
        write!(f, "{}：临界值 {}，本户 {}", t.quantity, Yuan(t.threshold), Yuan(t.value))?;
        // The distance to fen, as shown: a difference under half a fen reads as equal.
        let gap = money::to_fen(t.value.checked_sub(t.threshold).unwrap_or_default());
        match gap.cmp(&Decimal::ZERO) {
            Ordering::Greater => write!(f, "（高出 {}）", Yuan(gap)),
            Ordering::Less => write!(f, "（低于 {}）", Yuan(gap.abs())),
            Ordering::Equal => f.write_str("（恰为临界值）"),
        }
    }
}

impl Serialize for Threshold {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        json::Threshold {
            quantity: &self.quantity,
            unit: self.unit,
            value: self.value,
            threshold: self.threshold,
            comparison: self.comparison,
            holds: self.holds,
            flip_at: self.flip_at(),
            change_to_flip: self.change_to_flip(),
            explanation: self.explanation(),
        }
        .serialize(s)
    }
}

impl Serialize for Explanation<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The JSON shape of a threshold ([`Threshold`]'s `Serialize`).
mod json {
    use super::{Comparison, Explanation, Prose};
    use rust_decimal::Decimal;
    use serde::Serialize;

    /// A [`super::Threshold`] as JSON: its fields and the three written from them when shown. Named
    /// `Threshold` so the TypeScript declaration generated from it is the one results refer to.
    #[derive(Serialize)]
    #[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
    pub(super) struct Threshold<'a> {
        /// What is compared, e.g. `低保计算人均收入`.
        #[cfg_attr(feature = "wasm", tsify(type = "string"))]
        pub(super) quantity: &'a Prose,
        pub(super) unit: &'static str,
        #[cfg_attr(feature = "wasm", tsify(type = "string"))]
        pub(super) value: Decimal,
        #[cfg_attr(feature = "wasm", tsify(type = "string"))]
        pub(super) threshold: Decimal,
        pub(super) comparison: Comparison,
        /// Whether the rule's condition holds now.
        pub(super) holds: bool,
        /// The value at which the outcome flips (to fen).
        #[cfg_attr(feature = "wasm", tsify(type = "string"))]
        pub(super) flip_at: Decimal,
        /// How much the value must change to flip it (always ≥ 0).
        #[cfg_attr(feature = "wasm", tsify(type = "string"))]
        pub(super) change_to_flip: Decimal,
        /// e.g. `人均收入：临界值 ¥5,000，本户 ¥4,688（低于 ¥312）`.
        #[cfg_attr(feature = "wasm", tsify(type = "string"))]
        pub(super) explanation: Explanation<'a>,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn field_paths_sort_as_their_text() {
        let mut paths = [
            FieldPath::member(10, "sex"),
            FieldPath::Fixed("$.incomes"),
            FieldPath::member(2, "name"),
            FieldPath::member(2, "age"),
            FieldPath::Owned("$.zz".into()),
        ];
        paths.sort();
        let text: Vec<String> = paths.iter().map(ToString::to_string).collect();
        let mut sorted = text.clone();
        sorted.sort();
        assert_eq!(text, sorted);
        assert_eq!(text[0], "$.incomes");
        assert_eq!(FieldPath::member(3, "sex"), "$.members[3].sex");
    }

    #[test]
    fn below_threshold_reports_the_increase_that_ends_eligibility() {
        let t = Threshold::money("人均收入", "元", d("4688"), d("5000"), Comparison::Below);
        assert!(t.holds);
        assert_eq!(t.change_to_flip(), d("312"));
        assert_eq!(t.explanation().to_string(), "人均收入：临界值 ¥5,000，本户 ¥4,688（低于 ¥312）");
    }

    #[test]
    fn at_the_threshold_is_not_below_it() {
        let t = Threshold::money("人均收入", "元", d("5000"), d("5000"), Comparison::Below);
        assert!(!t.holds);
        assert_eq!(t.flip_at(), d("4999.99"));
        assert_eq!(t.change_to_flip(), d("0.01"));
        assert_eq!(t.explanation().to_string(), "人均收入：临界值 ¥5,000，本户 ¥5,000（恰为临界值）");
    }

    #[test]
    fn above_threshold_mirrors_below() {
        let t = Threshold::money("就医自负费用", "元", d("9000"), d("10000"), Comparison::Above);
        assert!(!t.holds);
        assert_eq!(t.flip_at(), d("10000.01"));
        assert_eq!(t.change_to_flip(), d("1000.01"));
        assert_eq!(t.explanation().to_string(), "就医自负费用：临界值 ¥10,000，本户 ¥9,000（低于 ¥1,000）");
    }

    #[test]
    fn distances_are_neutral_never_advice() {
        let t = Threshold::money("家庭年人均纯收入", "元/人·年", d("12205"), d("7800"), Comparison::Below);
        assert!(!t.holds);
        assert_eq!(t.explanation().to_string(), "家庭年人均纯收入：临界值 ¥7,800，本户 ¥12,205（高出 ¥4,405）");
        assert!(!t.explanation().to_string().contains("即可符合"));
    }
}
