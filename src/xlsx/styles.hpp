// Shared internals of the workbook writer: the cell formats (宋体, GB2312), a checked sheet writer
// that names the cell in every error, sheet naming by Excel's rules, and the per-sheet writers.
#pragma once

#include <xlsxwriter.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"
#include "util/normalize.hpp"

namespace budgetxl::xlsx::detail {

inline constexpr const char* kFontName = "宋体";
inline constexpr std::uint8_t kFontCharset = 134;  // GB2312
inline constexpr double kFontSize = 10;
inline constexpr double kTitleFontSize = 14;
inline constexpr double kLineHeight = 13.5;  // points: one line of 10 pt 宋体
inline constexpr const char* kAmountFormat = "#,##0.00";     // 万元 (tables, Hebei and overall forms)
inline constexpr const char* kWholeAmountFormat = "#,##0";   // 元 (the Shanxi project forms)
inline constexpr std::uint32_t kHeaderFill = 0xF2F2F2;       // light grey behind a form's column headers

enum class Align { left, center, right };
enum class VAlign { center, top };
enum class NumberFormat { general, amount, whole_amount };  // general, kAmountFormat, kWholeAmountFormat

// Everything that distinguishes one cell format from another; every format uses 宋体.
struct Style {
  bool bold = false;
  bool border = false;
  bool wrap = false;
  NumberFormat number = NumberFormat::general;
  bool link = false;    // blue, underlined
  Align align = Align::left;
  VAlign valign = VAlign::center;
  int indent = 0;
  double size = kFontSize;
  std::uint32_t fill = 0;  // background colour 0xRRGGBB; 0: none
  auto operator<=>(const Style&) const = default;
};

// One lxw_format per distinct Style, created on first use (the workbook owns them).
class Styles {
 public:
  explicit Styles(lxw_workbook* wb) : wb_(wb) {}
  lxw_format* get(const Style& style);

 private:
  lxw_workbook* wb_;
  std::map<Style, lxw_format*> cache_;
};

// Throws std::runtime_error("<where>：<libxlsxwriter message>") unless err is LXW_NO_ERROR.
void check(lxw_error err, const std::string& where);

// A worksheet with checked writes; zero-based rows and columns. Every cell gets a 宋体 format.
class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* ws, std::string name, Styles& styles) : ws_(ws), name_(std::move(name)), styles_(styles) {}
  lxw_worksheet* sheet() const { return ws_; }
  const std::string& name() const { return name_; }
  Styles& styles() { return styles_; }

  // Empty text writes a blank cell (only visible through its format, e.g. a border).
  void text(std::uint32_t row, std::uint16_t col, const std::string& value, const Style& style);
  void number(std::uint32_t row, std::uint16_t col, double value, const Style& style);
  void blank(std::uint32_t row, std::uint16_t col, const Style& style);
  // A merged range with `value` in its first cell; a single cell is written as a plain cell.
  void merge(std::uint32_t first_row, std::uint16_t first_col, std::uint32_t last_row, std::uint16_t last_col,
             const std::string& value, const Style& style);
  // A link to cell A1 of another sheet of this workbook.
  void link(std::uint32_t row, std::uint16_t col, const std::string& target_sheet, const std::string& value,
            const Style& style);
  // A hidden column keeps its width for when a person shows it again.
  void column_width(std::uint16_t col, double width, bool hidden = false);
  // What prints: rows and columns [first, last], zero-based (the whole sheet when never set).
  void print_area(std::uint32_t first_row, std::uint16_t first_col, std::uint32_t last_row, std::uint16_t last_col);
  void row_height(std::uint32_t row, double points);

  std::string where(std::uint32_t row, std::uint16_t col) const;  // "表1 预算收支总表!C5"

 private:
  lxw_worksheet* ws_;
  std::string name_;
  Styles& styles_;
};

// How a sheet prints: A4 landscape, scaled to one page wide (as many pages tall as it needs), with
// gridlines on screen only. The fields are what differs between the kinds of sheet.
struct PageSetup {
  bool centered = false;  // centred horizontally on the paper
  // Margins in inches; a negative one keeps Excel's default (0.7 left and right, 0.75 top and bottom).
  double left = -1, right = -1, top = -1, bottom = -1;
  bool page_numbers = false;  // footer "第 N 页，共 M 页"
};
// Every sheet the writer makes gets its page setup here (tables, forms, prose, cover).
void set_page(SheetWriter& sheet, const PageSetup& setup);

// libxlsxwriter 1.1.4 ignores format_set_font_charset and keeps Calibri 11 as the workbook's
// default (Normal) font. After the workbook is closed, this rewrites xl/styles.xml inside the
// package: every 宋体 font gets <charset val="134"/> (GB2312) and the default font becomes 宋体 10,
// so that cells a person adds later are 宋体 too. Throws std::runtime_error naming the path.
void finish_fonts(const std::string& path);
// The same on the text of xl/styles.xml (exposed for tests).
std::string patch_styles_xml(const std::string& xml);

