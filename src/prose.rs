//! The Chinese sentences of a result (reasons, notes, grounds, distances to a line), composed
//! when they are read or serialised rather than when a rule decides.
//!
//! A household evaluation says a dozen things, most with yuan figures in them. Formatting them all
//! eagerly was most of the cost of an evaluation, yet a batch run over a county's 台账 reads none of
//! them, and the page reads them once. So a rule states its sentence as a template and the figures
//! (`prose!("人均 {} 低于标准 {}", Yuan(pc), Yuan(standard))`); the text exists only when someone
//! asks for it (`Display`, `Serialize`). The template's `{}` count is checked against the
//! arguments at compile time.
use crate::money::Yuan;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use smallvec::SmallVec;
use std::fmt;
use std::sync::Arc;

#[doc(hidden)]
pub use smallvec::smallvec as __args;

/// A sentence's arguments: up to two are kept inline, so composing most allocates nothing.
/// (More inline slots made every sentence larger to move about than the allocations it saved.)
pub type Args = SmallVec<[Arg; 2]>;

/// A member's name as results hold it.
pub type Name = compact_str::CompactString;

/// A sentence of a result.
#[derive(Clone)]
pub enum Prose {
    Static(&'static str),
    Owned(String),
    /// A member's name (copied from the case; short names are kept inline).
    Name(Name),
    /// A template with `{}` placeholders, filled in order by the arguments.
    Composed(&'static str, Args),
}

/// A figure or phrase filling a placeholder.
#[derive(Clone)]
pub enum Arg {
    /// Money as written in reasons: `¥1,234.50`.
    Yuan(Decimal),
    /// A plain number (a multiplier, an age limit): shown as the decimal's own text.
    Number(Decimal),
    Int(i64),
    Str(&'static str),
    /// A member's name.
    Name(Name),
    Owned(Box<str>),
    /// A sentence within the sentence.
    Prose(Box<Prose>),
    /// Items joined by `、` (e.g. grounds, names). Shared: a list of names often appears in more
    /// than one sentence, and copying it meant copying every name. One variant per separator, so
    /// an `Arg` stays 24 bytes (a separator field beside the list made every sentence larger).
    JoinComma(Arc<[Prose]>),
    /// Items joined by `；`.
    JoinSemicolon(Arc<[Prose]>),
}

/// Builds a [`Prose`]: `prose!("文字")` or `prose!("… {} …", arg, …)`, every argument
/// convertible into an [`Arg`].
#[macro_export]
macro_rules! prose {
    ($t:literal) => {
        $crate::prose::Prose::Static($t)
    };
    ($t:literal, $($a:expr),+ $(,)?) => {{
        const _: () = assert!(
            $crate::prose::placeholders($t) == [$(stringify!($a)),+].len(),
            "prose!: the number of {{}} differs from the number of arguments"
        );
        $crate::prose::Prose::Composed($t, $crate::prose::__args![$($crate::prose::Arg::from($a)),+])
    }};
}

/// How many `{}` a template has (for the compile-time check in [`prose!`]).
pub const fn placeholders(t: &str) -> usize {
    let b = t.as_bytes();
    let mut i = 0;
    let mut n = 0;
    while i + 1 < b.len() {
        if b[i] == b'{' && b[i + 1] == b'}' {
            n += 1;
            i += 1;
        }
        i += 1;
    }
    n
}

/// The separators lists are joined with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sep {
    /// `、` between names, grounds and labels.
    Comma,
    /// `；` between clauses.
    Semicolon,
}

impl Sep {
    pub fn as_str(self) -> &'static str {
        match self {
            Sep::Comma => "、",
            Sep::Semicolon => "；",
        }
    }
}

impl Prose {
    /// Items joined by `sep`, as one sentence part. A single item is itself: most lists of
    /// grounds have one, and need no box. A longer list is shared, so copying the sentence is
    /// cheap.
    pub fn join(items: impl IntoIterator<Item = Prose>, sep: Sep) -> Prose {
        let mut items = items.into_iter();
        let Some(first) = items.next() else { return Prose::Static("") };
        let Some(second) = items.next() else { return first };
        let mut all = Vec::with_capacity(2 + items.size_hint().0);
        all.push(first);
        all.push(second);
        all.extend(items);
        // The items are moved into the shared list, not cloned into it.
        let all: Arc<[Prose]> = Arc::from(all);
        let arg = match sep {
            Sep::Comma => Arg::JoinComma(all),
            Sep::Semicolon => Arg::JoinSemicolon(all),
        };
        Prose::Composed("{}", smallvec::smallvec![arg])
    }

    /// Fixed labels joined by `sep` after `prefix`, into one owned string (one allocation, where
    /// collecting and joining took two).
    pub fn labels<'a>(prefix: &str, labels: impl Iterator<Item = &'a str>, sep: &str) -> Prose {
        // Room for the usual handful of four-character labels, so the string is allocated once.
        let mut out = String::with_capacity(96);
        out.push_str(prefix);
        for (i, l) in labels.enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(l);
        }
        Prose::Owned(out)
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Prose::Static(s) => s.is_empty(),
            Prose::Owned(s) => s.is_empty(),
            Prose::Name(s) => s.is_empty(),
            Prose::Composed(t, _) => t.is_empty(),
        }
    }
}

