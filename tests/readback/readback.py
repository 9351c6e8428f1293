#!/usr/bin/python3
"""Independent read-back of a budgetxl workbook: opens BOOK.xlsx with openpyxl and compares every
table cell with MODEL.json (the output of `budgetxl json REPORT`).

Checked for each table of the model:
  * the sheet the template names ("表1 预算收支总表") exists; names are unique, at most 31
    characters, without / \\ ? * : [ ];
  * row 1 is the label line (预算公开表1) when the model has one, then the title, then the entity
    line and "单位：<unit>";
  * the header rows are the template's (templates/tables/*.json, "{year}" substituted, absent
    columns left out), and the panes are frozen right below the header block;
  * every data row follows the header in model order, each cell in its column:
      - amounts are numeric cells equal to the model after rounding to 2 decimals, formatted
        #,##0.00; a blank amount is an empty cell (never 0); an unparseable amount is its text;
      - codes, names and labels are strings equal to the model (an empty one is an empty cell);
      - nothing is written to the right of the printed columns;
  * the 本表无数据 note follows the rows when the model has one, and nothing else follows.
Also checked: the first sheet is 封面; every heading and paragraph of the prose parts is in its
sheet in order, with table blocks linking to their sheet; the set-aside items are listed.

Prints `readback: N tables, M cells checked, K mismatches` and exits 1 when K > 0.
"""

import argparse
import json
import os
import re
import sys
from decimal import Decimal, InvalidOperation

try:
    import openpyxl
except ImportError:  # the shell wrapper skips the test in that case
    print("readback: openpyxl is not installed", file=sys.stderr)
    sys.exit(77)

CENT = Decimal("0.01")
MAX_CELL = 32000  # code points per cell before the writer continues on the next row
PART_SHEETS = {
    "cover": "封面文字",
    "contents": "目录",
    "overview": "概况",
    "tables": "预算报表",
    "explanation": "情况说明",
    "glossary": "名词解释",
    "other": "其他",
}
INVALID_SHEET_CHARS = set('/\\?*:[]')


class Checker:
    def __init__(self, verbose_limit=40):
        self.cells = 0
        self.mismatches = 0
        self.limit = verbose_limit
        self.kinds = {}  # what was checked: "amount", "blank", "code", "header", "prose" …

    def ok(self, condition, where, message, kind="other"):
        """Counts one checked cell; reports it when `condition` is false."""
        self.cells += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if not condition:
            self.fail(where, message)
        return condition

    def fail(self, where, message):
        self.mismatches += 1
        if self.mismatches <= self.limit:
            print(f"mismatch: {where}: {message}")
        elif self.mismatches == self.limit + 1:
            print("mismatch: … (further mismatches not shown)")


def ref(sheet, row, col):
    return f"{sheet}!{openpyxl.utils.get_column_letter(col)}{row}"


def leading_year(text):
    m = re.match(r"\s*(\d{4})", text or "")
    return m.group(1) if m else ""


def load_templates(directory):
    layouts = {}
    for name in sorted(os.listdir(directory)):
        if name.endswith(".json"):
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                layout = json.load(f)
            layouts[layout["number"]] = layout
    return layouts


def parse_range(text):
    """"A1:B2" -> (first_row, first_col, last_row, last_col), 0-based."""
    a, _, b = text.partition(":")
    b = b or a

    def cell(s):
        m = re.fullmatch(r"([A-Z]+)(\d+)", s)
        col = 0
        for ch in m.group(1):
            col = col * 26 + ord(ch) - 64
        return int(m.group(2)) - 1, col - 1

    r0, c0 = cell(a)
    r1, c1 = cell(b)
    return r0, c0, r1, c1


def merge_from_layout(m):
    if isinstance(m, str):
        return parse_range(m)
    return m["first_row"], m["first_col"], m["last_row"], m["last_col"]


