//! Reads a household case from JSON through [`crate::decode`], collecting every error with its
//! path and a Chinese message, and cross-checks fields that must agree (ID number and birth date).
use super::*;
use crate::case::field;
use crate::decode::{choice_value, parse_node, Choice, Decoder, Node, Obj, Val};
use crate::error::Failure;
use serde_json::Value;

const ROOT: &[&str] = &[
    "schema",
    "assessment_date",
    "head_name",
    "village",
    "household_type",
    "status",
    "members",
    "incomes",
    "employment_costs",
    "last_year_total_income",
    "last_year_net_income",
    "expenses",
    "assets",
    "housing",
    "housing_support_received",
    "drinking_water",
    "food_clothing_secure",
    "risks",
];
const MEMBER: &[&str] = &[
    "name",
    "relation",
    "id_number",
    "birth_date",
    "sex",
    "labour_capacity",
    "has_disability",
    "disability",
    "serious_illness",
    "chronic_illness",
    "schooling",
    "out_of_school_reason",
    "medical_insurance",
    "pension_insurance",
    "family_planning_two_certificates",
    "working_away",
    "orphan",
    "supporter",
    "medical_out_of_pocket",
    "own_income",
];
const STATUS: &[&str] = &[
    "dibao",
    "dibao_class",
    "tekun",
    "tekun_dispersed",
    "monitored",
    "monitored_since",
    "monitoring_type",
    "measures_taken",
    "returned_to_poverty",
    "income_stable_months",
    "original_risk_eliminated",
    "new_risk",
    "relocated",
];

/// Parses JSON text into a case (read in place: strings are borrowed from the text).
pub fn from_json(text: &str) -> Result<Case, Failure> {
    from_node(&parse_node(text)?)
}

pub fn from_value(v: &Value) -> Result<Case, Failure> {
    read(v.into())
}

/// A case from a [`Node`] tree (JSON text read in place, or a batch row's cells).
pub fn from_node(v: &Node) -> Result<Case, Failure> {
    read(v.into())
}

fn read(v: Val) -> Result<Case, Failure> {
    let mut d = Decoder::new();
    let Some(o) = d.root(v, "农户信息") else { return d.finish(None) };
    o.deny_unknown(&mut d, ROOT);
    if o.require(&mut d, "schema", field::SCHEMA.label()) {
        match o.raw("schema").and_then(Val::as_str) {
            Some(SCHEMA) => {}
            _ => d.error(o.path_of("schema"), format!("「格式版本」应为 \"{SCHEMA}\"")),
        }
    }
    o.require(&mut d, "assessment_date", field::ASSESSMENT_DATE.label());
    let date = o.date(&mut d, "assessment_date", field::ASSESSMENT_DATE.label());
    let head_name = o.text(&mut d, "head_name", field::HEAD_NAME.label(), 50);
    let village = o.text(&mut d, "village", field::VILLAGE.label(), 50);
    let household_type = o.choice(&mut d, "household_type", field::HOUSEHOLD_TYPE.label());
    let status = o.object(&mut d, "status", field::STATUS.label()).map(|s| read_status(&mut d, &s, date)).unwrap_or_default();
    let members = if o.require(&mut d, "members", field::MEMBERS.label()) { read_members(&mut d, &o, date) } else { Vec::new() };
    let incomes = o.object(&mut d, "incomes", field::INCOMES.label()).map(|i| Incomes::read(&mut d, &i));
    let employment_costs = o.money(&mut d, "employment_costs", field::EMPLOYMENT_COSTS.label());
    let last_year_total_income = o.money(&mut d, "last_year_total_income", field::LAST_YEAR_TOTAL_INCOME.label());
    let last_year_net_income = o.net_money(&mut d, "last_year_net_income", field::LAST_YEAR_NET_INCOME.label());
    let expenses = o
        .object(&mut d, "expenses", "刚性支出")
        .map(|e| {
            e.deny_unknown(&mut d, &["education", "disability_rehab", "disaster_loss", "accident_loss"]);
            Expenses {
                education: e.money(&mut d, "education", field::EXPENSES_EDUCATION.label()),
                disability_rehab: e.money(&mut d, "disability_rehab", field::EXPENSES_DISABILITY_REHAB.label()),
                disaster_loss: e.money(&mut d, "disaster_loss", field::EXPENSES_DISASTER_LOSS.label()),
                accident_loss: e.money(&mut d, "accident_loss", field::EXPENSES_ACCIDENT_LOSS.label()),
            }
        })
        .unwrap_or_default();
    let assets = o
        .object(&mut d, "assets", "家庭财产")
        .map(|a| {
            a.deny_unknown(&mut d, &["deposits", "vehicles", "other_houses", "within_dibao_rules"]);
            Assets {
                deposits: a.money(&mut d, "deposits", field::ASSETS_DEPOSITS.label()),
                vehicles: a.int(&mut d, "vehicles", field::ASSETS_VEHICLES.label(), 0, 50).map(|n| n as u32),
                other_houses: a.bool(&mut d, "other_houses", field::ASSETS_OTHER_HOUSES.label()),
                within_dibao_rules: a.bool(&mut d, "within_dibao_rules", field::ASSETS_WITHIN_DIBAO_RULES.label()),
            }
        })
        .unwrap_or_default();
    let housing = o.choice(&mut d, "housing", field::HOUSING.label());
    let housing_support_received = o.bool(&mut d, "housing_support_received", field::HOUSING_SUPPORT_RECEIVED.label());
    let drinking_water = o.choice(&mut d, "drinking_water", field::DRINKING_WATER.label());
    let food_clothing_secure = o.bool(&mut d, "food_clothing_secure", field::FOOD_CLOTHING_SECURE.label());
    let declared_risks = choice_list(&mut d, &o, "risks", field::RISKS.label()).unwrap_or_default();
    // "Checked: no risk" is an answer of its own: beside a risk kind it contradicts itself.
    if declared_risks.len() > 1 && declared_risks.contains(&Risk::NoneVerified) {
        let others: Vec<&str> = declared_risks.iter().filter(|r| **r != Risk::NoneVerified).map(|r| r.label()).collect();
        d.error(
            o.path_of("risks"),
            format!("「{}」选了「{}」，不能同时选风险类型（{}）：请只留其一", field::RISKS.label(), Risk::NoneVerified.label(), others.join("、")),
        );
    }
    let case = date.map(|assessment_date| Case {
        assessment_date,
        head_name,
        village,
        household_type,
        status,
        members,
        incomes,
        employment_costs,
        last_year_total_income,
        last_year_net_income,
        expenses,
        assets,
        housing,
        housing_support_received,
        drinking_water,
        food_clothing_secure,
        declared_risks,
    });
    d.finish(case)
}

