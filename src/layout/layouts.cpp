// Loads the official layouts from templates/ (embedded or from a directory) and checks them, so a
// broken template fails loudly with its file name instead of misreading reports.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>

#include "budgetxl/layout.hpp"
#include "layout/embedded.hpp"
#include "layout/form_layouts.hpp"
#include "layout/patterns.hpp"
#include "util/normalize.hpp"

namespace budgetxl {

namespace {

using nlohmann::json;

ColumnKind parse_column_kind(const std::string& s, const std::string& file) {
  if (s == "code") return ColumnKind::code;
  if (s == "name") return ColumnKind::name;
  if (s == "label") return ColumnKind::label;
  if (s == "amount") return ColumnKind::amount;
  throw TemplateError(fmt::format("{}: unknown column kind \"{}\"", file, s));
}

TableShape parse_shape(const std::string& s, const std::string& file) {
  static const std::pair<const char*, TableShape> shapes[] = {
      {"two_sided", TableShape::two_sided},       {"code", TableShape::code},
      {"economic", TableShape::economic},         {"state_capital", TableShape::state_capital},
      {"fixed_rows", TableShape::fixed_rows},     {"organisation", TableShape::organisation},
      {"figures", TableShape::figures},
      {"projects", TableShape::projects}};
  for (const auto& [name, shape] : shapes)
    if (s == name) return shape;
  throw TemplateError(fmt::format("{}: unknown table shape \"{}\"", file, s));
}

// "A1:B2" -> 0-based merge.
HeaderMerge parse_merge(const std::string& s, const std::string& file) {
  auto parse_ref = [&](const std::string& ref, int& row, int& col) {
    std::size_t i = 0;
    col = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') col = col * 26 + (ref[i++] - 'A' + 1);
    row = 0;
    std::size_t digits = i;
    while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') row = row * 10 + (ref[i++] - '0');
    if (col == 0 || row == 0 || i != ref.size() || digits == i) throw TemplateError(fmt::format("{}: bad merge \"{}\"", file, s));
    --row;
    --col;
  };
  const auto colon = s.find(':');
  if (colon == std::string::npos) throw TemplateError(fmt::format("{}: bad merge \"{}\"", file, s));
  HeaderMerge m;
  parse_ref(s.substr(0, colon), m.first_row, m.first_col);
  parse_ref(s.substr(colon + 1), m.last_row, m.last_col);
  return m;
}

// Checked access for the keys the code relies on: a missing or wrongly typed key is a TemplateError
// "FILE: KEY: …" (KEY as a path, e.g. "document_kinds[1].keywords").
const json& required(const json& j, const std::string& key, const std::string& path, const std::string& file) {
  if (!j.is_object() || !j.contains(key)) throw TemplateError(fmt::format("{}: {}: missing", file, path));
  return j.at(key);
}

std::string required_string(const json& j, const std::string& key, const std::string& path, const std::string& file) {
  const json& v = required(j, key, path, file);
  if (!v.is_string() || v.get<std::string>().empty()) throw TemplateError(fmt::format("{}: {}: must be a non-empty string", file, path));
  return v.get<std::string>();
}

std::vector<std::string> required_strings(const json& j, const std::string& key, const std::string& path, const std::string& file) {
  const json& v = required(j, key, path, file);
  const std::string what = fmt::format("{}: {}: must be a non-empty list of non-empty strings", file, path);
  if (!v.is_array() || v.empty()) throw TemplateError(what);
  std::vector<std::string> out;
  for (const auto& s : v) {
    if (!s.is_string() || s.get<std::string>().empty()) throw TemplateError(what);
    out.push_back(s.get<std::string>());
  }
  return out;
}

std::vector<std::string> strings(const json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key))
    for (const auto& v : j.at(key)) out.push_back(v.get<std::string>());
  return out;
}

std::vector<std::vector<std::string>> string_rows(const json& j, const char* key) {
  std::vector<std::vector<std::string>> out;
  if (j.contains(key))
    for (const auto& row : j.at(key)) out.push_back(row.get<std::vector<std::string>>());
  return out;
}

void check_sheet_name(const std::string& name, const std::string& file) {
  // Excel's limits: at most 31 characters, none of / \ ? * : [ ].
  int chars = 0;
  for (unsigned char c : name)
    if ((c & 0xC0) != 0x80) ++chars;
  if (chars > 31) throw TemplateError(fmt::format("{}: sheet name \"{}\" is longer than 31 characters", file, name));
  if (name.find_first_of("/\\?*:[]") != std::string::npos)
    throw TemplateError(fmt::format("{}: sheet name \"{}\" has a character Excel forbids", file, name));
}

