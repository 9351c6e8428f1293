// The rule catalogue (`budgetxl check`): arithmetic and consistency rules over the canonical model,
// written against the national table roles and standard column ids, so that one rule serves every
// layout family. Each finding carries its evidence: every figure compared and where it came from.
// Money is compared exactly (fixed point); a difference that rounding 元 to 万元 explains is
// `sum.rounding` (尾数误差, a warning), anything more an error.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "budgetxl/finding.hpp"
#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"

namespace budgetxl::check {

// One rule of the catalogue: its id (in the rule table, budgetxl/rules.hpp, with its severity and
// meaning), its group, and the table roles it needs (a family without them is not checked by it).
struct CheckRule {
  std::string_view id;
  std::string_view group;                    // "表内", "表间", "文字"
  std::vector<std::string_view> roles;       // every role needed; empty: any report
  bool needs_empty_table_notes = false;      // only where the family notes its empty tables
};
std::span<const CheckRule> catalogue();
// Does the rule apply to a family (its tables have every role the rule needs)?
bool applies(const CheckRule& rule, const Layouts& layouts);

struct Options {
  // Rules switched off ("sum.rounding") or given another severity.
  std::map<std::string, std::optional<Severity>, std::less<>> overrides;  // nullopt = off
};

// The findings of every rule that applies, in the order of the catalogue, overrides applied.
std::vector<Finding> check_report(const Report& report, const Layouts& layouts, const Options& options = {});

// Reads overrides from a small config file: one rule a line, "RULE off" or "RULE 错误|警告|提示"
// (or error|warning|info); '#' starts a comment. Throws InputError naming the file and line.
void read_overrides(const std::string& path, Options& options);
// "off", "错误", "error" … as an override; false when the word means none.
bool parse_override(std::string_view word, std::optional<Severity>& out);

}  // namespace budgetxl::check
