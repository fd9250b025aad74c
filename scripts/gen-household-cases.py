#!/usr/bin/env python3
"""Writes tests/cases/household/*.json: one household case per file, with the expected subset.

The expectations are written here by hand, from the policy and the parameters, not copied from
the engine's output. Re-run after changing a case: python3 scripts/gen-household-cases.py
"""
import copy, json, os

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "cases", "household")
ITEMS = ["wage", "business_net", "property_net", "transfer_net", "basic_pension", "special_care",
         "family_planning", "scholarship", "heroism_award", "social_assistance"]
cases = {}

def member(name, relation, birth, sex, labour, **kw):
    m = {"name": name, "relation": relation, "birth_date": birth, "sex": sex, "labour_capacity": labour,
         "has_disability": False, "serious_illness": False, "chronic_illness": False, "schooling": "finished",
         "medical_insurance": True, "pension_insurance": True, "family_planning_two_certificates": False,
         "working_away": False, "orphan": False, "supporter": "able", "medical_out_of_pocket": "0"}
    m.update(kw)
    return m

def base(wage="27000", date="2024-06-30"):
    return {
        "schema": "jingning.household/1", "assessment_date": date, "head_name": "张三", "village": "城川村",
        "household_type": "poverty_exited",
        "status": {"dibao": False, "tekun": False, "monitored": False, "returned_to_poverty": False},
        "members": [
            member("张三", "head", "1980-01-01", "male", "full"),
            member("李四", "spouse", "1982-01-01", "female", "half"),
            member("张小妹", "child", "2012-09-01", "female", "none", schooling="junior", pension_insurance=False),
        ],
        "incomes": {**{k: "0" for k in ITEMS}, "wage": wage},
        "employment_costs": "0", "last_year_total_income": wage,
        "expenses": {"education": "0", "disability_rehab": "0", "disaster_loss": "0", "accident_loss": "0"},
        "assets": {"within_dibao_rules": True}, "housing": "safe", "drinking_water": "safe",
        "food_clothing_secure": True, "risks": [],
    }

def case(name, description, inp, expect=None, options=None, errors=None, schema_rejects=True):
    c = {"description": description, "input": inp}
    if errors is not None:
        # Whether the JSON Schema alone already rejects the input (some checks need the engine:
        # check digits, fields that must agree, dates relative to each other).
        c["schema_rejects"] = schema_rejects
    if options: c["options"] = options
    if expect is not None: c["expect"] = expect
    if errors is not None: c["expect_errors"] = errors
    assert name not in cases, name
    cases[name] = c

def contains(*items):
    return {"$contains": list(items)}

def dec(**kw):
    return {"decisions": kw}

# ---------------------------------------------------------------- baseline
case("baseline-no-measure-applies", "脱贫户 3 人，人均纯收入 9000，高于 2024 年监测范围 7800：不属监测对象，不符合低保",
     base(), {"household_size": 3, "per_capita_net": "9000", "per_capita_dibao": "9000", "missing": [],
              **dec(monitoring={"outcome": "does_not_apply", "category": "none"}, dibao={"outcome": "does_not_apply"},
                    dibao_edge={"outcome": "does_not_apply"}, housing={"outcome": "does_not_apply"},
                    medical_insurance={"outcome": "applies", "amount": "300"})})

# ---------------------------------------------------------------- monitoring thresholds
c = base("23399.97")
case("monitoring-2024-one-fen-below-line", "2024 年人均 7799.99，低于 7800 一分：脱贫不稳定户",
     c, dec(monitoring={"outcome": "applies", "category": "unstable",
                        "thresholds": [{"threshold": "7800", "holds": True, "flip_at": "7800"}]}))
case("monitoring-2024-exactly-at-line", "2024 年人均恰为 7800：不低于监测范围，不属监测对象",
     base("23400"), dec(monitoring={"outcome": "does_not_apply", "category": "none",
                                    "thresholds": [{"value": "7800", "holds": False, "flip_at": "7799.99"}, {}, {}]}))
