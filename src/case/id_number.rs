//! 公民身份号码 (GB 11643-1999): check digit, birth date and sex, for filling forms from an ID.
//!
//! The 20/22-character form used by disability cards (残疾人证号 = 身份证号 + 2 digits) is
//! accepted; only its first 18 characters are the ID proper.
use crate::choice_enum;
use chrono::{Datelike, NaiveDate};
// Plausibility of the age (≤ 130) is the case reader's job; here only the calendar decides.
use serde::Serialize;

choice_enum! {
    /// 性别
    pub enum Sex {
        Male = ("male", "男"),
        Female = ("female", "女"),
    }
}

/// ISO 7064 MOD 11-2 weights for the 17 body digits.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for each remainder 0..10.
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// What an ID number says about its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdInfo {
    pub birth_date: NaiveDate,
    pub sex: Sex,
}

/// Validates an ID number; the error is a Chinese sentence saying what is wrong.
pub fn parse(raw: &str) -> Result<IdInfo, String> {
    let s: Vec<char> = raw.trim().chars().map(|c| c.to_ascii_uppercase()).collect();
    if !matches!(s.len(), 18 | 20 | 22) {
        return Err(format!("应为 18 位（残疾人证号为 20 或 22 位），收到 {} 位", s.len()));
    }
    let (id, tail) = s.split_at(18);
    if tail.iter().any(|c| !c.is_ascii_digit()) {
        return Err("残疾人证号第 18 位之后应为数字".into());
    }
    let mut sum = 0u32;
    for (c, w) in id.iter().take(17).zip(WEIGHTS) {
        let Some(digit) = c.to_digit(10) else {
            return Err("前 17 位应为数字".into());
        };
        sum += digit * w;
    }
    let expected = CHECK[(sum % 11) as usize];
    let given = id.get(17).copied().unwrap_or(' ');
    if given != expected && !(given.is_ascii_digit() || given == 'X') {
        return Err("第 18 位校验码应为数字或 X".into());
    }
    if given != expected {
        return Err(format!("校验码不符（第 18 位应为 {expected}，收到 {given}），请核对号码"));
    }
    let digits: String = id.get(6..14).map(|d| d.iter().collect()).unwrap_or_default();
    let birth_date = NaiveDate::parse_from_str(&digits, "%Y%m%d").ok().ok_or_else(|| format!("第 7–14 位出生日期 {digits} 不存在"))?;
    let order = id.get(16).and_then(|c| c.to_digit(10)).unwrap_or(0);
    let sex = if order % 2 == 1 { Sex::Male } else { Sex::Female };
    Ok(IdInfo { birth_date, sex })
}

/// Whole years of age on `on`; `None` before birth.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

/// The result of [`parse`] for the page's auto-fill.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct IdCheck {
    pub valid: bool,
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    /// Age on the given date (if one was given and is not before the birth date).
    pub age: Option<u32>,
    /// What is wrong, in Chinese.
    pub error: Option<String>,
}

pub fn check(raw: &str, on: Option<NaiveDate>) -> IdCheck {
    match parse(raw) {
        Ok(info) => {
            IdCheck { valid: true, birth_date: Some(info.birth_date), sex: Some(info.sex), age: on.and_then(|d| age_on(info.birth_date, d)), error: None }
        }
        Err(e) => IdCheck { valid: false, birth_date: None, sex: None, age: None, error: Some(format!("身份证号{e}")) },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_good_numbers_pass() {
        for id in ["11010519491231002X", "440524188001010014", "34052419800101001X", "11010519491231002x"] {
            assert!(parse(id).is_ok(), "{id}");
        }
        let info = parse("11010519491231002X").unwrap();
        assert_eq!(info.birth_date, NaiveDate::from_ymd_opt(1949, 12, 31).unwrap());
        assert_eq!(info.sex, Sex::Female);
        assert_eq!(parse("440524188001010014").unwrap().sex, Sex::Male);
    }

    #[test]
    fn disability_card_forms_are_the_id_plus_two_digits() {
        assert!(parse("11010519491231002X11").is_ok());
        assert!(parse("11010519491231002X1112").is_ok());
        assert!(parse("11010519491231002X1").is_err());
        assert!(parse("11010519491231002XAB").is_err());
    }

    #[test]
    fn wrong_check_digit_and_impossible_dates_are_named() {
        assert!(parse("110105194912310021").unwrap_err().contains("应为 X"));
        // 1949-02-30 with a correct check digit for its body.
        let body = "11010519490230002";
        let sum: u32 = body.chars().zip(WEIGHTS).map(|(c, w)| c.to_digit(10).unwrap() * w).sum();
        let id = format!("{body}{}", CHECK[(sum % 11) as usize]);
        assert!(parse(&id).unwrap_err().contains("不存在"));
    }

    #[test]
    fn age_counts_whole_years() {
        let b = NaiveDate::from_ymd_opt(2008, 7, 1).unwrap();
        assert_eq!(age_on(b, NaiveDate::from_ymd_opt(2024, 6, 30).unwrap()), Some(15));
        assert_eq!(age_on(b, NaiveDate::from_ymd_opt(2024, 7, 1).unwrap()), Some(16));
        assert_eq!(age_on(b, NaiveDate::from_ymd_opt(2008, 6, 30).unwrap()), None);
    }
}
