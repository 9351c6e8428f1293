// The public entry point (include/budgetxl/io.hpp): format sniffing, standard input and output,
// the "is this a report at all" check, safe output files. Readers and writers stay format-only.
#include "budgetxl/io.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <cerrno>
#include <csignal>
#include <unistd.h>

#include "budgetxl/check.hpp"
#include "json/report_json.hpp"
#include "text/decode.hpp"
#include "text/report_reader.hpp"
#include "text/writer.hpp"
#include "util/normalize.hpp"
#include "util/output_file.hpp"
#include "xlsx/model_reader.hpp"
#include "xlsx/writer.hpp"
#include "xlsx/zip_archive.hpp"

namespace budgetxl::io {

namespace fs = std::filesystem;

namespace {

// An OLE compound file: what Excel writes for a password-protected workbook (the .xlsx inside is
// encrypted) and for the old binary .xls.
bool is_compound_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char magic[8] = {};
  in.read(reinterpret_cast<char*>(magic), 8);
  static const unsigned char cfb[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  return in.gcount() == 8 && std::equal(magic, magic + 8, cfb);
}

void refuse_compound_file(const std::string& path) {
  if (is_compound_file(path))
    throw InputError(path + ": 这是有密码保护（加密）的工作簿或旧版 .xls 文件：请在 Excel 中取消密码，或另存为 .xlsx 后再读取");
}

// A path that names a file budgetxl can read: it exists, is no folder, and is no compound file.
void require_readable_file(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError(path + ": 文件不存在");
  if (fs::is_directory(path, ec)) throw InputError(path + ": 是目录，不是文件");
  refuse_compound_file(path);
}

// A workbook read with one family, refused when it holds nothing of a report.
Report read_workbook(const xlsx::Workbook& book, const std::string& path, const Layouts& layouts) {
  Report report = xlsx::workbook_to_report(book, path, layouts);
  xlsx::require_workbook_content(report, book, layouts);
  return report;
}

// The workbook a killed run was writing for standard output (budgetxl-stdout-PID.xlsx, PID no
// longer running) is removed by the next run that writes one.
void remove_stdout_leftovers() {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(fs::temp_directory_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (!util::starts_with(name, "budgetxl-stdout-") || !util::ends_with(name, ".xlsx")) continue;
    const std::string digits = name.substr(16, name.size() - 16 - 5);
    if (digits.empty() || digits.size() > 9 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove(e.path(), ec);
  }
}

void write_text_or_stdout(const std::string& path, const std::string& content) {
  if (path == "-") {
    std::cout << content << std::flush;
    if (!std::cout) throw OutputError("<stdout>: 写入失败");
    return;
  }
  util::write_text_atomically(path, content);
}

}  // namespace

std::shared_ptr<const LayoutFamilies> load_families(const std::string& templates_dir) {
  if (templates_dir.empty())
    return std::shared_ptr<const LayoutFamilies>(&LayoutFamilies::embedded(), [](const LayoutFamilies*) {});
  return std::make_shared<const LayoutFamilies>(LayoutFamilies::load_directory(templates_dir));
}

namespace {

Report read_decoded(const text::DecodedText& decoded, const std::string& name, const LayoutFamilies& families,
                    const std::string& family) {
  Report report = text::read_text(decoded, name, text::family_of(decoded, families, family));
  text::require_known_tables(decoded, report, families);
  text::require_report_content(report);
  return report;
}

}  // namespace

Report read_report(const std::string& path, const LayoutFamilies& families, const std::string& family,
                   const ReadLimits& limits) {
  if (path == "-") return read_decoded(text::decode_stdin(limits), "<stdin>", families, family);
  require_readable_file(path);
  if (xlsx::has_zip_signature(path)) {
    // A workbook of budgetxl names its family on the cover; any other is recognised by its sheets.
    const xlsx::Workbook book = xlsx::read_workbook(path, limits);
    const std::string named = family.empty() ? xlsx::cover_family(book) : family;
    return read_workbook(book, path, named.empty() ? xlsx::best_family(book, families) : families.get(named));
  }
  return read_decoded(text::decode_file(path, limits), path, families, family);
}

Report read_report(const std::vector<std::string>& paths, const LayoutFamilies& families, const std::string& family,
                   const ReadLimits& limits) {
  if (paths.size() == 1) return read_report(paths.front(), families, family, limits);
  if (paths.empty()) throw InputError("没有要读取的文件");
  text::DecodedText joined;
  std::vector<SourceInfo::Piece> pieces;
  std::string name;
  std::uint64_t total = 0;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && !fs::exists(path, ec)) throw InputError(path + ": 文件不存在");
    if (path == "-" || fs::is_directory(path, ec) || xlsx::has_zip_signature(path))
      throw InputError(path + ": 只能把几个文本报告文件合为一份报告读取");
    const text::DecodedText part = text::decode_file(path, limits);
    for (const auto& l : part.lines) total += l.text.size() + 1;
    if (total > limits.max_text_bytes)
      throw InputError(path + ": 几个文件合起来超过文本报告的上限 " + limit_text(limits.max_text_bytes) +
                       "，拒绝读取（可用 --limit report-bytes=N 调整）");
    const auto offset = static_cast<std::uint32_t>(joined.lines.size());
    pieces.push_back({path, offset + 1});
    for (const auto& l : part.lines) joined.lines.push_back({offset + l.number, l.text});
    if (joined.encoding.empty()) {
      joined.encoding = part.encoding;
      joined.line_ending = part.line_ending;
    }
    name += (name.empty() ? "" : " + ") + path;
  }
  Report report = read_decoded(joined, name, families, family);
  report.source.pieces = std::move(pieces);
  return report;
}

