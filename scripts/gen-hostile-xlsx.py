#!/usr/bin/env python3
"""Writes the hostile workbooks of tests/batch/hostile/ (issue 15), each a minimal xlsx:

  shared-string-past-table.xlsx  a cell <c t="s"><v>999999</v> past the shared-string table
  formula-no-value.xlsx          a formula cell saved without its cached result
  underdeclared.xlsx             a sheet that inflates to 8 MB whose zip directory says 64 KB
  merge-backwards.xlsx           a merged range written end first (ref="A3:A2")

Run from the repository root: python3 scripts/gen-hostile-xlsx.py
"""
import struct
import zipfile

OUT = "tests/batch/hostile/"
HEADERS = ["户编号", "所在村", "姓名", "与户主关系", "出生日期", "劳动能力", "工资性收入"]

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""


def col(i):
    return chr(ord("A") + i)


def shared(strings):
    si = "".join(f"<si><t>{s}</t></si>" for s in strings)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">{si}</sst>'


def header_row():
    return '<row r="1">' + "".join(f'<c r="{col(i)}1" t="s"><v>{i}</v></c>' for i in range(len(HEADERS))) + "</row>"


def sheet(rows, after=""):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + header_row() + "".join(rows) + "</sheetData>" + after + "</worksheet>")


def inline(r, c, text):
    return f'<c r="{col(c)}{r}" t="inlineStr"><is><t>{text}</t></is></c>'


def member(r, extra=""):
    cells = [inline(r, 0, "A1"), inline(r, 1, "甲村"), inline(r, 2, "张三"), inline(r, 3, "户主"), inline(r, 4, "1970-01-01"), inline(r, 5, "全劳力")]
    return f'<row r="{r}">' + "".join(cells) + extra + "</row>"


def write(name, sheet_xml):
    with zipfile.ZipFile(OUT + name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/sharedStrings.xml", shared(HEADERS))
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)


write("shared-string-past-table.xlsx", sheet([member(2, '<c r="G2" t="s"><v>999999</v></c>')]))
write("merge-backwards.xlsx", sheet([member(2), member(3)], '<mergeCells count="1"><mergeCell ref="A3:A2"/></mergeCells>'))
write("formula-no-value.xlsx", sheet([member(2, '<c r="G2"><f>SUM(1000,2000)</f></c>')]))

# 8 MB of rows, declared as 64 KB in both the local header and the central directory.
big = sheet([member(2, inline(2, 7, "备" * (8 * 1024 * 1024 // 3)))])
write("underdeclared.xlsx", big)
data = bytearray(open(OUT + "underdeclared.xlsx", "rb").read())
real = len(big.encode())
lie = 64 * 1024
for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
    at = 0
    while (at := data.find(sig, at)) >= 0:
        if struct.unpack_from("<I", data, at + offset)[0] == real:
            struct.pack_into("<I", data, at + offset, lie)
        at += 4
open(OUT + "underdeclared.xlsx", "wb").write(data)
