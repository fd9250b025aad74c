//! 稳岗就业 / 应转尽转 — 实施意见 三(七), per member of working age:
//!
//! > 紧盯脱贫人口、边缘易致贫人口、易地扶贫搬迁人口及农村低收入人口……确保脱贫户中有输转意愿的
//! > 劳动力实现应转尽转、稳定就业……促进农村劳动力特别是弱劳力、半劳力就近就业……优先安置脱贫
//! > 群众,帮助弱劳力就地就近就业
//!
//! Conditions:
//! 1. the household is one of the seed's groups: 脱贫户, 监测对象 (recorded — or identified by this
//!    evaluation: then **once recognised**), 易地扶贫搬迁户, 低保户 (农村低收入人口);
//! 2. the member is of working age (`employment.working_age_min`–`employment.working_age_max`),
//!    not in school, with some labour capacity;
//! 3. by labour and work:
//!    - 外出务工 (`members[].working_away`, collected for this): 稳岗 follow-up — keep the job,
//!      and the local 稳岗 support such as travel subsidies (amounts local, not computed);
//!    - 全劳力 not working away: 应转尽转 — ask whether they want to be placed (有组织劳务输出);
//!    - 半劳力、弱劳力 not working away: 公益性岗位 and other work near home (就近就业).
use super::education_aid::{either, exited};
use super::{Decided, Measure};
use crate::case::{field, Labour};
use crate::error::Failure;
use crate::explain::Outcome;
use crate::household::decision::{Ctx, Decision, MemberFinding};
use crate::household::facts::{self, Open, Standing};
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use crate::prose::Prose;
use rust_decimal::Decimal;

pub static MEASURE: Measure = Measure {
    code: "employment",
    title: "稳岗就业与应转尽转",
    per_member: true,
    clauses: &[anchor::JOBS_FOCUS_GROUPS, anchor::JOBS_TRANSFER, anchor::JOBS_NEAR_HOME, anchor::JOBS_PUBLIC_WELFARE],
    reads: &[
        field::HOUSEHOLD_TYPE,
        field::STATUS_MONITORED,
        field::STATUS_RELOCATED,
        field::STATUS_DIBAO,
        field::MEMBER_BIRTH_DATE,
        field::MEMBER_SCHOOLING,
        field::MEMBER_LABOUR_CAPACITY,
        field::MEMBER_WORKING_AWAY,
    ],
    after: &["monitoring", "dibao"],
    decide,
};

/// The help a member of working age is pointed to.
enum Help {
    /// 外出务工: 稳岗.
    KeepJob,
    /// 全劳力 at home: 应转尽转.
    Transfer,
    /// 半劳力、弱劳力 not (known to be) working away: 公益性岗位、就近就业.
    NearHome(Labour),
}

impl Help {
    fn ground(&self) -> Prose {
        match self {
            Help::KeepJob => prose!("外出务工：稳岗跟踪，落实当地稳岗政策（务工交通补助等，标准按当地规定）"),
            Help::Transfer => prose!("全劳力、未外出务工：了解输转意愿，有意愿的应转尽转（有组织劳务输出）"),
            Help::NearHome(l) => prose!("{}：优先安排乡村公益性岗位、以工代赈等就近就业", crate::decode::Choice::label(*l)),
        }
    }
}

