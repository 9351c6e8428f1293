#include "budgetxl/roundtrip.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "budgetxl/form_fields.hpp"

namespace budgetxl::roundtrip {

namespace {

// A form flattened to (path, value) pairs from its field description, origins left out: what a
// round trip must keep. Paths look like "funds.period.total" or "indicator_rows[3].annual.name".
class Flattener {
 public:
  std::vector<std::pair<std::string, std::string>> out;
  void text(const char* key, std::string_view s) { put(key, std::string(s)); }
  void amount(const char* key, const Amount& a) { put(key, a.is_blank() ? "null" : a.to_string()); }
  void flag(const char* key, bool b) { put(key, b ? "true" : "false"); }
  void number(const char* key, long long n) { put(key, std::to_string(n)); }
  void origin(const char*, const Origin&) {}
  void strings(const char* key, const std::vector<std::string>& list) {
    for (std::size_t i = 0; i < list.size(); ++i) put(fmt::format("{}[{}]", key, i), list[i]);
    put(fmt::format("{}.size", key), std::to_string(list.size()));
  }
  void null(const char* key) { put(key, "null"); }
  template <class F>
  void object(const char* key, F&& fields) {
    const std::string outer = prefix_;
    prefix_ = path(key) + ".";
    fields();
    prefix_ = outer;
  }
  template <class T, class F>
  void list(const char* key, const std::vector<T>& items, F&& each) {
    const std::string outer = prefix_;
    for (std::size_t i = 0; i < items.size(); ++i) {
      prefix_ = fmt::format("{}{}[{}].", outer, key, i);
      each(items[i]);
    }
    prefix_ = outer;
    put(fmt::format("{}.size", key), std::to_string(items.size()));
  }

 private:
  std::string path(const std::string& key) const { return prefix_ + key; }
  void put(const std::string& key, std::string value) { out.emplace_back(path(key), std::move(value)); }
  std::string prefix_;
};

std::vector<std::pair<std::string, std::string>> flatten(const Form& f) {
  Flattener flat;
  form_fields::form(f, flat);
  return std::move(flat.out);
}

// Every field that differs, in the order of the first form's description, then fields only the
// second form has.
void diff_form(const Form& a, const Form& b, const std::string& item, std::vector<Difference>& out) {
  const auto x = flatten(a), y = flatten(b);
  std::map<std::string, const std::string*> in_y;
  for (const auto& [k, v] : y) in_y[k] = &v;
  std::set<std::string> in_x;
  for (const auto& [k, v] : x) {
    in_x.insert(k);
    const auto it = in_y.find(k);
    if (it == in_y.end()) out.push_back({"绩效目标表", item, "", k, v, "（无）"});
    else if (*it->second != v) out.push_back({"绩效目标表", item, "", k, v, *it->second});
  }
  for (const auto& [k, v] : y)
    if (!in_x.count(k)) out.push_back({"绩效目标表", item, "", k, "（无）", v});
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

void diff_table(const Table& a, const Table& b, const Layouts& layouts, const DiffOptions& options, std::vector<Difference>& out) {
  const TableLayout& layout = layouts.table(a.number);
  const std::string item = fmt::format("表{}", a.number);
  auto field = [&](const char* name, const std::string& x, const std::string& y) {
    if (x != y) out.push_back({"表格", item, "", name, x, y});
  };
  if (options.table_titles) field("title", a.title, b.title);
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
  for (NoiseKind k : kNoiseKinds) {
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
  meta("family", a.meta.family, b.meta.family);

  for (const TableLayout& layout : layouts.tables()) {
    const int n = layout.number;
    const Table* x = a.table(n);
    const Table* y = b.table(n);
    if (!x && !y) continue;
    if (!x || !y) {
      out.push_back({"表格", fmt::format("表{}", n), "", "存在", x ? "有" : "无", y ? "有" : "无"});
      continue;
    }
    diff_table(*x, *y, layouts, options, out);
  }
  std::vector<int> order_a, order_b;  // document order of the tables
  for (const auto& t : a.tables) order_a.push_back(t.number);
  for (const auto& t : b.tables) order_b.push_back(t.number);
  if (order_a != order_b && order_a.size() == order_b.size()) out.push_back({"表格", "", "", "顺序", "", ""});

  if (a.forms.size() != b.forms.size())
    out.push_back({"绩效目标表", "", "", "数量", std::to_string(a.forms.size()), std::to_string(b.forms.size())});
  for (std::size_t f = 0; f < std::min(a.forms.size(), b.forms.size()); ++f) {
    if (a.forms[f] == b.forms[f]) continue;
    const std::size_t before = out.size();
    const std::string item = fmt::format("绩效{} {}", f + 1, a.forms[f].project_name());
    diff_form(a.forms[f], b.forms[f], item, out);
    if (out.size() == before)  // equal field by field but not as forms: report it rather than hide it
      out.push_back({"绩效目标表", item, "", "", "", "（字段不同）"});
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
