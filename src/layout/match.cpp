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
    const std::string t = label_key(c);
    if (t.empty()) continue;
    // "栏次 | 1 | 2 | 3", "甲 | 乙 | 1 | 2": the labels of a column-number row.
    if (expected == 1 && (t == "栏次" || t == "行次" || t == "甲" || t == "乙" || t == "丙" || t == "丁")) continue;
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

namespace {

// The words a title can do without: "2025年部门收入总表" and "收入预算总表" share the core "收入总".
// `loose` also drops bracketed notes, the classification wording and quotes ("（不含上年结转）",
// "分经济科目", "“三公”"), for the second, looser round.
std::string title_core(std::string_view title_key, bool loose) {
  std::string s(title_key);
  // Everything up to the year is the entity's name: "某某局2025年度…".
  for (std::size_t i = 0; i + 4 < s.size(); ++i)
    if (leading_year(std::string_view(s).substr(i)) != 0 && (i == 0 || s[i - 1] < '0' || s[i - 1] > '9')) {
      std::size_t end = i + 4;
      if (s.compare(end, 6, "年度") == 0) end += 6;
      else if (s.compare(end, 3, "年") == 0) end += 3;
      else continue;
      s.erase(0, end);
      break;
    }
  for (const char* word : {"预算", "部门", "单位", "本级"}) s = util::replace_all(std::move(s), word, "");
  if (loose) {
    for (std::size_t open = s.find('('); open != std::string::npos; open = s.find('(')) {
      const std::size_t close = s.find(')', open);
      if (close == std::string::npos) break;
      s.erase(open, close - open + 1);
    }
    for (const char* word : {"分经济科目", "分功能科目", "功能分类", "经济分类", "功能科目", "经济科目", "安排", "“", "”", "\""})
      s = util::replace_all(std::move(s), word, "");
  }
  while (ends_with(s, "表")) s.erase(s.size() - 3);
  return s;
}

// Does the text before a title read as an entity's name ("某某市教育局")? Its last character is
// one that names an office, so that "财政拨款收支总表" is never "收支总表" after a name.
bool names_entity(std::string_view before) {
  if (before.size() < 6) return false;
  for (const char* end : {"局", "厅", "委", "会", "院", "中心", "部", "室", "校", "学", "所", "站", "队", "馆", "处", "社", "团", "府",
                          "区", "县", "市", "省", "司", "办", "署", "台", "园", "场"})
    if (ends_with(before, end)) return true;
  return false;
}

}  // namespace

std::optional<TitleMatch> match_table_title_loose(std::string_view text, const Layouts& layouts) {
  std::string key = label_key(text);
  if (key.size() > 150 || key.find("表") == std::string::npos) return std::nullopt;
  // A label line before the title ("表2", "预算公开表2", "公开02表") says nothing more here.
  std::string_view rest = strip_table_number(key);
  if (layouts.report().title_ordinals) rest = strip_ordinal(rest);
  const int year = first_year(rest);
  for (const bool loose : {false, true}) {
    const std::string core = title_core(rest, loose);
    if (core.size() < 6) continue;
    // The table whose core the text's core is (or, after a name, ends with: the longest such);
    // two tables with the same core (项目支出 本年 / 上年结转) are no match.
    const TableLayout* exact = nullptr;
    const TableLayout* suffix = nullptr;
    std::size_t suffix_len = 0;
    bool exact_ambiguous = false, suffix_ambiguous = false;
    for (const auto& layout : layouts.tables()) {
      std::vector<std::string> names{layout.title};
      names.insert(names.end(), layout.title_variants.begin(), layout.title_variants.end());
      if (const auto role = layouts.vocabulary().roles.find(layout.role); role != layouts.vocabulary().roles.end())
        names.push_back(role->second);
      bool is_exact = false;
      std::size_t longest = 0;
      for (const auto& name : names) {
        const std::string c = title_core(label_key(name), loose);
        if (c.size() < 6) continue;
        if (c == core) is_exact = true;
        else if (c.size() >= 9 && ends_with(core, c) && names_entity(std::string_view(core).substr(0, core.size() - c.size())))
          longest = std::max(longest, c.size());
      }
      if (is_exact) {
        exact_ambiguous = exact_ambiguous || (exact && exact != &layout);
        exact = &layout;
      } else if (longest > 0) {
        if (longest > suffix_len) {
          suffix = &layout;
          suffix_len = longest;
          suffix_ambiguous = false;
        } else if (longest == suffix_len) {
          suffix_ambiguous = true;
        }
      }
    }
    if (exact && !exact_ambiguous) return TitleMatch{exact, year};
    if (!exact && suffix && !suffix_ambiguous) return TitleMatch{suffix, year};
    if (exact) return std::nullopt;  // ambiguous now; looser is only more so
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
