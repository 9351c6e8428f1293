#include "budgetxl/roundtrip.hpp"

#include <fmt/format.h>

#include "json/forms_json.hpp"

namespace budgetxl::roundtrip {

namespace {

using nlohmann::json;

void strip_sources(json& j) {
  if (j.is_object()) {
    j.erase("source");
    j.erase("origin");
    for (auto& [k, v] : j.items()) strip_sources(v);
  } else if (j.is_array()) {
    for (auto& v : j) strip_sources(v);
  }
}

std::string show(const json& j) { return j.is_string() ? j.get<std::string>() : j.dump(); }

// Every leaf that differs, with its JSON path.
void diff_json(const json& a, const json& b, const std::string& path, const std::string& part, const std::string& item,
               std::vector<Difference>& out) {
  if (a == b) return;
  if (a.is_object() && b.is_object()) {
    for (auto it = a.begin(); it != a.end(); ++it)
      diff_json(it.value(), b.contains(it.key()) ? b.at(it.key()) : json(), path + "." + it.key(), part, item, out);
    for (auto it = b.begin(); it != b.end(); ++it)
      if (!a.contains(it.key())) diff_json(json(), it.value(), path + "." + it.key(), part, item, out);
    return;
  }
  if (a.is_array() && b.is_array()) {
    const std::size_t n = std::max(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i)
      diff_json(i < a.size() ? a[i] : json(), i < b.size() ? b[i] : json(), fmt::format("{}[{}]", path, i), part, item, out);
    return;
  }
  out.push_back({part, item, "", path.empty() ? path : path.substr(1), show(a), show(b)});
}

std::string row_label(const Row& row, const TableLayout& layout, std::size_t index) {
  for (std::size_t c = 0; c < row.cells.size() && c < layout.columns.size(); ++c)
    if (layout.columns[c].kind != ColumnKind::amount && !row.cells[c].text.empty()) return row.cells[c].text;
  return fmt::format("第{}行", index + 1);
}

std::string cell_text(const Cell& c, ColumnKind kind) {
  if (kind == ColumnKind::amount && c.text.empty()) return c.amount.is_blank() ? "（空）" : c.amount.to_string();
  return c.text;
}

void diff_table(const Table& a, const Table& b, const Layouts& layouts, std::vector<Difference>& out) {
  const TableLayout& layout = layouts.table(a.number);
  const std::string item = fmt::format("表{}", a.number);
  auto field = [&](const char* name, const std::string& x, const std::string& y) {
    if (x != y) out.push_back({"表格", item, "", name, x, y});
  };
  field("title", a.title, b.title);
  field("label_line", a.label_line, b.label_line);
  field("entity_label", a.entity_label, b.entity_label);
  field("entity", a.entity, b.entity);
  field("unit", a.unit, b.unit);
  field("no_data_note", a.no_data_note, b.no_data_note);
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
    return s;
  };
  field("absent_columns", join(a.absent_columns), join(b.absent_columns));
  if (a.rows.size() != b.rows.size()) out.push_back({"表格", item, "", "行数", std::to_string(a.rows.size()), std::to_string(b.rows.size())});
  for (std::size_t r = 0; r < std::min(a.rows.size(), b.rows.size()); ++r) {
    const Row& x = a.rows[r];
    const Row& y = b.rows[r];
    const std::string label = row_label(x, layout, r);
    if (x.kind != y.kind) out.push_back({"表格", item, label, "kind", row_kind_name(x.kind), row_kind_name(y.kind)});
    if (x.level != y.level) out.push_back({"表格", item, label, "level", std::to_string(x.level), std::to_string(y.level)});
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
      const Cell empty;
      const Cell& cx = c < x.cells.size() ? x.cells[c] : empty;
      const Cell& cy = c < y.cells.size() ? y.cells[c] : empty;
      if (!(cx == cy)) out.push_back({"表格", item, label, layout.columns[c].id, cell_text(cx, layout.columns[c].kind), cell_text(cy, layout.columns[c].kind)});
    }
  }
}

std::string block_text(const Block& b) {
  switch (b.kind) {
    case BlockKind::table: return fmt::format("[表格 {}]", b.index);
    case BlockKind::form: return fmt::format("[绩效目标表 {}]", b.index);
    default: return fmt::format("{}{}", b.markup ? std::string(static_cast<std::size_t>(b.markup), '#') + " " : "", b.text);
  }
}

bool is_page_furniture(NoiseKind k) {
  return k == NoiseKind::watermark || k == NoiseKind::page_footer || k == NoiseKind::page_number ||
         k == NoiseKind::running_header || k == NoiseKind::separator;
}