fn decide(ctx: &Ctx, decided: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    // The groups always; each kind of help with its own words where a member is pointed to it.
    d.citations = vec![anchor::JOBS_FOCUS_GROUPS.cite()];
    let (mut transfer, mut half, mut weak) = (false, false, false);
    // Condition 1: the seed's groups.
    let (exited, monitored, dibao) = (exited(ctx), facts::monitored(ctx, decided), facts::dibao(ctx, decided));
    let relocated = match ctx.case.status.relocated {
        Some(true) => Standing::Recorded,
        Some(false) => Standing::Not,
        None => Standing::Unknown,
    };
    let group = either(either(exited, monitored), either(relocated, dibao));
    // Why the group is still open, with what each open status's own check needs.
    let open = if group == Standing::Unknown {
        Open::merge([
            Open::blank(exited != Standing::Unknown, field::HOUSEHOLD_TYPE),
            facts::monitored_open(ctx, decided),
            Open::blank(relocated != Standing::Unknown, field::STATUS_RELOCATED),
            facts::dibao_open(ctx, decided),
        ])
    } else {
        Open::default()
    };
    d.condition(
        "group",
        "脱贫户、监测对象、易地扶贫搬迁户或低保户",
        match group {
            Standing::Recorded => Some(true),
            Standing::Not => Some(false),
            _ => None,
        },
        match group {
            Standing::Recorded => "属三(七) 紧盯的人群".into(),
            Standing::Found => "本次核查识别为监测对象或符合低保条件，待认定".into(),
            Standing::Not => "一般农户，非监测对象、搬迁户或低保户".into(),
            Standing::Unknown => open.note.clone(),
        },
    );
    match group {
        Standing::Not => return Ok(d.decided(Outcome::DoesNotApply, "一般农户，不属实施意见 三(七) 紧盯的脱贫人口、监测对象、易地扶贫搬迁人口或低保户")),
        Standing::Unknown => {
            let reason = prose!("{}；补充后如属脱贫户、监测对象、搬迁户或低保户，按三(七) 落实稳岗就业帮扶", open.note);
            let mut d = d.undecided(open.asks, "");
            d.reason = reason;
            return Ok(d);
        }
        Standing::Recorded | Standing::Found => {}
    }
    // Read only for a household in the groups, so a card saying "not in the groups" is not 暂定.
    let (age_min, age_max) = (ctx.scope.get(param::EMPLOYMENT_WORKING_AGE_MIN)?, ctx.scope.get(param::EMPLOYMENT_WORKING_AGE_MAX)?);
    let found = group == Standing::Found;
    for (i, m) in ctx.case.members.iter().enumerate() {
        let Some(age) = ctx.age(m) else {
            let mut f = MemberFinding::new(i, m, Outcome::CannotDecide, "年龄未知");
            f.missing = vec![ctx.missing(i, field::MEMBER_BIRTH_DATE)];
            d.members.push(f);
            continue;
        };
        // Condition 2: working age, not in school, some labour capacity (others are not listed).
        let a = Decimal::from(age);
        if a < age_min || a > age_max || m.schooling.is_some_and(|s| s.is_student()) || m.labour == Some(Labour::None) {
            continue;
        }
        let mut f = MemberFinding::new(i, m, Outcome::CannotDecide, "");
        f.condition("working_age", "劳动年龄内、不在校", Some(true), prose!("{} 岁", age));
        // Condition 3: what help, by labour and whether working away.
        let help = match (m.labour, m.working_away) {
            (_, Some(true)) => Some(Help::KeepJob),
            (Some(Labour::Full), Some(false)) => Some(Help::Transfer),
            (Some(l @ (Labour::Half | Labour::Weak)), _) => Some(Help::NearHome(l)),
            _ => None,
        };
        f.condition("labour", "有劳动能力", m.labour.map(|l| l != Labour::None), m.labour.map_or("劳动能力未填", |l| crate::decode::Choice::label(l)));
        f.condition("working_away", "外出务工", m.working_away, if m.working_away.is_some() { "" } else { "未填" });
        let Some(help) = help else {
            f.reason = "劳动能力或外出务工情况未填".into();
            f.missing = if m.labour.is_none() { vec![ctx.missing(i, field::MEMBER_LABOUR_CAPACITY)] } else { vec![ctx.missing(i, field::MEMBER_WORKING_AWAY)] };
            d.members.push(f);
            continue;
        };
        match help {
            Help::KeepJob | Help::Transfer => transfer = true,
            Help::NearHome(Labour::Weak) => weak = true,
            Help::NearHome(_) => half = true,
        }
        let ground = help.ground();
        f.grounds.push(ground.clone());
        if found {
            f.outcome = Outcome::OnceRecognised;
            f.once_recognised = Some(prose!("认定后：{}", ground.clone()));
            f.reason = prose!("本次核查识别的身份待认定；认定后按{}", ground);
        } else {
            f.outcome = Outcome::Applies;
            f.reason = ground;
        }
        d.members.push(f);
    }
    d.settle_members();
    for (used, a) in [(transfer, anchor::JOBS_TRANSFER), (half, anchor::JOBS_NEAR_HOME), (weak, anchor::JOBS_PUBLIC_WELFARE)] {
        if used {
            d.citations.push(a.cite());
        }
    }
    if found && d.members.iter().any(|f| f.outcome == Outcome::OnceRecognised) {
        d.once_recognised = Some(prose!("认定为监测对象或低保对象后，按三(七) 落实稳岗就业帮扶（见各成员）"));
    }
    // The card lists each member with the help; the household reason only sums up.
    d.reason = match d.outcome {
        Outcome::Applies => prose!("{} 名劳动力落实稳岗就业帮扶", d.members_with(Outcome::Applies).count()),
        Outcome::OnceRecognised => "本次核查识别的身份尚待认定；认定后落实稳岗就业帮扶（见待认定）".into(),
        Outcome::CannotDecide => "部分成员的年龄、劳动能力或外出务工情况未填，无法判断".into(),
        Outcome::DoesNotApply => prose!("没有劳动年龄内（{}–{} 周岁）、不在校、有劳动能力的成员", age_min, age_max),
    };
    Ok(d)
}
