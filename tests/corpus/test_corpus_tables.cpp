// Corpus reports with tables: every table found, every row placed, and a spread of cells in every
// table equal to the figures read off the report by hand (line numbers in the comments).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <unicode/ucnv.h>

#include "json/report_json.hpp"
#include "support/test_support.hpp"
#include "text/report_reader.hpp"

using namespace budgetxl;
using bxtest::amount_at;
using bxtest::corpus_file;
using bxtest::text_at;

namespace {

struct Expect {
  int table;
  const char* row;
  const char* column;
  const char* value;  // "" = blank
  int occurrence = 1;
};

struct Counts {
  const char* prefix;
  int rows[13];  // data rows per table (header and column-number rows excluded)
  std::vector<int> no_data;
};

const Counts kCounts[] = {
    {"000", {33, 19, 19, 36, 19, 24, 4, 4, 1, 6, 1, 20, 7}, {9, 10, 11}},
    {"001", {33, 32, 32, 36, 32, 29, 5, 7, 1, 6, 2, 54, 0}, {9, 13}},
    {"002", {33, 24, 24, 36, 24, 27, 1, 1, 1, 6, 2, 50, 0}, {7, 8, 9, 13}},
};

const Report& load(const std::string& prefix) {
  static std::map<std::string, Report> cache;
  auto it = cache.find(prefix);
  if (it == cache.end()) it = cache.emplace(prefix, bxtest::read_file(corpus_file(prefix))).first;
  return it->second;
}

void check_cells(const std::string& prefix, const std::vector<Expect>& expects) {
  const std::string path = corpus_file(prefix);
  SKIP_WITHOUT_CORPUS(path);
  const Report& r = load(prefix);
  std::set<int> tables_checked;
  for (const auto& e : expects) {
    tables_checked.insert(e.table);
    if (std::string(e.value) == "<none>") {  // a table printed with no data rows
      ASSERT_NE(r.table(e.table), nullptr);
      EXPECT_TRUE(r.table(e.table)->rows.empty()) << prefix << " 表" << e.table;
      continue;
    }
    EXPECT_EQ(amount_at(r, e.table, e.row, e.column, e.occurrence), e.value)
        << prefix << " 表" << e.table << " " << e.row << " / " << e.column;
  }
  EXPECT_EQ(tables_checked.size(), 13u) << "every table has cells checked";
}

}  // namespace

TEST(CorpusTables, EveryTableAndRowPlaced) {
  for (const auto& c : kCounts) {
    const std::string path = corpus_file(c.prefix);
    SKIP_WITHOUT_CORPUS(path);
    const Report& r = load(c.prefix);
    ASSERT_EQ(r.tables.size(), 13u) << c.prefix;
    for (int n = 1; n <= 13; ++n) {
      const Table* t = r.table(n);
      ASSERT_NE(t, nullptr) << c.prefix << " 表" << n;
      EXPECT_EQ(static_cast<int>(t->rows.size()), c.rows[n - 1]) << c.prefix << " 表" << n;
      const bool empty = std::find(c.no_data.begin(), c.no_data.end(), n) != c.no_data.end();
      EXPECT_EQ(!t->no_data_note.empty(), empty) << c.prefix << " 表" << n;
    }
    for (const auto& f : r.findings.items()) {
      EXPECT_NE(f.rule, "text.unplaced-line") << c.prefix << " " << f.where.str() << " " << f.message;
      EXPECT_NE(f.rule, "text.extra-cells") << c.prefix << " " << f.where.str() << " " << f.message;
      EXPECT_NE(f.rule, "text.bad-amount") << c.prefix << " " << f.where.str() << " " << f.message;
      EXPECT_NE(f.rule, "table.missing") << c.prefix << " " << f.message;
    }
  }
}

TEST(CorpusTables, Report000Cells) {
  check_cells("000", {
      {1, "一、一般公共预算", "income_amount", "1339.13"},          // l.68
      {1, "十九、自然资源海洋气象等支出", "expense_carryover", "148.94"},
      {1, "本年收入合计", "expense_total", "2306.67"},              // l.102
      {1, "收入总计", "expense_current", "2157.73"},
      {1, "二十、住房保障支出", "expense_total", "41.60"},
      {2, "合计", "total", "2157.73"},                               // l.114
      {2, "合计", "carryover", "148.94"},
      {2, "2120899", "fund_budget", "818.60"},
      {2, "2200199", "carryover", "148.94"},
      {2, "2080505", "general_budget", "45.14"},
      {3, "合计", "basic", "463.21"},
      {3, "220", "project", "1024.86"},
      {3, "2200150", "project", ""},
      {4, "十二、城乡社区支出", "expense_fund", "818.60"},
      {4, "一、一般公共预算", "income_amount", "148.94", 2},         // l.206, under 上年财政拨款结转
      {4, "本年支出合计", "expense_general", "1488.07"},
      {4, "收入总计", "income_amount", "2306.67"},
      {5, "合计", "project", "875.92"},
      {5, "212", "total", ""},
      {5, "2200199", "project", "875.92"},
      {6, "合计", "personnel", "429.09"},                            // l.247, the 0.01 inconsistency kept
      {6, "其他商品和服务支出", "personnel", "0.42"},
      {6, "退休费", "total", "4.50"},
      {7, "1030148", "amount", "818.60"},
      {7, "合计", "amount", "818.60"},
      {8, "21208", "project", "818.60"},
      {8, "合计", "basic", ""},
      {9, "合计", "income_amount", ""},
      {10, "公务接待费", "total", ""},
      {10, "合计", "general_budget", ""},
      {11, "部门合计", "total", ""},
      {12, "不动产登记系统(升级后)租赁与技术服务项目", "fund_budget", "361.60"},
      {12, "不动产机房机架", "total", "7.00"},
      {12, "临汾市自然资源确权登记中心", "fund_budget", "818.60", 2},
      {13, "信息系统安全等保三级建设项目", "general_budget", "89.33"},
      {13, "临汾市规划和自然资源局", "total", "148.94"},
  });
}

