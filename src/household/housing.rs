//! 农村危房改造 (二(三), 四(十)): a C or D grade house needs renovation; 低保户, 分散供养特困人员 and
//! 易返贫致贫人口 are the named 重点对象 and come first.
use super::decision::{Ctx, Decision};
use crate::case::Housing;
use crate::decode::Choice;
use crate::explain::{Missing, Outcome};
use crate::policy::anchor;
use crate::prose;

/// `monitoring_applies`: this evaluation identifies the household as a monitoring object.
pub fn decide(d: &mut Decision, ctx: &Ctx, monitoring_applies: bool) {
    d.start("housing", "农村危房改造");
    d.citations = smallvec::smallvec![anchor::HOUSING_PRIORITY.cite(), anchor::HOUSING_RENOVATION.cite()];
    let Some(h) = ctx.case.housing else {
        return d.undecided(vec![Missing::new("$.housing", "住房安全")], "住房安全等级未填");
    };
    if h == Housing::Safe {
        d.outcome = Outcome::DoesNotApply;
        d.reason = "住房安全，无需改造".into();
        return;
    }
    let s = &ctx.case.status;
    let mut grounds: smallvec::SmallVec<[&'static str; 3]> = smallvec::SmallVec::new();
    if s.dibao == Some(true) {
        grounds.push("低保户");
    }
    if s.tekun == Some(true) && s.tekun_dispersed != Some(false) {
        grounds.push("分散供养特困人员");
    }
    if s.monitored == Some(true) || s.returned_to_poverty == Some(true) || monitoring_applies {
        grounds.push("易返贫致贫人口");
    }
    let work = if h == Housing::GradeD { "D级危房，一般拆除重建" } else { "C级危房，一般修缮加固" };
    d.outcome = Outcome::Applies;
    if grounds.is_empty() {
        d.category("general", "一般对象");
        d.reason = prose!("{}：{}，应纳入农村危房改造", h.label(), work);
    } else {
        d.category("priority", "重点对象（优先）");
        for g in &grounds {
            d.finding("priority_ground", g, Some(true), "二(三)点名的重点对象");
        }
        d.reason = prose!("{}：{}；属{}，为危房改造重点对象，应优先保障", h.label(), work, crate::prose::Prose::labels("", grounds.iter().copied(), "、"));
    }
}
