//! The fingerprint printed on a case sheet: a short hash of the case as the engine read it, the
//! parameter values it used and the engine version, so a reviewer who re-enters the sheet can
//! tell whether it rests on the same facts and rules.
//!
//! The case is fed through its `Hash` (values, not their spelling: `1200` and `1200.00`
//! are the same amount) into XXH3-64 (twelve hex digits show 48 of its bits). Walking the case
//! this way writes no text and allocates nothing per field; it was a third of an evaluation's
//! time when the case was serialised to JSON first. Amounts go in as one write each
//! ([`hash_amount`]), and a member's or status's yes/no and choice fields as one write together
//! ([`yes_no`], [`pick`]). The hash tells sheets apart; it is not a seal (twelve hex digits are
//! 48 bits, which anyone can collide), so a cryptographic hash bought nothing: SHA-256 of the
//! ~1 KB a case writes was a tenth of an evaluation. Each parameter value used goes in as a 64-bit
//! digest of its id and value (`params::ParamUse::digest`), worked out once per parameter table: hashing
//! thirty ids for every household was a twentieth of an evaluation. Integers are written the same
//! way on every target, so the wasm page (32-bit `usize`) and the native CLI give the same
//! fingerprint.
//!
//! It sits above the case and the parameters: it reads both, neither knows of it.
use crate::case::{Assets, Case, Expenses, Incomes, Member, Status};
use crate::digest::Feed;
use std::hash::{Hash, Hasher};

/// First 12 hex digits of the XXH3-64 (big-endian, as the hash is conventionally written), over
/// the case and the digest of each parameter value used (`params::ParamUse::digest`).
pub fn fingerprint(case: &Case, used: impl IntoIterator<Item = u64>) -> Fingerprint {
    thread_local!(static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) });
    BUF.with_borrow_mut(|buf| {
        buf.clear();
        let mut feed = Feed(buf);
        case.hash(&mut feed);
        for digest in used {
            feed.write_u64(digest);
        }
        crate::ENGINE_VERSION.hash(&mut feed);
        let digest = xxhash_rust::xxh3::xxh3_64(&feed.0[..]).to_be_bytes();
        let mut hex = [0u8; 12];
        for (pair, b) in hex.chunks_exact_mut(2).zip(digest) {
            pair[0] = HEX[usize::from(b >> 4)];
            pair[1] = HEX[usize::from(b & 0xF)];
        }
        Fingerprint(hex)
    })
}

/// An amount as a fingerprint takes it in, in one write: a presence byte, then the value's
/// sixteen bytes with trailing zeros stripped (`1200` and `1200.00` are the same amount).
/// `Decimal`'s own `Hash` writes the same value in four pieces; amounts are most of a case.
pub fn hash_amount<H: Hasher>(x: Option<rust_decimal::Decimal>, state: &mut H) {
    let mut bytes = [0u8; 17];
    if let Some(x) = x {
        bytes[0] = 1;
        bytes[1..].copy_from_slice(&x.normalize().serialize());
    }
    state.write(&bytes);
}

/// A yes/no answer as a fingerprint takes it in, one byte: 0 unknown, 1 no, 2 yes. The case's
/// `Hash` impls write a struct's answers together in one write.
pub fn yes_no(b: &Option<bool>) -> u8 {
    b.map_or(0, |b| 1 + u8::from(b))
}