TEST(CorpusTables, Report001Cells) {
  check_cells("001", {
      {1, "一、一般公共预算", "income_amount", "12243.99"},          // l.100
      {1, "本年收入合计", "expense_current", "16243.99"},            // l.131
      {1, "二十三、灾害防治及应急管理支出", "expense_total", "1204.43"},  // l.122
      {2, "合计", "fund_budget", "4000.00"},                          // l.145
      {2, "20805", "total", "323.04"},                                // l.147 (children sum to 323.05)
      {3, "20805", "basic", "323.04"},                                // l.189
      {4, "本年收入合计", "expense_fund", "4000.00"},                 // l.260
      {4, "本年支出合计", "expense_general", "12243.99"},
      {5, "合计", "project", "9972.07"},                              // l.275
      {5, "合计", "basic", "2271.92"},
      {6, "合计", "public", "192.51"},                                // l.316
      {6, "奖金", "personnel", "19.23"},                              // l.320
      {7, "1030146", "amount", "1000.00"},                            // l.357
      {7, "合计", "amount", "4000.00"},
      {8, "21208", "project", "3000.00"},                             // l.369
      {8, "212", "total", "4000.00"},
      {8, "2120806", "project", "300.00"},                            // l.371
      {8, "21210", "basic", ""},                                      // l.372
      {9, "合计", "expense_total", ""},
      {10, "公务接待费", "general_budget", "0.10"},                   // l.397
      {10, "②公务用车运行维护费", "total", ""},
      {11, "沁水县自然资源局本级", "general_budget", "192.51"},       // l.412
      {11, "部门合计", "total", "192.51"},
      {12, "沁水县自然资源局本级", "fund_budget", "4000.00"},         // l.423
      {12, "地质灾害防治经费", "total", "100.00"},                    // l.424
      {12, "清理规范林权确权登记历史遗留问题", "general_budget", "300.00"},  // l.430
      {12, "国土空间用途管制试点工作项目", "total", "100.00"},        // l.471
      {13, "沁水县自然资源局本级", "total", "<none>"},
  });
}

TEST(CorpusTables, Report002Cells) {
  check_cells("002", {
      {1, "一、一般公共预算", "income_amount", "2633.69"},           // l.99
      {1, "本年收入合计", "expense_current", "2633.69"},             // l.130
      {1, "十九、自然资源海洋气象等支出", "expense_total", "2379.64"},
      {2, "合计", "general_budget", "2633.69"},                       // l.142
      {2, "21011", "total", "40.15"},                                 // l.149
      {3, "2101", "basic", "40.15"},                                  // l.183, the 4-digit code kept as printed
      {3, "22001", "project", "1576.17"},                             // l.188
      {4, "收入总计", "expense_general", "2633.69"},                  // l.246
      {4, "收入总计", "expense_fund", ""},
      {5, "合计", "basic", "1057.52"},                                // l.256
      {5, "21011", "total", "40.15"},                                 // l.263
      {6, "工资福利支出", "total", "948.95"},                         // l.290
      {6, "其他对个人和家庭的补助", "personnel", "1.40"},             // l.315
      {7, "合计", "amount", ""},                                      // l.325
      {8, "合计", "total", ""},                                       // l.336
      {9, "合计", "income_amount", ""},                               // l.349
      {10, "公务用车购置及运行费", "total", "2.00"},                  // l.363
      {10, "合计", "general_budget", "2.00"},                         // l.366
      {11, "兴县自然资源局", "total", "67.89"},                       // l.375
      {12, "兴县自然资源局", "general_budget", "1576.17"},            // l.384
      {12, "兴县土地征收成片开发方案（2024-2025年）编制", "total", "5.70"},  // l.386
      {12, "兴县园地、林地和草地基准地价制订", "general_budget", "4.80"},    // l.416
      {12, "兴县2023年度日常变更调查", "total", "10.00"},             // l.434
      {13, "兴县自然资源局", "total", "<none>"},
  });
}
