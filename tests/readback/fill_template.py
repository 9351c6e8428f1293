"""Fills an official blank Excel template with a report's figures, the way a clerk would.

    fill_template.py TEMPLATE.xlsx MODEL.json FAMILY_TABLES_DIR OUT.xlsx

MODEL.json is `budgetxl json` of the report's text. For every table of the model, the template's
sheet whose title names the same table gets the report's title, entity and rows: below the
template's header rows, its sample rows cleared, codes typed as a clerk types them (the 类 as a
number, 款 and 项 as text such as "02"), amounts as numbers, blanks left empty. Nothing of budgetxl
is used to write the workbook.
"""
import json
import os
import re
import sys

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from readback import load_templates, split_code  # noqa: E402  (the checker's template loading and code splitting)


def key(text):
    return re.sub(r"\s+", "", str(text or ""))


def title_key(title):
    return re.sub(r"^\d{4}年(度)?", "", key(title))


def main():
    template, model_path, tables_dir, out = sys.argv[1:5]
    with open(model_path, encoding="utf-8") as f:
        model = json.load(f)
    layouts = load_templates(tables_dir)
    wb = openpyxl.load_workbook(template)
    for table in model["tables"]:
        layout = layouts[table["number"]]
        want = title_key(table["title"])
        sheet = None
        for ws in wb.worksheets:
            for r in range(1, 6):
                v = ws.cell(r, 1).value
                if v and title_key(v) == want:
                    sheet, title_row = ws, r
        if sheet is None:
            raise SystemExit(f"no template sheet for {table['title']}")
        ws = sheet
        ws.cell(title_row, 1).value = table["title"]
        # The entity after the template's 编制部门： label.
        for r in range(title_row + 1, title_row + 4):
            v = ws.cell(r, 1).value
            if v and str(v).startswith("编制"):
                ws.cell(r, 1).value = f"{str(v).rstrip('：:')}：{table['entity']}"
        # The header: the row holding the layout's first header cell, then as many rows as it has.
        first = next(c for c in layout["header"][0] if c)
        first = first.replace("{year}", table["title"][:4])
        header_top = next(r for r in range(title_row + 1, ws.max_row + 1)
                          if key(ws.cell(r, 1).value) in (key(first), key(first.replace(table["title"][:4] + "年", ""))))
        # The header rows are the template's own (a 部门 table may print fewer than the layout has).
        header_keys = [[key(c.replace("{year}", table["title"][:4])) for c in row if c]
                       for row in layout["header"] + layout.get("header_variants", [])]
        def row_keys(r):
            return [key(ws.cell(r, c).value) for c in range(1, ws.max_column + 1) if key(ws.cell(r, c).value)]
        def is_header(keys):
            return bool(keys) and any(keys == h or (set(keys) <= set(h) and len(keys) >= 1) for h in header_keys)
        data_top = header_top
        while data_top <= ws.max_row and is_header(row_keys(data_top)):
            data_top += 1
        for m in list(ws.merged_cells.ranges):
            if m.max_row >= data_top:
                ws.unmerge_cells(str(m))
        for r in range(data_top, ws.max_row + 1):
            for c in range(1, ws.max_column + 1):
                ws.cell(r, c).value = None
        printed = [c for c in layout["columns"] if c["id"] not in set(table.get("absent_columns", []))]
        for i, row in enumerate(table["rows"]):
            col = 1
            for c in printed:
                value = row["cells"].get(c["id"])
                if c.get("parts"):
                    for k, part in enumerate(split_code(value or "", c["parts"])):
                        if part:
                            ws.cell(data_top + i, col).value = int(part) if k == 0 and part.isdigit() else part
                        col += 1
                    continue
                if c["kind"] == "amount":
                    if isinstance(value, str):
                        ws.cell(data_top + i, col).value = float(value)
                elif value:
                    ws.cell(data_top + i, col).value = value
                col += 1
    wb.save(out)


if __name__ == "__main__":
    main()
