#include "json/report_json.hpp"

#include "json/forms_json.hpp"

namespace budgetxl::json {

using nlohmann::json;
using ordered = nlohmann::ordered_json;

json amount_to_json(const Amount& a) {
  if (a.is_blank()) return nullptr;
  return a.to_string();  // a string keeps the exact decimal; no float rounding in consumers
}

json origin_to_json(const Origin& o) {
  json j = json::object();
  if (o.line) {
    j["line"] = o.line;
    if (o.field) j["field"] = o.field;
  }
  if (!o.sheet.empty()) {
    j["sheet"] = o.sheet;
    j["cell"] = o.column ? cell_reference(o.row, o.column) : std::to_string(o.row);
  }
  return j;
}

namespace {

ordered table_json(const Table& t, const Layouts& layouts) {
  const TableLayout& layout = layouts.table(t.number);
  ordered j;
  j["number"] = t.number;
  j["name"] = layout.title;
  j["role"] = layout.role;  // the table's role in the national core set, the same in every family
  j["title"] = t.title;
  j["label_line"] = t.label_line;
  j["entity_label"] = t.entity_label;
  j["entity"] = t.entity;
  j["unit"] = t.unit;
  j["columns"] = ordered::array();
  for (const auto& c : layout.columns) {
    if (!t.has_column(c.id)) continue;
    j["columns"].push_back(ordered{{"id", c.id}, {"name", c.name}, {"kind", column_kind_name(c.kind)}});
  }
  j["absent_columns"] = t.absent_columns;
  j["no_data"] = !t.no_data_note.empty();
  j["no_data_note"] = t.no_data_note;
  j["rows"] = ordered::array();
  for (const auto& r : t.rows) {
    ordered row;
    row["kind"] = row_kind_name(r.kind);
    row["level"] = r.level;
    ordered cells = ordered::object();
    for (std::size_t c = 0; c < layout.columns.size() && c < r.cells.size(); ++c) {
      const auto& col = layout.columns[c];
      if (!t.has_column(col.id)) continue;
      const Cell& cell = r.cells[c];
      if (col.kind == ColumnKind::amount) {
        if (!cell.text.empty()) cells[col.id] = ordered{{"text", cell.text}};
        else cells[col.id] = amount_to_json(cell.amount);
      } else {
        cells[col.id] = cell.text;
      }
    }
    row["cells"] = cells;
    row["source"] = origin_to_json(r.origin);
    j["rows"].push_back(row);
  }
  j["source"] = origin_to_json(t.origin);
  return j;
}

}  // namespace

ordered report_to_json(const Report& r, const Layouts& layouts) {
  ordered j;
  j["schema"] = "budgetxl.report/1";
  j["source"] = ordered{{"file", r.source.file}, {"format", r.source.format}, {"encoding", r.source.encoding}, {"line_ending", r.source.line_ending}};
  if (!r.source.pieces.empty()) {  // origins' lines are those of the files joined in this order
    j["source"]["pieces"] = ordered::array();
    for (const auto& p : r.source.pieces) j["source"]["pieces"].push_back(ordered{{"file", p.file}, {"first_line", p.first_line}});
  }
  j["meta"] = ordered{{"entity", r.meta.entity},
                      {"kind", document_kind_name(r.meta.kind)},
                      {"year", r.meta.year},
                      {"amount_unit", r.meta.amount_unit},
                      {"title", r.meta.title},
                      {"family", layouts.family()}};  // the family this JSON follows
  j["tables"] = ordered::array();
  for (const auto& t : r.tables) j["tables"].push_back(table_json(t, layouts));
  j["forms"] = forms_to_json(r.forms);
  j["parts"] = ordered::array();
  for (const auto& p : r.parts) {
    ordered part;
    part["kind"] = part_kind_name(p.kind);
    part["name"] = part_kind_title(p.kind);
    part["heading"] = p.heading;
    part["blocks"] = ordered::array();
    for (const auto& b : p.blocks) {
      ordered block;
      block["kind"] = block_kind_name(b.kind);
      if (b.kind == BlockKind::table) block["table"] = r.tables[static_cast<std::size_t>(b.index)].number;
      else if (b.kind == BlockKind::form) block["form"] = b.index;
      else {
        block["text"] = b.text;
        if (b.level) block["level"] = b.level;
        if (b.markup) block["markup"] = b.markup;
      }
      block["source"] = origin_to_json(b.origin);
      part["blocks"].push_back(block);
    }
    j["parts"].push_back(part);
  }
  j["set_aside"] = ordered::array();
  ordered counts = ordered::object();
  for (const auto& n : r.set_aside) {
    j["set_aside"].push_back(ordered{{"kind", noise_kind_name(n.kind)}, {"text", n.text}, {"source", origin_to_json(n.origin)}});
    counts[noise_kind_name(n.kind)] = counts.value(noise_kind_name(n.kind), 0) + 1;
  }
  j["set_aside_counts"] = counts;
  j["findings"] = ordered::array();
  for (const auto& f : r.findings.items())
    j["findings"].push_back(ordered{{"rule", f.rule}, {"severity", severity_name(f.severity)}, {"message", f.message}, {"source", origin_to_json(f.where)}});
  return j;
}

}  // namespace budgetxl::json
