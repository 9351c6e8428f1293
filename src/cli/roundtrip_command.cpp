// `budgetxl roundtrip PATH...`: the batch proof that text -> workbook -> text changes nothing.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "budgetxl/io.hpp"
#include "budgetxl/roundtrip.hpp"
#include "commands.hpp"

namespace budgetxl::cli {

namespace fs = std::filesystem;

namespace {

nlohmann::ordered_json diffs_json(const std::vector<roundtrip::Difference>& diffs) {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  for (const auto& d : diffs)
    a.push_back({{"part", d.part}, {"item", d.item}, {"row", d.row}, {"column", d.column}, {"before", d.before}, {"after", d.after}});
  return a;
}

std::string results_json(const std::vector<roundtrip::FileResult>& results) {
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  for (const auto& r : results)
    j.push_back({{"file", r.file},
                 {"passed", r.passed},
                 {"error", r.error},
                 {"tables", r.tables},
                 {"forms", r.forms},
                 {"set_aside", r.set_aside},
                 {"seconds", r.seconds},
                 {"via_workbook", diffs_json(r.via_workbook)},
                 {"via_text", diffs_json(r.via_text)}});
  return j.dump(1) + "\n";
}

std::string results_csv(const std::vector<roundtrip::FileResult>& results) {
  std::string out = "file,passed,error,tables,forms,direction,part,item,row,column,before,after\n";
  for (const auto& r : results) {
    const std::string head = fmt::format("{},{},{},{},{}", csv_field(r.file), r.passed ? "yes" : "no", csv_field(r.error), r.tables, r.forms);
    if (r.via_workbook.empty() && r.via_text.empty()) out += head + ",,,,,,,\n";
    for (const auto* list : {&r.via_workbook, &r.via_text})
      for (const auto& d : *list)
        out += fmt::format("{},{},{},{},{},{},{},{}\n", head, list == &r.via_workbook ? "workbook" : "text", csv_field(d.part),
                           csv_field(d.item), csv_field(d.row), csv_field(d.column), csv_field(d.before), csv_field(d.after));
  }
  return out;
}

}  // namespace

int run_roundtrip(const RoundtripOptions& rt, const Options& opt) {
  std::vector<std::string> missing;
  const std::vector<std::string> files = expand_inputs(rt.paths, {".txt"}, missing);
  for (const auto& m : missing) std::cerr << "budgetxl: " << m << ": 文件或目录不存在\n";
  if (files.empty() && missing.empty()) {
    std::cerr << "budgetxl: 没有找到要检验的文本报告（*.txt）\n";
    std::cout << "0 passed, 0 failed\n";
    return kExitInput;
  }
  std::shared_ptr<const LayoutFamilies> loaded;  // loaded once, before the workers start
  if (const int code = guarded("--templates", [&] {
        loaded = io::load_families(opt.templates_dir);
        if (!opt.family.empty()) loaded->get(opt.family);  // an unknown --family fails here, once
        if (!rt.report_file.empty()) io::refuse_overwriting_input(rt.report_file, files);
        return kExitOk;
      }))
    return code;
  const LayoutFamilies& families = *loaded;

  std::string work_dir = rt.keep_dir;
  std::error_code ec;
  if (work_dir.empty()) {
    work_dir = (fs::temp_directory_path() / fmt::format("budgetxl-roundtrip-{}", ::getpid())).string();
  }
  fs::create_directories(work_dir, ec);

  std::vector<roundtrip::FileResult> results(files.size());
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex print;
  const bool tty = ::isatty(STDERR_FILENO) && !opt.quiet;
  const unsigned jobs = std::max(1u, std::min<unsigned>(rt.jobs ? rt.jobs : std::max(1u, std::thread::hardware_concurrency()),
                                                        static_cast<unsigned>(std::max<std::size_t>(files.size(), 1))));
  auto worker = [&] {
    for (std::size_t i; (i = next++) < files.size();) {
      // Each file gets its own folder so that equal names in different folders cannot collide.
      const std::string dir = (fs::path(work_dir) / std::to_string(i)).string();
      std::error_code e;
      fs::create_directories(dir, e);
      results[i] = roundtrip::roundtrip_file(files[i], dir, families, opt.family, !rt.keep_dir.empty(), opt.limits);
      if (rt.keep_dir.empty()) fs::remove_all(dir, e);
      const std::size_t n = ++done;
      std::lock_guard<std::mutex> lock(print);
      const auto& r = results[i];
      if (tty) {
        const int width = 30;
        const int filled = static_cast<int>(width * n / files.size());
        std::cerr << fmt::format("\r[{}{}] {}/{} {}", std::string(static_cast<std::size_t>(filled), '#'),
                                 std::string(static_cast<std::size_t>(width - filled), '.'), n, files.size(),
                                 fs::path(r.file).filename().string())
                  << std::flush;
      } else if (!opt.quiet) {
        std::cerr << fmt::format("{} {} ({} tables, {} forms, {} set aside, {:.1f}s)\n", r.passed ? "PASS" : "FAIL", r.file, r.tables,
                                 r.forms, r.set_aside, r.seconds);
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  if (tty) std::cerr << "\n";
  if (rt.keep_dir.empty()) fs::remove_all(work_dir, ec);

  std::size_t passed = 0, failed = missing.size();
  for (const auto& m : missing) std::cout << fmt::format("FAIL {}\n  错误: {}: 文件或目录不存在\n", m, m);
  for (const auto& r : results) {
    if (r.passed) {
      ++passed;
      continue;
    }
    ++failed;
    std::cout << fmt::format("FAIL {}\n", r.file);
    if (!r.error.empty()) std::cout << "  错误: " << r.error << "\n";
    for (const auto* list : {&r.via_workbook, &r.via_text}) {
      const char* direction = list == &r.via_workbook ? "文本→工作簿→模型" : "模型→文本→模型";
      for (std::size_t k = 0; k < list->size() && k < 20; ++k) std::cout << "  [" << direction << "] " << roundtrip::to_string((*list)[k]) << "\n";
      if (list->size() > 20) std::cout << fmt::format("  [{}] … 另有 {} 处差异\n", direction, list->size() - 20);
    }
  }
  if (!rt.report_file.empty()) {
    try {
      const bool csv = fs::path(rt.report_file).extension() == ".csv";
      io::write_file(rt.report_file, csv ? results_csv(results) : results_json(results));
    } catch (const std::exception& e) {
      std::cerr << "budgetxl: " << e.what() << "\n";
      std::cout << fmt::format("{} passed, {} failed\n", passed, failed);
      return kExitOutput;
    }
  }
  std::cout << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed == 0 && !files.empty() ? kExitOk : kExitDifferences;
}

}  // namespace budgetxl::cli
