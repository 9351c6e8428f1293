// `budgetxl check PATH...`: the rule catalogue over many reports (text or workbook), in parallel;
// what was found while reading comes first, then the rules' findings with their evidence.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "budgetxl/check.hpp"
#include "budgetxl/io.hpp"
#include "budgetxl/rules.hpp"
#include "commands.hpp"

namespace budgetxl::cli {

namespace fs = std::filesystem;

namespace {

struct Checked {
  std::string file;
  std::string error;  // could not be read
  Metadata meta;
  std::string family_title;
  std::vector<Finding> findings;  // reading's, then the rules'
  std::size_t count(Severity s) const {
    return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == s; }));
  }
  std::string first_error() const {
    for (const auto& f : findings)
      if (f.severity == Severity::error) return f.message;
    return "";
  }
  // Figures for the summary: 收入总计 … read from the tables by role, as printed.
  std::map<std::string, std::string> figures;
};

// Reading findings a rule of the catalogue says better (with its evidence and severity).
bool superseded(const std::string& rule) { return rule == "table.bad-code"; }

nlohmann::ordered_json origin_json(const Origin& o) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (o.line) {
    j["line"] = o.line;
    if (o.field) j["field"] = o.field;
  }
  if (!o.sheet.empty()) {
    j["sheet"] = o.sheet;
    j["cell"] = o.str().substr(o.sheet.size() + 1);
  }
  return j;
}

// The 合计 (or 总计) figures of a report for the summary, by role and column.
std::map<std::string, std::string> summary_figures(const Report& r, const Layouts& layouts) {
  std::map<std::string, std::string> out;
  auto total = [&](const char* role, const char* column) -> std::string {
    for (const Table& t : r.tables) {
      const TableLayout* l = layouts.find_table(t.number);
      if (!l || l->role != role) continue;
      const int c = l->column_index(column);
      if (c < 0) return "";
      for (const Row& row : t.rows)
        if (row.kind == RowKind::total) return row.cells[static_cast<std::size_t>(c)].amount.to_string();
      return "";
    }
    return "";
  };
  out["收入合计"] = total("income_summary", "total");
  out["支出合计"] = total("expenditure_summary", "total");
  out["基本支出"] = total("expenditure_summary", "basic");
  out["项目支出"] = total("expenditure_summary", "project");
  return out;
}

Checked check_one(const std::string& path, const LayoutFamilies& families, const Options& opt, const check::Options& rules) {
  Checked c;
  c.file = path;
  try {
    const Report report = io::read_report(path, families, opt.family, opt.limits);
    const Layouts& layouts = io::layouts_of(report, families);
    c.meta = report.meta;
    c.family_title = layouts.family_title();
    for (const Finding& f : report.findings.items())
      if (!superseded(f.rule) && (opt.verbose || f.severity != Severity::info)) c.findings.push_back(f);
    for (Finding& f : check::check_report(report, layouts, rules))
      if (opt.verbose || f.severity != Severity::info) c.findings.push_back(std::move(f));
    c.figures = summary_figures(report, layouts);
  } catch (const std::exception& e) {
    c.error = e.what();
  }
  return c;
}

void print_text(const Checked& c, bool colour, bool quiet) {
  if (!c.error.empty()) {
    std::cout << fmt::format("{}：无法读取：{}\n", c.file, c.error);
    return;
  }
  const char* kind = c.meta.kind == DocumentKind::unit ? "单位预算" : c.meta.kind == DocumentKind::department ? "部门预算" : "预算";
  std::cout << fmt::format("{}（{} {}年 {}{}）：错误 {}，警告 {}，提示 {}\n", c.file, c.family_title, c.meta.year, kind,
                           c.meta.entity.empty() ? "" : " " + c.meta.entity, c.count(Severity::error), c.count(Severity::warning),
                           c.count(Severity::info));
  for (Severity s : {Severity::error, Severity::warning, Severity::info}) {
    if (quiet && s != Severity::error) continue;
    for (const Finding& f : c.findings) {
      if (f.severity != s) continue;
      const char* on = !colour ? "" : s == Severity::error ? "\033[31m" : s == Severity::warning ? "\033[33m" : "\033[36m";
      const char* off = colour ? "\033[0m" : "";
      const std::string where = f.where.place();
      std::cout << fmt::format("  {}{}{} {}{}{} [{}]\n", on, severity_title(s), off, where, where.empty() ? "" : "：", f.message, f.rule);
      for (const Evidence& e : f.evidence)
        std::cout << fmt::format("      {} = {}{}\n", e.label, e.value, e.where.empty() ? "" : "（" + e.where.place() + "）");
    }
  }
}