TableLayout parse_table(const json& j, const std::string& file) {
  TableLayout t;
  if (!j.contains("number")) throw TemplateError(fmt::format("{}: number: missing", file));
  if (!j.at("number").is_number_integer() || j.at("number").get<long long>() < 1 || j.at("number").get<long long>() > 999)
    throw TemplateError(fmt::format("{}: number: must be a whole number from 1 to 999", file));
  t.number = j.at("number").get<int>();
  t.title = j.at("title").get<std::string>();
  t.title_variants = strings(j, "title_variants");
  t.sheet = j.at("sheet").get<std::string>();
  t.role = j.value("role", "");
  t.unit = j.value("unit", "");
  check_sheet_name(t.sheet, file);
  t.label_lines = strings(j, "label_lines");
  t.title_keys.push_back(util::label_key(t.title));
  for (const auto& v : t.title_variants) t.title_keys.push_back(util::label_key(v));
  for (const auto& l : t.label_lines) t.label_line_keys.push_back(util::label_key(l));
  t.shape = parse_shape(j.at("shape").get<std::string>(), file);
  for (const auto& c : j.at("columns")) {
    ColumnLayout col;
    col.id = c.at("id").get<std::string>();
    col.name = c.at("name").get<std::string>();
    col.kind = parse_column_kind(c.at("kind").get<std::string>(), file);
    col.optional = c.value("optional", false);
    col.outside_total = c.value("outside_total", false);
    if (c.contains("parts")) {
      if (col.kind != ColumnKind::code)
        throw TemplateError(fmt::format("{}: columns: \"{}\": only a code column is printed in parts", file, col.id));
      for (const auto& p : c.at("parts")) {
        ColumnLayout::Part part{p.at("name").get<std::string>(), p.at("digits").get<int>()};
        if (part.digits < 1 || part.digits > 9)
          throw TemplateError(fmt::format("{}: columns: \"{}\": a part has 1 to 9 digits", file, col.id));
        col.parts.push_back(std::move(part));
      }
      if (col.parts.size() < 2)
        throw TemplateError(fmt::format("{}: columns: \"{}\": \"parts\" names two parts or more", file, col.id));
    }
    t.columns.push_back(col);
  }
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].parts.empty()) t.fields.push_back({static_cast<int>(c), -1});
    for (std::size_t p = 0; p < t.columns[c].parts.size(); ++p) t.fields.push_back({static_cast<int>(c), static_cast<int>(p)});
  }
  t.header = string_rows(j, "header");
  t.header_variants = string_rows(j, "header_variants");
  for (const auto& rows : {t.header, t.header_variants})
    for (const auto& row : rows)
      if (row.size() != t.fields.size())
        throw TemplateError(fmt::format("{}: a header row has {} cells for {} printed fields", file, row.size(), t.fields.size()));
  for (const auto& m : strings(j, "merges")) {
    HeaderMerge merge = parse_merge(m, file);
    if (merge.last_row >= static_cast<int>(t.header.size()) || merge.last_col >= static_cast<int>(t.fields.size()))
      throw TemplateError(fmt::format("{}: merge {} lies outside the header", file, m));
    t.merges.push_back(merge);
  }
  t.column_numbers = j.value("column_numbers", false);
  t.label_column = j.value("label_column", "");
  if (!t.label_column.empty() && t.column_index(t.label_column) < 0)
    throw TemplateError(fmt::format("{}: label_column \"{}\" is not a column", file, t.label_column));
  if (j.contains("fixed_labels"))
    for (const auto& l : j.at("fixed_labels")) t.fixed_labels.push_back({l.at("text").get<std::string>(), strings(l, "variants")});
  t.total_labels = strings(j, "total_labels");
  if (j.contains("sums"))
    for (const auto& sum : j.at("sums")) {
      auto amount_column = [&](const std::string& id) {
        const int c = t.column_index(id);
        if (c < 0 || t.columns[static_cast<std::size_t>(c)].kind != ColumnKind::amount)
          throw TemplateError(fmt::format("{}: sums: \"{}\" is not an amount column", file, id));
        return c;
      };
      TableLayout::RowSum rs;
      rs.total = amount_column(sum.at("total").get<std::string>());
      for (const auto& part : sum.at("parts")) rs.parts.push_back(amount_column(part.get<std::string>()));
      if (rs.parts.size() < 2) throw TemplateError(fmt::format("{}: sums: a sum needs two parts at least", file));
      t.row_sums.push_back(std::move(rs));
    }
  // What the finishing pass reads by column role, not position: the shapes that need a code or a
  // name column have one, and 表六 names the column its item rows fill.
  if (t.shape == TableShape::code && t.first_column(ColumnKind::code) < 0)
    throw TemplateError(fmt::format("{}: columns: shape \"code\" needs a column of kind \"code\"", file));
  if ((t.shape == TableShape::organisation || t.shape == TableShape::projects) && t.first_text_column() < 0)
    throw TemplateError(fmt::format("{}: columns: shape \"{}\" needs a column of kind \"name\" or \"label\"", file,
                                    j.at("shape").get<std::string>()));
  if (t.shape == TableShape::economic) {
    t.item_name_column = required_string(j, "item_name_column", "item_name_column", file);
    const int c = t.column_index(t.item_name_column);
    if (c < 0 || (t.columns[static_cast<std::size_t>(c)].kind != ColumnKind::name && t.columns[static_cast<std::size_t>(c)].kind != ColumnKind::label))
      throw TemplateError(fmt::format("{}: item_name_column: \"{}\" is not a name or label column", file, t.item_name_column));
  }
  return t;
}