// --- Sheet names -------------------------------------------------------------------------------

// Excel's rules: at most 31 characters, none of / \ ? * : [ ], not blank, no leading or trailing
// apostrophe. Offending characters become '_'; the name is cut at 31 characters.
std::string sanitize_sheet_name(std::string_view wanted);
// A sanitized name not yet in `used` (Excel compares names ignoring ASCII case); "名称2", "名称3"
// … on a clash. The result is appended to `used`.
std::string unique_sheet_name(std::string_view wanted, std::vector<std::string>& used);
// Adds a worksheet under unique_sheet_name(wanted); throws when libxlsxwriter refuses it.
lxw_worksheet* add_sheet(lxw_workbook* wb, std::string_view wanted, std::vector<std::string>& used,
                         std::string& actual_name);

// --- Text helpers --------------------------------------------------------------------------------

using util::code_points;
// Splits text into pieces of at most `max` code points (never inside a UTF-8 sequence).
std::vector<std::string> split_code_points(std::string_view s, std::size_t max);
// The pieces a text is written in, one cell each down the rows (schema::kCellTextMax code points,
// an empty last piece when the text divides evenly, so that only a continued cell is full).
std::vector<std::string> cell_pieces(std::string_view s);
// Lines a wrapped cell needs in a column `width` characters wide (explicit newlines count).
int wrapped_lines(std::string_view s, double width);
// Column width (Excel character units) from the widest East-Asian display width in that column.
double column_width_for(int display_width);
// "internal:'name'!A1"
std::string internal_link(const std::string& sheet);
// What the workbook shows of the report's source: its file name without the folders it was read
// from ("/home/…/报告.txt" -> "报告.txt"; "<stdin>" as it is).
std::string source_file_name(const Report& report);

// --- Sheet writers (one file each: table_sheets.cpp, form_sheets.cpp, prose_sheets.cpp) -----------

// Writes one sheet per table of the report, in document order. Returns the sheet name of each
// table (same index as report.tables).
// A list sheet's first row (其他材料, 校验结果): the headings, bold and centred in bordered cells,
// the column widths, the row frozen and repeated on every printed page.
void write_list_heading(SheetWriter& out, const std::vector<std::string>& headings, const std::vector<double>& widths);

// Where a table's rows were written: its sheet, the row of its first data row (0-based) and, per
// layout column, the sheet column of its first printed field (-1 when not printed).
struct TablePlacement {
  lxw_worksheet* sheet = nullptr;
  std::string name;
  std::uint32_t data_top = 0;
  std::vector<int> sheet_column;
};
std::vector<std::string> write_table_sheets(lxw_workbook* wb, Styles& styles, const Report& report,
                                            const Layouts& layouts, std::vector<std::string>& used,
                                            std::vector<TablePlacement>* placements = nullptr);

// 校验结果: one row per finding of the rule catalogue, each linking to the first cell it concerns;
// the cells concerned carry a comment saying why.
void write_check_sheet(lxw_workbook* wb, Styles& styles, const std::vector<Finding>& checks,
                       const std::vector<TablePlacement>& placements, std::vector<std::string>& used);

// The summary sheet 绩效目标汇总 linking to one sheet per form, then those sheets in form order; each
// is laid out like the official form, every value right of (or below) its label cell. Returns the
// sheet name of each form (same index as report.forms); adds no sheet when there are no forms.
std::vector<std::string> write_form_sheets(lxw_workbook* wb, Styles& styles, const Report& report,
                                           const Layouts& layouts, std::vector<std::string>& used);
// The name form number `sequence` (1-based) asks for, before add_sheet makes it fit Excel's rules:
// "绩效3 不动产机房机架".
std::string wanted_form_sheet_name(const Form& form, std::size_t sequence);

// One sheet per part with heading or paragraph blocks. `form_sheets[i]` is the sheet of
// report.forms[i] ("" when unknown; the block is then written as plain text).
void write_prose_sheets(lxw_workbook* wb, Styles& styles, const Report& report, const std::vector<std::string>& table_sheets,
                        const std::vector<std::string>& form_sheets, std::vector<std::string>& used);

// The `其他材料` sheet: every set-aside item with its kind, place and text.
void write_set_aside_sheet(lxw_workbook* wb, Styles& styles, const Report& report, std::vector<std::string>& used);

// Fills the cover sheet: metadata, counts, the list of sheets (linked), the findings.
void write_cover_sheet(SheetWriter& sheet, const Report& report, const Layouts& layouts,
                       const std::vector<std::string>& sheet_names);


}  // namespace budgetxl::xlsx::detail