c = base("21000"); c["household_type"] = "ordinary"
case("monitoring-edge-household", "一般农户人均 7000 低于 7800：边缘易致贫户", c,
     dec(monitoring={"outcome": "applies", "category": "edge"}))
c = base("21900", "2023-06-30")
case("monitoring-2023-above-7200", "2023 年人均 7300 高于当年 7200：不属监测对象（证实值 7200）", c,
     {"unverified": contains("农村低保标准", "医保资助：脱贫人口、监测对象"),
      **dec(monitoring={"outcome": "does_not_apply", "figures": contains({"label": "监测收入范围", "value": "7200"})})})
case("monitoring-2024-same-income-below-7800", "同样人均 7300，到 2024 年低于 7800：脱贫不稳定户",
     base("21900"), dec(monitoring={"outcome": "applies", "category": "unstable"}))
c = base("17400", "2021-09-01")
case("monitoring-2021-threshold-unverified", "2021 年监测范围 6000 未证实：结果点名该参数", c,
     {"params_used": contains({"id": "monitoring.income_threshold", "value": "6000", "verified": False}),
      **dec(monitoring={"outcome": "applies"})})
c = base("27000"); c["members"][0]["medical_out_of_pocket"] = "6000"; c["members"][0]["serious_illness"] = True
case("monitoring-sudden-rigid-expense-below", "人均 9000，但医疗自付 6000，扣除后人均 7000 低于 7800：突发严重困难户", c,
     {"rigid_expenses": "6000", **dec(monitoring={"outcome": "applies", "category": "sudden",
        "findings": [{"code": "illness"}]})})
c = base("27000"); c["members"][0]["medical_out_of_pocket"] = "3600"
case("monitoring-sudden-rigid-expense-at-line", "医疗自付 3600，扣除后人均恰为 7800：不属突发严重困难户", c,
     dec(monitoring={"outcome": "does_not_apply", "category": "none"}))
c = base("27000"); c["last_year_total_income"] = "54000.02"
case("monitoring-sudden-income-halved", "纯收入 27000 低于上年 54000.02 的一半：收入大幅缩减，突发严重困难户（降幅为占位参数）", c,
     {"unverified": contains("收入大幅缩减的降幅", "农村低保标准"),
      **dec(monitoring={"outcome": "applies", "category": "sudden"})})
c = base("27000"); c["last_year_total_income"] = "54000"
case("monitoring-income-drop-exactly-half", "纯收入 27000 恰为上年 54000 的一半：不算大幅缩减", c,
     dec(monitoring={"outcome": "does_not_apply"}))
c = base(); del c["incomes"]
case("monitoring-cannot-decide-without-incomes", "未填收入：监测、低保均无法判断，并指出缺收入", c,
     {"ledger": None, "per_capita_net": None,
      **dec(monitoring={"outcome": "cannot_decide", "missing": [{"path": "$.incomes"}]},
            dibao={"outcome": "cannot_decide", "missing": [{"path": "$.incomes"}]})})
c = base("21000"); del c["household_type"]
case("monitoring-cannot-decide-without-household-type", "收入低于范围但农户类型未填：无法区分两类", c,
     dec(monitoring={"outcome": "cannot_decide", "missing": [{"path": "$.household_type", "label": "农户类型"}]}))
c = base(); del c["last_year_total_income"]
case("monitoring-cannot-decide-without-last-year-income", "收入高于范围，需上年度收入判断是否大幅缩减", c,
     {"missing": [{"path": "$.last_year_total_income"}],
      **dec(monitoring={"outcome": "cannot_decide"})})
c = base(); del c["members"][1]["medical_out_of_pocket"]
case("monitoring-cannot-decide-without-medical-costs", "收入高于范围，但一名成员医疗自付未填：可能属突发严重困难户，需补填", c,
     dec(monitoring={"outcome": "cannot_decide", "missing": [{"path": "$.members[1].medical_out_of_pocket", "label": "医疗自付费用"}]}))