// Set-aside material kind by kind: the count, then the first item whose text differs.
void diff_set_aside(const Report& a, const Report& b, const DiffOptions& options, std::vector<Difference>& out) {
  for (NoiseKind k : {NoiseKind::watermark, NoiseKind::page_footer, NoiseKind::page_number, NoiseKind::running_header,
                      NoiseKind::separator, NoiseKind::appendix, NoiseKind::unplaced}) {
    if (!options.page_furniture && is_page_furniture(k)) continue;
    std::vector<const std::string*> x, y;
    for (const Noise& n : a.set_aside)
      if (n.kind == k) x.push_back(&n.text);
    for (const Noise& n : b.set_aside)
      if (n.kind == k) y.push_back(&n.text);
    if (x.size() != y.size()) out.push_back({"其他材料", noise_kind_title(k), "", "数量", std::to_string(x.size()), std::to_string(y.size())});
    for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i)
      if (*x[i] != *y[i]) {
        out.push_back({"其他材料", noise_kind_title(k), fmt::format("第{}项", i + 1), "内容", *x[i], *y[i]});
        break;
      }
  }
}

}  // namespace

std::vector<Difference> diff_reports(const Report& a, const Report& b, const Layouts& layouts, const DiffOptions& options) {
  std::vector<Difference> out;
  auto meta = [&](const char* name, const std::string& x, const std::string& y) {
    if (x != y) out.push_back({"元数据", "", "", name, x, y});
  };
  meta("entity", a.meta.entity, b.meta.entity);
  meta("kind", document_kind_name(a.meta.kind), document_kind_name(b.meta.kind));
  meta("year", std::to_string(a.meta.year), std::to_string(b.meta.year));
  meta("amount_unit", a.meta.amount_unit, b.meta.amount_unit);
  meta("title", a.meta.title, b.meta.title);

  for (const TableLayout& layout : layouts.tables()) {
    const int n = layout.number;
    const Table* x = a.table(n);
    const Table* y = b.table(n);
    if (!x && !y) continue;
    if (!x || !y) {
      out.push_back({"表格", fmt::format("表{}", n), "", "存在", x ? "有" : "无", y ? "有" : "无"});
      continue;
    }
    diff_table(*x, *y, layouts, out);
  }
  std::vector<int> order_a, order_b;  // document order of the tables
  for (const auto& t : a.tables) order_a.push_back(t.number);
  for (const auto& t : b.tables) order_b.push_back(t.number);
  if (order_a != order_b && order_a.size() == order_b.size()) out.push_back({"表格", "", "", "顺序", "", ""});

  if (a.forms.size() != b.forms.size())
    out.push_back({"绩效目标表", "", "", "数量", std::to_string(a.forms.size()), std::to_string(b.forms.size())});
  for (std::size_t f = 0; f < std::min(a.forms.size(), b.forms.size()); ++f) {
    if (a.forms[f] == b.forms[f]) continue;
    json x = budgetxl::json::forms_to_json({a.forms[f]});
    json y = budgetxl::json::forms_to_json({b.forms[f]});
    strip_sources(x);
    strip_sources(y);
    const std::size_t before = out.size();
    diff_json(x, y, "", "绩效目标表", fmt::format("绩效{} {}", f + 1, a.forms[f].project_name), out);
    if (out.size() == before)  // equal as JSON but not as forms: report it rather than hide it
      out.push_back({"绩效目标表", fmt::format("绩效{} {}", f + 1, a.forms[f].project_name), "", "", "", "（字段不同）"});
  }

  if (a.parts.size() != b.parts.size())
    out.push_back({"正文", "", "", "部分数", std::to_string(a.parts.size()), std::to_string(b.parts.size())});
  for (std::size_t p = 0; p < std::min(a.parts.size(), b.parts.size()); ++p) {
    const Part& x = a.parts[p];
    const Part& y = b.parts[p];
    const std::string item = x.heading.empty() ? part_kind_title(x.kind) : x.heading;
    if (x.kind != y.kind) out.push_back({"正文", item, "", "kind", part_kind_name(x.kind), part_kind_name(y.kind)});
    if (x.heading != y.heading) out.push_back({"正文", item, "", "heading", x.heading, y.heading});
    if (x.blocks.size() != y.blocks.size())
      out.push_back({"正文", item, "", "段落数", std::to_string(x.blocks.size()), std::to_string(y.blocks.size())});
    for (std::size_t i = 0; i < std::min(x.blocks.size(), y.blocks.size()); ++i)
      if (!(x.blocks[i] == y.blocks[i]))
        out.push_back({"正文", item, fmt::format("第{}段", i + 1), block_kind_name(x.blocks[i].kind), block_text(x.blocks[i]), block_text(y.blocks[i])});
  }
  diff_set_aside(a, b, options, out);
  return out;
}

std::string to_string(const Difference& d) {
  std::string where = d.part;
  for (const auto* s : {&d.item, &d.row, &d.column})
    if (!s->empty()) where += " / " + *s;
  return fmt::format("{}: “{}” → “{}”", where, d.before, d.after);
}

}  // namespace budgetxl::roundtrip
