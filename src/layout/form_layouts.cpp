#include "layout/form_layouts.hpp"

#include <fmt/format.h>

#include "layout/patterns.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>

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

}  // namespace

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
  {
    const std::string name = "forms/project.json";
    file = origin + "/" + name;
    const json j = parse_file(files, origin, name);
    f.project_title = need(j, "title", file).get<std::string>();
    f.project_title_keys = keys_from(need(j, "title_keys", file));
    f.project_truncated_title_keys = keys_from(need(j, "truncated_title_keys", file));
    f.project_fields = labels_from(need(j, "fields", file));
    f.project_footer = labels_from(need(j, "footer", file));
  }
  {
    const std::string name = "forms/overall.json";
    file = origin + "/" + name;
    const json j = parse_file(files, origin, name);
    f.overall_title = need(j, "title", file).get<std::string>();
    f.overall_title_keys = keys_from(need(j, "title_keys", file));
    f.overall_fields = labels_from(need(j, "fields", file));
  }
  {
    const std::string name = "forms/hebei.json";
    file = origin + "/" + name;
    const json j = parse_file(files, origin, name);
    f.hebei_title_suffixes = keys_from(need(j, "title_suffixes", file));
    f.hebei_fields = labels_from(need(j, "fields", file));
    f.hebei_indicator_columns.clear();
    for (const auto& v : need(j, "indicator_columns", file)) f.hebei_indicator_columns.push_back(v.get<std::string>());
    f.hebei_unit_line = std::make_shared<const LinePattern>(
        compile_pattern(need(j, "unit_line_pattern", file).get<std::string>(), file, "unit_line_pattern"));
  }
  {
    const std::string name = "forms/department_text.json";
    file = origin + "/" + name;
    const json j = parse_file(files, origin, name);
    f.department_text_title = need(j, "title", file).get<std::string>();
    f.department_text_sections = labels_from(need(j, "sections", file));
    f.goal_prefix = util::label_key(need(j, "goal_prefix", file).get<std::string>());
    f.indicator_prefix = util::label_key(need(j, "indicator_prefix", file).get<std::string>());
  }
  {
    const std::string name = "forms/indicators.json";
    file = origin + "/" + name;
    const json j = parse_file(files, origin, name);
    f.indicator_header_labels = keys_from(need(j, "header_labels", file));
    f.indicator_header_cells = keys_from(need(j, "header_cells", file));
    f.indicator_classes = labels_from(need(j, "classes", file));
    f.indicator_types = labels_from(need(j, "types", file));
    for (const auto& t : need(j, "types", file))
      f.type_class.emplace_back(t.at("id").get<std::string>(), t.at("class").get<std::string>());
  }
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

}  // namespace budgetxl