ReportLayout parse_report(const json& j, const std::string& file) {
  ReportLayout r;
  for (const auto& p : j.at("parts")) r.parts.push_back({p.at("kind").get<std::string>(), p.at("name").get<std::string>(), strings(p, "keywords")});
  r.toc_headings = strings(j, "toc_headings");
  r.watermarks = strings(j, "watermarks");
  r.page_footer_patterns = strings(j, "page_footer_patterns");
  r.page_number_patterns = strings(j, "page_number_patterns");
  r.appendix_markers = strings(j, "appendix_markers");
  r.no_data_notes = strings(j, "no_data_notes");
  r.empty_tables_noted = j.value("empty_tables_noted", false);
  r.title_prefixes = strings(j, "title_prefixes");
  r.none_labels = strings(j, "none_labels");
  r.blank_markers = strings(j, "blank_markers");
  r.title_ordinals = j.value("title_ordinals", false);
  r.title_names_entity = j.value("title_names_entity", false);
  std::sort(r.title_prefixes.begin(), r.title_prefixes.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  auto parse_kind = [&](const json& o, const std::string& path) {
    const std::string kind = required_string(o, "kind", path + ".kind", file);
    if (kind == "department") return DocumentKind::department;
    if (kind == "unit") return DocumentKind::unit;
    throw TemplateError(fmt::format("{}: {}.kind: \"{}\" is neither \"department\" nor \"unit\"", file, path, kind));
  };
  auto objects = [&](const char* key) -> const json& {
    const json& v = required(j, key, key, file);
    if (!v.is_array() || v.empty()) throw TemplateError(fmt::format("{}: {}: must be a non-empty list of objects", file, key));
    for (std::size_t i = 0; i < v.size(); ++i)
      if (!v[i].is_object()) throw TemplateError(fmt::format("{}: {}[{}]: must be an object", file, key, i));
    return v;
  };
  const json& entity_labels = objects("entity_labels");
  for (std::size_t i = 0; i < entity_labels.size(); ++i) {
    const std::string path = fmt::format("entity_labels[{}]", i);
    r.entity_labels.push_back({required_string(entity_labels[i], "label", path + ".label", file), parse_kind(entity_labels[i], path)});
  }
  const json& kinds = objects("document_kinds");
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const std::string path = fmt::format("document_kinds[{}]", i);
    ReportLayout::DocumentKindKeywords k{parse_kind(kinds[i], path), required_strings(kinds[i], "keywords", path + ".keywords", file)};
    for (const auto& kw : k.keywords)  // a keyword of spaces alone would match every line
      if (util::label_key(kw).empty()) throw TemplateError(fmt::format("{}: {}.keywords: \"{}\" has no text", file, path, kw));
    for (const auto& other : r.document_kinds)
      if (other.kind == k.kind)
        throw TemplateError(fmt::format("{}: {}.kind: \"{}\" is listed twice", file, path, kinds[i].at("kind").get<std::string>()));
    r.document_kinds.push_back(std::move(k));
  }
  r.unit_labels = required_strings(j, "unit_labels", "unit_labels", file);
  auto patterns = std::make_shared<ReportPatterns>();
  for (const auto& p : r.page_footer_patterns) patterns->page_footers.push_back(compile_pattern(p, file, "page_footer_patterns"));
  for (const auto& p : r.page_number_patterns) patterns->page_numbers.push_back(compile_pattern(p, file, "page_number_patterns"));
  r.patterns = std::move(patterns);
  return r;
}

}  // namespace

