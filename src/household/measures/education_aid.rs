//! 雨露计划 / 家庭经济困难学生资助 — 实施意见 七(二十二)、四(十), per student:
//!
//! > 继续支持脱贫户“两后生”接受职业教育,并按规定给予相应资助 (七(二十二))
//! > 继续实施家庭经济困难学生资助政策和农村义务教育学生营养改善计划 (四(十))
//!
//! Conditions:
//! 1. 在校学生 (`members[].schooling`, any stage from 学前 to 大学);
//! 2. 雨露计划: the household is a 脱贫户 or 监测对象 (recorded — or identified by this
//!    evaluation: then **once recognised**) and the student is in 中职/技工 or 高职（专科）
//!    (national practice, docs/policy-reference.md §8, secondary); “高职/大学（未细分）” asks for the
//!    finer stage;
//! 3. 家庭经济困难学生资助: the student's household is 脱贫户, 监测对象, 低保户 or the student is a
//!    特困人员 — the groups the seed counts among 农村低收入人口 — so the student is a priority
//!    object of the school's 家庭经济困难学生 recognition. Which 资助 items and amounts follow is
//!    the education department's rule by stage; no national document for it is in the repo.
use super::{Decided, Measure};
use crate::case::{field, HouseholdType, Schooling};
use crate::decode::Choice;
use crate::error::Failure;
use crate::explain::Outcome;
use crate::household::decision::{Ctx, Decision, MemberFinding};
use crate::household::facts::{self, Open, Standing};
use crate::policy::anchor;
use crate::prose;
use crate::prose::{Prose, Sep};

pub static MEASURE: Measure = Measure {
    code: "education_aid",
    title: "雨露计划与家庭经济困难学生资助",
    per_member: true,
    clauses: &[anchor::EDUCATION_TWO_AFTER, anchor::EDUCATION_STUDENT_AID, anchor::EDUCATION_YULU_NATIONAL],
    reads: &[field::MEMBER_SCHOOLING, field::MEMBER_BIRTH_DATE, field::HOUSEHOLD_TYPE, field::STATUS_MONITORED, field::STATUS_DIBAO, field::STATUS_TEKUN],
    after: &["monitoring", "dibao", "tekun"],
    decide,
};

/// Members up to this age with no 在校情况 are asked for it (the page's form shows the field for
/// ages 3–24 for the same reason); older members are taken as not in school.
const ASK_SCHOOLING_UNTIL_AGE: u32 = 24;

/// The stronger of two standings: recorded over found over unknown over not.
pub fn either(a: Standing, b: Standing) -> Standing {
    use Standing::*;
    match (a, b) {
        (Recorded, _) | (_, Recorded) => Recorded,
        (Found, _) | (_, Found) => Found,
        (Unknown, _) | (_, Unknown) => Unknown,
        (Not, Not) => Not,
    }
}

/// The household as 脱贫户 (recorded on the case only: it is a historical status).
pub fn exited(ctx: &Ctx) -> Standing {
    match ctx.case.household_type {
        Some(HouseholdType::PovertyExited) => Standing::Recorded,
        Some(_) => Standing::Not,
        None => Standing::Unknown,
    }
}

