// Every finding rule in one table: its stable id, its severity and what it means. Findings::add
// takes the severity from here (a debug build stops on an unknown id or a disagreeing severity),
// the README's rule list is checked against it, and the parity test uses the scope.
#pragma once

#include <span>
#include <string_view>

#include "budgetxl/finding.hpp"

namespace budgetxl {

enum class RuleScope {
  input,    // about the file as written (its layout, typing, noise): differs between a report and its workbook
  content,  // about the report itself: the same whichever format it was read from
};

struct Rule {
  std::string_view id;       // "table.bad-code"
  Severity severity;
  RuleScope scope;
  std::string_view meaning;  // English, for the README and --list-rules
};

std::span<const Rule> rules();
const Rule* find_rule(std::string_view id);  // nullptr when unknown

}  // namespace budgetxl