def expected_header(layout, printed, year):
    """Header text per (row, printed column), with merges clipped to the printed columns.
    Cells covered by a merge other than its first cell are None (not checked)."""
    header = layout.get("header", [])
    rows = len(header)

    def text(r, c):
        if r < rows and c < len(header[r]):
            return header[r][c].replace("{year}", year)
        return ""

    grid = [[text(r, c) for c in printed] for r in range(rows)]
    taken = [[False] * len(printed) for _ in range(rows)]
    for m in layout.get("merges", []):
        r0, c0, r1, c1 = merge_from_layout(m)
        r0, r1 = max(r0, 0), min(r1, rows - 1)
        cols = [j for j, c in enumerate(printed) if c0 <= c <= c1]
        if r0 > r1 or not cols:
            continue
        if any(taken[r][j] for r in range(r0, r1 + 1) for j in cols):
            continue
        value = ""
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if not value:
                    value = text(r, c)
        for r in range(r0, r1 + 1):
            for j in cols:
                taken[r][j] = True
                grid[r][j] = None
        grid[r0][cols[0]] = value
    return grid


def printed_fields(layout, absent):
    """The printed fields of a layout without its absent columns: (field index, column, part index or
    None). A code printed in parts (Shanghai's 类 | 款 | 项) takes one field per part."""
    out, k = [], 0
    for c in layout["columns"]:
        parts = c.get("parts") or [None]
        for p, part in enumerate(parts):
            if c["id"] not in absent:
                out.append((k, c, p if part else None))
            k += 1
    return out


def split_code(code, parts):
    """The national code in its printed parts ("20106" -> ["201", "06", ""]); a text that is no
    code of these parts stays whole in the first."""
    digits = [p["digits"] for p in parts]
    if code.isdigit():
        out, at = [], 0
        for d in digits:
            if at == len(code):
                out.append("")
            elif at + d <= len(code):
                out.append(code[at:at + d])
                at += d
            else:
                break
        if at == len(code) and len(out) == len(digits):
            return out
    return [code] + [""] * (len(digits) - 1)


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_table(ws, table, layout, meta_year, chk):
    name = ws.title
    columns = table["columns"]  # printed columns, in order
    absent = set(table.get("absent_columns", []))
    # One sheet column per printed field: (column, part index or None).
    fields = [(c, p) for _, c, p in printed_fields(layout, absent)] if layout is not None else [(c, None) for c in columns]
    n = len(fields)

    # Optional label line (预算公开表1) above the title, then the title, then the entity line.
    top = 1
    if table.get("label_line"):
        chk.ok(ws.cell(1, 1).value == table["label_line"], ref(name, 1, 1),
               f"label line {ws.cell(1, 1).value!r}, expected {table['label_line']!r}")
        top = 2
    chk.ok(ws.cell(top, 1).value == (table["title"] or None), ref(name, top, 1),
           f"title {ws.cell(top, 1).value!r}, expected {table['title']!r}")
    entity = ""
    if table.get("entity_label") or table.get("entity"):
        entity = f"{table.get('entity_label', '')}：{table.get('entity', '')}"
    got = ws.cell(top + 1, 1).value or ""
    chk.ok(got == entity or (n == 1 and got.startswith(entity)), ref(name, top + 1, 1),
           f"entity line {got!r}, expected {entity!r}")
    if n >= 2 and table.get("unit"):
        unit = f"单位：{table['unit']}"
        chk.ok(ws.cell(top + 1, n).value == unit, ref(name, top + 1, n),
               f"unit {ws.cell(top + 1, n).value!r}, expected {unit!r}")
    header_top = top + 2

    header_rows = 0
    if layout is not None:
        printed = [k for k, _, _ in printed_fields(layout, absent)]
        layout_ids = [c["id"] for c in layout["columns"] if c["id"] not in absent]
        chk.ok(layout_ids == [c["id"] for c in columns], name,
               f"model columns {[c['id'] for c in columns]} differ from the template {layout_ids}")
        year = leading_year(table["title"]) or (str(meta_year) if meta_year else "")
        grid = expected_header(layout, printed, year)
        header_rows = len(grid)
        for r, cells in enumerate(grid):
            for j, want in enumerate(cells):
                if want is None:
                    continue
                got = ws.cell(header_top + r, 1 + j).value
                chk.ok((got or "") == want, ref(name, header_top + r, 1 + j), f"header {got!r}, expected {want!r}",
                       "header")
        if layout.get("column_numbers"):
            for j in range(n):
                got = ws.cell(header_top + header_rows, 1 + j).value
                chk.ok(str(got) == str(j + 1), ref(name, header_top + header_rows, 1 + j), f"column number {got!r}",
                       "header")
            header_rows += 1
        first = header_top + header_rows
        chk.ok(ws.freeze_panes == f"A{first}", name, f"panes frozen at {ws.freeze_panes}, expected A{first}")
    else:
        # No template: find the data from the frozen panes.
        m = re.fullmatch(r"A(\d+)", ws.freeze_panes or "")
        if not m:
            chk.fail(name, "no template and no frozen header; cannot locate the rows")
            return
        first = int(m.group(1))

    rows = table["rows"]
    for i, row in enumerate(rows):
        r = first + i
        cells = row["cells"]
        for j, (col, part) in enumerate(fields):
            c = j + 1
            where = ref(name, r, c)
            cell = ws.cell(r, c)
            got = cell.value
            want = cells.get(col["id"])
            if part is not None:
                want = split_code(want or "", col["parts"])[part]
            if col["kind"] == "amount":
                if want is None:
                    chk.ok(got is None, where, f"blank amount written as {got!r}", "blank amount")
                elif isinstance(want, dict):
                    chk.ok(got == want.get("text"), where, f"text {got!r}, expected {want.get('text')!r}", "amount text")
                else:
                    if not is_number(got):
                        chk.ok(False, where, f"amount {want} written as {got!r} (not a number)", "amount")
                        continue
                    try:
                        same = Decimal(str(got)).quantize(CENT) == Decimal(want).quantize(CENT)
                    except InvalidOperation:
                        same = False
                    if chk.ok(same, where, f"amount {got!r}, expected {want}", "amount"):
                        if cell.number_format != "#,##0.00":
                            chk.fail(where, f"number format {cell.number_format!r}")
            else:
                want = want or ""
                if want == "":
                    chk.ok(got is None or got == "", where, f"empty {col['kind']} written as {got!r}", "blank text")
                else:
                    chk.ok(isinstance(got, str) and cell.data_type == "s" and got == want, where,
                           f"{col['kind']} {got!r} ({cell.data_type}), expected {want!r} (text)", col["kind"])
        # Nothing to the right of the printed columns.
        for c in range(n + 1, ws.max_column + 1):
            if ws.cell(r, c).value is not None:
                chk.fail(ref(name, r, c), f"unexpected value {ws.cell(r, c).value!r}")

    end = first + len(rows)
    note = table.get("no_data_note") or ""
    if note:
        chk.ok(ws.cell(end, 1).value == note, ref(name, end, 1), f"note {ws.cell(end, 1).value!r}, expected {note!r}")
        end += 1
    for r in range(end, ws.max_row + 1):
        for c in range(1, ws.max_column + 1):
            if ws.cell(r, c).value is not None:
                chk.fail(ref(name, r, c), f"unexpected value {ws.cell(r, c).value!r} after the table")
                break


