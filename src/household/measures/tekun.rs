//! 农村特困人员救助供养 — 实施意见 五(十二)、五(十五), per member:
//!
//! > 完善农村特困人员救助供养和残疾儿童康复救助等制度 (五(十二))
//!
//! The conditions come from 《特困人员认定办法》(民发〔2021〕43号, docs/policy-reference.md §3):
//! 1. 无劳动能力: 年满 60 周岁 (`tekun.age_elderly`), 未满 16 周岁 (`tekun.age_minor`), or a
//!    disability grade within the 办法's limits (`tekun.max_grade_*`);
//! 2. 无生活来源: the person's **own** income (民发〔2021〕43号: not counting 基础养老金, 基本医保等
//!    社会保险, 优待抚恤金, 高龄津贴) below the 低保 standard, and property within the rules — not
//!    the household's 低保 per-capita income. A one-person household's own income is its net income
//!    less 基础养老金 and 优待抚恤金 when not given;
//! 3. 无法定赡养、抚养、扶养义务人, or 义务人无履行义务能力.
//!
//! Minors (民发〔2021〕43号, in force 2021-07-01): a minor already supported as 特困 keeps the support
//! to 18 (`tekun.minor_support_until_age`), and beyond while in full-time education — in place of
//! condition 1 once the member is past the 无劳动能力 age.
//!
//! An orphan under the minor age goes to 孤儿保障 instead. A person supported as 特困 is not also
//! counted for 低保: the 低保 decision reads this one (特困优先).
use super::{Decided, Measure};
use crate::case::{field, DisabilityKind, Member, Schooling, Supporter};
use crate::error::Failure;
use crate::explain::{Comparison, Missing, Outcome, Threshold};
use crate::household::decision::{disability_parts, Ctx, Decision, MemberFinding};
use crate::household::income::IncomeItem;
use crate::money::{self, Yuan};
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use crate::prose::{Prose, Sep};
use rust_decimal::Decimal;

pub static MEASURE: Measure = Measure {
    code: "tekun",
    title: "农村特困人员救助供养",
    per_member: true,
    clauses: &[anchor::BOTTOM_LINE_NO_LABOUR, anchor::TEKUN_SUPPORT],
    reads: &[
        field::MEMBER_BIRTH_DATE,
        field::MEMBER_HAS_DISABILITY,
        field::MEMBER_DISABILITY,
        field::MEMBER_ORPHAN,
        field::MEMBER_SUPPORTER,
        field::MEMBER_OWN_INCOME,
        field::MEMBER_SCHOOLING,
        field::INCOMES,
        field::ASSETS_WITHIN_DIBAO_RULES,
        field::STATUS_TEKUN,
    ],
    after: &[],
    decide,
};

/// The 特困 age limits, read once per household.
struct Ages {
    elderly: Decimal,
    minor: Decimal,
    /// 43号's continued support for minors (none before 2021-07-01).
    support_until: Option<Decimal>,
}

/// The 43号 continuation for a member past the minor age in a household recorded as 特困供养户:
/// `Some(ground)` when it applies (to 18, or beyond while in full-time education); asks for the
/// schooling when that decides it.
fn continued_as_minor(ctx: &Ctx, m: &Member, i: usize, ages: &Ages, missing: &mut Vec<Missing>) -> Option<(Prose, bool)> {
    let until = ages.support_until?;
    let age = Decimal::from(ctx.age(m)?);
    if ctx.case.status.tekun != Some(true) || age < ages.minor {
        return None;
    }
    if age < until {
        return Some((prose!("已纳入特困的未成年人（未满 {} 周岁），继续享有救助供养待遇", until), false));
    }
    match m.schooling {
        // Any full-time 学历教育 from primary school up (the split 高职/本科 as well as the older 高职/大学).
        Some(s) if s.is_student() && s != Schooling::Preschool => Some((
            prose!("年满 {} 周岁仍在接受全日制学历教育（{}），继续享有救助供养待遇", until, m.schooling.map_or("", |s| crate::decode::Choice::label(s))),
            true,
        )),
        None if age < until + Decimal::from(7) => {
            missing.push(ctx.missing(i, field::MEMBER_SCHOOLING));
            None
        }
        _ => None,
    }
}

/// The member's own income as 无生活来源 tests it: given, or for a one-person household its net
/// income less the items 43号 leaves out that the ledger has (基础养老金, 优待抚恤金).
fn own_income(ctx: &Ctx, m: &Member) -> Result<Option<(Decimal, &'static str)>, Failure> {
    if let Some(x) = m.own_income {
        return Ok(Some((x, "本人收入")));
    }
    match (&ctx.ledger, &ctx.case.incomes) {
        (Some(l), Some(inc)) if ctx.case.members.len() == 1 => {
            let left_out =
                money::add(inc.get(IncomeItem::BasicPension).unwrap_or_default(), inc.get(IncomeItem::SpecialCare).unwrap_or_default(), "特困不计入的收入")?;
            Ok(Some((money::sub(l.total_net, left_out, "本人收入")?, "单人户家庭纯收入（不计基础养老金、优待抚恤金）")))
        }
        _ => Ok(None),
    }
}

