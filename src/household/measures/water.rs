//! 饮水安全保障 — 实施意见 二(二) (监测内容)、二(三):
//!
//! > 逐步建立农村饮水安全工程“建、管、用、维”长效机制 (二(三))
//!
//! Condition: 饮水不安全 (水质不达标、水量不足、取水不便或供水不稳定) → 报水务部门及时解决.
use super::{Decided, Measure};
use crate::case::{field, Water};
use crate::decode::Choice;
use crate::error::Failure;
use crate::explain::{Missing, Outcome};
use crate::household::decision::{Ctx, Decision};
use crate::policy::anchor;
use crate::prose;

pub static MEASURE: Measure = Measure {
    code: "water",
    title: "饮水安全保障",
    per_member: false,
    clauses: &[anchor::WATER_SAFETY, anchor::MONITORING_FOCUS],
    reads: &[field::DRINKING_WATER],
    after: &[],
    decide,
};

fn decide(ctx: &Ctx, _: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = MEASURE.clauses.iter().map(|a| a.cite()).collect();
    let water = ctx.case.drinking_water;
    d.condition("unsafe_water", "饮水不安全", water.map(|w| w != Water::Safe), water.map_or("未填", |w| w.label()));
    Ok(match water {
        None => d.undecided(vec![Missing::of(field::DRINKING_WATER)], "饮水情况未填"),
        Some(Water::Safe) => d.decided(Outcome::DoesNotApply, "饮水安全，无需处置"),
        Some(w) => {
            d.category(w.code(), w.label());
            d.decided(Outcome::Applies, prose!("饮水不安全（{}），应报水务部门及时解决（维修管网、保障水源）", w.label()))
        }
    })
}