impl Default for Prose {
    fn default() -> Self {
        Prose::Static("")
    }
}

impl fmt::Display for Prose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Prose::Static(s) => f.write_str(s),
            Prose::Owned(s) => f.write_str(s),
            Prose::Name(s) => f.write_str(s),
            Prose::Composed(t, args) => {
                let mut args = args.iter();
                let mut rest = *t;
                while let Some(at) = rest.find("{}") {
                    f.write_str(&rest[..at])?;
                    if let Some(a) = args.next() {
                        a.fmt(f)?;
                    }
                    rest = &rest[at + 2..];
                }
                f.write_str(rest)
            }
        }
    }
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Yuan(x) => Yuan(*x).fmt(f),
            Arg::Number(x) => x.fmt(f),
            Arg::Int(x) => x.fmt(f),
            Arg::Str(s) => f.write_str(s),
            Arg::Name(s) => f.write_str(s),
            Arg::Owned(s) => f.write_str(s),
            Arg::Prose(p) => p.fmt(f),
            Arg::JoinComma(items) | Arg::JoinSemicolon(items) => {
                let sep = if matches!(self, Arg::JoinComma(_)) { Sep::Comma } else { Sep::Semicolon };
                for (i, p) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(sep.as_str())?;
                    }
                    p.fmt(f)?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Debug for Prose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_string(), f)
    }
}

/// Two sentences are equal when they read the same, however they were built.
impl PartialEq for Prose {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Prose::Static(a), Prose::Static(b)) => a == b,
            _ => self.to_string() == other.to_string(),
        }
    }
}

impl Eq for Prose {}

impl PartialEq<&str> for Prose {
    fn eq(&self, other: &&str) -> bool {
        // Compares piece by piece as the sentence is written, without building it.
        struct Rest<'a>(&'a str);
        impl fmt::Write for Rest<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.0 = self.0.strip_prefix(s).ok_or(fmt::Error)?;
                Ok(())
            }
        }
        let mut rest = Rest(other);
        fmt::write(&mut rest, format_args!("{self}")).is_ok() && rest.0.is_empty()
    }
}

impl Serialize for Prose {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Prose::Static(t) => s.serialize_str(t),
            Prose::Owned(t) => s.serialize_str(t),
            Prose::Name(t) => s.serialize_str(t),
            Prose::Composed(..) => s.collect_str(self),
        }
    }
}

impl From<&'static str> for Prose {
    fn from(s: &'static str) -> Self {
        Prose::Static(s)
    }
}

impl From<String> for Prose {
    fn from(s: String) -> Self {
        Prose::Owned(s)
    }
}

impl From<Yuan> for Arg {
    fn from(y: Yuan) -> Self {
        Arg::Yuan(y.0)
    }
}

impl From<Decimal> for Arg {
    fn from(x: Decimal) -> Self {
        Arg::Number(x)
    }
}

impl From<&'static str> for Arg {
    fn from(s: &'static str) -> Self {
        Arg::Str(s)
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Owned(s.into_boxed_str())
    }
}

impl From<Prose> for Arg {
    fn from(p: Prose) -> Self {
        match p {
            Prose::Static(s) => Arg::Str(s),
            Prose::Owned(s) => Arg::Owned(s.into_boxed_str()),
            Prose::Name(s) => Arg::Name(s),
            // A single list ("{}" with one join) needs no box of its own.
            Prose::Composed("{}", mut args) if args.len() == 1 => args.pop().unwrap_or(Arg::Str("")),
            composed => Arg::Prose(Box::new(composed)),
        }
    }
}

macro_rules! int_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(x: $t) -> Self {
                Arg::Int(x as i64)
            }
        }
    )*};
}
int_args!(u8, u16, u32, i32, i64);

impl From<usize> for Arg {
    fn from(x: usize) -> Self {
        Arg::Int(i64::try_from(x).unwrap_or(i64::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn a_composed_sentence_reads_like_the_formatted_one() {
        let p = prose!("人均 {} 低于标准 {}，{} 人", Yuan(d("4688")), Yuan(d("5000.5")), 3u32);
        assert_eq!(p.to_string(), "人均 ¥4,688 低于标准 ¥5,000.50，3 人");
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"人均 ¥4,688 低于标准 ¥5,000.50，3 人\"");
    }

    #[test]
    fn lists_join_and_equality_compares_the_text() {
        let list = Prose::join(vec![prose!("低保对象"), Prose::Owned("重度残疾人".into())], Sep::Comma);
        let p = prose!("{}，已参保", list);
        assert_eq!(p, Prose::Static("低保对象、重度残疾人，已参保"));
        assert!(p == "低保对象、重度残疾人，已参保" && p != "低保对象" && p != "低保对象、重度残疾人，已参保。");
        assert_eq!(placeholders("{} 和 {}"), 2);
        assert_eq!(placeholders("没有"), 0);
    }
}