c = base("21000")
c["members"][1]["has_disability"] = True; c["members"][1]["disability"] = {"kind": "hearing", "grade": 4}
c["expenses"]["disaster_loss"] = "1000"; c["expenses"]["accident_loss"] = "500"; c["risks"] = ["industry_failure", "因务工就业不稳"]
case("monitoring-risk-kinds", "风险类型：申报（产业失败、务工不稳）加据信息推出（因残、因灾、因意外）", c,
     dec(monitoring={"outcome": "applies", "findings": [{"code": "disability"}, {"code": "disaster"}, {"code": "accident"},
                                                         {"code": "industry_failure"}, {"code": "unstable_job"}]}))
c = base("21000")
for m in c["members"][:2]: m["labour_capacity"] = "weak"
case("monitoring-labour-shortage", "无全劳力、半劳力：缺劳动力风险", c,
     dec(monitoring={"findings": [{"code": "labour_shortage", "label": "缺劳动力"}]}))
case("monitoring-threshold-override", "覆盖监测范围为 10000：人均 9000 低于，结果注明覆盖值", base(),
     {"params_used": contains({"id": "monitoring.income_threshold", "value": "10000", "overridden": True, "verified": False}),
      **dec(monitoring={"outcome": "applies", "thresholds": [{"change_to_flip": "1000"}]})},
     options={"overrides": {"monitoring.income_threshold": "10000"}})

# ---------------------------------------------------------------- 风险消除
def monitored(since="2023-06-30"):
    c = base()
    c["status"].update({"monitored": True, "monitored_since": since, "monitoring_type": "unstable",
                        "measures_taken": ["industry"], "income_stable_months": 8,
                        "original_risk_eliminated": True, "new_risk": False})
    return c
case("elimination-all-conditions-met", "监测满 12 个月、有帮扶措施、收入稳定 8 个月且超过范围、三保障饮水安全、风险消除：可标注风险消除",
     monitored(), dec(risk_elimination={"outcome": "applies", "missing": []}, help_plan={"outcome": "applies"}))
case("elimination-exactly-six-months", "2023-12-30 纳入，到 2024-06-30 恰满 6 个月：满足", monitored("2023-12-30"),
     dec(risk_elimination={"outcome": "applies"}))
case("elimination-five-months-too-soon", "2024-01-01 纳入，仅 5 个月：未满 6 个月", monitored("2024-01-01"),
     dec(risk_elimination={"outcome": "does_not_apply", "findings": [{"code": "monitored_long_enough", "met": False}, {}, {}, {}, {}, {}, {}, {}]}))
c = monitored(); c["status"]["measures_taken"] = []
case("elimination-no-measures-taken", "未落实任何帮扶措施：不能消除", c,
     dec(risk_elimination={"outcome": "does_not_apply", "findings": [{"met": True}, {"code": "measures_taken", "met": False}, {}, {}, {}, {}, {}, {}]}))
c = monitored(); c["status"]["income_stable_months"] = 5
case("elimination-income-stable-five-months", "收入仅稳定 5 个月：不足半年", c,
     dec(risk_elimination={"outcome": "does_not_apply", "findings": [{}, {}, {"code": "income_stable", "met": False}, {}, {}, {}, {}, {}]}))
c = monitored()
for m in c["members"]: m["labour_capacity"] = "none"
case("elimination-no-labour-household", "整户无劳动力：不标注风险消除", c,
     dec(risk_elimination={"outcome": "does_not_apply", "findings": [{}, {}, {}, {}, {}, {}, {}, {"code": "has_labour", "met": False}]},
         help_plan={"category": "bottom_line"}))
c = monitored(); c["drinking_water"] = "quality"
case("elimination-unsafe-water", "饮水水质不达标：三保障及饮水未巩固", c,
     dec(risk_elimination={"outcome": "does_not_apply", "findings": [{}, {}, {}, {}, {}, {"code": "three_guarantees", "met": False}, {}, {}]},
         water={"outcome": "applies", "category": "quality"}))
c = monitored(); del c["status"]["new_risk"]
case("elimination-cannot-decide-new-risk-unknown", "是否出现新风险未填：无法判断", c,
     dec(risk_elimination={"outcome": "cannot_decide", "missing": [{"path": "$.status.new_risk"}]}))