fn choice_list<C: Choice + Ord>(d: &mut Decoder, o: &Obj, key: &str, label: &str) -> Option<Vec<C>> {
    let items = o.array(d, key, label, 20)?;
    let mut out: Vec<C> = items.iter().filter_map(|it| choice_value(d, &it.path, it.value, label)).collect();
    // A set: order and repeats carry no meaning, and must not change the fingerprint.
    out.sort();
    out.dedup();
    Some(out)
}

fn read_status(d: &mut Decoder, s: &Obj, date: Option<NaiveDate>) -> Status {
    s.deny_unknown(d, STATUS);
    let monitored_since = s.date(d, "monitored_since", field::STATUS_MONITORED_SINCE.label());
    if let (Some(since), Some(date)) = (monitored_since, date) {
        if since > date {
            d.error(s.path_of("monitored_since"), format!("「纳入监测日期」{since} 晚于核查日期 {date}"));
        }
    }
    Status {
        dibao: s.bool(d, "dibao", field::STATUS_DIBAO.label()),
        dibao_class: s.choice(d, "dibao_class", field::STATUS_DIBAO_CLASS.label()),
        tekun: s.bool(d, "tekun", field::STATUS_TEKUN.label()),
        tekun_dispersed: s.bool(d, "tekun_dispersed", field::STATUS_TEKUN_DISPERSED.label()),
        monitored: s.bool(d, "monitored", field::STATUS_MONITORED.label()),
        monitored_since,
        monitoring_type: s.choice(d, "monitoring_type", field::STATUS_MONITORING_TYPE.label()),
        measures_taken: choice_list(d, s, "measures_taken", field::STATUS_MEASURES_TAKEN.label()),
        returned_to_poverty: s.bool(d, "returned_to_poverty", field::STATUS_RETURNED_TO_POVERTY.label()),
        income_stable_months: s.int(d, "income_stable_months", field::STATUS_INCOME_STABLE_MONTHS.label(), 0, 600).map(|n| n as u32),
        original_risk_eliminated: s.bool(d, "original_risk_eliminated", field::STATUS_ORIGINAL_RISK_ELIMINATED.label()),
        new_risk: s.bool(d, "new_risk", field::STATUS_NEW_RISK.label()),
        relocated: s.bool(d, "relocated", field::STATUS_RELOCATED.label()),
    }
}

