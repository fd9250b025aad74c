//! The bytes a value's `Hash` writes, collected at a fixed width per integer so the same value
//! gives the same bytes on every target (the wasm page's 32-bit `usize` and the native CLI alike).
//! Used for the case-sheet fingerprint (`crate::fingerprint`) and a parameter value's digest
//! (`params::ParamUse::digest`).
use std::hash::{Hash, Hasher};

/// XXH3-64 of what `value` hashes.
pub fn xxh3_of(value: &impl Hash) -> u64 {
    let mut bytes = Vec::with_capacity(64);
    value.hash(&mut Feed(&mut bytes));
    xxhash_rust::xxh3::xxh3_64(&bytes)
}

/// Collects the bytes `Hash` writes, each integer little-endian at a fixed width.
pub struct Feed<'a>(pub &'a mut Vec<u8>);

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