/// Condition 1, 无劳动能力, as the member's ground (`无劳动能力（年满 60 周岁）`): `Ok(None)` when
/// the member is known able to work; the inputs still needed go to `missing`.
fn unable_to_work(ctx: &Ctx, m: &Member, i: usize, ages: &Ages, missing: &mut Vec<Missing>) -> Result<Option<Prose>, Failure> {
    match ctx.age(m).map(Decimal::from) {
        Some(a) if a >= ages.elderly => return Ok(Some(prose!("无劳动能力（年满 {} 周岁）", ages.elderly))),
        Some(a) if a < ages.minor => return Ok(Some(prose!("无劳动能力（未满 {} 周岁）", ages.minor))),
        Some(_) => {}
        None => missing.push(ctx.missing(i, field::MEMBER_BIRTH_DATE)),
    }
    if m.has_disability == Some(false) {
        return Ok(None);
    }
    let (Some(kind), Some(grade)) = (m.disability.and_then(|d| d.kind), m.disability.and_then(|d| d.grade)) else {
        missing.push(ctx.missing(i, if m.has_disability.is_none() { field::MEMBER_HAS_DISABILITY } else { field::MEMBER_DISABILITY }));
        return Ok(None);
    };
    let max = match kind {
        DisabilityKind::Intellectual | DisabilityKind::Mental => ctx.scope.get(param::TEKUN_MAX_GRADE_INTELLECTUAL_MENTAL)?,
        DisabilityKind::Physical | DisabilityKind::Multiple => ctx.scope.get(param::TEKUN_MAX_GRADE_PHYSICAL)?,
        DisabilityKind::Visual => ctx.scope.get(param::TEKUN_MAX_GRADE_VISUAL)?,
        DisabilityKind::Hearing | DisabilityKind::Speech => Decimal::ZERO,
    };
    if Decimal::from(grade) <= max {
        let (kind, grade) = disability_parts(m);
        Ok(Some(prose!("无劳动能力（{}{}）", kind, grade)))
    } else {
        Ok(None)
    }
}

/// 民发〔2021〕43号 took effect on this day.
const MINORS_RULE_FROM: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2021, 7, 1) {
    Some(d) => d,
    None => chrono::NaiveDate::MIN,
};