/// A choice as one byte: 0 unknown, else 1 + its position.
pub fn pick<T: Copy>(c: &Option<T>, position: impl Fn(T) -> u8) -> u8 {
    c.map_or(0, |c| position(c).saturating_add(1))
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Twelve lower-case hex digits, kept inline (a result is built for every household of a batch).
/// Serialised as a string.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint([u8; 12]);

impl Fingerprint {
    pub fn as_str(&self) -> &str {
        // Only ASCII hex digits are ever stored.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl PartialEq<&str> for Fingerprint {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl serde::Serialize for Fingerprint {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// For the case-sheet fingerprint: yes/no and choice fields packed into one write, as for
/// [`Member`]; destructured in full so a new field cannot be left out.
impl std::hash::Hash for Status {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let Status {
            dibao,
            dibao_class,
            tekun,
            tekun_dispersed,
            monitored,
            monitored_since,
            monitoring_type,
            measures_taken,
            returned_to_poverty,
            income_stable_months,
            original_risk_eliminated,
            new_risk,
            relocated,
        } = self;
        monitored_since.hash(state);
        measures_taken.hash(state);
        income_stable_months.hash(state);
        state.write(&[
            yes_no(dibao),
            pick(dibao_class, |x| x as u8),
            yes_no(tekun),
            yes_no(tekun_dispersed),
            yes_no(monitored),
            pick(monitoring_type, |x| x as u8),
            yes_no(returned_to_poverty),
            yes_no(original_risk_eliminated),
            yes_no(new_risk),
            yes_no(relocated),
        ]);
    }
}

impl std::hash::Hash for Expenses {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let Expenses { education, disability_rehab, disaster_loss, accident_loss } = self;
        for x in [education, disability_rehab, disaster_loss, accident_loss] {
            hash_amount(*x, state);
        }
    }
}

impl std::hash::Hash for Assets {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let Assets { deposits, vehicles, other_houses, within_dibao_rules } = self;
        hash_amount(*deposits, state);
        vehicles.hash(state);
        state.write(&[yes_no(other_houses), yes_no(within_dibao_rules)]);
    }
}

/// For the case-sheet fingerprint (`crate::fingerprint`). The dozen yes/no and choice
/// fields go in as one byte each in a single write (0 unknown, else 1 + the answer's position):
/// written field by field they were a third of the fingerprint's time.
impl std::hash::Hash for Member {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Destructured in full, so a new field does not compile until it is hashed here.
        let Member {
            name,
            relation,
            id_number,
            birth_date,
            sex,
            labour,
            has_disability,
            disability,
            serious_illness,
            chronic_illness,
            schooling,
            out_of_school_reason,
            medical_insurance,
            pension_insurance,
            family_planning_two_certificates,
            working_away,
            orphan,
            supporter,
            medical_out_of_pocket,
            own_income,
        } = self;
        name.hash(state);
        id_number.hash(state);
        birth_date.hash(state);
        hash_amount(*medical_out_of_pocket, state);
        hash_amount(*own_income, state);
        let kind = disability.and_then(|d| d.kind);
        // Grades are validated to 1–4, far from the byte's limit.
        let grade = disability.and_then(|d| d.grade);
        state.write(&[
            pick(relation, |x| x as u8),
            pick(sex, |x| x as u8),
            pick(labour, |x| x as u8),
            yes_no(has_disability),
            u8::from(disability.is_some()),
            pick(&kind, |x| x as u8),
            pick(&grade, |x| x),
            yes_no(serious_illness),
            yes_no(chronic_illness),
            pick(schooling, |x| x as u8),
            pick(out_of_school_reason, |x| x as u8),
            yes_no(medical_insurance),
            yes_no(pension_insurance),
            yes_no(family_planning_two_certificates),
            yes_no(working_away),
            yes_no(orphan),
            pick(supporter, |x| x as u8),
        ]);
    }
}

/// For the case-sheet fingerprint: each item's amount in form order, one write each
/// ([`hash_amount`]).
impl std::hash::Hash for Incomes {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for amount in self.amounts() {
            hash_amount(*amount, state);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(income: &str) -> Case {
        let text = format!(r#"{{"schema":"jingning.household/1","assessment_date":"2024-06-30","members":[{{"name":"甲"}}],"incomes":{{"wage":{income}}}}}"#);
        crate::case::from_json(&text).unwrap()
    }

    #[test]
    fn the_same_amount_however_written_gives_the_same_fingerprint() {
        assert_eq!(fingerprint(&case("\"1200\""), []), fingerprint(&case("\"1200.00\""), []));
        assert_eq!(fingerprint(&case("1200"), []), fingerprint(&case("\"1200\""), []));
        assert_ne!(fingerprint(&case("\"1200\""), []), fingerprint(&case("\"1200.01\""), []));
        let f = fingerprint(&case("1"), []).to_string();
        assert_eq!(f.len(), 12);
        assert!(f.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)), "{f}");
    }
}
