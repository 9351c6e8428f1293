// Matching report text against the official layouts: table titles, label lines, header rows,
// entity and unit lines. Shared by the text and workbook readers.
#include "layout/match.hpp"

#include <algorithm>

#include "util/normalize.hpp"

namespace budgetxl::layout {

using namespace budgetxl::util;

namespace {
const char* const kChineseDigits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

// Drops a leading "表一" / "表13" so a title printed with its table number still matches.
std::string_view strip_table_number(std::string_view key) {
  if (!starts_with(key, "表")) return key;
  std::string_view rest = key.substr(3);
  std::size_t n = 0;
  while (true) {
    bool advanced = false;
    if (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') {
      ++n;
      advanced = true;
    }
    for (const char* d : kChineseDigits)
      if (rest.substr(n, 3) == d) {
        n += 3;
        advanced = true;
        break;
      }
    if (!advanced) break;
  }
  return n == 0 ? key : rest.substr(n);
}

// Drops a heading number: "一、", "十二、", "1.", "3、" (after NFKC "．" is ".").
std::string_view strip_ordinal(std::string_view key) {
  std::size_t n = 0;
  bool chinese = false;
  for (bool advanced = true; advanced;) {
    advanced = false;
    for (const char* d : kChineseDigits)
      if (key.substr(n, 3) == d) {
        n += 3;
        advanced = chinese = true;
        break;
      }
  }
  if (!chinese)
    while (n < key.size() && key[n] >= '0' && key[n] <= '9') ++n;
  if (n == 0) return key;
  if (key.substr(n, 3) == "、") return key.substr(n + 3);
  if (!chinese && n < key.size() && key[n] == '.') return key.substr(n + 1);
  return key;
}

// Replaces 4-digit years (19xx/20xx) with "{year}" so header rows match any year.
std::string year_placeholder_impl(const std::string& key) {
  std::string out;
  for (std::size_t i = 0; i < key.size();) {
    if (i + 4 <= key.size() && (key.compare(i, 2, "19") == 0 || key.compare(i, 2, "20") == 0) &&
        std::all_of(key.begin() + static_cast<long>(i), key.begin() + static_cast<long>(i + 4), [](char c) { return c >= '0' && c <= '9'; }) &&
        (i + 4 == key.size() || key[i + 4] < '0' || key[i + 4] > '9') && (i == 0 || key[i - 1] < '0' || key[i - 1] > '9')) {
      out += "{year}";
      i += 4;
    } else {
      out += key[i++];
    }
  }
  return out;
}

std::vector<std::string> nonempty_keys_impl(const std::vector<std::string>& cells) {
  std::vector<std::string> out;
  for (const auto& c : cells) {
    std::string k = year_placeholder_impl(label_key(c));
    if (!k.empty()) out.push_back(std::move(k));
  }
  return out;
}

// Header rows of a layout as key sequences, with and without its optional columns.

HeaderKeys header_keys_impl(const TableLayout& layout) {
  HeaderKeys hk;
  auto add = [&](const std::vector<std::string>& row) {
    hk.full.push_back(nonempty_keys_impl(row));
    std::vector<std::string> reduced;
    for (std::size_t c = 0; c < row.size() && c < layout.fields.size(); ++c)
      if (!layout.columns[static_cast<std::size_t>(layout.fields[c].column)].optional) reduced.push_back(row[c]);
    hk.without_optional.push_back(nonempty_keys_impl(reduced));
    for (const auto& k : hk.full.back()) hk.all_cells.insert(k);
  };
  for (const auto& row : layout.header) add(row);
  for (const auto& row : layout.header_variants) add(row);
  return hk;
}

bool is_column_numbers_impl(const std::vector<std::string>& cells) {
  int expected = 1;
  for (const auto& c : cells) {
    const std::string t = trim(c);
    if (t.empty()) continue;
    if (t != std::to_string(expected)) return false;
    ++expected;
  }
  return expected > 3;
}

bool is_no_data_note_impl(const std::string& key, const ReportLayout& layout) {
  for (const auto& n : layout.no_data_notes)
    if (key == label_key(n)) return true;
  return false;
}

}  // namespace

std::string year_placeholder(const std::string& key) { return year_placeholder_impl(key); }
std::vector<std::string> nonempty_keys(const std::vector<std::string>& cells) { return nonempty_keys_impl(cells); }
HeaderKeys header_keys(const TableLayout& layout) { return header_keys_impl(layout); }
bool is_column_numbers(const std::vector<std::string>& cells) { return is_column_numbers_impl(cells); }
bool is_no_data_note(const std::string& key, const ReportLayout& layout) { return is_no_data_note_impl(key, layout); }

std::optional<TitleMatch> match_table_title(std::string_view line, const Layouts& layouts) {
  if (line.find('\t') != std::string_view::npos) {
    // A title never shares its line with other fields, but PDFs leave trailing tabs behind.
    const std::string t = trim(line);
    if (t.find('\t') != std::string::npos) return std::nullopt;
  }
  std::string_view t = line;
  while (!t.empty() && (t.front() == '#' || t.front() == ' ')) t.remove_prefix(1);  // markdown heading marks
  const std::string key = label_key(t);
  if (key.size() > 200) return std::nullopt;
  // "公开 01 表：收支预算总表": a table's label line, then its title in whatever wording.
  for (const auto& layout : layouts.tables())
    for (const auto& lk : layout.label_line_keys) {
      if (lk.empty() || !starts_with(key, lk) || key.size() == lk.size()) continue;
      std::string_view after = std::string_view(key).substr(lk.size());
      // The label ends where a colon or the table's own title begins: 预算公开表1 is not
      // 预算公开表10, nor 公开表十 公开表十一.
      const bool colon = starts_with(after, ":");
      while (starts_with(after, ":")) after.remove_prefix(1);
      if (after.empty() || after.size() > 150) continue;
      const bool titled = std::any_of(layout.title_keys.begin(), layout.title_keys.end(),
                                      [&](const std::string& tk) { return ends_with(after, tk); });
      if (colon || titled) return TitleMatch{&layout, leading_year(after)};
    }
  std::string_view rest = strip_table_number(key);
  if (layouts.report().title_ordinals) rest = strip_ordinal(rest);
  const int year = leading_year(rest);
  if (year != 0) {
    rest.remove_prefix(4);
    if (starts_with(rest, "年度")) rest.remove_prefix(6);
    else if (starts_with(rest, "年")) rest.remove_prefix(3);
  }
  auto find = [&](std::string_view name) -> const TableLayout* {
    for (const auto& layout : layouts.tables())
      if (std::find(layout.title_keys.begin(), layout.title_keys.end(), name) != layout.title_keys.end()) return &layout;
    return nullptr;
  };
  if (const TableLayout* l = find(rest)) return TitleMatch{l, year};
  // "江苏省高级人民法院收支预算总表": the longest title the text ends with, after a name.
  if (layouts.report().title_names_entity && rest.size() <= 240) {
    const TableLayout* best = nullptr;
    std::size_t best_len = 0;
    for (const auto& layout : layouts.tables())
      for (const auto& tk : layout.title_keys)
        if (tk.size() > best_len && tk.size() >= 12 && ends_with(rest, tk)) {
          best = &layout;
          best_len = tk.size();
        }
    if (best) return TitleMatch{best, year};
  }
  for (const auto& prefix : layouts.report().title_prefixes) {
    const std::string p = label_key(prefix);
    if (!p.empty() && starts_with(rest, p))
      if (const TableLayout* l = find(rest.substr(p.size()))) return TitleMatch{l, year};
  }
  return std::nullopt;
}

int match_label_line(std::string_view line, const Layouts& layouts) {
  const std::string key = label_key(line);
  if (key.empty() || key.size() > 40) return 0;
  for (const auto& layout : layouts.tables())
    if (std::find(layout.label_line_keys.begin(), layout.label_line_keys.end(), key) != layout.label_line_keys.end())
      return layout.number;
  return 0;
}

FamilyFit best_family(const std::vector<std::string_view>& lines, const LayoutFamilies& families) {
  FamilyFit best;
  for (const auto& family : families.all()) {
    std::set<int> seen;
    for (std::string_view line : lines) {
      if (line.size() > 600) continue;
      if (const auto m = match_table_title(line, *family)) seen.insert(m->layout->number);
      else if (const int n = match_label_line(line, *family)) seen.insert(n);
    }
    const int n = static_cast<int>(seen.size());
    if (!best.family || n > best.tables) best = {family.get(), n};
  }
  return best;
}

bool parse_entity_line(std::string_view line, const ReportLayout& layout, std::string* label, std::string* entity,
                       std::string* unit) {
  const std::string t = trim(line);
  for (const auto& entity_label : layout.entity_labels) {
    const std::string& l = entity_label.label;
    if (!starts_with(t, l)) continue;
    std::string rest = t.substr(l.size());
    if (starts_with(rest, "：")) rest = rest.substr(3);
    else if (starts_with(rest, ":")) rest = rest.substr(1);
    else continue;
    // A merged line carries "单位：万元" at its end.
    std::string unit_text;
    for (const auto& u : layout.unit_labels)
      for (const char* colon : {"：", ":"}) {
        const std::string marker = u + colon;
        const std::size_t pos = rest.rfind(marker);
        if (pos != std::string::npos && pos > 0 && pos + marker.size() < rest.size() + 1) {
          const std::string candidate = trim(rest.substr(pos + marker.size()));
          if (!candidate.empty() && candidate.size() <= 12) {
            unit_text = candidate;
            rest = rest.substr(0, pos);
          }
        }
      }
    *label = l;
    *entity = trim(rest);
    *unit = unit_text;
    return true;
  }
  return false;
}

bool parse_unit_line(const std::string& trimmed, const ReportLayout& layout, std::string* unit) {
  for (const auto& u : layout.unit_labels)
    for (const char* colon : {"：", ":"}) {
      const std::string marker = u + colon;
      if (starts_with(trimmed, marker) && trimmed.size() - marker.size() <= 12) {
        *unit = trim(trimmed.substr(marker.size()));
        return !unit->empty();
      }
    }
  return false;
}


}  // namespace budgetxl::layout