c = monitored(); c["status"]["new_risk"] = True
case("elimination-new-risk", "出现新风险：不能消除", c, dec(risk_elimination={"outcome": "does_not_apply"}))
c = monitored(); c["incomes"]["wage"] = "23000"
case("elimination-income-below-range", "人均 7666.67 仍低于 7800：不能消除", c,
     dec(risk_elimination={"outcome": "does_not_apply", "findings": [{}, {}, {}, {"code": "income_above_range", "met": False}, {}, {}, {}, {}]}))

# ---------------------------------------------------------------- 低保 (standard 5000 placeholder, 3 persons: 15000)
case("dibao-one-fen-below-standard", "低保计算收入 14999.99，低于 15000 一分：整户符合", base("14999.99"),
     dec(dibao={"outcome": "applies", "amount": "0", "amount_unit": "元/月"}))
case("dibao-exactly-at-standard", "低保计算人均恰为 5000：不符合", base("15000"),
     dec(dibao={"outcome": "does_not_apply", "thresholds": [{"holds": False, "change_to_flip": "0.01"}]}, dibao_edge={"outcome": "applies"}))
case("dibao-monthly-top-up", "收入 12000：月补差 (15000−12000)/12 = 250", base("12000"),
     {"per_capita_dibao": "4000", **dec(dibao={"outcome": "applies", "amount": "250"}, dibao_single_person={"outcome": "does_not_apply"})})
c = base("12000"); c["assets"] = {}
case("dibao-cannot-decide-property-unknown", "收入低于标准但财产状况未填", c,
     dec(dibao={"outcome": "cannot_decide", "missing": [{"path": "$.assets.within_dibao_rules"}]}))
c = base("12000"); c["assets"] = {"within_dibao_rules": False, "vehicles": 2}
case("dibao-property-fails", "收入低于标准但财产不符合规定：不符合", c, dec(dibao={"outcome": "does_not_apply"}))
for item, label in [("basic_pension", "基础养老金"), ("special_care", "优待抚恤金"), ("family_planning", "计划生育奖励与扶助金"),
                    ("scholarship", "奖学金"), ("heroism_award", "见义勇为等奖励性补助"), ("social_assistance", "政府发放的社会救助款物")]:
    c = base("13000"); c["incomes"][item] = "5000"
    case(f"dibao-excluded-{item.replace('_', '-')}", f"{label} 5000 计入纯收入、不计入低保收入：低保计算人均 4333.33 低于标准", c,
         {"per_capita_net": "6000", "per_capita_dibao": "4333.33", **dec(dibao={"outcome": "applies"})})
c = base("16000"); c["employment_costs"] = "2000"
case("dibao-employment-cost-deducted", "工资 16000 扣减就业成本 2000 后 14000 低于 15000：符合", c,
     {"ledger": {"employment_cost_deducted": "2000", "total_dibao": "14000"}, **dec(dibao={"outcome": "applies", "amount": "83.33"})})
c = base("1000"); c["incomes"]["business_net"] = "15000"; c["employment_costs"] = "5000"
case("dibao-employment-cost-capped-at-wage", "就业成本以工资性收入 1000 为限：计算收入 15000，不低于标准", c,
     {"ledger": {"employment_cost_deducted": "1000"}, **dec(dibao={"outcome": "does_not_apply"})})
case("dibao-standard-override", "覆盖低保标准 6000：收入 16500 低于 18000", base("16500"),
     dec(dibao={"outcome": "applies", "amount": "125"}), options={"overrides": {"dibao.standard_annual": "6000"}})
case("dibao-edge-at-one-and-a-half", "人均 7500 恰为 1.5 倍：不属低保边缘", base("22500"), dec(dibao_edge={"outcome": "does_not_apply"}))
case("dibao-edge-one-fen-below", "人均 7499.99：低保边缘家庭", base("22499.97"), dec(dibao_edge={"outcome": "applies"}))
c = base("18000"); c["assets"] = {}
case("dibao-edge-cannot-decide-property", "人均 6000 在边缘范围内但财产未填", c, dec(dibao_edge={"outcome": "cannot_decide"}))

