// budgetxl command line: thin wrappers around the readers and writers; no domain logic here.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <cstdio>
#include <iostream>
#include <new>

#include "commands.hpp"

namespace {

// Memory set aside at start, given back a block at a time when allocations fail, so that unwinding
// (destructors that allocate, such as nlohmann::json's, and the error message) has room to run and
// the run ends with its message and exit code 6 instead of an abort. Several blocks, because a
// nothrow allocation that fails (std::stable_sort's buffer) also calls the handler and then goes
// on without its memory. Never touched, so they cost address space, not memory.
constexpr std::size_t kReserveBlocks = 8;
char* memory_reserve[kReserveBlocks] = {};

void out_of_memory() {
  for (char*& block : memory_reserve) {
    if (block != nullptr) {
      delete[] block;
      block = nullptr;
      break;
    }
  }
  throw std::bad_alloc();
}

int run(int argc, char** argv);

}  // namespace

int main(int argc, char** argv) {
  for (char*& block : memory_reserve) block = new (std::nothrow) char[std::size_t{4} << 20];
  std::set_new_handler(out_of_memory);
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    // Out of memory outside a command's guard (parsing the command line, loading the layouts).
    std::fputs("budgetxl: 内存不足，无法运行\n", stderr);
    return budgetxl::cli::kExitMemory;
  }
}

namespace {

int run(int argc, char** argv) {
  using namespace budgetxl::cli;
  CLI::App app{"budgetxl — 部门预算公开文本与 Excel 工作簿互转\n"
               "Converts department budget disclosures between the official text report and an Excel workbook."};
  app.set_version_flag("--version", std::string("budgetxl ") + BUDGETXL_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the subcommand: `budgetxl json X -v`
  Options opt;
  app.add_option("--templates", opt.templates_dir, "Read the official layouts from this directory instead of the built-in templates/")
      ->check(CLI::ExistingDirectory);
  app.add_option("--family", opt.family,
                 "Read with this layout family (see `budgetxl families`) instead of recognising it from the report");
  app.add_flag("-q,--quiet", opt.quiet, "Print only errors");
  app.add_flag("-v,--verbose", opt.verbose, "Also print informational findings");
  std::vector<std::string> limits;
  std::string limit_help = "Change a bound on what an input may hold (repeatable; VALUE may end in K, M or G):";
  for (const auto& info : budgetxl::limit_infos())
    limit_help += fmt::format("\n  {} ({}; default {})", info.name, info.meaning, budgetxl::ReadLimits{}.*(info.member));
  app.add_option("--limit", limits, limit_help)->type_name("NAME=VALUE");
  app.footer(
      "Exit codes:\n"
      "  0  success\n"
      "  1  bad command line\n"
      "  2  an input could not be read (missing, unreadable, not a report or workbook)\n"
      "  3  converted, but the input has errors (see the findings printed)\n"
      "  4  an output could not be written\n"
      "  5  roundtrip: at least one file changed on the way (or failed)\n"
      "  6  out of memory\n"
      "check: 0 no 错误, 1 a report has 错误, 2 an input could not be read");

  auto* import = app.add_subcommand("import", "Text report -> workbook (.xlsx)");
  std::vector<std::string> import_inputs;
  std::string import_output;
  import->add_option("REPORT", import_inputs,
                     "Text report (UTF-8 or GB18030); several files are one report published in parts (text, tables)")
      ->required();
  import->add_option("-o,--output", import_output, "Workbook to write (default: REPORT with .xlsx)");

  auto* json = app.add_subcommand("json", "Report or workbook -> the canonical model as JSON");
  std::string json_input, json_output = "-";
  json->add_option("INPUT", json_input, "Text report or workbook; - reads a text report from stdin")->required();
  json->add_option("-o,--output", json_output, "File to write; - (default) is stdout");

  auto* exp = app.add_subcommand("export", "Workbook (or report) -> the official text report");
  std::string export_input, export_output;
  exp->add_option("BOOK", export_input, "Workbook (.xlsx) or text report")->required();
  exp->add_option("-o,--output", export_output, "Text report to write (default: BOOK with .txt)");

  auto* rt = app.add_subcommand("roundtrip", "Prove that text -> workbook -> text (or a workbook -> official text) changes nothing, file by file");
  RoundtripOptions rt_opt;
  rt->add_option("PATH", rt_opt.paths, "Text reports or workbooks, or folders of text reports (*.txt)")->required();
  rt->add_option("-j,--jobs", rt_opt.jobs, "Files converted in parallel (default: all cores)");
  rt->add_option("--report", rt_opt.report_file, "Write the per-file results to FILE (.json or .csv)");
  rt->add_option("--keep", rt_opt.keep_dir, "Keep the intermediate workbooks and texts in this folder");

  auto* chk = app.add_subcommand("check", "Check reports (text or workbook) against the rule catalogue; exit 1 when any 错误");
  CheckOptions ck_opt;
  chk->add_option("PATH", ck_opt.paths, "Text reports or workbooks, or folders of them (*.txt, *.xlsx)");
  chk->add_option("-j,--jobs", ck_opt.jobs, "Reports checked in parallel (default: all cores)");
  chk->add_option("--format", ck_opt.format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  chk->add_flag("--list-rules", ck_opt.list_rules, "List the rules, their severity and the families they apply to");
  chk->add_option("--off", ck_opt.off, "Switch a rule off (repeatable)");
  chk->add_option("--severity", ck_opt.severity, "Give a rule another severity: RULE=错误|警告|提示 (repeatable)");
  chk->add_option("--config", ck_opt.config, "A file of overrides, one a line: RULE off|错误|警告|提示");
  chk->add_option("--summary", ck_opt.summary_file, "Write one row per report to FILE.csv or FILE.xlsx");

  auto* families = app.add_subcommand("families", "List the layout families (one per province's table set) and their tables");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  for (const auto& l : limits) {
    try {
      budgetxl::set_limit(opt.limits, l);
    } catch (const std::invalid_argument& e) {
      std::cerr << "budgetxl: " << e.what() << "\n";
      return kExitUsage;
    }
  }
  if (*import) return run_import(import_inputs, import_output, opt);
  if (*json) return run_json(json_input, json_output, opt);
  if (*exp) return run_export(export_input, export_output, opt);
  if (*rt) return run_roundtrip(rt_opt, opt);
  if (*families) return run_families(opt);
  if (*chk) {
    if (ck_opt.paths.empty() && !ck_opt.list_rules) {
      std::cerr << "budgetxl: check 需要报告文件或目录（或 --list-rules）\n";
      return kExitUsage;
    }
    return run_check(ck_opt, opt);
  }
  return kExitUsage;
}

}  // namespace