nlohmann::ordered_json to_json(const Checked& c) {
  nlohmann::ordered_json j{{"file", c.file}};
  if (!c.error.empty()) {
    j["error"] = c.error;
    return j;
  }
  j["family"] = c.meta.family;
  j["year"] = c.meta.year;
  j["entity"] = c.meta.entity;
  j["counts"] = {{"error", c.count(Severity::error)}, {"warning", c.count(Severity::warning)}, {"info", c.count(Severity::info)}};
  j["findings"] = nlohmann::ordered_json::array();
  for (const Finding& f : c.findings) {
    nlohmann::ordered_json fj{{"rule", f.rule}, {"severity", severity_name(f.severity)}, {"message", f.message}, {"source", origin_json(f.where)}};
    fj["evidence"] = nlohmann::ordered_json::array();
    for (const Evidence& e : f.evidence) fj["evidence"].push_back({{"label", e.label}, {"value", e.value}, {"source", origin_json(e.where)}});
    j["findings"].push_back(std::move(fj));
  }
  return j;
}

// One row per report: what a province reviews at a glance.
std::vector<std::vector<std::string>> summary_rows(const std::vector<Checked>& all) {
  std::vector<std::vector<std::string>> rows{
      {"文件", "单位", "报表格式", "年度", "类型", "收入合计", "支出合计", "基本支出", "项目支出", "错误", "警告", "提示", "第一个错误"}};
  for (const Checked& c : all) {
    const char* kind = c.meta.kind == DocumentKind::unit ? "单位" : c.meta.kind == DocumentKind::department ? "部门" : "";
    auto fig = [&](const char* k) { auto it = c.figures.find(k); return it == c.figures.end() ? std::string() : it->second; };
    rows.push_back({c.file, c.meta.entity, c.family_title, c.meta.year ? std::to_string(c.meta.year) : "", kind, fig("收入合计"),
                    fig("支出合计"), fig("基本支出"), fig("项目支出"), c.error.empty() ? std::to_string(c.count(Severity::error)) : "",
                    std::to_string(c.count(Severity::warning)), std::to_string(c.count(Severity::info)),
                    c.error.empty() ? c.first_error() : "无法读取：" + c.error});
  }
  return rows;
}

std::string summary_csv(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t k = 0; k < row.size(); ++k) out += (k ? "," : "") + csv_field(row[k]);
    out += "\n";
  }
  return out;
}

int list_rules(const LayoutFamilies& families) {
  std::cout << "规则\t级别\t分组\t适用\t说明\n";
  for (const check::CheckRule& r : check::catalogue()) {
    const Rule* rule = find_rule(r.id);
    std::string fits;
    for (const auto& f : families.all())
      if (check::applies(r, *f)) fits += (fits.empty() ? "" : "、") + f->family();
    std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\n", r.id, rule ? severity_title(rule->severity) : "", r.group, fits.empty() ? "（无）" : fits,
                             rule ? rule->meaning : "");
  }
  return kExitOk;
}

}  // namespace

