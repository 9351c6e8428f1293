#include "text/form_common.hpp"

#include <fmt/format.h>

#include "text/clean.hpp"
#include "util/normalize.hpp"

namespace budgetxl::text::forms {

using namespace budgetxl::util;

std::vector<FCell> cells_of(const Line& line) {
  std::vector<FCell> out;
  const std::vector<std::string> fields = split_tabs(strip_html(line.text));
  for (std::size_t f = 0; f < fields.size(); ++f) {
    std::string t = trim(fields[f]);
    if (!t.empty()) out.push_back({std::move(t), static_cast<std::uint32_t>(f + 1)});
  }
  return out;
}

std::string heading_key(std::string_view text) {
  std::string t = trim(strip_html(text));
  std::size_t k = 0;
  while (k < t.size() && (t[k] == '#' || t[k] == ' ')) ++k;
  return label_key(t.substr(k));
}

bool is_section_end(std::string_view text) {
  const std::string key = heading_key(text);
  if (key.empty()) return false;
  if (starts_with(key, "第") && contains(key.substr(0, 30), "部分")) return true;
  // "十一、" … : a Chinese numeral followed by 、 at the start of a short line without tabs.
  if (contains(text, "\t") || key.size() > 120) return false;
  static const char* numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  std::size_t k = 0;
  bool any = false;
  while (k < key.size()) {
    bool hit = false;
    for (const char* n : numerals)
      if (key.compare(k, 3, n) == 0) {
        k += 3;
        hit = any = true;
        break;
      }
    if (!hit) break;
  }
  return any && key.compare(k, 3, "、") == 0;
}

void add_finding(Report& report, const char* rule, Severity severity, std::string message, const Line& line,
                 std::uint32_t field) {
  report.findings.add(rule, severity, std::move(message), Origin::at_line(line.number, field));
}

Amount form_amount(const std::string& text, const Line& line, std::uint32_t field, Report& report) {
  const AmountParse p = parse_amount(text);
  if (p.value) return *p.value;
  add_finding(report, "form.bad-amount", Severity::warning, fmt::format("绩效目标表金额无法识别：{}", p.error), line, field);
  return Amount::blank();
}

bool set_aside_page_number(const Line& line, const ReportLayout& layout, Report& report) {
  const std::string t = trim(line.text);
  if (!is_page_number(t, layout)) return false;
  report.set_aside.push_back({NoiseKind::page_number, t, Origin::at_line(line.number)});
  return true;
}

Step form_step(const Lines& lines, std::size_t j, const Layouts& layouts, Report& report) {
  const Line& line = lines[j];
  if (is_blank(line.text) || set_aside_page_number(line, layouts.report(), report)) return Step::skip;
  if (form_start(lines, j, layouts.forms()) != Start::none || is_section_end(line.text)) return Step::end;
  return Step::read;
}

std::size_t next_nonblank(const Lines& lines, std::size_t j) {
  while (j < lines.size() && is_blank(lines[j].text)) ++j;
  return j;
}

YearLine year_line_at(const Lines& lines, std::size_t j) {
  if (j >= lines.size()) return {};
  const auto flat = [](const Line& line) { return trim(replace_all(line.text, "\t", " ")); };
  const std::string first = flat(lines[j]);
  if (first.empty()) return {};
  if (const int year = year_of_line(first)) return {year, first, j};
  // "(2024年" here and "度)" on the next line: the two read together as one year line.
  const std::size_t k = next_nonblank(lines, j + 1);
  if (k >= lines.size()) return {};
  std::string joined = first + flat(lines[k]);
  if (const int year = year_of_line(joined)) return {year, std::move(joined), k};
  return {};
}

bool read_year_line(const Lines& lines, std::size_t& j, Form& form) {
  YearLine y = year_line_at(lines, j);
  if (y.year == 0) return false;
  form.year = y.year;
  form.year_line = std::move(y.text);
  j = y.last;
  return true;
}

namespace {

struct Token {
  enum Kind { data, level1, level2 } kind = data;
  std::string text;
  std::uint32_t field = 0;
};

bool same_label(const std::string& a, const std::string& b) { return !a.empty() && label_key(a) == label_key(b); }

}  // namespace

bool IndicatorTableReader::read(const Line& line, Report& report, std::vector<IndicatorRow>* rows,
                                std::vector<Indicator>* list) {
  std::vector<Token> tokens;
  for (auto& c : cells_of(line)) {
    if (layouts_.is_header_label(c.text) || layouts_.is_header_cell(c.text)) continue;
    Token t;
    t.text = c.text;
    t.field = c.field;
    if (layouts_.type_of(c.text) != IndicatorType::unknown) t.kind = Token::level2;
    else if (layouts_.class_of(c.text) != IndicatorClass::unknown) t.kind = Token::level1;
    tokens.push_back(std::move(t));
  }
  if (tokens.empty()) return false;

  const int halves = two_halves_ ? 2 : 1;
  std::vector<Token> data[2];
  std::string row_l1[2], row_l2[2];
  std::vector<Token> extras;
  Token dup_l2[2];  // a 二级 label printed twice in a half: it may be the 三级 text ("社会效益→社会效益→100%")
  int half = 0;
  for (auto& t : tokens) {
    // A second, different 二级 label before any data of the half is 三级 text ("经济效益指标→经济效益→提高").
    if (t.kind == Token::level2 && data[half].empty() && !row_l2[half].empty()) {
      if (same_label(row_l2[half], t.text)) {
        dup_l2[half] = t;
        continue;
      }
      t.kind = Token::data;
    }
    if (t.kind != Token::data) {
      if (!data[half].empty()) {
        // A value that happens to read like the row's own 二级 label ("可持续发展").
        if (data[half].size() == 1 && same_label(row_l2[half], t.text)) {
          t.kind = Token::data;
          data[half].push_back(t);
          continue;
        }
        if (half + 1 < halves) {
          ++half;
        } else {
          extras.push_back(t);
          continue;
        }
      }
      if (t.kind == Token::level1) row_l1[half] = t.text;
      else row_l2[half] = t.text;
      continue;
    }
    if (data[half].size() >= 2) {
      if (half + 1 < halves) ++half;
      else {
        extras.push_back(t);
        continue;
      }
    }
    data[half].push_back(t);
  }

  for (int h = 0; h < halves; ++h)
    if (data[h].size() == 1 && !dup_l2[h].text.empty()) {
      dup_l2[h].kind = Token::data;
      data[h].insert(data[h].begin(), dup_l2[h]);
    }

  if (two_halves_) {
    // The 二级 cells of both halves stand side by side: a label printed on one half only holds for both.
    if (row_l2[0].empty() && !row_l2[1].empty()) row_l2[0] = row_l2[1];
    if (row_l2[1].empty() && !row_l2[0].empty()) row_l2[1] = row_l2[0];
    if (row_l1[1].empty() && !row_l1[0].empty()) row_l1[1] = row_l1[0];
    if (row_l1[0].empty() && !row_l1[1].empty()) row_l1[0] = row_l1[1];
  }
  for (int h = 0; h < halves; ++h) {
    if (!row_l1[h].empty()) {
      level1_[h] = row_l1[h];
      if (row_l2[h].empty()) level2_[h].clear();
    }
    if (!row_l2[h].empty()) level2_[h] = row_l2[h];
  }

  Indicator ind[2];
  for (int h = 0; h < halves; ++h) {
    ind[h].level1 = level1_[h];
    ind[h].level2 = level2_[h];
    if (!data[h].empty()) {
      ind[h].name = data[h][0].text;
      ind[h].origin = Origin::at_line(line.number, data[h][0].field);
    } else {
      ind[h].origin = Origin::at_line(line.number);
    }
    if (data[h].size() > 1) ind[h].value = data[h][1].text;
    layouts_.classify(ind[h]);
  }
  for (const auto& e : extras)
    add_finding(report, "form.extra-cell", Severity::warning,
                fmt::format("绩效指标行多出的单元格未能归入指标：“{}”", excerpt(e.text)), line, e.field);

  const bool any_label = !row_l1[0].empty() || !row_l2[0].empty() || !row_l1[1].empty() || !row_l2[1].empty();
  if (data[0].empty() && data[1].empty() && !any_label) return false;
  if (two_halves_ && rows) {
    IndicatorRow r;
    r.period = std::move(ind[0]);
    r.annual = std::move(ind[1]);
    r.origin = Origin::at_line(line.number);
    rows->push_back(std::move(r));
  } else if (rows) {
    IndicatorRow r;
    r.period = std::move(ind[0]);
    r.origin = Origin::at_line(line.number);
    rows->push_back(std::move(r));
  } else if (list) {
    list->push_back(std::move(ind[0]));
  }
  return true;
}

}  // namespace budgetxl::text::forms
