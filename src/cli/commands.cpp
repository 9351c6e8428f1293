#include "commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <new>

#include "budgetxl/io.hpp"

namespace budgetxl::cli {

namespace fs = std::filesystem;

namespace {

void fail(const std::string& message) { std::cerr << "budgetxl: " << message << "\n"; }

}  // namespace

int guarded(const std::string& input, const std::function<int()>& body) {
  try {
    return body();
  } catch (const InputError& e) {
    fail(e.what());
    return kExitInput;
  } catch (const TemplateError& e) {
    fail(fmt::format("模板有误：{}", e.what()));
    return kExitInput;
  } catch (const OutputError& e) {
    fail(e.what());
    return kExitOutput;
  } catch (const std::bad_alloc&) {
    fail(fmt::format("{}: 内存不足，无法完成转换（输入过大？可用 --limit 收紧上限，或在内存更多的机器上运行）", input));
    return kExitMemory;
  } catch (const std::exception& e) {
    fail(fmt::format("{}: 无法转换：{}", input, e.what()));
    return kExitInput;
  }
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& extensions,
                                       std::vector<std::string>& missing) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::recursive_directory_iterator(p, ec))
        if (e.is_regular_file() && std::find(extensions.begin(), extensions.end(), e.path().extension().string()) != extensions.end())
          found.push_back(e.path().string());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      out.push_back(p);
    } else {
      missing.push_back(p);
    }
  }
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

int report_findings(const Report& report, const Options& opt) {
  int code = kExitOk;
  for (const auto& f : report.findings.items()) {
    if (f.severity == Severity::error) code = kExitInputErrors;
    if (opt.quiet && f.severity != Severity::error) continue;
    if (!opt.verbose && f.severity == Severity::info) continue;
    // A line of a report read from several files is told in its own file.
    const auto [file, line] = f.where.line ? report.source.locate(f.where.line) : std::make_pair(report.source.file, 0u);
    const std::string where = f.where.empty() ? "" : (line ? fmt::format(":{}", line) : ": " + f.where.str());
    std::cerr << fmt::format("{}{}: {}: {} [{}]\n", file, where, severity_name(f.severity), f.message, f.rule);
  }
  return code;
}

namespace {

// Reading standard input leaves no name to derive the output's from.
bool needs_output(const std::string& input, const std::string& output) {
  if (input != "-" || !output.empty()) return false;
  fail("从标准输入读取时请用 -o 指定输出文件（- 为标准输出）");
  return true;
}

}  // namespace

int run_import(const std::vector<std::string>& inputs, std::string output, const Options& opt) {
  const std::string& input = inputs.front();
  if (needs_output(input, output)) return kExitUsage;
  std::string all;
  for (const auto& i : inputs) all += (all.empty() ? "" : " + ") + i;
  return guarded(all, [&] {
    const auto families = io::load_families(opt.templates_dir);
    if (output.empty()) output = fs::path(input).replace_extension(".xlsx").string();
    if (output != "-") io::refuse_overwriting_input(output, inputs);
    Report report = io::read_report(inputs, *families, opt.family, opt.limits);
    const int code = report_findings(report, opt);
    io::write_workbook(report, output, io::layouts_of(report, *families));
    if (!opt.quiet && output != "-")
      std::cerr << fmt::format("{} -> {}: {} tables, {} forms, {} set aside, {} findings\n", all, output, report.tables.size(),
                               report.forms.size(), report.set_aside.size(), report.findings.items().size());
    return code;
  });
}

int run_json(const std::string& input, const std::string& output, const Options& opt) {
  return guarded(input, [&] {
    const auto families = io::load_families(opt.templates_dir);
    if (output != "-") io::refuse_overwriting_input(output, {input});
    Report report = io::read_report(input, *families, opt.family, opt.limits);
    const int code = report_findings(report, opt);
    io::write_json(report, output, io::layouts_of(report, *families));
    return code;
  });
}

int run_export(const std::string& input, std::string output, const Options& opt) {
  if (needs_output(input, output)) return kExitUsage;
  return guarded(input, [&] {
    const auto families = io::load_families(opt.templates_dir);
    if (output.empty()) output = fs::path(input).replace_extension(".txt").string();
    if (output != "-") io::refuse_overwriting_input(output, {input});
    Report report = io::read_report(input, *families, opt.family, opt.limits);
    const int code = report_findings(report, opt);
    io::write_text(report, output, io::layouts_of(report, *families));
    if (!opt.quiet)
      std::cerr << fmt::format("{} -> {}: {} tables, {} forms, {} findings\n", input, output, report.tables.size(), report.forms.size(),
                               report.findings.items().size());
    return code;
  });
}

int run_families(const Options& opt) {
  return guarded("--templates", [&] {
    const auto families = io::load_families(opt.templates_dir);
    for (const auto& f : families->all()) {
      std::cout << fmt::format("{}  {}  ({} 张表, {})\n", f->family(), f->family_title(), f->tables().size(), f->origin());
      for (const TableLayout& t : f->tables())
        std::cout << fmt::format("    {}  （{} {}）\n", t.sheet, f->vocabulary().roles.at(t.role), t.role);
    }
    return kExitOk;
  });
}

}  // namespace budgetxl::cli