int run_check(const CheckOptions& ck, const Options& opt) {
  std::shared_ptr<const LayoutFamilies> loaded;
  check::Options rules;
  if (const int code = guarded("--templates", [&] {
        loaded = io::load_families(opt.templates_dir);
        if (!opt.family.empty()) loaded->get(opt.family);
        if (!ck.config.empty()) check::read_overrides(ck.config, rules);
        for (const auto& id : ck.off) {
          if (!find_rule(id)) throw InputError(fmt::format("--off: 没有规则“{}”（用 budgetxl check --list-rules 查看）", id));
          rules.overrides[id] = std::nullopt;
        }
        for (const auto& s : ck.severity) {
          const auto eq = s.find('=');
          std::optional<Severity> sev;
          if (eq == std::string::npos || !find_rule(s.substr(0, eq)) || !check::parse_override(s.substr(eq + 1), sev))
            throw InputError(fmt::format("--severity: “{}”应为 规则=错误|警告|提示|off", s));
          rules.overrides[s.substr(0, eq)] = sev;
        }
        return kExitOk;
      }))
    return code;
  if (ck.list_rules) return list_rules(*loaded);
  std::vector<std::string> missing;
  const std::vector<std::string> files = expand_inputs(ck.paths, {".txt", ".xlsx"}, missing);
  for (const auto& m : missing) std::cerr << "budgetxl: " << m << ": 文件或目录不存在\n";
  if (files.empty()) {
    std::cerr << "budgetxl: 没有要校验的报告\n";
    return kExitInput;
  }
  if (!ck.summary_file.empty()) {
    if (const int code = guarded(ck.summary_file, [&] {
          io::refuse_overwriting_input(ck.summary_file, files);
          return kExitOk;
        }))
      return code;
  }
  std::vector<Checked> results(files.size());
  std::atomic<std::size_t> next{0};
  const unsigned jobs = std::max(1u, std::min<unsigned>(ck.jobs ? ck.jobs : std::max(1u, std::thread::hardware_concurrency()),
                                                        static_cast<unsigned>(files.size())));
  auto worker = [&] {
    for (std::size_t i; (i = next++) < files.size();) results[i] = check_one(files[i], *loaded, opt, rules);
  };
  std::vector<std::thread> pool;
  for (unsigned k = 1; k < jobs; ++k) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();

  std::size_t errors = 0, warnings = 0, unreadable = 0, with_errors = 0;
  for (const Checked& c : results) {
    if (!c.error.empty()) ++unreadable;
    errors += c.count(Severity::error);
    warnings += c.count(Severity::warning);
    if (c.count(Severity::error)) ++with_errors;
  }
  if (ck.format == "json") {
    nlohmann::ordered_json j{{"reports", nlohmann::ordered_json::array()}};
    for (const Checked& c : results) j["reports"].push_back(to_json(c));
    j["summary"] = {{"reports", results.size()}, {"unreadable", unreadable}, {"with_errors", with_errors}, {"errors", errors}, {"warnings", warnings}};
    std::cout << j.dump(1) << "\n";
  } else {
    const bool colour = ::isatty(STDOUT_FILENO);
    for (const Checked& c : results) print_text(c, colour, opt.quiet);
    std::cout << fmt::format("共 {} 份报告：{} 份有错误，{} 份无法读取；错误 {}，警告 {}\n", results.size(), with_errors, unreadable, errors, warnings);
  }
  if (!ck.summary_file.empty())
    if (const int code = guarded(ck.summary_file, [&] {
          const auto rows = summary_rows(results);
          if (fs::path(ck.summary_file).extension() == ".xlsx")
            io::write_list_workbook(ck.summary_file, "校验汇总", rows,
                                    {false, false, false, false, false, true, true, true, true, false, false, false, false});
          else
            io::write_file(ck.summary_file, summary_csv(rows));
          return kExitOk;
        }))
      return code;
  if (unreadable || !missing.empty()) return kExitInput;
  return errors ? kExitUsage : kExitOk;  // 1: the reports have 错误
}

}  // namespace budgetxl::cli
