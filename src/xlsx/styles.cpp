// Cell formats, checked cell writes and sheet naming for the workbook writer.
#include "xlsx/styles.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "util/normalize.hpp"
#include "xlsx/schema.hpp"

namespace budgetxl::xlsx::detail {

lxw_format* Styles::get(const Style& s) {
  if (auto it = cache_.find(s); it != cache_.end()) return it->second;
  lxw_format* f = workbook_add_format(wb_);
  if (!f) throw OutputError("无法创建单元格格式");
  format_set_font_name(f, kFontName);
  format_set_font_charset(f, kFontCharset);
  format_set_font_size(f, s.size);
  if (s.bold) format_set_bold(f);
  if (s.border) format_set_border(f, LXW_BORDER_THIN);
  if (s.wrap) format_set_text_wrap(f);
  if (s.number == NumberFormat::amount) format_set_num_format(f, kAmountFormat);
  if (s.number == NumberFormat::whole_amount) format_set_num_format(f, kWholeAmountFormat);
  if (s.link) {
    format_set_font_color(f, LXW_COLOR_BLUE);
    format_set_underline(f, LXW_UNDERLINE_SINGLE);
  }
  switch (s.align) {
    case Align::left: format_set_align(f, LXW_ALIGN_LEFT); break;
    case Align::center: format_set_align(f, LXW_ALIGN_CENTER); break;
    case Align::right: format_set_align(f, LXW_ALIGN_RIGHT); break;
  }
  format_set_align(f, s.valign == VAlign::top ? LXW_ALIGN_VERTICAL_TOP : LXW_ALIGN_VERTICAL_CENTER);
  if (s.fill != 0) format_set_bg_color(f, s.fill);
  if (s.indent > 0) format_set_indent(f, static_cast<std::uint8_t>(std::min(s.indent, 15)));
  cache_.emplace(s, f);
  return f;
}

void check(lxw_error err, const std::string& where) {
  if (err == LXW_NO_ERROR) return;
  throw OutputError(fmt::format("{}：{}", where, lxw_strerror(err)));
}

// --- SheetWriter ---------------------------------------------------------------------------------

std::string SheetWriter::where(std::uint32_t row, std::uint16_t col) const {
  return fmt::format("{}!{}", name_, cell_reference(row + 1, static_cast<std::uint32_t>(col) + 1));
}

void SheetWriter::text(std::uint32_t row, std::uint16_t col, const std::string& value, const Style& style) {
  if (value.empty()) return blank(row, col, style);
  check(worksheet_write_string(ws_, row, col, value.c_str(), styles_.get(style)), where(row, col));
}

void SheetWriter::number(std::uint32_t row, std::uint16_t col, double value, const Style& style) {
  check(worksheet_write_number(ws_, row, col, value, styles_.get(style)), where(row, col));
}

void SheetWriter::blank(std::uint32_t row, std::uint16_t col, const Style& style) {
  check(worksheet_write_blank(ws_, row, col, styles_.get(style)), where(row, col));
}

void SheetWriter::merge(std::uint32_t first_row, std::uint16_t first_col, std::uint32_t last_row, std::uint16_t last_col,
                        const std::string& value, const Style& style) {
  if (first_row == last_row && first_col == last_col) return text(first_row, first_col, value, style);
  check(worksheet_merge_range(ws_, first_row, first_col, last_row, last_col, value.c_str(), styles_.get(style)),
        where(first_row, first_col));
}

void SheetWriter::link(std::uint32_t row, std::uint16_t col, const std::string& target_sheet, const std::string& value,
                       const Style& style) {
  const std::string url = internal_link(target_sheet);
  check(worksheet_write_url_opt(ws_, row, col, url.c_str(), styles_.get(style), value.c_str(), nullptr), where(row, col));
}

void SheetWriter::column_width(std::uint16_t col, double width, bool hidden) {
  lxw_row_col_options options{};
  options.hidden = hidden ? LXW_TRUE : LXW_FALSE;
  check(worksheet_set_column_opt(ws_, col, col, width, nullptr, &options), fmt::format("{}!{}列", name_, col + 1));
}

void SheetWriter::print_area(std::uint32_t first_row, std::uint16_t first_col, std::uint32_t last_row,
                             std::uint16_t last_col) {
  check(worksheet_print_area(ws_, first_row, first_col, last_row, last_col), name_ + "：打印区域");
}

void SheetWriter::row_height(std::uint32_t row, double points) {
  check(worksheet_set_row(ws_, row, points, nullptr), fmt::format("{}!第{}行", name_, row + 1));
}

// --- Page setup ----------------------------------------------------------------------------------

void set_page(SheetWriter& sheet, const PageSetup& setup) {
  lxw_worksheet* ws = sheet.sheet();
  worksheet_set_paper(ws, 9);  // A4
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_gridlines(ws, LXW_SHOW_SCREEN_GRIDLINES);
  if (setup.centered) worksheet_center_horizontally(ws);
  if (setup.left >= 0 || setup.right >= 0 || setup.top >= 0 || setup.bottom >= 0)
    worksheet_set_margins(ws, setup.left, setup.right, setup.top, setup.bottom);
  if (setup.page_numbers) check(worksheet_set_footer(ws, "&C第 &P 页，共 &N 页"), sheet.name());
}

// --- Fonts in the package -------------------------------------------------------------------------

std::string patch_styles_xml(const std::string& xml) {
  const std::size_t begin = xml.find("<fonts");
  const std::size_t end = xml.find("</fonts>");
  if (begin == std::string::npos || end == std::string::npos || end < begin) return xml;
  const std::string name = fmt::format("<name val=\"{}\"/>", kFontName);
  const std::string charset = fmt::format("<charset val=\"{}\"/>", kFontCharset);
  std::string fonts;
  std::size_t pos = begin;
  bool first = true;
  while (true) {
    const std::size_t open = xml.find("<font>", pos);
    if (open == std::string::npos || open > end) break;
    const std::size_t close = xml.find("</font>", open);
    if (close == std::string::npos || close > end) break;
    fonts.append(xml, pos, open - pos);
    std::string font = xml.substr(open, close + 7 - open);
    if (first && font.find(name) == std::string::npos && font.find("<b/>") == std::string::npos) {
      // The default font (Normal style): 宋体 10 instead of Calibri 11.
      font = fmt::format("<font><sz val=\"{}\"/><color theme=\"1\"/>{}<family val=\"2\"/>{}</font>",
                         static_cast<int>(kFontSize), name, charset);
    } else if (font.find(name) != std::string::npos && font.find("<charset") == std::string::npos) {
      const std::size_t family = font.find("<family ");
      const std::size_t at = family != std::string::npos ? font.find("/>", family) + 2 : font.size() - 7;
      font.insert(at, charset);
    }
    fonts += font;
    pos = close + 7;
    first = false;
  }
  return xml.substr(0, begin) + fonts + xml.substr(pos);
}

void finish_fonts(const std::string& path) {
  int code = 0;
  zip_t* za = zip_open(path.c_str(), 0, &code);
  if (!za) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw OutputError(fmt::format("无法重新打开工作簿 {}：{}", path, message));
  }
  auto fail = [&](const std::string& what) {
    const std::string message = fmt::format("无法写入工作簿 {}：{}：{}", path, what, zip_strerror(za));
    zip_discard(za);
    throw OutputError(message);
  };
  const char* const part = "xl/styles.xml";
  const zip_int64_t index = zip_name_locate(za, part, 0);
  zip_stat_t st;
  if (index < 0 || zip_stat_index(za, static_cast<zip_uint64_t>(index), 0, &st) != 0) fail(part);
  std::string xml(static_cast<std::size_t>(st.size), '\0');
  zip_file_t* file = zip_fopen_index(za, static_cast<zip_uint64_t>(index), 0);
  if (!file) fail(part);
  const zip_int64_t n = zip_fread(file, xml.data(), xml.size());
  zip_fclose(file);
  if (n < 0 || static_cast<std::size_t>(n) != xml.size()) fail(part);
  const std::string patched = patch_styles_xml(xml);
  if (patched == xml) {
    zip_discard(za);
    return;
  }
  // The buffer must outlive zip_close, which reads it.
  zip_source_t* source = zip_source_buffer(za, patched.data(), patched.size(), 0);
  if (!source) fail(part);
  if (zip_file_replace(za, static_cast<zip_uint64_t>(index), source, 0) < 0) {
    zip_source_free(source);
    fail(part);
  }
  zip_set_file_compression(za, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
  if (zip_close(za) < 0) fail("zip");
}

// --- Sheet names -----------------------------------------------------------------------------------

namespace {

// Byte length of the UTF-8 sequence starting with `lead` (1 for a stray byte).
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// The first `max` code points of s.
std::string first_code_points(std::string_view s, std::size_t max) {
  std::size_t i = 0, n = 0;
  while (i < s.size() && n < max) {
    i += std::min(sequence_length(static_cast<unsigned char>(s[i])), s.size() - i);
    ++n;
  }
  return std::string(s.substr(0, i));
}

std::string ascii_lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool is_used(const std::string& name, const std::vector<std::string>& used) {
  const std::string key = ascii_lower(name);
  return std::any_of(used.begin(), used.end(), [&](const std::string& u) { return ascii_lower(u) == key; });
}

}  // namespace

std::vector<std::string> split_code_points(std::string_view s, std::size_t max) {
  std::vector<std::string> pieces;
  if (max == 0) max = 1;
  while (!s.empty()) {
    std::string piece = first_code_points(s, max);
    s.remove_prefix(piece.size());
    pieces.push_back(std::move(piece));
  }
  if (pieces.empty()) pieces.emplace_back();
  return pieces;
}

std::vector<std::string> cell_pieces(std::string_view s) {
  std::vector<std::string> pieces = split_code_points(s, schema::kCellTextMax);
  if (schema::is_full_piece(pieces.back())) pieces.emplace_back();
  return pieces;
}

std::string sanitize_sheet_name(std::string_view wanted) {
  std::string name;
  for (char c : wanted) {
    switch (c) {
      case '/': case '\\': case '?': case '*': case ':': case '[': case ']': name += '_'; break;
      case '\t': case '\r': case '\n': name += ' '; break;
      default: name += c;
    }
  }
  name = util::trim(name);
  while (!name.empty() && name.front() == '\'') name.erase(0, 1);
  name = first_code_points(name, LXW_SHEETNAME_MAX);
  while (!name.empty() && name.back() == '\'') name.pop_back();
  name = util::trim(name);
  if (name.empty()) name = "工作表";
  return name;
}

std::string unique_sheet_name(std::string_view wanted, std::vector<std::string>& used) {
  const std::string base = sanitize_sheet_name(wanted);
  std::string name = base;
  for (int n = 2; is_used(name, used); ++n) {
    const std::string suffix = std::to_string(n);
    name = first_code_points(base, LXW_SHEETNAME_MAX - suffix.size()) + suffix;
  }
  used.push_back(name);
  return name;
}

lxw_worksheet* add_sheet(lxw_workbook* wb, std::string_view wanted, std::vector<std::string>& used,
                         std::string& actual_name) {
  actual_name = unique_sheet_name(wanted, used);
  check(workbook_validate_sheet_name(wb, actual_name.c_str()), fmt::format("工作表名称“{}”", actual_name));
  lxw_worksheet* ws = workbook_add_worksheet(wb, actual_name.c_str());
  if (!ws) throw OutputError(fmt::format("无法添加工作表“{}”", actual_name));
  return ws;
}

// --- Text helpers ----------------------------------------------------------------------------------

int wrapped_lines(std::string_view s, double width) {
  const double usable = std::max(1.0, width - 1.0);
  int lines = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = s.find('\n', start);
    const std::string_view line = s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    lines += std::max(1, static_cast<int>(std::ceil(util::display_width(line) / usable)));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

double column_width_for(int display_width) {
  const int clamped = std::clamp(display_width, 6, 60);
  return clamped * 1.1 + 2;
}

std::string internal_link(const std::string& sheet) {
  return "internal:'" + util::replace_all(sheet, "'", "''") + "'!A1";
}

std::string source_file_name(const Report& report) {
  auto name_of = [](const std::string& path) {
    const std::string name = std::filesystem::path(path).filename().string();
    return name.empty() ? path : name;
  };
  if (report.source.pieces.empty()) return name_of(report.source.file);
  std::string names;  // a report read from several files: each one's name
  for (const auto& p : report.source.pieces) names += (names.empty() ? "" : " + ") + name_of(p.file);
  return names;
}


void write_list_heading(SheetWriter& out, const std::vector<std::string>& headings, const std::vector<double>& widths) {
  Style head;
  head.bold = true;
  head.border = true;
  head.align = Align::center;
  for (std::size_t c = 0; c < headings.size(); ++c) out.text(0, static_cast<std::uint16_t>(c), headings[c], head);
  for (std::size_t c = 0; c < widths.size(); ++c) out.column_width(static_cast<std::uint16_t>(c), widths[c]);
  worksheet_freeze_panes(out.sheet(), 1, 0);
  check(worksheet_repeat_rows(out.sheet(), 0, 0), out.name());
}

}  // namespace budgetxl::xlsx::detail