fn decide(ctx: &Ctx, decided: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    // 学生资助 always; 雨露计划 (seed and national practice) only where a student may be in it.
    d.citations = vec![anchor::EDUCATION_STUDENT_AID.cite()];
    let mut yulu_cited = false;
    let exited = exited(ctx);
    let monitored = facts::monitored(ctx, decided);
    let yulu_group = either(exited, monitored);
    let household_group = either(yulu_group, facts::dibao(ctx, decided));
    for (i, m) in ctx.case.members.iter().enumerate() {
        let stage = match m.schooling {
            Some(s) if s.is_student() => s,
            Some(_) => continue,
            None => {
                if ctx.age(m).is_some_and(|a| a > ASK_SCHOOLING_UNTIL_AGE) {
                    continue;
                }
                let mut f = MemberFinding::new(i, m, Outcome::CannotDecide, "在校情况未填");
                f.missing = vec![ctx.missing(i, field::MEMBER_SCHOOLING)];
                d.members.push(f);
                continue;
            }
        };
        let mut f = MemberFinding::new(i, m, Outcome::CannotDecide, "");
        f.condition("student", "在校学生", Some(true), stage.label());
        // 家庭经济困难学生资助: the household's groups, or the student as 特困人员.
        let group = either(household_group, facts::tekun(ctx, decided, i));
        // Why the group is still open, and what would settle it (the upstream checks' own asks).
        let open = if group == Standing::Unknown { group_open(ctx, decided, i, exited) } else { Open::default() };
        f.condition(
            "low_income",
            "脱贫户、监测对象、低保或特困家庭",
            match group {
                Standing::Recorded => Some(true),
                Standing::Not => Some(false),
                Standing::Found | Standing::Unknown => None,
            },
            match group {
                Standing::Unknown => open.note.clone(),
                _ => group_note(ctx, decided, i, group).into(),
            },
        );
        // 雨露计划: 中职 / 高职 of a 脱贫户 or 监测对象.
        let vocational = match stage {
            Schooling::Vocational | Schooling::HigherVocational => Some(true),
            Schooling::Higher => None,
            _ => Some(false),
        };
        f.condition(
            "vocational",
            "中职或高职在读，脱贫户或监测对象家庭（雨露计划）",
            match (vocational, yulu_group) {
                (Some(false), _) | (_, Standing::Not) => Some(false),
                (Some(true), Standing::Recorded) => Some(true),
                _ => None,
            },
            match vocational {
                Some(true) => "职业教育在读",
                Some(false) => "不在中职、高职",
                None => "“高职/大学（未细分）”：请细分为高职（专科）或本科及以上",
            },
        );
        yulu_cited |= vocational != Some(false) && yulu_group != Standing::Not;
        let mut once = Vec::new();
        if vocational == Some(true) {
            match yulu_group {
                Standing::Recorded => f.grounds.push(prose!("雨露计划职业教育补助（{}）", stage.label())),
                Standing::Found => once.push("雨露计划职业教育补助"),
                _ => {}
            }
        }
        match group {
            Standing::Recorded => f.grounds.push(prose!("家庭经济困难学生资助（优先认定；{}）", stage.label())),
            Standing::Found => once.push("家庭经济困难学生资助"),
            _ => {}
        }
        if !once.is_empty() {
            f.once_recognised = Some(prose!("认定后可享受{}", once.join("、")));
        }
        // The finer stage matters only while 雨露计划 could still apply.
        let ask_stage = vocational.is_none() && yulu_group != Standing::Not;
        let grounds = Prose::join(f.grounds.clone(), Sep::Comma);
        if !f.grounds.is_empty() {
            f.outcome = Outcome::Applies;
            f.reason = match (&f.once_recognised, ask_stage) {
                (_, true) => prose!("{}；是否属雨露计划须细分学段（高职或本科）", grounds),
                (Some(o), false) => prose!("{}；{}", grounds, o.clone()),
                (None, false) => grounds,
            };
            if ask_stage {
                f.missing = vec![ctx.missing(i, field::MEMBER_SCHOOLING)];
            }
        } else if let Some(o) = f.once_recognised.clone() {
            f.outcome = Outcome::OnceRecognised;
            f.reason = prose!("本次核查符合认定条件：{}", o);
        } else if group == Standing::Unknown {
            // What would follow once the open status is settled in the household's favour.
            let aid = if vocational == Some(true) && yulu_group == Standing::Unknown {
                "家庭经济困难学生资助、雨露计划职业教育补助"
            } else {
                "家庭经济困难学生资助"
            };
            f.reason = prose!("{}；补充后如符合条件，可享受{}", open.note, aid);
            f.missing = open.asks;
        } else {
            f.outcome = Outcome::DoesNotApply;
            f.reason = prose!("{}在读，家庭非脱贫户、监测对象、低保或特困", stage.label());
        }
        d.members.push(f);
    }
    d.settle_members();
    if yulu_cited {
        d.citations.extend([anchor::EDUCATION_TWO_AFTER.cite(), anchor::EDUCATION_YULU_NATIONAL.cite()]);
    }
    let pending: Vec<Prose> = d.members.iter().filter_map(|f| f.once_recognised.as_ref().map(|o| prose!("{}{}", f.display_name(), o.clone()))).collect();
    if !pending.is_empty() {
        d.once_recognised = Some(Prose::join(pending, Sep::Semicolon));
    }
    // The card lists each student with the grounds; the household reason only sums up.
    d.reason = match d.outcome {
        Outcome::Applies => prose!("{} 名在校学生属资助对象；补助项目与标准按教育部门规定", d.members_with(Outcome::Applies).count()),
        Outcome::OnceRecognised => "本次核查识别的身份尚待认定；认定后在校学生可享受资助（见待认定）".into(),
        Outcome::CannotDecide => "在校情况或家庭身份尚未确定，无法判断（见各学生）".into(),
        Outcome::DoesNotApply if d.members.is_empty() => "家中没有在校学生".into(),
        Outcome::DoesNotApply => "在校学生的家庭非脱贫户、监测对象、低保或特困，不属按身份优先认定的资助对象".into(),
    };
    Ok(d)
}

/// Which group the student's household or the student belongs to, for the condition's note.
fn group_note(ctx: &Ctx, decided: &Decided, i: usize, group: Standing) -> &'static str {
    let s = &ctx.case.status;
    match group {
        Standing::Recorded if ctx.case.household_type == Some(HouseholdType::PovertyExited) => "脱贫户",
        Standing::Recorded if s.monitored == Some(true) => "监测对象",
        Standing::Recorded if s.dibao == Some(true) => "低保户",
        Standing::Recorded if facts::tekun(ctx, decided, i) == Standing::Recorded => "特困人员",
        Standing::Recorded => "已认定",
        Standing::Found => "本次核查识别的身份，待认定",
        Standing::Unknown => "农户类型或身份未填",
        Standing::Not => "一般农户，非监测对象、低保或特困",
    }
}

/// Why student `i`'s group is unknown: the household type left blank, or a status (监测对象, 低保,
/// 特困) neither recorded nor settled by this evaluation — with the inputs its own check needs.
fn group_open(ctx: &Ctx, decided: &Decided, i: usize, exited: Standing) -> Open {
    let household_type = Open::blank(exited != Standing::Unknown, field::HOUSEHOLD_TYPE);
    Open::merge([household_type, facts::monitored_open(ctx, decided), facts::dibao_open(ctx, decided), facts::tekun_open(ctx, decided, i)])
}