# ---------------------------------------------------------------- 单人户
c = base("18000"); c["members"][0].update(has_disability=True, disability={"kind": "physical", "grade": 1})
case("single-person-severe-disability", "人均 6000 的低收入家庭中一级肢体残疾人：单人户施保", c,
     dec(dibao_single_person={"outcome": "applies", "members": [{"index": 0, "outcome": "applies", "grounds": ["重度残疾人（肢体残疾一级）"]}, {"outcome": "does_not_apply"}, {"outcome": "does_not_apply"}]}))
c = base("18000"); c["members"][0].update(has_disability=True, disability={"kind": "physical", "grade": 3})
case("single-person-grade-three-not-severe", "三级肢体残疾不属重度：不适用", c, dec(dibao_single_person={"outcome": "does_not_apply"}))
c = base("18000"); c["members"][1]["serious_illness"] = True
case("single-person-serious-illness", "重病患者：单人户施保", c,
     dec(dibao_single_person={"outcome": "applies", "members": [{}, {"index": 1, "outcome": "applies", "grounds": ["重病患者"]}, {}]}))
c = base("18000"); c["last_year_total_income"] = "30000"; c["members"][2]["medical_out_of_pocket"] = "30000.01"
case("single-person-medical-cost-above-last-year-income", "当年就医自负 30000.01 超过上年度家庭总收入 30000：单人户施保", c,
     dec(dibao_single_person={"outcome": "applies", "members": [{}, {}, {"outcome": "applies"}]}))
c = base("18000"); c["last_year_total_income"] = "30000"; c["members"][2]["medical_out_of_pocket"] = "30000"
case("single-person-medical-cost-equal-last-year-income", "就医自负恰等于上年度家庭总收入：未“超过”", c,
     dec(dibao_single_person={"outcome": "does_not_apply", "thresholds": [{}, {"holds": False, "flip_at": "30000.01"}]}))
c = base("24000"); c["members"][0].update(has_disability=True, disability={"kind": "visual", "grade": 2})
case("single-person-not-low-income", "人均 8000 不低于 7500，家庭不属低收入人口：二级视力残疾也不单人户", c,
     dec(dibao_single_person={"outcome": "does_not_apply", "members": [{"outcome": "does_not_apply"}, {}, {}]}))
c = monitored(); c["members"][0].update(has_disability=True, disability={"kind": "mental", "grade": 2})
case("single-person-low-income-by-monitoring-status", "人均 9000 但为监测对象（低收入人口）：精神二级残疾单人户", c,
     dec(dibao_single_person={"outcome": "applies"}))
c = base("12000"); c["members"][0]["serious_illness"] = True
case("single-person-moot-when-whole-household-eligible", "整户已符合低保：无需单人户", c,
     dec(dibao={"outcome": "applies"}, dibao_single_person={"outcome": "does_not_apply"}))
c = base("18000"); del c["members"][1]["serious_illness"]
case("single-person-cannot-decide-illness-unknown", "一名成员是否重病未填：无法判断", c,
     dec(dibao_single_person={"outcome": "cannot_decide", "missing": [{"path": "$.members[1].serious_illness"}]}))

# ---------------------------------------------------------------- 特困
def alone(birth="1950-03-01", wage="3000", **kw):
    c = base(wage)
    c["household_type"] = "ordinary"
    kw = {"pension_insurance": False, "supporter": "none", **kw}
    c["members"] = [member("赵老汉", "head", birth, "male", "none", **kw)]
    c["last_year_total_income"] = wage
    return c
case("tekun-elderly-alone", "74 岁独居、无收入来源、无法定义务人：特困人员", alone(),
     dec(tekun={"outcome": "applies", "members": [{"outcome": "applies"}]}, help_plan={"category": "bottom_line"}))
case("tekun-age-59", "59 岁无残疾：有劳动能力（按年龄），不属特困", alone("1965-01-01"),
     dec(tekun={"outcome": "does_not_apply"}))
