//! 农村特困人员救助供养 (五(十五), 五(十二)), per member: 无劳动能力, 无生活来源, and no
//! 法定义务人 able to support them (policy-reference §3). Orphans under 16 go to 孤儿保障 instead.
use super::decision::{disability_parts, Ctx, Decision, Grounds, MemberFinding};
use crate::case::{DisabilityKind, Member, Supporter};
use crate::error::Failure;
use crate::explain::{Comparison, Missing, Outcome, Threshold};
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use crate::prose::{Prose, Sep};
use rust_decimal::Decimal;

/// 无劳动能力 by age or disability, as the member's ground (`无劳动能力（年满 60 周岁）`);
/// `None` when not shown or unknown.
/// `ages`: the 特困 age limits (elderly, minor), read once per household.
fn unable_to_work(ctx: &Ctx, m: &Member, i: usize, ages: (Decimal, Decimal), missing: &mut Vec<Missing>) -> Result<Option<Prose>, Failure> {
    let (elderly, minor) = ages;
    match ctx.age(m).map(Decimal::from) {
        Some(a) if a >= elderly => return Ok(Some(prose!("无劳动能力（年满 {} 周岁）", elderly))),
        Some(a) if a < minor => return Ok(Some(prose!("无劳动能力（未满 {} 周岁）", minor))),
        Some(_) => {}
        None => missing.push(Missing::new(Ctx::member_path(i, "birth_date"), "出生日期或身份证号")),
    }
    if m.has_disability == Some(false) {
        return Ok(None);
    }
    let Some(dis) = m.disability else {
        missing.push(Missing::new(Ctx::member_path(i, "disability"), "残疾情况"));
        return Ok(None);
    };
    let (Some(kind), Some(grade)) = (dis.kind, dis.grade) else {
        missing.push(Missing::new(Ctx::member_path(i, "disability"), "残疾类别和等级"));
        return Ok(None);
    };
    let max = match kind {
        DisabilityKind::Intellectual | DisabilityKind::Mental => ctx.scope.get(param::TEKUN_MAX_GRADE_INTELLECTUAL_MENTAL)?,
        DisabilityKind::Physical => ctx.scope.get(param::TEKUN_MAX_GRADE_PHYSICAL)?,
        DisabilityKind::Visual => ctx.scope.get(param::TEKUN_MAX_GRADE_VISUAL)?,
        DisabilityKind::Multiple => ctx.scope.get(param::TEKUN_MAX_GRADE_PHYSICAL)?,
        _ => Decimal::ZERO,
    };
    if Decimal::from(grade) <= max {
        let (kind, grade) = disability_parts(m);
        Ok(Some(prose!("无劳动能力（{}{}）", kind, grade)))
    } else {
        Ok(None)
    }
}

/// Why a member is not 特困: the conditions known to fail, joined by `；` (fixed texts, so a
/// household's worth of them costs nothing to keep).
fn not_tekun_because(can_work: bool, has_income: bool, has_supporter: bool) -> &'static str {
    // Macros, not consts: `concat!` takes literals only.
    macro_rules! work {
        () => {
            "有劳动能力（年龄、残疾不符）"
        };
    }
    macro_rules! income {
        () => {
            "有生活来源（收入不低于低保标准或财产不符）"
        };
    }
    macro_rules! supporter {
        () => {
            "有具备履行能力的法定义务人"
        };
    }
    match (can_work, has_income, has_supporter) {
        (true, true, true) => concat!(work!(), "；", income!(), "；", supporter!()),
        (true, true, false) => concat!(work!(), "；", income!()),
        (true, false, true) => concat!(work!(), "；", supporter!()),
        (false, true, true) => concat!(income!(), "；", supporter!()),
        (true, false, false) => work!(),
        (false, true, false) => income!(),
        (false, false, true) => supporter!(),
        (false, false, false) => "",
    }
}

