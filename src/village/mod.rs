//! The village assessment engine: scores, grades, classifies and ranks villages for the 乡村振兴
//! review (seed 八(二十六), 四(八)). Documented in `docs/village-assessment.md`.
//!
//! * [`system`] — the indicator system as data, and its validation.
//! * [`input`] — the village input format and the options.
//! * [`scoring`] — the scoring methods.
//! * [`assess`] — one village's assessment.
//! * [`classify`] — the 三类村庄 suggestion.
//! * [`rank`] — ranking many villages.
//! * [`county`] — the seed's county targets against the villages of a file (the county view).
pub mod assess;
pub mod classify;
pub mod county;
pub mod input;
pub mod rank;
pub mod scoring;
pub mod system;

pub use assess::{assess, assess_json, VillageAssessment};
pub use input::{VillageInput, VillageOptions};
pub use rank::{rank, rank_json, Ranking};
pub use system::IndicatorSystem;
