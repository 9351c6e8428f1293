#!/usr/bin/python3
"""Edits a budgetxl workbook the way a person would, with openpyxl (an independent writer).

usage: edit_workbook.py IN.xlsx OUT.xlsx
Prints one tab-separated line per edit: what was changed and where (sheet!cell), for the test to check.
"""
import sys

import openpyxl

src, dst = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)


def find(ws, text):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell
    raise SystemExit(f"{ws.title}: no cell {text!r}")


def find_total(ws, offset):
    """The 合计 data row's cell `offset` columns right of the label (the header also says 合计)."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "合计":
                target = ws.cell(row=cell.row, column=cell.column + offset)
                if isinstance(target.value, (int, float)):
                    return target
    raise SystemExit(f"{ws.title}: no 合计 row")


# 表3: a blank row inserted above everything and a blank column before the table.
ws = wb["表3 预算支出总表"]
ws.insert_rows(1)
ws.insert_cols(1)
# 表5: the 合计 row's 合计 typed as text with a thousands separator and a trailing space.
ws = wb["表5 一般公共预算支出预算表（不含上年结转）"]
cell = find_total(ws, 2)
print(f"text-number\t{ws.title}!{cell.coordinate}\t{cell.value}")
cell.value = "{:,.2f} ".format(cell.value)
# 表2: full-width digits typed into the 合计 row's 一般公共预算 cell.
ws = wb["表2 预算收入总表"]
cell = find_total(ws, 3)
print(f"fullwidth\t{ws.title}!{cell.coordinate}\t{cell.value}")
cell.value = "{:.2f}".format(cell.value).translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
# 表6: renamed by a person.
wb["表6 基本支出分经济科目表"].title = "经济科目明细"
# 表13 is empty in the sample: deleted.
del wb["表13 项目支出预算表（上年结转）"]
# 表10: a value that is not an amount.
ws = wb["表10 “三公”经费支出预算表"]
row = find(ws, "公务接待费").row
cell = ws.cell(row=row, column=2)
print(f"bad\t{ws.title}!{cell.coordinate}")
cell.value = "约1.5"
wb.save(dst)