pub fn decide(d: &mut Decision, ctx: &Ctx) -> Result<(), Failure> {
    d.start_per_member("tekun", "农村特困人员救助供养", ctx.case.members.len());
    d.citations = smallvec::smallvec![anchor::BOTTOM_LINE_NO_LABOUR.cite(), anchor::TEKUN_SUPPORT.cite()];
    let standard = ctx.scope.get(param::DIBAO_STANDARD_ANNUAL)?;
    // 无生活来源: the household's counted income below the 低保 standard and property within rules.
    let pc = ctx.per_capita_dibao();
    if let Some(pc) = pc {
        d.figure("低保计算人均收入", pc, "元/人·年");
        d.thresholds.push(Threshold::money("低保计算人均收入（无生活来源）", "元/人·年", pc, standard, Comparison::Below));
    }
    let no_income = match (pc.map(|p| p < standard), ctx.case.assets.within_dibao_rules) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    };
    let minor = ctx.scope.get(param::TEKUN_AGE_MINOR)?;
    let ages = (ctx.scope.get(param::TEKUN_AGE_ELDERLY)?, minor);
    for (i, m) in ctx.case.members.iter().enumerate() {
        let mut missing = Vec::new();
        let mut grounds = Grounds::new();
        let unable = unable_to_work(ctx, m, i, ages, &mut missing)?;
        if m.orphan == Some(true) && ctx.age(m).is_some_and(|a| Decimal::from(a) < minor) {
            d.members.push(MemberFinding {
                index: i,
                name: m.name.clone(),
                outcome: Outcome::DoesNotApply,
                grounds,
                amount: None,
                reason: "未满特困年龄下限的孤儿纳入孤儿保障，不认定为特困人员".into(),
                missing: Vec::new(),
            });
            continue;
        }
        let supporter = match m.supporter {
            Some(Supporter::NoneExists | Supporter::Unable) => Some(true),
            Some(Supporter::Able) => Some(false),
            None => None,
        };
        let unable = unable.map(|g| grounds.push(g)).is_some();
        if no_income == Some(true) {
            grounds.push("无生活来源".into());
        }
        if supporter == Some(true) {
            grounds.push("无法定义务人或义务人无履行能力".into());
        }
        let known_fail = (!unable && missing.is_empty()) || no_income == Some(false) || supporter == Some(false);
        let (outcome, reason) = if known_fail {
            let why = not_tekun_because(!unable && missing.is_empty(), no_income == Some(false), supporter == Some(false));
            missing.clear();
            (Outcome::DoesNotApply, Prose::Static(why))
        } else if unable && no_income == Some(true) && supporter == Some(true) {
            (Outcome::Applies, prose!("{}，可认定为特困人员", Prose::join(grounds.clone(), Sep::Comma)))
        } else {
            if no_income.is_none() {
                if pc.is_none() {
                    missing.push(Ctx::incomes_missing());
                }
                if ctx.case.assets.within_dibao_rules.is_none() {
                    missing.push(Missing::new("$.assets.within_dibao_rules", "财产状况符合低保规定"));
                }
            }
            if supporter.is_none() {
                missing.push(Missing::new(Ctx::member_path(i, "supporter"), "法定义务人情况"));
            }
            (Outcome::CannotDecide, "部分条件未知".into())
        };
        d.members.push(MemberFinding { index: i, name: m.name.clone(), outcome, grounds, amount: None, reason, missing });
    }
    d.settle_members();
    let who: Vec<Prose> = d.members.iter().filter(|m| m.outcome == Outcome::Applies).map(|f| f.display_name()).collect();
    d.reason = match d.outcome {
        Outcome::Applies => prose!("符合特困人员认定条件（无劳动能力、无生活来源、无法定义务人或其无履行能力）：{}", Prose::join(who, Sep::Comma)),
        Outcome::DoesNotApply => "没有成员同时满足无劳动能力、无生活来源、无有能力的法定义务人三项条件".into(),
        Outcome::CannotDecide => "部分成员条件未知，无法判断".into(),
    };
    Ok(())
}
