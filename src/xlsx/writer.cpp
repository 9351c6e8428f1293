// Writes the workbook: cover, tables, forms, prose parts, set-aside material, document properties.
#include "xlsx/writer.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <ctime>
#include <memory>
#include <new>
#include <stdexcept>

#include "xlsx/schema.hpp"
#include "xlsx/styles.hpp"

namespace budgetxl::xlsx {

namespace {

// Frees a workbook that was not closed (an error part-way); workbook_close frees it otherwise.
struct WorkbookFree {
  void operator()(lxw_workbook* wb) const { lxw_workbook_free(wb); }
};

std::string document_title(const Report& report) {
  std::string title = report.meta.entity;
  if (!report.meta.title.empty()) title += report.meta.title;
  else if (report.meta.year > 0) title += fmt::format("{}年度预算公开", report.meta.year);
  return title.empty() ? "预算公开" : title;
}

void fill_workbook(lxw_workbook* wb, const Report& report, const Layouts& layouts, const WriteOptions& options) {
  detail::Styles styles(wb);
  std::vector<std::string> used;

  std::string cover_name;
  lxw_worksheet* cover = detail::add_sheet(wb, schema::kCoverSheet, used, cover_name);
  std::vector<detail::TablePlacement> placements;
  const std::vector<std::string> table_sheets = detail::write_table_sheets(wb, styles, report, layouts, used, &placements);

  const std::vector<std::string> form_sheets = detail::write_form_sheets(wb, styles, report, layouts, used);
  detail::write_prose_sheets(wb, styles, report, table_sheets, form_sheets, used);
  if (options.include_set_aside && !report.set_aside.empty()) detail::write_set_aside_sheet(wb, styles, report, used);
  if (options.checks) detail::write_check_sheet(wb, styles, *options.checks, placements, used);

  detail::SheetWriter cover_out(cover, cover_name, styles);
  detail::write_cover_sheet(cover_out, report, layouts, used);
  worksheet_activate(cover);

  const std::string title = document_title(report);
  const std::string comments = report.source.file.empty()
                                   ? std::string("由 budgetxl 生成")
                                   : fmt::format("由 budgetxl 从 {} 转换", detail::source_file_name(report));
  lxw_doc_properties properties{};
  properties.title = const_cast<char*>(title.c_str());
  properties.subject = const_cast<char*>("部门预算公开");
  properties.author = const_cast<char*>("budgetxl");
  if (!report.meta.entity.empty()) properties.company = const_cast<char*>(report.meta.entity.c_str());
  properties.comments = const_cast<char*>(comments.c_str());
  // Reproducible builds: SOURCE_DATE_EPOCH fixes the creation time (the current time otherwise).
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && seconds > 0) properties.created = static_cast<time_t>(seconds);
  }
  detail::check(workbook_set_properties(wb, &properties), "文档属性");
}

}  // namespace

void write_workbook(const Report& report, const std::string& path, const Layouts& layouts, const WriteOptions& options) {
  lxw_workbook_options wb_options{};
  wb_options.constant_memory = LXW_FALSE;
  std::unique_ptr<lxw_workbook, WorkbookFree> wb(workbook_new_opt(path.c_str(), &wb_options));
  if (!wb) throw OutputError(fmt::format("无法创建工作簿 {}", path));
  try {
    fill_workbook(wb.get(), report, layouts, options);
  } catch (const std::bad_alloc&) {
    throw;  // out of memory is not an output that cannot be written
  } catch (const std::exception& e) {
    throw OutputError(fmt::format("无法写入工作簿 {}：{}", path, e.what()));
  }
  const lxw_error err = workbook_close(wb.release());  // frees the workbook whatever happens
  if (err == LXW_ERROR_MEMORY_MALLOC_FAILED) throw std::bad_alloc();
  if (err != LXW_NO_ERROR) throw OutputError(fmt::format("无法写入工作簿 {}：{}", path, lxw_strerror(err)));
  detail::finish_fonts(path);
}

}  // namespace budgetxl::xlsx