LinePattern compile_pattern(const std::string& pattern, const std::string& file, const std::string& key) {
  try {
    return LinePattern{pattern, std::regex(pattern, std::regex::ECMAScript)};
  } catch (const std::regex_error& e) {
    throw TemplateError(fmt::format("{}: {}: 不是有效的正则表达式 \"{}\"（{}）", file, key, pattern, e.what()));
  }
}

const char* column_kind_name(ColumnKind k) {
  switch (k) {
    case ColumnKind::code: return "code";
    case ColumnKind::name: return "name";
    case ColumnKind::label: return "label";
    case ColumnKind::amount: return "amount";
  }
  return "";
}

std::string ColumnLayout::join_parts(const std::vector<std::string>& printed, bool* restored) const {
  auto digits_only = [](const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  std::string code;
  bool numeric = !printed.empty() && digits_only(util::trim(printed[0]));
  for (std::size_t k = 0; k < printed.size(); ++k) {
    std::string p = util::trim(printed[k]);
    if (p.empty()) continue;
    if (numeric && k > 0 && k < parts.size() && digits_only(p) && p.size() < static_cast<std::size_t>(parts[k].digits)) {
      p.insert(0, static_cast<std::size_t>(parts[k].digits) - p.size(), '0');
      if (restored) *restored = true;
    }
    code += p;
  }
  return code;
}

std::vector<std::string> ColumnLayout::split_parts(const std::string& code) const {
  std::vector<std::string> out(parts.size());
  if (out.empty()) return out;
  const bool digits = !code.empty() && std::all_of(code.begin(), code.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  std::size_t at = 0, k = 0;
  if (digits)
    for (; k < parts.size() && at < code.size(); ++k) {
      const auto n = static_cast<std::size_t>(parts[k].digits);
      if (at + n > code.size()) break;
      out[k] = code.substr(at, n);
      at += n;
    }
  if (!digits || at != code.size()) {  // not a code of these parts: whole, in the first field
    std::fill(out.begin(), out.end(), std::string());
    out[0] = code;
  }
  return out;
}

std::vector<std::string> TableLayout::unnamed_optional_columns(const std::vector<bool>& rows_seen) const {
  std::vector<std::string> out;
  if (std::all_of(rows_seen.begin(), rows_seen.end(), [](bool b) { return b; })) return out;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (!columns[c].optional) continue;
    bool named = false;
    for (std::size_t r = 0; r < header.size() && r < rows_seen.size(); ++r)
      for (std::size_t f = 0; f < fields.size(); ++f)
        named = named || (rows_seen[r] && static_cast<std::size_t>(fields[f].column) == c && !util::label_key(header[r][f]).empty());
    if (!named) out.push_back(columns[c].id);
  }
  return out;
}

std::vector<PrintedField> TableLayout::printed_fields(const Table& table) const {
  std::vector<PrintedField> out;
  for (const PrintedField& f : fields)
    if (table.has_column(columns[static_cast<std::size_t>(f.column)].id)) out.push_back(f);
  return out;
}

int TableLayout::column_index(const std::string& id) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].id == id) return static_cast<int>(i);
  return -1;
}

int TableLayout::first_column(ColumnKind kind) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].kind == kind) return static_cast<int>(i);
  return -1;
}

int TableLayout::first_text_column() const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].kind == ColumnKind::name || columns[i].kind == ColumnKind::label) return static_cast<int>(i);
  return -1;
}

std::vector<int> TableLayout::amount_columns() const {
  std::vector<int> out;
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].kind == ColumnKind::amount) out.push_back(static_cast<int>(i));
  return out;
}

std::string Layouts::where(const std::string& path) const { return origin_ + "/" + path; }

