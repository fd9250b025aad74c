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
//! digest of its id and value ([`param_digest`]), worked out once per parameter table: hashing
//! thirty ids for every household was a twentieth of an evaluation. Integers are written the same
//! way on every target, so the wasm page (32-bit `usize`) and the native CLI give the same
//! fingerprint.
use crate::case::Case;
use crate::params::ParamUse;
use std::hash::{Hash, Hasher};

/// First 12 hex digits of the XXH3-64 (big-endian, as the hash is conventionally written), over
/// the case and the [`param_digest`] of each parameter value used.
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

/// A parameter value as a fingerprint takes it in: XXH3-64 of its id and value (the value, not
/// its spelling). Worked out once when a parameter table is resolved.
pub fn param_digest(p: &ParamUse) -> u64 {
    let mut bytes = Vec::with_capacity(64);
    let mut feed = Feed(&mut bytes);
    p.id.hash(&mut feed);
    p.value.hash(&mut feed);
    xxhash_rust::xxh3::xxh3_64(&bytes)
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

/// Collects the bytes `Hash` writes, each integer little-endian at a fixed width.
struct Feed<'a>(&'a mut Vec<u8>);

impl Feed<'_> {
    fn write_small(&mut self, i: u64) {
        match u8::try_from(i) {
            Ok(b) if b < 0xFF => self.0.push(b),
            _ => {
                self.0.push(0xFF);
                self.0.extend_from_slice(&i.to_le_bytes());
            }
        }
    }
}

impl Hasher for Feed<'_> {
    fn finish(&self) -> u64 {
        0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn write_u8(&mut self, i: u8) {
        self.0.push(i);
    }

    fn write_u16(&mut self, i: u16) {
        self.0.extend_from_slice(&i.to_le_bytes());
    }

    fn write_u32(&mut self, i: u32) {
        self.0.extend_from_slice(&i.to_le_bytes());
    }

    fn write_u64(&mut self, i: u64) {
        self.0.extend_from_slice(&i.to_le_bytes());
    }

    // Lengths and enum discriminants are nearly always small: one byte for 0–254, and 0xFF
    // followed by all eight bytes otherwise (a prefix code, so no two inputs write the same
    // bytes). Option and enum tags are most of what a case writes.
    fn write_usize(&mut self, i: usize) {
        self.write_small(i as u64);
    }

    fn write_isize(&mut self, i: isize) {
        self.write_small(i as i64 as u64);
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
