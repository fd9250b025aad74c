//! 农村危房改造 — 实施意见 二(三)、四(十):
//!
//! > 通过农村危房改造等多种方式保障低保户、分散供养特困人员、易返贫致贫人口等农村低收入人口住房安全 (二(三))
//!
//! Conditions:
//! 1. 住房为 C 级或 D 级危房;
//! 2. 重点对象 (come first): 低保户, 分散供养特困人员, 易返贫致贫人口 (监测对象、返贫致贫人口).
//!    A group the case records makes the household a priority object now; one that this
//!    evaluation finds (低保, 特困, a monitoring type) makes it one **once recognised**.
use super::{Decided, Measure};
use crate::case::{field, Housing};
use crate::decode::Choice;
use crate::error::Failure;
use crate::explain::{Missing, Outcome};
use crate::household::decision::{Ctx, Decision};
use crate::household::facts::{self, Standing};
use crate::policy::anchor;
use crate::prose;
use crate::prose::Prose;

pub static MEASURE: Measure = Measure {
    code: "housing",
    title: "农村危房改造",
    per_member: false,
    clauses: &[anchor::HOUSING_PRIORITY, anchor::HOUSING_RENOVATION],
    reads: &[
        field::HOUSING,
        field::STATUS_DIBAO,
        field::STATUS_TEKUN,
        field::STATUS_TEKUN_DISPERSED,
        field::STATUS_MONITORED,
        field::STATUS_RETURNED_TO_POVERTY,
    ],
    after: &["dibao", "tekun", "monitoring"],
    decide,
};

fn decide(ctx: &Ctx, decided: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = MEASURE.clauses.iter().map(|a| a.cite()).collect();
    let Some(h) = ctx.case.housing else {
        d.condition("unsafe_house", "住房为C级或D级危房", None, "住房安全等级未填");
        return Ok(d.undecided(vec![Missing::of(field::HOUSING)], "住房安全等级未填"));
    };
    d.condition("unsafe_house", "住房为C级或D级危房", Some(h != Housing::Safe), h.label());
    if h == Housing::Safe {
        return Ok(d.decided(Outcome::DoesNotApply, "住房安全，无需改造"));
    }
    let s = &ctx.case.status;
    let (mut now, mut found): (Vec<&'static str>, Vec<&'static str>) = (Vec::new(), Vec::new());
    let mut sort = |standing: Standing, label: &'static str| match standing {
        Standing::Recorded => now.push(label),
        Standing::Found => found.push(label),
        Standing::Not | Standing::Unknown => {}
    };
    sort(facts::dibao(ctx, decided), "低保户");
    // 集中供养 特困人员 are housed by the institution: only 分散供养 ones are named.
    if s.tekun_dispersed != Some(false) {
        let tekun = (0..ctx.case.members.len()).map(|i| facts::tekun(ctx, decided, i));
        let standing = tekun.fold(Standing::Not, |acc, t| match (acc, t) {
            (Standing::Recorded, _) | (_, Standing::Recorded) => Standing::Recorded,
            (Standing::Found, _) | (_, Standing::Found) => Standing::Found,
            _ => Standing::Not,
        });
        sort(standing, "分散供养特困人员");
    }
    let monitored = if s.returned_to_poverty == Some(true) { Standing::Recorded } else { facts::monitored(ctx, decided) };
    sort(monitored, "易返贫致贫人口");
    let work = if h == Housing::GradeD { "D级危房，一般拆除重建" } else { "C级危房，一般修缮加固" };
    for g in &now {
        d.finding("priority_ground", g, Some(true), "二(三)点名的重点对象");
    }
    for g in &found {
        d.finding("priority_ground_found", g, None, "本次核查符合认定条件，待认定");
    }
    d.condition(
        "priority_group",
        "属重点对象（低保户、分散供养特困人员、易返贫致贫人口）",
        if now.is_empty() { None } else { Some(true) },
        match (now.is_empty(), found.is_empty()) {
            (false, _) => Prose::labels("", now.iter().copied(), "、"),
            (true, false) => prose!("本次核查符合{}条件，待认定", Prose::labels("", found.iter().copied(), "、")),
            (true, true) => prose!("不属重点对象"),
        },
    );
    let once = (!found.is_empty()).then(|| prose!("认定为{}后，为危房改造重点对象，应优先保障", Prose::labels("", found.iter().copied(), "、")));
    if !now.is_empty() {
        d.category("priority", "重点对象（优先）");
        d.once_recognised = once;
        let reason = prose!("{}：{}；属{}，为危房改造重点对象，应优先保障", h.label(), work, Prose::labels("", now.iter().copied(), "、"));
        return Ok(d.decided(Outcome::Applies, reason));
    }
    // Every C/D house is renovated; a priority recognised later moves it up the queue.
    d.category("general", "一般对象");
    let reason = match &once {
        Some(o) => prose!("{}：{}，应纳入农村危房改造；{}", h.label(), work, o.clone()),
        None => prose!("{}：{}，应纳入农村危房改造", h.label(), work),
    };
    d.once_recognised = once;
    Ok(d.decided(Outcome::Applies, reason))
}