const Layouts& layouts_of(const Report& report, const LayoutFamilies& families) {
  return families.get(report.meta.family);
}

Report read_report(const std::string& path, const Layouts& layouts, const ReadLimits& limits) {
  if (path == "-") {
    Report report = text::read_text(text::decode_stdin(limits), "<stdin>", layouts);
    text::require_report_content(report);
    return report;
  }
  require_readable_file(path);
  if (xlsx::has_zip_signature(path)) return read_workbook(xlsx::read_workbook(path, limits), path, layouts);
  Report report = text::read_text_report(path, layouts, limits);
  text::require_report_content(report);
  return report;
}

void write_workbook(const Report& report, const std::string& path, const Layouts& layouts) {
  // Every workbook written carries the rule catalogue's findings (校验结果), linked to its cells.
  const std::vector<Finding> checks = check::check_report(report, layouts);
  xlsx::WriteOptions options;
  options.checks = &checks;
  if (path == "-") {
    // A workbook is a zip that libxlsxwriter writes to a file: write one aside, then copy it out.
    remove_stdout_leftovers();
    const fs::path tmp = fs::temp_directory_path() / ("budgetxl-stdout-" + std::to_string(::getpid()) + ".xlsx");
    try {
      xlsx::write_workbook(report, tmp.string(), layouts, options);
      std::ifstream in(tmp, std::ios::binary);
      std::cout << in.rdbuf() << std::flush;
      if (!std::cout) throw OutputError("<stdout>: 写入失败");
    } catch (...) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw;
    }
    std::error_code ec;
    fs::remove(tmp, ec);
    return;
  }
  util::write_atomically(path, [&](const std::string& tmp) { xlsx::write_workbook(report, tmp, layouts, options); });
}

std::string text_of(const Report& report, const Layouts& layouts) { return text::write_text_report(report, layouts); }

std::string json_of(const Report& report, const Layouts& layouts) {
  return json::report_to_json(report, layouts).dump(1) + "\n";
}

void write_text(const Report& report, const std::string& path, const Layouts& layouts) {
  write_text_or_stdout(path, text_of(report, layouts));
}

void write_json(const Report& report, const std::string& path, const Layouts& layouts) {
  write_text_or_stdout(path, json_of(report, layouts));
}

void write_file(const std::string& path, const std::string& content) { util::write_text_atomically(path, content); }

void write_list_workbook(const std::string& path, const std::string& sheet_name, const std::vector<std::vector<std::string>>& rows,
                         const std::vector<bool>& numeric_columns) {
  util::write_atomically(path, [&](const std::string& tmp) { xlsx::write_list_workbook(tmp, sheet_name, rows, numeric_columns); });
}

void refuse_overwriting_input(const std::string& output, const std::vector<std::string>& inputs) {
  util::refuse_overwriting_input(output, inputs);
}

}  // namespace budgetxl::io