def split_cells(text):
    if len(text) <= MAX_CELL:
        return [text]
    return [text[i:i + MAX_CELL] for i in range(0, len(text), MAX_CELL)]


def check_prose(wb, model, table_sheets, chk):
    used = set()
    for part in model.get("parts", []):
        blocks = part.get("blocks", [])
        if not any(b["kind"] in ("heading", "paragraph") for b in blocks):
            continue
        base = PART_SHEETS.get(part["kind"], part.get("name") or "其他")
        name, k = base, 2
        while name in used:
            name, k = f"{base}{k}", k + 1
        used.add(name)
        if name not in wb.sheetnames:
            chk.fail(name, "prose sheet missing")
            continue
        ws = wb[name]
        expected = []  # (text or None, link target or None)
        heading = part.get("heading") or ""
        if heading and not (blocks and blocks[0].get("text") == heading):
            expected += [(t, None) for t in split_cells(heading)]
        for b in blocks:
            if b["kind"] in ("heading", "paragraph"):
                # The line as written: markdown '#' marks, a space, the text.
                line = ("#" * b["markup"] + " " if b.get("markup") else "") + b.get("text", "")
                expected += [(t, None) for t in split_cells(line)]
            elif b["kind"] == "table":
                target = table_sheets.get(b.get("table"))
                expected.append((f"见{target}" if target else None, target))
            else:
                expected.append((None, None))  # form: a link to its sheet, or the form's name
        for i, (text, target) in enumerate(expected):
            cell = ws.cell(1 + i, 1)
            where = ref(name, 1 + i, 1)
            location = cell.hyperlink.location if cell.hyperlink is not None else None
            linked = sheet_of(location)
            if text is not None:
                chk.ok((cell.value or "") == text, where, f"{cell.value!r}, expected {text!r}", "prose")
            if target is not None:
                chk.ok(linked == target, where, f"link to {location!r}, expected {target!r}", "link")
            elif text is None:  # a form block
                chk.ok(bool(cell.value) and (location is None or linked in wb.sheetnames), where,
                       f"form block {cell.value!r} links to {location!r}", "link")
        if ws.max_row > len(expected) and ws.cell(ws.max_row, 1).value is not None:
            chk.fail(name, f"{ws.max_row} rows, expected {len(expected)}")