fn decide(ctx: &Ctx, _: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = MEASURE.clauses.iter().map(|a| a.cite()).collect();
    let standard = ctx.scope.get(param::DIBAO_STANDARD_ANNUAL)?;
    d.figure("农村低保标准（无生活来源）", standard, "元/人·年");
    let (elderly, minor) = (ctx.scope.get(param::TEKUN_AGE_ELDERLY)?, ctx.scope.get(param::TEKUN_AGE_MINOR)?);
    // Read only where it can matter (a 特困供养户 with a member past the minor age), so other
    // households' results do not name it; in force from 2021-07-01, no continuation before.
    let may_continue = ctx.case.status.tekun == Some(true)
        && ctx.case.members.iter().any(|m| ctx.age(m).is_some_and(|a| Decimal::from(a) >= minor && Decimal::from(a) < elderly));
    let support_until = if may_continue && ctx.scope.date() >= MINORS_RULE_FROM { Some(ctx.scope.get(param::TEKUN_MINOR_SUPPORT_UNTIL_AGE)?) } else { None };
    let ages = Ages { elderly, minor, support_until };
    let (mut cited_to_18, mut cited_in_school) = (false, false);
    let recorded = ctx.case.status.tekun == Some(true);
    for (i, m) in ctx.case.members.iter().enumerate() {
        if m.orphan == Some(true) && ctx.age(m).is_some_and(|a| Decimal::from(a) < ages.minor) {
            d.members.push(MemberFinding::new(i, m, Outcome::DoesNotApply, "未满特困年龄下限的孤儿纳入孤儿保障，不认定为特困人员"));
            continue;
        }
        let mut missing = Vec::new();
        let mut unable = unable_to_work(ctx, m, i, &ages, &mut missing)?;
        // Past the 无劳动能力 ages, a minor already supported keeps the support (43号).
        let mut continued = false;
        if unable.is_none() && ctx.age(m).is_some_and(|a| Decimal::from(a) >= ages.minor && Decimal::from(a) < ages.elderly) {
            if let Some((ground, in_school)) = continued_as_minor(ctx, m, i, &ages, &mut missing) {
                missing.clear();
                unable = Some(ground);
                continued = true;
                cited_to_18 = true;
                cited_in_school |= in_school;
            }
        }
        let can_work = unable.is_none() && missing.is_empty();
        // Condition 2, 无生活来源: the person's own income below the 低保 standard and property
        // within the rules.
        let own = own_income(ctx, m)?;
        let no_income = match (own.map(|(x, _)| x < standard), ctx.case.assets.within_dibao_rules) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (Some(true), Some(true)) => Some(true),
            _ => None,
        };
        if let Some((x, _)) = own {
            d.thresholds.push(Threshold::money("本人年收入（无生活来源）", "元/人·年", x, standard, Comparison::Below));
        }
        let supporter = match m.supporter {
            Some(Supporter::NoneExists | Supporter::Unable) => Some(true),
            Some(Supporter::Able) => Some(false),
            None => None,
        };
        let mut f = MemberFinding::new(i, m, Outcome::CannotDecide, "");
        f.condition(
            if continued { "minor_continued" } else { "unable_to_work" },
            if continued { "未成年人延续救助供养（民发〔2021〕43号）" } else { "无劳动能力" },
            if can_work { Some(false) } else { unable.as_ref().map(|_| true) },
            match &unable {
                Some(g) => g.clone(),
                None if can_work => "有劳动能力（年龄、残疾不符）".into(),
                None => "年龄或残疾情况未填".into(),
            },
        );
        f.condition(
            "no_income",
            "无生活来源",
            no_income,
            match (no_income, own) {
                (Some(true), Some((x, what))) => prose!("{} {} 低于低保标准 {}，且财产符合规定", what, Yuan(x), Yuan(standard)),
                (Some(false), Some((x, what))) if x >= standard => prose!("有生活来源：{} {} 不低于低保标准 {}", what, Yuan(x), Yuan(standard)),
                (Some(false), _) => Prose::from("有生活来源（财产状况不符合规定）"),
                (_, None) => Prose::from("本人收入未填"),
                (None, Some(_)) => Prose::from("财产状况未填"),
            },
        );
        f.condition(
            "no_supporter",
            "无法定义务人或义务人无履行能力",
            supporter,
            match supporter {
                Some(true) => Prose::from("无法定义务人或其无履行能力"),
                Some(false) => Prose::from("有具备履行能力的法定义务人"),
                None => Prose::from("法定义务人情况未填"),
            },
        );
        f.grounds.extend(unable);
        if no_income == Some(true) {
            f.grounds.push("无生活来源".into());
        }
        if supporter == Some(true) {
            f.grounds.push("无法定义务人或义务人无履行能力".into());
        }
        let unmet: Vec<Prose> = f.conditions.iter().filter(|c| c.met == Some(false)).map(|c| c.note.clone()).collect();
        if !unmet.is_empty() {
            f.outcome = Outcome::DoesNotApply;
            f.reason = Prose::join(unmet, Sep::Semicolon);
        } else if f.conditions.iter().all(|c| c.met == Some(true)) {
            f.outcome = Outcome::Applies;
            let now = if recorded { "现为特困供养户" } else { "可认定为特困人员" };
            f.reason = prose!("{}，{}；特困优先于低保，不重复纳入低保", Prose::join(f.grounds.clone(), Sep::Comma), now);
        } else {
            if no_income.is_none() {
                // A person's own income is asked once the supporter question leaves them a
                // candidate: most members have an able supporter, and one answer settles it.
                if own.is_none() && supporter.is_some() {
                    missing.push(if ctx.case.members.len() == 1 && ctx.case.incomes.is_none() {
                        Ctx::incomes_missing()
                    } else {
                        ctx.missing(i, field::MEMBER_OWN_INCOME)
                    });
                }
                if ctx.case.assets.within_dibao_rules.is_none() {
                    missing.push(Missing::of(field::ASSETS_WITHIN_DIBAO_RULES));
                }
            }
            if supporter.is_none() {
                missing.push(ctx.missing(i, field::MEMBER_SUPPORTER));
            }
            f.reason = "部分条件未知".into();
            f.missing = missing;
        }
        d.members.push(f);
    }
    // 43号's own-income test is cited where it took part: some member not ruled out otherwise, or
    // an own income known.
    if d.members.iter().any(|f| f.outcome != Outcome::DoesNotApply || f.conditions.iter().any(|c| c.code == "no_income" && c.met.is_some())) {
        d.citations.push(anchor::TEKUN_NO_INCOME_OWN.cite());
        d.citations.push(anchor::TEKUN_NO_INCOME_EXCLUSIONS.cite());
    }
    if cited_to_18 {
        d.citations.push(anchor::TEKUN_MINOR_TO_18.cite());
    }
    if cited_in_school {
        d.citations.push(anchor::TEKUN_MINOR_IN_SCHOOL.cite());
    }
    d.settle_members();
    // A minor kept on under 43号 is named as such: the three conditions were met when recognised.
    let who: Vec<Prose> = d
        .members_with(Outcome::Applies)
        .map(|f| {
            if f.conditions.iter().any(|c| c.code == "minor_continued") {
                prose!("{}（未成年人延续救助供养）", f.display_name())
            } else {
                f.display_name()
            }
        })
        .collect();
    d.reason = match d.outcome {
        Outcome::Applies => prose!("符合特困人员认定条件（无劳动能力、无生活来源、无法定义务人或其无履行能力）：{}", Prose::join(who, Sep::Comma)),
        Outcome::DoesNotApply => "没有成员同时满足无劳动能力、无生活来源、无有能力的法定义务人三项条件".into(),
        Outcome::CannotDecide | Outcome::OnceRecognised => "部分成员条件未知，无法判断".into(),
    };
    Ok(d)
}
