// The rule table is the one list of finding rules: the README lists exactly its rows, every rule id
// the code emits is in it, and every rule in it is emitted somewhere.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "budgetxl/rules.hpp"
#include "support/test_support.hpp"

using namespace budgetxl;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const char* scope_name(RuleScope s) { return s == RuleScope::content ? "content" : "input"; }

}  // namespace

TEST(Rules, IdsAreUniqueAndWellFormed) {
  std::set<std::string_view> seen;
  const std::regex id(R"(^(report|table|form|text|xlsx|sum|balance|code|cross|wording|narrative)\.[a-z0-9]+(-[a-z0-9]+)*$)");
  for (const Rule& r : rules()) {
    EXPECT_TRUE(seen.insert(r.id).second) << r.id;
    EXPECT_TRUE(std::regex_match(std::string(r.id), id)) << r.id;
    EXPECT_FALSE(r.meaning.empty()) << r.id;
    // Rules about how a file was written carry the format in their id.
    if (r.id.starts_with("text.") || r.id.starts_with("xlsx.")) {
      EXPECT_EQ(r.scope, RuleScope::input) << r.id;
    }
  }
  EXPECT_EQ(find_rule("table.bad-code")->severity, Severity::warning);
  EXPECT_EQ(find_rule("no.such-rule"), nullptr);
}

TEST(Rules, ReadmeListsExactlyTheTable) {
  const std::string readme = slurp(fs::path(bxtest::source_dir()) / "README.md");
  const auto start = readme.find("### Finding rules");
  ASSERT_NE(start, std::string::npos);
  const auto end = readme.find("\n## ", start);
  const std::string section = readme.substr(start, end - start);
  const std::regex row(R"(\| `([a-z0-9.-]+)` \| (info|warning|error) \| (input|content) \| (.*) \|)");
  std::vector<std::string> listed;
  for (auto it = std::sregex_iterator(section.begin(), section.end(), row); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    listed.push_back(m[1]);
    const Rule* r = find_rule(m[1].str());
    ASSERT_NE(r, nullptr) << "README lists an unknown rule " << m[1];
    EXPECT_EQ(m[2].str(), severity_name(r->severity)) << r->id;
    EXPECT_EQ(m[3].str(), scope_name(r->scope)) << r->id;
    EXPECT_EQ(m[4].str(), std::string(r->meaning)) << r->id;
  }
  std::vector<std::string> table;
  for (const Rule& r : rules()) table.emplace_back(r.id);
  EXPECT_EQ(listed, table) << "README.md's Finding rules must list the rule table's rows in its order";
}

TEST(Rules, EveryEmittedIdIsInTheTableAndEveryRuleIsEmitted) {
  const fs::path src = fs::path(bxtest::source_dir()) / "src";
  const std::regex literal(R"re("((report|table|form|text|xlsx|sum|balance|code|cross|wording|narrative)\.[a-z0-9-]+)")re");
  std::set<std::string> used;
  for (const auto& e : fs::recursive_directory_iterator(src)) {
    if (e.path().extension() != ".cpp" || e.path().filename() == "rules.cpp") continue;
    const std::string code = slurp(e.path());
    for (auto it = std::sregex_iterator(code.begin(), code.end(), literal); it != std::sregex_iterator(); ++it) {
      const std::string id = (*it)[1];
      if (id.ends_with(".json") || id.ends_with(".hpp") || id.ends_with(".xml")) continue;  // file names
      used.insert(id);
      EXPECT_NE(find_rule(id), nullptr) << e.path().filename() << " emits " << id << ", which is not in the rule table";
    }
  }
  for (const Rule& r : rules()) EXPECT_TRUE(used.count(std::string(r.id))) << r.id << " is in the table but never emitted";
}
