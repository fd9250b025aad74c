//! 饮水安全 (二(二) 监测内容, 二(三) 农村饮水安全工程): an unsafe supply is reported for action.
use super::decision::{Ctx, Decision};
use crate::case::Water;
use crate::decode::Choice;
use crate::explain::{Missing, Outcome};
use crate::policy::anchor;
use crate::prose;

pub fn decide(d: &mut Decision, ctx: &Ctx) {
    d.start("water", "饮水安全保障");
    d.citations = smallvec::smallvec![anchor::WATER_SAFETY.cite(), anchor::MONITORING_FOCUS.cite()];
    match ctx.case.drinking_water {
        None => d.undecided(vec![Missing::new("$.drinking_water", "饮水安全")], "饮水情况未填"),
        Some(Water::Safe) => {
            d.outcome = Outcome::DoesNotApply;
            d.reason = "饮水安全，无需处置".into();
        }
        Some(w) => {
            d.outcome = Outcome::Applies;
            d.category(w.code(), w.label());
            d.reason = prose!("饮水不安全（{}），应报水务部门及时解决（维修管网、保障水源）", w.label());
        }
    }
}
