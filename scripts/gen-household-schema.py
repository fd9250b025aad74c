#!/usr/bin/env python3
"""Writes schemas/household-case.schema.json from the engine's own option lists and the field
catalogue (data/household-fields.toml: every property's `title` is the field's Chinese label,
its `description` the hint).

Usage: cargo run -q -- household-choices | python3 scripts/gen-household-schema.py
Tests check that the schema's enums still match the engine (tests/household_cases.rs) and that
every catalogue field is in the schema under its label (tests/field_catalogue.rs).
"""
import json, os, sys, tomllib

choices = json.load(sys.stdin)
def enum(key):
    vals = []
    for c in choices[key]:
        vals += [c["code"], c["label"]]
    return {"type": ["string", "null"], "enum": vals + [None], "description": " / ".join(f'{c["label"]}({c["code"]})' for c in choices[key])}

money = {"description": "金额（元）：十进制文本如 \"1234.56\" 或数字，非负，最多两位小数",
         "oneOf": [{"type": "string", "pattern": "^\\s*[0-9]{1,11}(\\.[0-9]{1,2}0*)?\\s*$"},
                   {"type": "number", "minimum": 0, "maximum": 99999999999}, {"type": "null"}]}
net_money = {"description": "净额（元）：十进制文本如 \"-3000\" 或数字，可为负数（亏损），最多两位小数",
             "oneOf": [{"type": "string", "pattern": "^\\s*-?[0-9]{1,11}(\\.[0-9]{1,2}0*)?\\s*$"},
                       {"type": "number", "minimum": -99999999999, "maximum": 99999999999}, {"type": "null"}]}
date = {"type": ["string", "null"], "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "日期 YYYY-MM-DD"}
yesno = {"description": "是/否", "oneOf": [{"type": "boolean"}, {"enum": ["是", "否", "true", "false"]}, {"type": "null"}]}
def text(n, d): return {"type": ["string", "null"], "maxLength": n, "description": d}
def integer(lo, hi, d): return {"type": ["integer", "null"], "minimum": lo, "maximum": hi, "description": d}
def obj(props, required=(), d=""):
    o = {"type": "object", "additionalProperties": False, "properties": props, "description": d}
    if required: o["required"] = list(required)
    return o
def ref(k): return {"$ref": f"#/$defs/{k}"}
def listof(k, d): return {"type": ["array", "null"], "maxItems": 20, "items": {"type": "string", "enum": enum(k)["enum"][:-1]}, "description": d}

member = obj({
    "name": text(50, "姓名"), "relation": ref("relation"),
    "id_number": {"type": ["string", "null"], "pattern": "^\\s*[0-9]{17}[0-9Xx]([0-9]{2}){0,2}\\s*$", "description": "身份证号（18 位；残疾人证号 20/22 位）"},
    "birth_date": ref("date"), "sex": ref("sex"), "labour_capacity": ref("labour_capacity"),
    "has_disability": ref("yesno"),
    "disability": {"oneOf": [obj({"kind": ref("disability_kind"), "grade": integer(1, 4, "残疾等级 1–4")}), {"type": "null"}], "description": "残疾情况"},
    "serious_illness": ref("yesno"), "chronic_illness": ref("yesno"), "schooling": ref("schooling"),
    "out_of_school_reason": ref("out_of_school_reason"), "medical_insurance": ref("yesno"),
    "pension_insurance": ref("yesno"), "family_planning_two_certificates": ref("yesno"), "working_away": ref("yesno"),
    "orphan": ref("yesno"), "supporter": ref("supporter"), "medical_out_of_pocket": ref("money"),
    "own_income": ref("money"),
}, d="家庭成员")
here = os.path.dirname(__file__)
with open(os.path.join(here, "..", "data", "household-fields.toml"), "rb") as f:
    catalogue = tomllib.load(f)["field"]
kinds = {f["path"]: f["kind"] for f in catalogue}
items = {c["code"]: ref(kinds.get(f'incomes.{c["code"]}', "money")) for c in choices["income_item"]}
schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://jingning.example/schemas/household-case.schema.json",
    "title": "静宁县农户政策核对：农户信息（jingning.household/1）",
    "description": "见 docs/household-case.md。缺省或 null 表示未知。",
    **obj({
        "schema": {"const": "jingning.household/1"},
        "assessment_date": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "核查日期"},
        "head_name": text(50, "户主姓名"), "village": text(50, "所在村"),
        "household_type": ref("household_type"),
        "status": {"oneOf": [obj({
            "dibao": ref("yesno"), "dibao_class": ref("dibao_class"), "tekun": ref("yesno"), "tekun_dispersed": ref("yesno"),
            "monitored": ref("yesno"), "monitored_since": ref("date"), "monitoring_type": ref("monitoring_type"),
            "measures_taken": listof("measure", "已落实帮扶措施"), "returned_to_poverty": ref("yesno"),
            "income_stable_months": integer(0, 600, "收入持续稳定月数"), "original_risk_eliminated": ref("yesno"), "new_risk": ref("yesno"),
            "relocated": ref("yesno"),
        }), {"type": "null"}]},
        "members": {"type": "array", "minItems": 1, "maxItems": 30, "items": member},
        "incomes": {"oneOf": [{"type": "object", "additionalProperties": False, "properties": items}, {"type": "null"}]},
        "employment_costs": ref("money"), "last_year_total_income": ref("money"), "last_year_net_income": ref("net_money"),
        "expenses": {"oneOf": [obj({k: ref("money") for k in ["education", "disability_rehab", "disaster_loss", "accident_loss"]}), {"type": "null"}]},
        "assets": {"oneOf": [obj({"deposits": ref("money"), "vehicles": integer(0, 50, "机动车辆数"), "other_houses": ref("yesno"),
                                  "within_dibao_rules": ref("yesno")}), {"type": "null"}]},
        "housing": ref("housing"), "housing_support_received": ref("yesno"), "drinking_water": ref("drinking_water"), "food_clothing_secure": ref("yesno"),
        # "none" (已核实无风险) is an answer of its own: never beside a risk kind.
        "risks": {**listof("risk", "返贫致贫风险（申报；none 已核实无风险只能单独选）"),
                  "if": {"type": "array", "contains": {"enum": enum("risk")["enum"][enum("risk")["enum"].index("none"):][:2]}}, "then": {"maxItems": 1}},
    }, required=["schema", "assessment_date", "members"]),
    "$defs": {"money": money, "net_money": net_money, "date": date, "yesno": yesno, **{k: enum(k) for k in choices if k not in ("income_item", "outcome")}},
}
def node(path):
    """The schema node of a catalogue path (`status.dibao`, `members[].disability.grade`)."""
    n = schema
    for part in path.replace("[]", "").split("."):
        while "properties" not in n:
            n = n["oneOf"][0] if "oneOf" in n else n["items"]
        n = n["properties"][part]
    return n

for field in catalogue:
    if field["kind"] == "key":
        continue  # 户编号 splits a sheet into households; it is not part of a case
    n = node(field["path"])
    n["title"] = field["label"]
    if field.get("hint"):
        n["description"] = field["hint"]
out = os.path.join(here, "..", "schemas", "household-case.schema.json")
with open(out, "w") as f:
    json.dump(schema, f, ensure_ascii=False, indent=2)
    f.write("\n")