case("tekun-supporter-able", "有具备能力的赡养人：不属特困", alone(supporter="able"), dec(tekun={"outcome": "does_not_apply"}))
case("tekun-income-above-standard", "年收入 6000 高于低保标准：有生活来源", alone(wage="6000"), dec(tekun={"outcome": "does_not_apply"}))
case("tekun-intellectual-grade-three-2024", "40 岁三级智力残疾（民发〔2021〕43号口径，2021-07-01 起施行，已证实）：特困",
     alone("1984-01-01", has_disability=True, disability={"kind": "intellectual", "grade": 3}),
     {"params_used": contains({"id": "tekun.max_grade.intellectual_mental", "value": "3", "from": "2021-07-01", "verified": True}),
      **dec(tekun={"outcome": "applies"})})
c = alone("1984-01-01", has_disability=True, disability={"kind": "intellectual", "grade": 3}); c["assessment_date"] = "2021-06-30"
case("tekun-intellectual-grade-three-before-2021-rules", "2021-06-30 核查，民发〔2021〕43号尚未施行：三级智力残疾按 2016 办法不视为无劳动能力，不属特困",
     c, {"params_used": contains({"id": "tekun.max_grade.intellectual_mental", "value": "2", "verified": True}), **dec(tekun={"outcome": "does_not_apply"})})
c = alone("2014-01-01", orphan=True)
case("tekun-orphan-under-16", "10 岁孤儿纳入孤儿保障，不认定特困；医保全额资助", c,
     dec(tekun={"outcome": "does_not_apply"}, medical_insurance={"outcome": "applies", "members": [{"grounds": ["特困人员/孤儿（全额资助）"]}]}))
c = alone(); del c["members"][0]["supporter"]
case("tekun-cannot-decide-supporter-unknown", "法定义务人情况未填", c,
     dec(tekun={"outcome": "cannot_decide", "missing": [{"path": "$.members[0].supporter"}]}))

# ---------------------------------------------------------------- 医保资助
def status(date="2022-06-30", **st):
    c = base(date=date); c["status"].update(st); return c
case("medical-2022-tekun-full", "2022 年特困：全额 320 元/人，已证实", status(tekun=True),
     {"params_used": contains({"id": "medical.subsidy.full", "value": "320", "verified": True}), **dec(medical_insurance={"outcome": "applies", "amount": "960"})})
case("medical-2022-dibao-class-one", "2022 年一类低保：220 元/人", status(dibao=True, dibao_class="class1"),
     dec(medical_insurance={"amount": "660", "members": [{"amount": "220"}, {"amount": "220"}, {"amount": "220"}]}))
case("medical-2022-dibao-class-four", "2022 年四类低保：160 元/人", status(dibao=True, dibao_class="四类"),
     dec(medical_insurance={"amount": "480"}))
case("medical-2022-returned-to-poverty", "2022 年返贫致贫人口：160 元/人", status(returned_to_poverty=True),
     dec(medical_insurance={"amount": "480"}))
case("medical-2022-poverty-exited", "2022 年脱贫人口：100 元/人", status(), dec(medical_insurance={"amount": "300"}))
case("medical-2024-placeholder", "2024 年资助额未找到：沿用 2022 年并点名为未核实", status("2024-06-30"),
     {"unverified": contains("医保资助：脱贫人口、监测对象"), **dec(medical_insurance={"amount": "300"})})
c = base(); c["household_type"] = "ordinary"
case("medical-ordinary-household-none", "一般农户无特殊身份：不资助", c, dec(medical_insurance={"outcome": "does_not_apply"}))
case("medical-dibao-class-unknown", "低保户但类别未填：无法确定档次", status(dibao=True),
     dec(medical_insurance={"outcome": "cannot_decide", "missing": [{"path": "$.status.dibao_class"}]}))

# ---------------------------------------------------------------- 养老代缴
case("pension-dibao-adults", "低保户：两名参保成年人各代缴 100（占位），在校学生不缴", status("2024-06-30", dibao=True, dibao_class="class2"),
     dec(pension={"outcome": "applies", "amount": "200", "members": [{"outcome": "applies"}, {"outcome": "applies"}, {"outcome": "does_not_apply"}]}))