void Layouts::add_file(const std::string& path, const std::string& text) {
  const std::string file = where(path);
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {
    throw TemplateError(fmt::format("{}: {}", file, e.what()));
  }
  try {
    if (path.rfind("tables/", 0) == 0) {
      TableLayout t = parse_table(j, file);
      // Two templates for one table: neither could be told from the other.
      for (const auto& [number, other] : table_files_)
        if (number == t.number)
          throw TemplateError(fmt::format("{}: table {} is described twice ({} and {})", where("tables"), t.number, other, path));
      table_files_.emplace_back(t.number, path);
      tables_.push_back(std::move(t));
    }
    else if (path == "report.json") report_ = parse_report(j, file);
    else if (path == "family.json") {
      family_ = required_string(j, "name", "name", file);
      if (family_.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") != std::string::npos)
        throw TemplateError(fmt::format("{}: name: \"{}\" must be lower-case ASCII letters, digits, - or _", file, family_));
      family_title_ = required_string(j, "title", "title", file);
    }
    else if (path.rfind("forms/", 0) == 0) form_files_[path] = text;
  } catch (const json::exception& e) {
    throw TemplateError(fmt::format("{}: {}", file, e.what()));
  }
}

void Layouts::finish(std::shared_ptr<const NationalVocabulary> vocabulary) {
  vocabulary_ = std::move(vocabulary);
  // Every table speaks the national vocabulary: its role and its column ids.
  for (const TableLayout& t : tables_) {
    std::string file;
    for (const auto& [number, path] : table_files_)
      if (number == t.number) file = where(path);
    if (!vocabulary_->roles.count(t.role))
      throw TemplateError(fmt::format("{}: role: \"{}\" is not a role of the national vocabulary (templates/national.json)", file, t.role));
    for (const ColumnLayout& c : t.columns)
      if (!vocabulary_->columns.count(c.id))
        throw TemplateError(fmt::format("{}: columns: \"{}\" is not a column id of the national vocabulary (templates/national.json)", file, c.id));
  }
  std::sort(tables_.begin(), tables_.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
  if (family_.empty()) throw TemplateError(fmt::format("{}: missing", where("family.json")));
  // A set holds whatever tables its templates describe, each number once (checked as the files
  // were added) and each on a sheet of its own.
  if (tables_.empty()) throw TemplateError(fmt::format("{}: no table templates", where("tables")));
  std::set<std::string> sheets;
  for (const TableLayout& t : tables_)
    if (!sheets.insert(t.sheet).second) throw TemplateError(fmt::format("{}: duplicate sheet name {}", where("tables"), t.sheet));
  table_files_.clear();
  if (report_.parts.empty()) throw TemplateError(fmt::format("{}: missing, or it names no parts", where("report.json")));
  forms_ = std::make_shared<const FormLayouts>(load_form_layouts(form_files_, origin_));
  form_files_.clear();
}

namespace {

namespace fs = std::filesystem;

std::string normal_origin(const std::string& dir) {
  std::string origin = fs::path(dir).lexically_normal().generic_string();
  while (origin.size() > 1 && origin.back() == '/') origin.pop_back();
  return origin;
}

// The *.json files below `dir`, by path relative to it.
std::vector<std::pair<std::string, std::string>> json_files(const std::string& dir) {
  std::error_code ec;
  std::vector<fs::path> paths;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".json") paths.push_back(it->path());
  if (ec) throw TemplateError(dir + ": 无法读取模板目录：" + ec.message());
  std::sort(paths.begin(), paths.end());
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    if (!in) throw TemplateError(p.string() + ": 无法读取");
    out.emplace_back(fs::relative(p, dir).generic_string(), ss.str());
  }
  return out;
}

// The family order of a families.json ("families": ["shanxi", …]).
NationalVocabulary vocabulary_from(const std::string& text, const std::string& file) {
  try {
    const json j = json::parse(text);
    NationalVocabulary v;
    for (const auto& [id, name] : required(j, "roles", "roles", file).items()) v.roles[id] = name.get<std::string>();
    for (const auto& [id, name] : required(j, "columns", "columns", file).items()) v.columns[id] = name.get<std::string>();
    if (j.contains("function_classes"))
      for (const auto& [code, name] : j.at("function_classes").items()) v.function_classes[code] = name.get<std::string>();
    return v;
  } catch (const json::exception& e) {
    throw TemplateError(fmt::format("{}: {}", file, e.what()));
  }
}

// The vocabulary built in: a family folder given alone is checked against it.
std::shared_ptr<const NationalVocabulary> embedded_vocabulary() {
  static const auto v = [] {
    for (const auto& f : layout::embedded_templates())
      if (std::string(f.path) == "national.json")
        return std::make_shared<const NationalVocabulary>(vocabulary_from(f.text, "templates/national.json (built in)"));
    throw TemplateError("templates/national.json: missing from the build");
  }();
  return v;
}

std::vector<std::string> family_order(const std::string& text, const std::string& file) {
  try {
    const json j = json::parse(text);
    return required_strings(j, "families", "families", file);
  } catch (const json::exception& e) {
    throw TemplateError(fmt::format("{}: {}", file, e.what()));
  }
}

}  // namespace

