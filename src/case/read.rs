//! Reads a household case from JSON through [`crate::decode`], collecting every error with its
//! path and a Chinese message, and cross-checks fields that must agree (ID number and birth date).
use super::*;
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
    "expenses",
    "assets",
    "housing",
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
    if o.require(&mut d, "schema", "格式版本") {
        match o.raw("schema").and_then(Val::as_str) {
            Some(SCHEMA) => {}
            _ => d.error(o.path_of("schema"), format!("「格式版本」应为 \"{SCHEMA}\"")),
        }
    }
    o.require(&mut d, "assessment_date", "核查日期");
    let date = o.date(&mut d, "assessment_date", "核查日期");
    let head_name = o.text(&mut d, "head_name", "户主姓名", 50);
    let village = o.text(&mut d, "village", "所在村", 50);
    let household_type = o.choice(&mut d, "household_type", "农户类型");
    let status = o.object(&mut d, "status", "当前身份").map(|s| read_status(&mut d, &s, date)).unwrap_or_default();
    let members = if o.require(&mut d, "members", "家庭成员") { read_members(&mut d, &o, date) } else { Vec::new() };
    let incomes = o.object(&mut d, "incomes", "收入").map(|i| Incomes::read(&mut d, &i));
    let employment_costs = o.money(&mut d, "employment_costs", "必要的就业成本");
    let last_year_total_income = o.money(&mut d, "last_year_total_income", "上年度家庭总收入");
    let expenses = o
        .object(&mut d, "expenses", "刚性支出")
        .map(|e| {
            e.deny_unknown(&mut d, &["education", "disability_rehab", "disaster_loss", "accident_loss"]);
            Expenses {
                education: e.money(&mut d, "education", "教育支出"),
                disability_rehab: e.money(&mut d, "disability_rehab", "残疾康复支出"),
                disaster_loss: e.money(&mut d, "disaster_loss", "自然灾害损失"),
                accident_loss: e.money(&mut d, "accident_loss", "意外事故损失"),
            }
        })
        .unwrap_or_default();
    let assets = o
        .object(&mut d, "assets", "家庭财产")
        .map(|a| {
            a.deny_unknown(&mut d, &["deposits", "vehicles", "other_houses", "within_dibao_rules"]);
            Assets {
                deposits: a.money(&mut d, "deposits", "存款及金融资产"),
                vehicles: a.int(&mut d, "vehicles", "机动车辆数", 0, 50).map(|n| n as u32),
                other_houses: a.bool(&mut d, "other_houses", "另有商品房/非必需住房"),
                within_dibao_rules: a.bool(&mut d, "within_dibao_rules", "财产状况符合低保规定"),
            }
        })
        .unwrap_or_default();
    let housing = o.choice(&mut d, "housing", "住房安全");
    let drinking_water = o.choice(&mut d, "drinking_water", "饮水安全");
    let food_clothing_secure = o.bool(&mut d, "food_clothing_secure", "不愁吃、不愁穿");
    let declared_risks = choice_list(&mut d, &o, "risks", "返贫致贫风险").unwrap_or_default();
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
        expenses,
        assets,
        housing,
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
    let monitored_since = s.date(d, "monitored_since", "纳入监测日期");
    if let (Some(since), Some(date)) = (monitored_since, date) {
        if since > date {
            d.error(s.path_of("monitored_since"), format!("「纳入监测日期」{since} 晚于核查日期 {date}"));
        }
    }
    Status {
        dibao: s.bool(d, "dibao", "低保户"),
        dibao_class: s.choice(d, "dibao_class", "低保类别"),
        tekun: s.bool(d, "tekun", "特困供养户"),
        tekun_dispersed: s.bool(d, "tekun_dispersed", "分散供养"),
        monitored: s.bool(d, "monitored", "监测对象"),
        monitored_since,
        monitoring_type: s.choice(d, "monitoring_type", "监测对象类型"),
        measures_taken: choice_list(d, s, "measures_taken", "已落实帮扶措施"),
        returned_to_poverty: s.bool(d, "returned_to_poverty", "返贫致贫人口"),
        income_stable_months: s.int(d, "income_stable_months", "收入持续稳定月数", 0, 600).map(|n| n as u32),
        original_risk_eliminated: s.bool(d, "original_risk_eliminated", "原有风险已稳定消除"),
        new_risk: s.bool(d, "new_risk", "出现新的风险"),
    }
}

fn read_members(d: &mut Decoder, o: &Obj, date: Option<NaiveDate>) -> Vec<Member> {
    let Some(items) = o.array(d, "members", "家庭成员", MAX_MEMBERS) else { return Vec::new() };
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
    let id_number = m.text(d, "id_number", "身份证号", 30);
    let mut birth_date = m.date(d, "birth_date", "出生日期");
    let mut sex: Option<Sex> = m.choice(d, "sex", "性别");
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
    let disability = m.object(d, "disability", "残疾情况").map(|x| {
        x.deny_unknown(d, &["kind", "grade"]);
        Disability { kind: x.choice(d, "kind", "残疾类别"), grade: x.int(d, "grade", "残疾等级", 1, 4).map(|g| g as u8) }
    });
    let mut has_disability = m.bool(d, "has_disability", "是否残疾");
    if disability.is_some() {
        if has_disability == Some(false) {
            d.error(m.path_of("has_disability"), "「是否残疾」为否，但填写了残疾情况");
        }
        has_disability = Some(true);
    }
    Member {
        name: m.text_str(d, "name", "姓名", 50).map(Into::into),
        relation: m.choice(d, "relation", "与户主关系"),
        id_number,
        birth_date,
        sex,
        labour: m.choice(d, "labour_capacity", "劳动能力"),
        has_disability,
        disability,
        serious_illness: m.bool(d, "serious_illness", "患重病（大病）"),
        chronic_illness: m.bool(d, "chronic_illness", "患慢性病"),
        schooling: m.choice(d, "schooling", "在校情况"),
        out_of_school_reason: m.choice(d, "out_of_school_reason", "失学辍学原因"),
        medical_insurance: m.bool(d, "medical_insurance", "参加城乡居民医保"),
        pension_insurance: m.bool(d, "pension_insurance", "参加城乡居民养老保险"),
        family_planning_two_certificates: m.bool(d, "family_planning_two_certificates", "计划生育“两证户”"),
        working_away: m.bool(d, "working_away", "外出务工"),
        orphan: m.bool(d, "orphan", "孤儿或事实无人抚养儿童"),
        supporter: m.choice(d, "supporter", "法定义务人情况"),
        medical_out_of_pocket: m.money(d, "medical_out_of_pocket", "医疗自付费用"),
    }
}