c = status("2024-06-30", dibao=True, dibao_class="class2"); c["members"][1]["pension_insurance"] = False
case("pension-not-enrolled", "未参保的低保成员：先参保后代缴", c,
     dec(pension={"amount": "100", "members": [{"outcome": "applies"}, {"outcome": "does_not_apply"}, {}]}))
c = base(); c["members"][1]["family_planning_two_certificates"] = True
case("pension-two-certificates", "计划生育两证户成员：代缴", c,
     dec(pension={"outcome": "applies", "members": [{"outcome": "does_not_apply"}, {"outcome": "applies", "grounds": ["计划生育“两证户”"]}, {}]}))
c = base(); c["members"][0].update(birth_date="1964-06-30", has_disability=True, disability={"kind": "physical", "grade": 2})
case("pension-age-sixty", "年满 60 岁的重度残疾人已到领取年龄：不再代缴", c,
     dec(pension={"outcome": "does_not_apply"}))

# ---------------------------------------------------------------- 住房 / 控辍保学 / 饮水 / 一户一策
c = status("2024-06-30", dibao=True, dibao_class="class3"); c["housing"] = "D级危房"
case("housing-d-grade-dibao-priority", "低保户住 D 级危房：重点对象优先改造", c,
     dec(housing={"outcome": "applies", "category": "priority"}))
c = base(); c["household_type"] = "ordinary"; c["housing"] = "grade_c"
case("housing-c-grade-general", "一般农户 C 级危房：纳入改造（一般对象）", c, dec(housing={"outcome": "applies", "category": "general"}))
c = base(); del c["housing"]
case("housing-unknown", "住房安全未填：无法判断", c, dec(housing={"outcome": "cannot_decide", "missing": [{"path": "$.housing"}]}))
c = base(); c["members"][2].update(schooling="out_of_school", out_of_school_reason="work")
case("schooling-dropout-for-work", "11 岁辍学务工：应劝返", c,
     dec(schooling={"outcome": "applies", "members": [{"index": 2, "outcome": "applies"}]}, risk_elimination={"outcome": "does_not_apply"}))
c = base(); c["members"][2].update(schooling="out_of_school", out_of_school_reason="health")
case("schooling-out-for-health", "因身体原因不具备学习条件：不属辍学", c, dec(schooling={"outcome": "does_not_apply"}))
c = base(); c["members"][2].update(birth_date="2008-06-30", schooling="out_of_school", out_of_school_reason="weariness")
case("schooling-age-sixteen-not-compulsory", "恰满 16 岁：已过义务教育适龄", c, dec(schooling={"outcome": "does_not_apply", "members": []}))
c = base(); c["members"][2].update(birth_date="2008-07-01", schooling="out_of_school", out_of_school_reason="weariness")
case("schooling-age-fifteen-compulsory", "15 岁（差一天满 16）厌学辍学：应劝返", c, dec(schooling={"outcome": "applies"}))
c = base(); c["drinking_water"] = "取水不便"
case("water-unsafe", "取水不便：饮水不安全", c, dec(water={"outcome": "applies", "category": "access"}))
c = base("15000"); c["status"]["monitored"] = True
for m in c["members"]: m["labour_capacity"] = "none"
case("help-plan-bottom-line", "整户无劳动力的监测对象：兜底保障", c,
     dec(help_plan={"outcome": "applies", "category": "bottom_line", "findings": [{"code": "bottom_line"}, {"code": "education_aid"}]}))
c = base("21000"); c["members"][0]["working_away"] = True; c["risks"] = ["unstable_job"]
case("help-plan-development", "有劳动力的脱贫不稳定户：产业、就业、公益岗位、就业救助", c,
     dec(help_plan={"outcome": "applies", "category": "development",
                    "findings": [{"code": "industry"}, {"code": "employment"}, {"code": "public_welfare_job"}, {"code": "education_aid"}, {"code": "employment_aid"}]}))

