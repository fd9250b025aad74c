//! 控辍保学 — 实施意见 二(三), per member of compulsory-school age (`schooling.compulsory_age_*`):
//!
//! > 确保除身体原因不具备学习条件外义务教育阶段适龄儿童少年不失学辍学
//!
//! Condition: 义务教育适龄儿童少年失学辍学, unless 身体原因不具备学习条件 (then 送教上门) →
//! 劝返复学. A child of that age recorded as 学龄前或非在校 or 已毕业/不在校 is not in school either
//! (never enrolled, or left early): flagged for checking, not counted as 在校.
use super::{Decided, Measure};
use crate::case::{field, OutOfSchoolReason, Schooling};
use crate::decode::Choice;
use crate::error::Failure;
use crate::explain::Outcome;
use crate::household::decision::{Ctx, Decision, MemberFinding};
use crate::policy::anchor;
use crate::prose;

pub static MEASURE: Measure = Measure {
    code: "schooling",
    title: "控辍保学",
    per_member: true,
    clauses: &[anchor::SCHOOLING_DROPOUT],
    reads: &[field::MEMBER_BIRTH_DATE, field::MEMBER_SCHOOLING, field::MEMBER_OUT_OF_SCHOOL_REASON],
    after: &[],
    decide,
};

fn decide(ctx: &Ctx, _: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = MEASURE.clauses.iter().map(|a| a.cite()).collect();
    let (from, until) = ctx.school_ages;
    for (i, m) in ctx.case.members.iter().enumerate() {
        let Some(age) = ctx.age(m) else {
            if m.schooling == Some(Schooling::OutOfSchool) {
                let mut f = MemberFinding::new(i, m, Outcome::CannotDecide, "失学辍学，但年龄未知");
                f.missing = vec![ctx.missing(i, field::MEMBER_BIRTH_DATE)];
                d.members.push(f);
            }
            continue;
        };
        if age < from || age >= until {
            continue;
        }
        let f = match (m.schooling, m.out_of_school_reason) {
            (None, _) => {
                let mut f = MemberFinding::new(i, m, Outcome::CannotDecide, prose!("{} 岁，义务教育适龄，在校情况未填", age));
                f.missing = vec![ctx.missing(i, field::MEMBER_SCHOOLING)];
                f
            }
            (Some(Schooling::OutOfSchool), Some(OutOfSchoolReason::Health)) => {
                let mut f = MemberFinding::new(i, m, Outcome::DoesNotApply, prose!("{} 岁，因身体原因不具备学习条件，可送教上门", age));
                f.grounds.push(OutOfSchoolReason::Health.label().into());
                f
            }
            (Some(Schooling::OutOfSchool), None) => {
                let mut f = MemberFinding::new(i, m, Outcome::Applies, prose!("{} 岁，义务教育阶段失学辍学（原因未填），应劝返复学", age));
                f.grounds.push("失学辍学".into());
                f.missing = vec![ctx.missing(i, field::MEMBER_OUT_OF_SCHOOL_REASON)];
                f
            }
            (Some(Schooling::OutOfSchool), Some(r)) => {
                let mut f = MemberFinding::new(i, m, Outcome::Applies, prose!("{} 岁，义务教育阶段失学辍学（{}），应落实“五长”责任劝返复学", age, r.label()));
                f.grounds.push(prose!("失学辍学（{}）", r.label()));
                f
            }
            // Not enrolled at an age the law requires school: never enrolled, or left early.
            (Some(s @ (Schooling::NotSchoolAge | Schooling::Finished)), _) => {
                let mut f = MemberFinding::new(
                    i,
                    m,
                    Outcome::Applies,
                    prose!("{} 岁，义务教育适龄，但在校情况为“{}”：未入学或过早离校，应核实并劝返入学", age, s.label()),
                );
                f.grounds.push(prose!("适龄未在校（{}）", s.label()));
                f
            }
            (Some(s), _) => MemberFinding::new(i, m, Outcome::DoesNotApply, prose!("{} 岁，{}", age, s.label())),
        };
        d.members.push(f);
    }
    d.settle_members();
    d.condition(
        "dropout",
        "义务教育适龄儿童少年失学辍学",
        match d.outcome {
            Outcome::Applies => Some(true),
            Outcome::DoesNotApply => Some(false),
            _ => None,
        },
        prose!("适龄 {}–{} 岁", from, until.saturating_sub(1)),
    );
    d.reason = match d.outcome {
        Outcome::Applies => "有义务教育适龄儿童少年失学辍学或未在校，应核实并劝返复学".into(),
        Outcome::DoesNotApply if d.members.is_empty() => "家中没有义务教育适龄儿童少年".into(),
        Outcome::DoesNotApply => "义务教育适龄儿童少年均在校（或因身体原因送教上门）".into(),
        Outcome::CannotDecide | Outcome::OnceRecognised => "部分适龄成员在校情况未填".into(),
    };
    Ok(d)
}