fn read_members(d: &mut Decoder, o: &Obj, date: Option<NaiveDate>) -> Vec<Member> {
    let Some(items) = o.array(d, "members", field::MEMBERS.label(), MAX_MEMBERS) else { return Vec::new() };
    if items.is_empty() {
        d.error(o.path_of("members"), "「家庭成员」至少 1 人");
    }
    let mut members = Vec::new();
    for it in items {
        let Some(m) = Obj::item(d, it, "家庭成员") else { continue };
        members.push(read_member(d, &m, date));
    }
    let heads = members.iter().filter(|m| m.relation == Some(Relation::Head)).count();
    if heads > 1 {
        d.error(o.path_of("members"), format!("「与户主关系」为户主的成员有 {heads} 人，只能有 1 人"));
    }
    members
}

fn read_member(d: &mut Decoder, m: &Obj, date: Option<NaiveDate>) -> Member {
    m.deny_unknown(d, MEMBER);
    let id_number = m.text(d, "id_number", field::MEMBER_ID_NUMBER.label(), 30);
    let mut birth_date = m.date(d, "birth_date", field::MEMBER_BIRTH_DATE.label());
    let mut sex: Option<Sex> = m.choice(d, "sex", field::MEMBER_SEX.label());
    if let Some(id) = &id_number {
        match id_number::parse(id) {
            Ok(info) => {
                if birth_date.is_some_and(|b| b != info.birth_date) {
                    d.error(m.path_of("birth_date"), format!("「出生日期」与身份证号中的 {} 不一致", info.birth_date));
                }
                if sex.is_some_and(|s| s != info.sex) {
                    d.error(m.path_of("sex"), format!("「性别」与身份证号（{}）不一致", info.sex.label()));
                }
                birth_date = Some(info.birth_date);
                sex = Some(info.sex);
            }
            Err(e) => d.error(m.path_of("id_number"), format!("「身份证号」{e}")),
        }
    }
    if let (Some(b), Some(date)) = (birth_date, date) {
        if b > date {
            d.error(m.path_of("birth_date"), format!("「出生日期」{b} 晚于核查日期 {date}"));
        } else if id_number::age_on(b, date).is_some_and(|a| a > 130) {
            d.error(m.path_of("birth_date"), format!("「出生日期」{b} 对应年龄超过 130 岁，请核对"));
        }
    }
    let disability = m.object(d, "disability", field::MEMBER_DISABILITY.label()).map(|x| {
        x.deny_unknown(d, &["kind", "grade"]);
        Disability {
            kind: x.choice(d, "kind", field::MEMBER_DISABILITY_KIND.label()),
            grade: x.int(d, "grade", field::MEMBER_DISABILITY_GRADE.label(), 1, 4).map(|g| g as u8),
        }
    });
    let mut has_disability = m.bool(d, "has_disability", field::MEMBER_HAS_DISABILITY.label());
    if disability.is_some() {
        if has_disability == Some(false) {
            d.error(m.path_of("has_disability"), "「是否残疾」为否，但填写了残疾情况");
        }
        has_disability = Some(true);
    }
    Member {
        name: m.text_str(d, "name", "姓名", 50).map(Into::into),
        relation: m.choice(d, "relation", field::MEMBER_RELATION.label()),
        id_number,
        birth_date,
        sex,
        labour: m.choice(d, "labour_capacity", field::MEMBER_LABOUR_CAPACITY.label()),
        has_disability,
        disability,
        serious_illness: m.bool(d, "serious_illness", field::MEMBER_SERIOUS_ILLNESS.label()),
        chronic_illness: m.bool(d, "chronic_illness", field::MEMBER_CHRONIC_ILLNESS.label()),
        schooling: m.choice(d, "schooling", field::MEMBER_SCHOOLING.label()),
        out_of_school_reason: m.choice(d, "out_of_school_reason", field::MEMBER_OUT_OF_SCHOOL_REASON.label()),
        medical_insurance: m.bool(d, "medical_insurance", field::MEMBER_MEDICAL_INSURANCE.label()),
        pension_insurance: m.bool(d, "pension_insurance", field::MEMBER_PENSION_INSURANCE.label()),
        family_planning_two_certificates: m.bool(d, "family_planning_two_certificates", field::MEMBER_FAMILY_PLANNING_TWO_CERTIFICATES.label()),
        working_away: m.bool(d, "working_away", field::MEMBER_WORKING_AWAY.label()),
        orphan: m.bool(d, "orphan", field::MEMBER_ORPHAN.label()),
        supporter: m.choice(d, "supporter", field::MEMBER_SUPPORTER.label()),
        medical_out_of_pocket: m.money(d, "medical_out_of_pocket", field::MEMBER_MEDICAL_OUT_OF_POCKET.label()),
        own_income: m.money(d, "own_income", field::MEMBER_OWN_INCOME.label()),
    }
}