# ---------------------------------------------------------------- ID numbers
c = base(); c["members"][0] = member("王五", "head", None, None, "full"); del c["members"][0]["birth_date"]; del c["members"][0]["sex"]
c["members"][0]["id_number"] = "34052419800101001X"
case("id-number-derives-birth-and-sex", "由身份证号推出出生日期和性别", c, dec(pension={"members": [{"outcome": "does_not_apply"}, {}, {}]}))
c = base(); c["members"][0]["id_number"] = "34052419800101001X12"; del c["members"][0]["birth_date"]
case("id-number-disability-card-form", "20 位残疾人证号（身份证号+2 位）可接受", c, {"household_size": 3})

# ---------------------------------------------------------------- bad input
c = base(); c["incomes"]["wage"] = "-1"; c["members"][0]["medical_out_of_pocket"] = -5; c["expenses"]["education"] = "12.345"
case("bad-negative-money", "负数金额、三位小数：逐项报错", c,
     errors=["$.incomes.wage", "$.members[0].medical_out_of_pocket", "$.expenses.education"])
c = base(); c["assessment_date"] = "2023-02-29"; c["members"][1]["birth_date"] = "2001-13-01"; c["status"]["monitored_since"] = "2024/01/01"
case("bad-impossible-dates", "不存在的日期和格式错误", c,
     errors=["$.assessment_date", "$.members[1].birth_date", "$.status.monitored_since"])
c = base(); c["members"][0]["id_number"] = "110105194912310021"
case("bad-id-check-digit", "身份证号校验码错误", c, errors=["$.members[0].id_number"], schema_rejects=False)
c = base(); c["members"][1]["id_number"] = "34052419800101001X"
case("bad-id-birth-date-mismatch", "身份证号与出生日期、性别不一致", c, errors=["$.members[1].birth_date", "$.members[1].sex"], schema_rejects=False)
c = base(); c["members"][0]["labour_capacity"] = "strong"; c["members"][1]["relation"] = "cousin"; c["foo"] = 1
c["housing"] = "E级危房"; c["risks"] = ["因懒"]; c["incomes"]["bonus"] = "1"
case("bad-unknown-values", "未知取值和未知字段", c,
     errors=["$.members[0].labour_capacity", "$.members[1].relation", "$.foo", "$.housing", "$.risks[0]", "$.incomes.bonus"])
c = base(); del c["schema"]; del c["assessment_date"]; del c["members"]
case("bad-missing-required-fields", "缺格式版本、核查日期、家庭成员", c, errors=["$.schema", "$.assessment_date", "$.members"])
c = base(); c["members"] = [copy.deepcopy(c["members"][2]) for _ in range(31)]
case("bad-too-many-members", "31 名成员：超过上限", c, errors=["$.members"])
c = base(); c["members"][0]["disability"] = {"kind": "physical", "grade": 7}; c["members"][0]["has_disability"] = True
c["incomes"]["wage"] = "1000000000000"; c["status"]["income_stable_months"] = 9999
case("bad-absurd-values", "残疾等级 7、金额一万亿、稳定 9999 个月", c,
     errors=["$.members[0].disability.grade", "$.incomes.wage", "$.status.income_stable_months"])
c = base(); c["schema"] = "jingning.household/2"
case("bad-schema-version", "格式版本不符", c, errors=["$.schema"])
c = base(); c["members"][2]["birth_date"] = "2025-01-01"; c["members"] += [member("户主二", "head", "1990-01-01", "male", "full")]
case("bad-born-after-assessment-and-two-heads", "出生晚于核查日期、两个户主", c, errors=["$.members[2].birth_date", "$.members"], schema_rejects=False)
c = base(); c["members"] = []
case("bad-no-members", "家庭成员为空", c, errors=["$.members"])

os.makedirs(OUT, exist_ok=True)
for f in os.listdir(OUT):
    if f.endswith(".json"):
        os.remove(os.path.join(OUT, f))
for name, c in cases.items():
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(c, f, ensure_ascii=False, indent=1)
        f.write("\n")
print(len(cases), "cases")
