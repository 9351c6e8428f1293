// Shared pieces of the performance target form readers (form_*.cpp): cells of a line, year lines,
// the places where a form must end, findings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"
#include "finish/form_values.hpp"
#include "layout/form_layouts.hpp"
#include "text/lines.hpp"

namespace budgetxl::text::forms {

// A non-empty cell of a line: trimmed text without HTML markup, and its 1-based tab field.
struct FCell {
  std::string text;
  std::uint32_t field = 0;
};
std::vector<FCell> cells_of(const Line& line);

// A heading that ends the forms part: "十一、国有资产占用情况", "第四部分 名词解释", "## 第二部分".
bool is_section_end(std::string_view text);
// The line's key without markdown '#' marks and markup.
std::string heading_key(std::string_view text);
// Reads an amount from a form cell ("865,000", "15.00", "1,50000"); a finding when it is not one.
Amount form_amount(const std::string& text, const Line& line, std::uint32_t field, Report& report);
void add_finding(Report& report, const char* rule, Severity severity, std::string message, const Line& line,
                 std::uint32_t field = 0);
// A bare page number inside a form ("- 32 -", "第3页": the report's page_number_patterns) is kept
// aside as a page number, as between the tables; false, and nothing kept, for any other line.
bool set_aside_page_number(const Line& line, const ReportLayout& layout, Report& report);
// Index of the next non-blank line at or after j (lines.size() when none).
std::size_t next_nonblank(const Lines& lines, std::size_t j);

// A form's year line starting at line j: "(2024年度)" on one line, or split over two ("(2024年"
// then "度)", blank lines between them and empty cells around them allowed). `text` is what was
// written, its lines joined without their tabs ("(2024年度)"); `last` is the index of its last line.
struct YearLine {
  int year = 0;  // 0: no year line starts at line j
  std::string text;
  std::size_t last = 0;
};
YearLine year_line_at(const Lines& lines, std::size_t j);
// Reads the year line starting at line j into form.year and form.year_line and moves j to its last
// line; false (nothing changed) when none starts there.
bool read_year_line(const Lines& lines, std::size_t& j, Form& form);

// Reads the rows of an indicator table cell by cell: label cells (一级, 二级, 绩效指标) are
// classified by the layout; the other cells are read as (三级, 指标值) pairs, the first pair being
// the 实施期 half and the second the 年度 half of a Shanxi form.
class IndicatorTableReader {
 public:
  IndicatorTableReader(const FormLayouts& layouts, bool two_halves) : layouts_(layouts), two_halves_(two_halves) {}
  void set_two_halves(bool two) { two_halves_ = two; }
  // Reads one row; appends to `rows` (two halves) or `list` (single table). False when the line
  // holds nothing of an indicator row.
  bool read(const Line& line, Report& report, std::vector<IndicatorRow>* rows, std::vector<Indicator>* list);

 private:
  const FormLayouts& layouts_;
  bool two_halves_;
  std::string level1_[2], level2_[2];
};

// Project forms of the Shanxi layout and the overall form.
std::size_t read_project_form(const Lines& lines, std::size_t i, const Layouts& layouts, Report& report);
std::size_t read_overall_form(const Lines& lines, std::size_t i, const Layouts& layouts, Report& report);
std::size_t read_hebei_form(const Lines& lines, std::size_t i, const Layouts& layouts, Report& report);
std::size_t read_department_text(const Lines& lines, std::size_t i, const Layouts& layouts, Report& report);
std::size_t read_shanghai_form(const Lines& lines, std::size_t i, const Layouts& layouts, Report& report);

// Which kind of form starts at line i, if any.
enum class Start { none, project, overall, hebei, department_text, shanghai };
Start form_start(const Lines& lines, std::size_t i, const FormLayouts& L);

// What a form reader does first with line j of its form: skip it (blank, or a page number, kept
// aside), end the form there (another form starts, or a section heading), or read it.
enum class Step { skip, end, read };
Step form_step(const Lines& lines, std::size_t j, const Layouts& layouts, Report& report);

}  // namespace budgetxl::text::forms
