#include "cli/commands.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "io/output_file.hpp"
#include "json/report_json.hpp"
#include "text/report_reader.hpp"
#include "text/writer.hpp"
#include "xlsx/model_reader.hpp"
#include "xlsx/writer.hpp"

namespace budgetxl::cli {

namespace fs = std::filesystem;

const Layouts& Options::layouts() const {
  if (templates_dir.empty()) return Layouts::builtin();
  static std::unique_ptr<Layouts> loaded;
  if (!loaded) loaded = std::make_unique<Layouts>(Layouts::load_directory(templates_dir));
  return *loaded;
}

namespace {

bool is_zip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  in.read(magic, 4);
  return in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

void fail(const std::string& message) { std::cerr << "budgetxl: " << message << "\n"; }

// Runs one command, turning every failure into its message and documented exit code.
template <typename Body>
int guarded(const std::string& input, Body body) {
  try {
    return body();
  } catch (const text::DecodeError& e) {
    fail(e.what());
    return kExitInput;
  } catch (const io::OutputError& e) {
    fail(e.what());
    return kExitOutput;
  } catch (const std::exception& e) {
    fail(fmt::format("{}: {}", input, e.what()));
    return kExitOutput;
  }
}

}  // namespace

Report read_any(const std::string& path, const Layouts& layouts) {
  if (path == "-") {
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    Report report = text::read_text(text::decode_bytes(bytes, "<stdin>"), "<stdin>", layouts);
    text::require_report_content(report);
    return report;
  }
  std::error_code ec;
  if (!fs::exists(path, ec)) throw text::DecodeError(path + ": 文件不存在");
  if (fs::is_directory(path, ec)) throw text::DecodeError(path + ": 是目录，不是文件");
  if (is_zip(path)) {
    try {
      return xlsx::read_workbook_report(path, layouts);
    } catch (const xlsx::WorkbookError& e) {
      throw text::DecodeError(e.what());
    }
  }
  Report report = text::read_text_report(path, layouts);
  text::require_report_content(report);
  return report;
}

int report_findings(const Report& report, const Options& opt) {
  int code = kExitOk;
  for (const auto& f : report.findings.items()) {
    if (f.severity == Severity::error) code = kExitInputErrors;
    if (opt.quiet && f.severity != Severity::error) continue;
    if (!opt.verbose && f.severity == Severity::info) continue;
    const std::string where = f.where.empty() ? "" : (f.where.line ? fmt::format(":{}", f.where.line) : ": " + f.where.str());
    std::cerr << fmt::format("{}{}: {}: {} [{}]\n", report.source.file, where, severity_name(f.severity), f.message, f.rule);
  }
  return code;
}

int run_import(const std::string& input, std::string output, const Options& opt) {
  return guarded(input, [&] {
    const Layouts& layouts = opt.layouts();
    if (output.empty()) output = fs::path(input).replace_extension(".xlsx").string();
    io::refuse_overwriting_input(output, {input});
    Report report = read_any(input, layouts);
    const int code = report_findings(report, opt);
    io::write_atomically(output, [&](const std::string& tmp) { xlsx::write_workbook(report, tmp, layouts); });
    if (!opt.quiet)
      std::cerr << fmt::format("{} -> {}: {} tables, {} forms, {} set aside, {} findings\n", input, output, report.tables.size(),
                               report.forms.size(), report.set_aside.size(), report.findings.items().size());
    return code;
  });
}

int run_json(const std::string& input, const std::string& output, const Options& opt) {
  return guarded(input, [&] {
    const Layouts& layouts = opt.layouts();
    if (output != "-") io::refuse_overwriting_input(output, {input});
    Report report = read_any(input, layouts);
    const int code = report_findings(report, opt);
    const std::string text = json::report_to_json(report, layouts).dump(1) + "\n";
    if (output == "-") std::cout << text << std::flush;
    else io::write_text_atomically(output, text);
    return code;
  });
}

int run_export(const std::string& input, std::string output, const Options& opt) {
  return guarded(input, [&] {
    const Layouts& layouts = opt.layouts();
    if (output.empty()) output = fs::path(input).replace_extension(".txt").string();
    io::refuse_overwriting_input(output, {input});
    Report report = read_any(input, layouts);
    const int code = report_findings(report, opt);
    io::write_text_atomically(output, text::write_text_report(report, layouts));
    if (!opt.quiet)
      std::cerr << fmt::format("{} -> {}: {} tables, {} forms, {} findings\n", input, output, report.tables.size(), report.forms.size(),
                               report.findings.items().size());
    return code;
  });
}

}  // namespace budgetxl::cli