def sheet_of(location):
    """"'表1 预算收支总表'!A1" -> "表1 预算收支总表"."""
    if not location:
        return None
    sheet = location.rsplit("!", 1)[0]
    if sheet.startswith("'") and sheet.endswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    return sheet


def check_set_aside(wb, model, chk):
    items = model.get("set_aside", [])
    if not items:
        return
    if "其他材料" not in wb.sheetnames:
        chk.fail("其他材料", "sheet missing")
        return
    ws = wb["其他材料"]
    r = 2
    for item in items:
        for piece in split_cells(item.get("text", "")):
            chk.ok((ws.cell(r, 3).value or "") == piece, ref(ws.title, r, 3),
                   f"{ws.cell(r, 3).value!r}, expected {piece!r}", "set aside")
            r += 1


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("book")
    parser.add_argument("model")
    parser.add_argument("--templates", default=os.path.join(here, "..", "..", "templates"),
                        help="the layout families (default: the project's templates/); the tables of the "
                             "model's family (meta.family) are read from FAMILY/tables")
    parser.add_argument("--set-aside", action=argparse.BooleanOptionalAction, default=True,
                        help="expect the 其他材料 sheet (default: yes)")
    args = parser.parse_args()

    with open(args.model, encoding="utf-8") as f:
        model = json.load(f)
    chk = Checker()
    family = model.get("meta", {}).get("family", "")
    tables_dir = os.path.join(args.templates, family, "tables")
    if not os.path.isdir(tables_dir):  # a single family folder, or its tables/ given directly
        tables_dir = os.path.join(args.templates, "tables")
    if not os.path.isdir(tables_dir):
        tables_dir = args.templates
    layouts = load_templates(tables_dir) if os.path.isdir(tables_dir) else {}
    chk.ok(bool(layouts), args.book, f"no table layouts found for family {family!r} under {args.templates}")
    wb = openpyxl.load_workbook(args.book)  # not read_only: merged cells and hyperlinks are needed

    names = wb.sheetnames
    chk.ok(bool(names) and names[0] == "封面", args.book, f"first sheet is {names[:1]}, expected 封面")
    chk.ok(len(set(n.lower() for n in names)) == len(names), args.book, "duplicate sheet names")
    for n in names:
        if len(n) > 31 or INVALID_SHEET_CHARS & set(n):
            chk.fail(n, "invalid sheet name")

    table_sheets = {}
    tables = model.get("tables", [])
    for table in tables:
        layout = layouts.get(table["number"])
        name = layout["sheet"] if layout and layout.get("sheet") else f"表{table['number']} {table['name']}"
        if not name.startswith(f"表{table['number']} "):
            chk.fail(name, f"sheet name does not begin with 表{table['number']} and a space")
        if name not in names:
            chk.fail(name, "table sheet missing")
            continue
        table_sheets[table["number"]] = name
        check_table(wb[name], table, layout, model.get("meta", {}).get("year", 0), chk)

    check_prose(wb, model, table_sheets, chk)
    if args.set_aside:
        check_set_aside(wb, model, chk)

    detail = ", ".join(f"{k} {v}" for k, v in sorted(chk.kinds.items()))
    print(f"readback: {os.path.basename(args.book)}: {detail}")
    print(f"readback: {len(tables)} tables, {chk.cells} cells checked, {chk.mismatches} mismatches")
    return 1 if chk.mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
