#include "layout/form_layouts.hpp"

#include <fmt/format.h>

#include "layout/patterns.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "budgetxl/form_fields.hpp"
#include "util/normalize.hpp"

namespace budgetxl {

namespace {

using nlohmann::json;

std::string strip_colons(std::string s) {
  for (;;) {
    if (util::starts_with(s, ":")) s.erase(0, 1);
    else if (util::starts_with(s, "\xEF\xBC\x9A")) s.erase(0, 3);  // ：
    else break;
    s = util::trim(s);
  }
  return s;
}

std::string key_without_colon(std::string_view cell) {
  std::string k = util::label_key(util::strip_html(cell));
  while (util::ends_with(k, ":")) k.pop_back();
  return k;
}

const json& need(const json& j, const char* key, const std::string& file) {
  if (!j.contains(key)) throw TemplateError(file + ": missing \"" + key + "\"");
  return j.at(key);
}

FormLabel label_from(const json& j) {
  FormLabel l;
  l.id = j.at("id").get<std::string>();
  l.label = j.at("label").get<std::string>();
  l.keys.push_back(util::label_key(l.label));
  if (j.contains("variants"))
    for (const auto& v : j.at("variants")) l.keys.push_back(util::label_key(v.get<std::string>()));
  return l;
}

FormLabelSet labels_from(const json& arr) {
  FormLabelSet set;
  for (const auto& j : arr) set.add(label_from(j));
  return set;
}

std::vector<std::string> keys_from(const json& arr) {
  std::vector<std::string> out;
  for (const auto& v : arr) out.push_back(util::label_key(v.get<std::string>()));
  return out;
}

json parse_file(const std::map<std::string, std::string>& files, const std::string& origin, const std::string& name) {
  const auto it = files.find(name);
  if (it == files.end()) throw TemplateError(origin + "/" + name + ": missing");
  try {
    return json::parse(it->second);
  } catch (const json::exception& e) {
    throw TemplateError(origin + "/" + name + ": " + e.what());
  }
}

// ---- Form grids ------------------------------------------------------------------------------------

// The blocks the writers of each kind know (FormKind order); every one must be described.
const std::vector<std::string>& known_blocks(FormKind k) {
  static const std::vector<std::string> blocks[5] = {{"goals", "indicator_pairs"},
                                                     {"budget_lines", "key_tasks", "indicators"},
                                                     {"spending_plan", "indicators"},
                                                     {"overall_goal", "sub_goals", "safeguards"},
                                                     {"indicator_table"}};
  return blocks[static_cast<int>(k)];
}

// A form of kind k with nothing filled in: the paths its grids may name.
Form empty_form(FormKind k) {
  Form f;
  switch (k) {
    case FormKind::project: f.body.emplace<ProjectForm>(); break;
    case FormKind::department_overall: f.body.emplace<OverallForm>(); break;
    case FormKind::project_hebei: f.body.emplace<HebeiForm>(); break;
    case FormKind::department_text: f.body.emplace<DepartmentText>(); break;
    case FormKind::project_shanghai: f.body.emplace<ShanghaiProjectForm>(); break;
  }
  return f;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = s.find(',', start);
    out.push_back(util::trim(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

class GridParser {
 public:
  GridParser(FormKind kind, std::vector<const FormLabelSet*> labels, std::string file)
      : form_(empty_form(kind)), index_(form_), labels_(std::move(labels)), file_(std::move(file)) {}

  // "text {label:id} {text:path} …" -> pieces; labels resolved to their wording.
  GridCell cell(const std::string& written, const std::string& where) const {
    GridCell c;
    std::size_t i = 0;
    bool any_label = false;
    std::string literal;
    auto flush = [&] {
      if (literal.empty()) return;
      c.pieces.push_back({GridPiece::Kind::literal, literal, {}});
      literal.clear();
    };
    while (i < written.size()) {
      if (written[i] != '{') {
        literal += written[i++];
        continue;
      }
      const std::size_t end = written.find('}', i);
      if (end == std::string::npos) throw TemplateError(file_ + ": " + where + ": “{” without “}” in \"" + written + "\"");
      const std::string ref = written.substr(i + 1, end - i - 1);
      i = end + 1;
      const std::size_t colon = ref.find(':');
      const std::string kind = colon == std::string::npos ? ref : ref.substr(0, colon);
      const std::string arg = colon == std::string::npos ? "" : ref.substr(colon + 1);
      if (kind == "label") {
        literal += label(arg, where);
        any_label = true;
        continue;
      }
      flush();
      GridPiece p;
      p.kind = kind == "text" ? GridPiece::Kind::text
               : kind == "amount" ? GridPiece::Kind::amount
               : kind == "join" ? GridPiece::Kind::join
                                : throw TemplateError(file_ + ": " + where + ": unknown placeholder \"{" + ref + "}\"");
      p.paths = split_commas(arg);
      for (const std::string& path : p.paths)
        check_path(path, p.kind == GridPiece::Kind::amount ? form_fields::FieldIndex::Value::Kind::amount
                                                           : form_fields::FieldIndex::Value::Kind::text,
                   where);
      if (p.kind == GridPiece::Kind::amount && (p.paths.size() != 1 || !c.pieces.empty() || i < written.size()))
        throw TemplateError(file_ + ": " + where + ": an {amount:…} stands alone in its cell");
      c.pieces.push_back(std::move(p));
    }
    flush();
    // A cell of label wording only (and any spaces or colons written with it) is a label cell.
    c.label = any_label;
    for (const auto& p : c.pieces) c.label = c.label && p.kind == GridPiece::Kind::literal;
    return c;
  }

  std::vector<std::string> when(const json& j, const std::string& where) const {
    std::vector<std::string> out;
    if (!j.contains("when")) return out;
    for (const auto& v : j.at("when")) {
      out.push_back(v.get<std::string>());
      check_path(out.back(), std::nullopt, where + ".when");
    }
    return out;
  }

 private:
  std::string label(const std::string& id, const std::string& where) const {
    for (const FormLabelSet* set : labels_)
      if (const FormLabel* l = set->find(id)) return l->label;
    throw TemplateError(file_ + ": " + where + ": no label with id \"" + id + "\"");
  }
  void check_path(const std::string& path, std::optional<form_fields::FieldIndex::Value::Kind> kind,
                  const std::string& where) const {
    const auto* v = index_.find(path);
    if (!v) throw TemplateError(file_ + ": " + where + ": the form has no field \"" + path + "\"");
    if (kind && v->kind != *kind)
      throw TemplateError(file_ + ": " + where + ": \"" + path + "\" is not " +
                          (*kind == form_fields::FieldIndex::Value::Kind::amount ? "an amount" : "a text"));
  }
  Form form_;
  form_fields::FieldIndex index_;
  std::vector<const FormLabelSet*> labels_;
  std::string file_;
};

FormGrids grids_from(const json& j, FormKind kind, std::vector<const FormLabelSet*> labels, const std::string& file) {
  GridParser parse(kind, std::move(labels), file);
  FormGrids g;
  g.amount_unit = need(j, "amount_unit", file).get<std::string>();
  g.amount_decimals = j.value("amount_decimals", -1);
  if (g.amount_decimals != -1 && g.amount_decimals != 2) throw TemplateError(file + ": amount_decimals: 2, or absent");
  const auto& known = known_blocks(kind);
  for (const auto& b : need(j, "blocks", file)) {
    FormBlock block;
    block.name = b.at("name").get<std::string>();
    if (std::find(known.begin(), known.end(), block.name) == known.end())
      throw TemplateError(file + ": blocks: unknown block \"" + block.name + "\" for this form");
    const std::string where = "blocks." + block.name;
    if (b.contains("heading")) {
      const GridCell h = parse.cell(b.at("heading").get<std::string>(), where + ".heading");
      for (const auto& p : h.pieces) {
        if (p.kind != GridPiece::Kind::literal) throw TemplateError(file + ": " + where + ".heading: only labels and text");
        block.heading += p.value;
      }
    }
    if (b.contains("columns"))
      for (const auto& c : b.at("columns")) block.columns.push_back(c.get<std::string>());
    g.blocks.push_back(std::move(block));
  }
  for (const std::string& name : known)
    if (!g.block(name)) throw TemplateError(file + ": blocks: no block \"" + name + "\"");
  auto block_row = [&](const json& r, const std::string& where) {
    GridRow row;
    const std::string name = r.at("block").get<std::string>();
    for (std::size_t k = 0; k < g.blocks.size(); ++k)
      if (g.blocks[k].name == name) row.block = static_cast<int>(k);
    if (row.block < 0) throw TemplateError(file + ": " + where + ": no block \"" + name + "\"");
    return row;
  };
  {
    const json& sheet = need(j, "sheet", file);
    for (const auto& w : need(sheet, "widths", file)) g.sheet.widths.push_back(w.get<double>());
    std::size_t n = 0;
    for (const auto& r : need(sheet, "rows", file)) {
      const std::string where = fmt::format("sheet.rows[{}]", n++);
      if (r.contains("block")) {
        g.sheet.rows.push_back(block_row(r, where));
        continue;
      }
      GridRow row;
      for (const auto& c : r.at("cells")) {
        GridCell cell = parse.cell(c.at("cell").get<std::string>(), where);
        const auto& cols = c.at("cols");
        cell.c1 = cols.at(0).get<std::uint16_t>();
        cell.c2 = cols.at(1).get<std::uint16_t>();
        if (cell.c2 < cell.c1 || cell.c2 > 100) throw TemplateError(file + ": " + where + ": bad \"cols\"");
        cell.down = c.value("down", 1u);
        if (cell.down < 1) throw TemplateError(file + ": " + where + ": \"down\" is at least 1");
        cell.style = c.value("style", std::string());
        static const char* styles[] = {"", "title", "label", "header", "text", "center", "plain"};
        if (std::find_if(std::begin(styles), std::end(styles), [&](const char* s) { return cell.style == s; }) ==
            std::end(styles))
          throw TemplateError(file + ": " + where + ": unknown style \"" + cell.style + "\"");
        row.cells.push_back(std::move(cell));
      }
      row.when = parse.when(r, where);
      row.fit = r.value("fit", 0.0);
      g.sheet.rows.push_back(std::move(row));
    }
    // A cell spans rows of cells only: a block's height is known only when it is written.
    for (std::size_t i = 0; i < g.sheet.rows.size(); ++i)
      for (const GridCell& c : g.sheet.rows[i].cells)
        for (std::size_t k = i + 1; k < i + c.down; ++k)
          if (k >= g.sheet.rows.size() || g.sheet.rows[k].block >= 0)
            throw TemplateError(fmt::format("{}: sheet.rows[{}]: \"down\" reaches past the rows of cells", file, i));
  }
  {
    const json& text = need(j, "text", file);
    std::size_t n = 0;
    for (const auto& r : need(text, "rows", file)) {
      const std::string where = fmt::format("text.rows[{}]", n++);
      if (r.is_object() && r.contains("block")) {
        g.text.rows.push_back(block_row(r, where));
        continue;
      }
      GridRow row;
      const json& cells = r.is_object() ? r.at("cells") : r;
      for (const auto& c : cells) row.cells.push_back(parse.cell(c.get<std::string>(), where));
      if (r.is_object()) row.when = parse.when(r, where);
      g.text.rows.push_back(std::move(row));
    }
  }
  return g;
}

}  // namespace

namespace {

std::string_view text_at(const form_fields::FieldIndex& fields, const std::string& path) {
  const auto* v = fields.find(path);
  return v && v->kind == form_fields::FieldIndex::Value::Kind::text ? v->text : std::string_view();
}

}  // namespace

std::string grid_cell_text(const GridCell& cell, const form_fields::FieldIndex& fields) {
  std::string out;
  for (const GridPiece& p : cell.pieces) {
    switch (p.kind) {
      case GridPiece::Kind::literal: out += p.value; break;
      case GridPiece::Kind::amount: break;
      case GridPiece::Kind::text:
        for (const std::string& path : p.paths)
          if (const std::string_view t = text_at(fields, path); !t.empty()) {
            out += t;
            break;
          }
        break;
      case GridPiece::Kind::join: {
        std::string joined;
        for (const std::string& path : p.paths)
          if (const std::string_view t = text_at(fields, path); !t.empty()) {
            if (!joined.empty()) joined += ' ';
            joined += t;
          }
        out += joined;
        break;
      }
    }
  }
  return out;
}

const Amount* grid_cell_amount(const GridCell& cell, const form_fields::FieldIndex& fields) {
  if (cell.pieces.size() != 1 || cell.pieces[0].kind != GridPiece::Kind::amount) return nullptr;
  const auto* v = fields.find(cell.pieces[0].paths.at(0));
  return v ? v->amount : nullptr;
}

bool grid_row_shown(const GridRow& row, const form_fields::FieldIndex& fields) {
  if (row.when.empty()) return true;
  for (const std::string& path : row.when) {
    const auto* v = fields.find(path);
    if (!v) continue;
    using K = form_fields::FieldIndex::Value::Kind;
    if ((v->kind == K::text && !v->text.empty()) || (v->kind == K::flag && v->flag) ||
        (v->kind == K::amount && v->amount && !v->amount->is_blank()) || (v->kind == K::number && v->number))
      return true;
  }
  return false;
}

const FormBlock* FormGrids::block(std::string_view name) const {
  for (const auto& b : blocks)
    if (b.name == name) return &b;
  return nullptr;
}

void FormLabelSet::add(FormLabel l) {
  std::sort(l.keys.begin(), l.keys.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  labels_.push_back(std::move(l));
}

const FormLabel* FormLabelSet::find(std::string_view id) const {
  for (const auto& l : labels_)
    if (l.id == id) return &l;
  return nullptr;
}

std::optional<LabelMatch> FormLabelSet::match_prefix(std::string_view cell) const {
  const std::string clean = util::strip_html(cell);
  const std::string key = util::label_key(clean);
  const FormLabel* best = nullptr;
  std::size_t best_len = 0;
  for (const auto& l : labels_)
    for (const auto& k : l.keys)
      if (!k.empty() && k.size() > best_len && util::starts_with(key, k)) {
        best = &l;
        best_len = k.size();
      }
  if (!best) return std::nullopt;
  // Walk the written text, code point by code point, until its key covers the label's key.
  std::size_t i = 0, covered = 0;
  while (i < clean.size() && covered < best_len) {
    const std::size_t n = util::utf8_length(clean, i);
    covered += util::label_key(std::string_view(clean).substr(i, n)).size();
    i += n;
  }
  LabelMatch m;
  m.label = best;
  m.rest = strip_colons(util::trim(std::string_view(clean).substr(i)));
  return m;
}

const FormLabel* FormLabelSet::match_exact(std::string_view cell) const {
  const std::string key = key_without_colon(cell);
  if (key.empty()) return nullptr;
  for (const auto& l : labels_)
    for (const auto& k : l.keys)
      if (k == key) return &l;
  return nullptr;
}

FormLayouts load_form_layouts(const std::map<std::string, std::string>& files, const std::string& origin) {
  FormLayouts f;
  std::string file;  // the file being read, for messages
  try {
    // A family prints the kinds of form it has: each file is optional, and a kind without one is
    // never recognised.
    auto read = [&](const std::string& name, const auto& fill) {
      file = origin + "/" + name;
      if (files.count(name)) fill(parse_file(files, origin, name));
    };
    read("forms/project.json", [&](const json& j) {
      f.project_title = need(j, "title", file).get<std::string>();
      f.project_title_keys = keys_from(need(j, "title_keys", file));
      f.project_truncated_title_keys = keys_from(need(j, "truncated_title_keys", file));
      f.project_fields = labels_from(need(j, "fields", file));
      f.project_footer = labels_from(need(j, "footer", file));
      f.grids[0] = grids_from(j, FormKind::project, {&f.project_fields, &f.project_footer}, file);
    });
    read("forms/overall.json", [&](const json& j) {
      f.overall_title = need(j, "title", file).get<std::string>();
      f.overall_title_keys = keys_from(need(j, "title_keys", file));
      f.overall_fields = labels_from(need(j, "fields", file));
      f.grids[1] = grids_from(j, FormKind::department_overall, {&f.overall_fields}, file);
    });
    read("forms/hebei.json", [&](const json& j) {
      f.hebei_title_suffixes = keys_from(need(j, "title_suffixes", file));
      f.hebei_fields = labels_from(need(j, "fields", file));
      f.grids[2] = grids_from(j, FormKind::project_hebei, {&f.hebei_fields}, file);
      f.hebei_unit_line = std::make_shared<const LinePattern>(
          compile_pattern(need(j, "unit_line_pattern", file).get<std::string>(), file, "unit_line_pattern"));
    });
    read("forms/department_text.json", [&](const json& j) {
      f.department_text_title = need(j, "title", file).get<std::string>();
      f.department_text_sections = labels_from(need(j, "sections", file));
      f.goal_prefix_text = need(j, "goal_prefix", file).get<std::string>();
      f.indicator_prefix_text = need(j, "indicator_prefix", file).get<std::string>();
      f.goal_prefix = util::label_key(f.goal_prefix_text);
      f.indicator_prefix = util::label_key(f.indicator_prefix_text);
      f.grids[3] = grids_from(j, FormKind::department_text, {&f.department_text_sections}, file);
    });
    read("forms/shanghai_project.json", [&](const json& j) {
      f.shanghai_title = need(j, "title", file).get<std::string>();
      f.shanghai_title_keys = keys_from(need(j, "title_keys", file));
      f.shanghai_fields = labels_from(need(j, "fields", file));
      f.grids[4] = grids_from(j, FormKind::project_shanghai, {&f.shanghai_fields}, file);
    });
    read("forms/indicators.json", [&](const json& j) {
      f.indicator_header_labels = keys_from(need(j, "header_labels", file));
      f.indicator_header_cells = keys_from(need(j, "header_cells", file));
      f.indicator_classes = labels_from(need(j, "classes", file));
      f.indicator_types = labels_from(need(j, "types", file));
      for (const auto& t : need(j, "types", file))
        f.type_class.emplace_back(t.at("id").get<std::string>(), t.at("class").get<std::string>());
    });
  } catch (const json::exception& e) {
    throw TemplateError(file + ": " + e.what());
  }
  return f;
}

namespace {

IndicatorClass class_from_id(std::string_view id) {
  if (id == "output") return IndicatorClass::output;
  if (id == "benefit") return IndicatorClass::benefit;
  if (id == "satisfaction") return IndicatorClass::satisfaction;
  return IndicatorClass::unknown;
}

IndicatorType type_from_id(std::string_view id) {
  static const std::pair<const char*, IndicatorType> ids[] = {
      {"quantity", IndicatorType::quantity},     {"quality", IndicatorType::quality},
      {"timeliness", IndicatorType::timeliness}, {"cost", IndicatorType::cost},
      {"economic", IndicatorType::economic},     {"social", IndicatorType::social},
      {"ecological", IndicatorType::ecological}, {"sustainable", IndicatorType::sustainable},
      {"satisfaction", IndicatorType::satisfaction}};
  for (const auto& [name, t] : ids)
    if (id == name) return t;
  return IndicatorType::unknown;
}

}  // namespace

IndicatorClass FormLayouts::class_of(std::string_view cell) const {
  const FormLabel* l = indicator_classes.match_exact(cell);
  return l ? class_from_id(l->id) : IndicatorClass::unknown;
}

IndicatorType FormLayouts::type_of(std::string_view cell) const {
  const FormLabel* l = indicator_types.match_exact(cell);
  return l ? type_from_id(l->id) : IndicatorType::unknown;
}

bool FormLayouts::is_header_label(std::string_view cell) const {
  const std::string key = key_without_colon(cell);
  return std::find(indicator_header_labels.begin(), indicator_header_labels.end(), key) != indicator_header_labels.end();
}

bool FormLayouts::is_header_cell(std::string_view cell) const {
  const std::string key = key_without_colon(cell);
  return std::find(indicator_header_cells.begin(), indicator_header_cells.end(), key) != indicator_header_cells.end();
}

void FormLayouts::classify(Indicator& ind) const {
  ind.standard_type = type_of(ind.level2);
  ind.standard_class = ind.standard_type != IndicatorType::unknown ? indicator_type_class(ind.standard_type)
                                                                   : class_of(ind.level1);
}

std::string* overall_info_field(OverallForm& form, const std::string& id) {
  return id == "department"             ? &form.department
         : id == "internal_departments" ? &form.internal_departments
         : id == "budget_units"         ? &form.budget_units
         : id == "staff_quota"          ? &form.staff_quota
         : id == "staff_actual"         ? &form.staff_actual
         : id == "staff_on_quota"       ? &form.staff_on_quota
         : id == "staff_other"          ? &form.staff_other
                                        : nullptr;
}

std::string* shanghai_text_field(ShanghaiProjectForm& form, const std::string& id) {
  return id == "project_name" ? &form.project_name
         : id == "nature"     ? &form.nature
         : id == "category"   ? &form.category
         : id == "department" ? &form.department
         : id == "unit"       ? &form.unit
         : id == "start_date" ? &form.start_date
         : id == "end_date"   ? &form.end_date
                              : nullptr;
}

Amount* shanghai_amount_field(ShanghaiProjectForm& form, const std::string& id, bool annual) {
  return id == "total"           ? &form.total
         : id == "fiscal"        ? &form.fiscal
         : id == "annual_total"  ? &form.annual_total
         : id == "appropriation" ? &form.appropriation
         : id == "carryover"     ? &form.carryover
         : id == "other"         ? (annual ? &form.annual_other : &form.other)
                                 : nullptr;
}

}  // namespace budgetxl
