#include "model/form_layout.hpp"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "text/normalize.hpp"

namespace budgetxl {

namespace {

using nlohmann::json;

// Decodes one UTF-8 code point at s[i]; returns its byte length (1 for invalid bytes).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  return std::min(n, s.size() - i);
}

std::string strip_colons(std::string s) {
  for (;;) {
    if (text::starts_with(s, ":")) s.erase(0, 1);
    else if (text::starts_with(s, "\xEF\xBC\x9A")) s.erase(0, 3);  // ：
    else break;
    s = text::trim(s);
  }
  return s;
}

std::string key_without_colon(std::string_view cell) {
  std::string k = text::label_key(strip_markup(cell));
  while (text::ends_with(k, ":")) k.pop_back();
  return k;
}

const json& need(const json& j, const char* key, const std::string& file) {
  if (!j.contains(key)) throw std::runtime_error("templates/" + file + ": missing \"" + key + "\"");
  return j.at(key);
}

FormLabel label_from(const json& j) {
  FormLabel l;
  l.id = j.at("id").get<std::string>();
  l.label = j.at("label").get<std::string>();
  l.keys.push_back(text::label_key(l.label));
  if (j.contains("variants"))
    for (const auto& v : j.at("variants")) l.keys.push_back(text::label_key(v.get<std::string>()));
  return l;
}

FormLabelSet labels_from(const json& arr) {
  FormLabelSet set;
  for (const auto& j : arr) set.add(label_from(j));
  return set;
}

std::vector<std::string> keys_from(const json& arr) {
  std::vector<std::string> out;
  for (const auto& v : arr) out.push_back(text::label_key(v.get<std::string>()));
  return out;
}

json parse_file(const Layouts& layouts, const std::string& name) {
  const auto it = layouts.files().find(name);
  if (it == layouts.files().end()) throw std::runtime_error("templates/" + name + ": missing");
  try {
    return json::parse(it->second);
  } catch (const json::exception& e) {
    throw std::runtime_error("templates/" + name + ": " + e.what());
  }
}

}  // namespace

std::string strip_markup(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '<') {
      const std::size_t close = s.find('>', i);
      if (close != std::string_view::npos && close - i <= 40) {
        std::string tag = std::string(s.substr(i + 1, close - i - 1));
        std::string lower;
        for (char c : tag) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        if (text::starts_with(lower, "td") || text::starts_with(lower, "/td") || text::starts_with(lower, "tr") ||
            text::starts_with(lower, "/tr")) {
          out += '\t';
          i = close + 1;
          continue;
        }
        if (lower == "b" || lower == "/b" || lower == "br" || lower == "br/" || lower == "i" || lower == "/i" ||
            lower == "strong" || lower == "/strong") {
          i = close + 1;
          continue;
        }
      }
    }
    out += s[i++];
  }
  return out;
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
  const std::string clean = strip_markup(cell);
  const std::string key = text::label_key(clean);
  const FormLabel* best = nullptr;
  std::size_t best_len = 0;
  for (const auto& l : labels_)
    for (const auto& k : l.keys)
      if (!k.empty() && k.size() > best_len && text::starts_with(key, k)) {
        best = &l;
        best_len = k.size();
      }
  if (!best) return std::nullopt;
  // Walk the written text, code point by code point, until its key covers the label's key.
  std::size_t i = 0, covered = 0;
  while (i < clean.size() && covered < best_len) {
    const std::size_t n = utf8_length(clean, i);
    covered += text::label_key(std::string_view(clean).substr(i, n)).size();
    i += n;
  }
  LabelMatch m;
  m.label = best;
  m.rest = strip_colons(text::trim(std::string_view(clean).substr(i)));
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

FormLayouts FormLayouts::from(const Layouts& layouts) {
  FormLayouts f;
  {
    const std::string name = "forms/project.json";
    const json j = parse_file(layouts, name);
    f.project_title = need(j, "title", name).get<std::string>();
    f.project_title_keys = keys_from(need(j, "title_keys", name));
    f.project_truncated_title_keys = keys_from(need(j, "truncated_title_keys", name));
    f.project_fields = labels_from(need(j, "fields", name));
    f.project_footer = labels_from(need(j, "footer", name));
  }
  {
    const std::string name = "forms/overall.json";
    const json j = parse_file(layouts, name);
    f.overall_title = need(j, "title", name).get<std::string>();
    f.overall_title_keys = keys_from(need(j, "title_keys", name));
    f.overall_fields = labels_from(need(j, "fields", name));
  }
  {
    const std::string name = "forms/hebei.json";
    const json j = parse_file(layouts, name);
    f.hebei_title_suffixes = keys_from(need(j, "title_suffixes", name));
    f.hebei_fields = labels_from(need(j, "fields", name));
    f.hebei_indicator_columns.clear();
    for (const auto& v : need(j, "indicator_columns", name)) f.hebei_indicator_columns.push_back(v.get<std::string>());
  }
  {
    const std::string name = "forms/department_text.json";
    const json j = parse_file(layouts, name);
    f.department_text_title = need(j, "title", name).get<std::string>();
    f.department_text_sections = labels_from(need(j, "sections", name));
    f.goal_prefix = text::label_key(need(j, "goal_prefix", name).get<std::string>());
    f.indicator_prefix = text::label_key(need(j, "indicator_prefix", name).get<std::string>());
  }
  {
    const std::string name = "forms/indicators.json";
    const json j = parse_file(layouts, name);
    f.indicator_header_labels = keys_from(need(j, "header_labels", name));
    f.indicator_header_cells = keys_from(need(j, "header_cells", name));
    f.indicator_classes = labels_from(need(j, "classes", name));
    f.indicator_types = labels_from(need(j, "types", name));
    for (const auto& t : need(j, "types", name))
      f.type_class.emplace_back(t.at("id").get<std::string>(), t.at("class").get<std::string>());
  }
  return f;
}

const FormLayouts& FormLayouts::builtin() {
  static const FormLayouts layouts = from(Layouts::builtin());
  return layouts;
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

std::string* overall_info_field(Form& form, const std::string& id) {
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