Layouts Layouts::load_directory(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw TemplateError(dir + ": 模板目录不存在");
  Layouts l;
  l.origin_ = normal_origin(dir);
  for (const auto& [path, text] : json_files(dir)) l.add_file(path, text);
  l.finish(embedded_vocabulary());
  return l;
}

void LayoutFamilies::add(Layouts family) {
  if (find(family.family()))
    throw TemplateError(fmt::format("{}: family \"{}\" is described twice", family.where("family.json"), family.family()));
  families_.push_back(std::make_shared<const Layouts>(std::move(family)));
}

const LayoutFamilies& LayoutFamilies::embedded() {
  static const LayoutFamilies families = [] {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& f : layout::embedded_templates()) files.emplace_back(f.path, f.text);
    return from_files(files, "templates", " (built in)");
  }();
  return families;
}

LayoutFamilies LayoutFamilies::from_files(const std::vector<std::pair<std::string, std::string>>& files,
                                          const std::string& origin, const std::string& suffix) {
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_folder;
  std::vector<std::string> order;
  std::shared_ptr<const NationalVocabulary> vocabulary;
  for (const auto& [path, text] : files) {
    const std::size_t slash = path.find('/');
    if (slash == std::string::npos) {
      if (path == "families.json") order = family_order(text, origin + "/" + path);
      if (path == "national.json")
        vocabulary = std::make_shared<const NationalVocabulary>(vocabulary_from(text, origin + "/" + path + suffix));
      continue;
    }
    by_folder[path.substr(0, slash)].emplace_back(path.substr(slash + 1), text);
  }
  for (auto it = by_folder.begin(); it != by_folder.end();) {
    const bool family = std::any_of(it->second.begin(), it->second.end(), [](const auto& f) { return f.first == "report.json"; });
    it = family ? std::next(it) : by_folder.erase(it);
  }
  if (by_folder.empty()) throw TemplateError(origin + ": 没有布局族（需要含 report.json 的文件夹）");
  if (order.empty())
    for (const auto& [folder, _] : by_folder) order.push_back(folder);
  for (const auto& [folder, _] : by_folder)
    if (std::find(order.begin(), order.end(), folder) == order.end())
      throw TemplateError(fmt::format("{}/families.json: families: the folder \"{}\" is not listed", origin, folder));
  LayoutFamilies out;
  out.origin_ = origin + suffix;
  for (const std::string& folder : order) {
    const auto it = by_folder.find(folder);
    if (it == by_folder.end())
      throw TemplateError(fmt::format("{}/families.json: families: no folder \"{}\" with a report.json", origin, folder));
    Layouts l;
    l.origin_ = origin + "/" + folder + suffix;
    for (const auto& [path, text] : it->second) l.add_file(path, text);
    l.finish(vocabulary ? vocabulary : embedded_vocabulary());
    out.add(std::move(l));
  }
  return out;
}

LayoutFamilies LayoutFamilies::load_directory(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw TemplateError(dir + ": 模板目录不存在");
  if (fs::exists(fs::path(dir) / "report.json", ec)) {
    LayoutFamilies one;
    one.origin_ = normal_origin(dir);
    one.add(Layouts::load_directory(dir));
    return one;
  }
  return from_files(json_files(dir), normal_origin(dir), "");
}

const Layouts* LayoutFamilies::find(std::string_view family) const {
  for (const auto& f : families_)
    if (f->family() == family) return f.get();
  return nullptr;
}

const Layouts& LayoutFamilies::get(std::string_view family) const {
  if (const Layouts* l = find(family)) return *l;
  std::string known;
  for (const auto& f : families_) known += (known.empty() ? "" : "、") + f->family();
  throw TemplateError(fmt::format("没有名为“{}”的布局族（可用：{}）", family, known));
}

const TableLayout* Layouts::find_table(int number) const {
  for (const TableLayout& t : tables_)
    if (t.number == number) return &t;
  return nullptr;
}

const TableLayout& Layouts::table(int number) const {
  if (const TableLayout* t = find_table(number)) return *t;
  throw std::out_of_range(fmt::format("no table {}", number));
}

}  // namespace budgetxl
