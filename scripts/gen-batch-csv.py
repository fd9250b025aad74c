#!/usr/bin/env python3
"""Writes a synthetic township sheet (CSV, template headers, one row per member) of N households
for batch benchmarks: `scripts/gen-batch-csv.py 1000000 > /tmp/households.csv`.

Deterministic (seeded), varied enough to reach every branch that matters for speed: 1–6 members,
incomes around the 低保 and monitoring lines, some disabilities, illnesses, C/D 级危房, students.
No real person: names are 户主N / 成员N, no ID numbers (birth dates instead)."""
import csv
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
rng = random.Random(20240630)
headers = [
    "户编号", "所在村", "姓名", "与户主关系", "出生日期", "劳动能力", "是否残疾", "患重病", "患慢性病",
    "在校情况", "参加城乡居民医保", "参加城乡居民养老保险", "医疗自付费用", "农户类型", "低保户", "特困供养户",
    "监测对象", "返贫致贫人口", "工资性收入", "家庭经营净收入", "财产净收入", "其他转移净收入", "基础养老金",
    "必要的就业成本", "上年度家庭总收入", "教育支出", "残疾康复支出", "自然灾害损失", "意外事故损失",
    "财产状况符合低保规定", "住房安全", "饮水安全", "不愁吃不愁穿",
]
villages = ["城川村", "南坪村", "高家岔村", "李店村", "威戎村", "八里村", "红寺村", "仁大村"]
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(headers)
for h in range(1, n + 1):
    size = rng.choice([1, 2, 2, 3, 3, 4, 4, 5, 6])
    wage = rng.choice([0, 3000, 8000, 15000, 24000, 40000])
    business = rng.choice([0, 1200, 3000, 6000])
    household = [
        rng.choice(villages), rng.choice(["脱贫户", "一般农户"]), "否", "否", rng.choice(["否", "否", "是"]), "否",
        wage, business, 0, rng.choice([0, 500, 800]), rng.choice([0, 1500]), rng.choice([0, 1000, 2000]),
        wage + business + 3000, rng.choice([0, 2000]), 0, 0, 0, "是",
        rng.choice(["安全", "安全", "安全", "C级危房", "D级危房"]), "安全", "是",
    ]
    for m in range(size):
        head = m == 0
        year = rng.randint(1940, 1985) if head else rng.randint(1940, 2020)
        age = 2024 - year
        school = "小学" if 6 <= age < 12 else "初中" if 12 <= age < 15 else "已毕业/不在校" if age >= 15 else "学龄前或非在校"
        labour = "无劳力" if age < 16 or age > 70 else rng.choice(["全劳力", "全劳力", "半劳力", "弱劳力"])
        member = [
            f"户主{h}" if head else f"成员{h}-{m}", "户主" if head else rng.choice(["配偶", "子女", "孙子女/外孙子女", "父母"]),
            f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", labour, rng.choice(["否"] * 9 + ["是"]),
            rng.choice(["否"] * 9 + ["是"]), rng.choice(["否", "否", "是"]), school, "是", "是" if age >= 16 else "",
            rng.choice([0, 0, 500, 8000]),
        ]
        hh = household if head else [""] * len(household)
        # Household columns on the head's row only (as merged cells would leave them in CSV).
        v, t, dib, tek, mon, ret = hh[0:6]
        rest = hh[6:]
        w.writerow([f"H{h:07d}", v, *member[:10], member[10], t, dib, tek, mon, ret, *rest])
