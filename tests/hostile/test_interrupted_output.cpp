// No data loss: an output is replaced only by a complete new one, an input is never overwritten
// (same path, symbolic link, hard link), and a run killed at any moment (SIGKILL, which nothing can
// catch) leaves the old output or the new one, never a broken file; the temporary file it left is
// removed by the next run.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "hostile/hostile_support.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

class Output : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = bxtest::temp_dir(std::string("output-") + info->name());
    sample_ = bxtest::source_dir() + "/samples/demo-department-2025.txt";
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  hostile::RunResult cli(std::vector<std::string> args) const {
    args.insert(args.begin(), bxtest::binary());
    fs::create_directories(dir_ + "/run");
    return hostile::run(args, dir_ + "/run", 300);
  }
  std::vector<std::string> temporaries() const {
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(dir_))
      if (e.path().filename().string().find(".tmp-") != std::string::npos) found.push_back(e.path().filename().string());
    return found;
  }
  std::string dir_, sample_;
};

// The entries of a workbook, name and content; empty (never equal to a workbook's) when it does
// not unzip.
std::vector<std::pair<std::string, std::string>> content(const std::string& path) {
  std::vector<std::pair<std::string, std::string>> out;
  try {
    for (auto& e : hostile::unzip(path)) out.emplace_back(e.name, std::move(e.data));
  } catch (const std::exception&) {
    out.clear();
  }
  return out;
}

pid_t start(const std::vector<std::string>& args, const std::string& log) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

}  // namespace

TEST_F(Output, KilledImportLeavesTheOldOutputOrTheNewOne) {
  // Two different reports, so that the old and the new workbook differ. Workbooks are compared by
  // the content of their entries (the zip's own timestamps change from run to run); a broken file
  // does not unzip. SOURCE_DATE_EPOCH fixes the document dates.
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  const std::string old_input = dir_ + "/old.txt", new_input = dir_ + "/new.txt", out = dir_ + "/out.xlsx";
  const std::string text = hostile::read_file(sample_);
  hostile::write_file(old_input, text);
  std::string edited = text;
  edited.replace(edited.find("示例市自然资源局"), std::string("示例市自然资源局").size(), "示例市自然资源和规划局");
  hostile::write_file(new_input, edited);
  ASSERT_NE(hostile::read_file(old_input), hostile::read_file(new_input));

  auto full = cli({"import", new_input, "-o", out, "-q"});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  const auto new_bytes = content(out);
  const double seconds = full.seconds;
  full = cli({"import", old_input, "-o", out, "-q"});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  const std::string old_file = hostile::read_file(out);
  const auto old_bytes = content(out);
  ASSERT_NE(old_bytes, new_bytes);

  std::mt19937 random(12345);
  std::uniform_real_distribution<double> when(0.2 * seconds, 1.1 * seconds);
  int killed = 0, replaced = 0;
  for (int i = 0; i < 12; ++i) {
    const pid_t pid = start({bxtest::binary(), "import", new_input, "-o", out, "-q"}, dir_ + "/run.log");
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::duration<double>(when(random)));
    if (::kill(pid, SIGKILL) == 0) ++killed;
    int status = 0;
    ::waitpid(pid, &status, 0);
    const auto now = content(out);
    ASSERT_TRUE(now == old_bytes || now == new_bytes) << "kill " << i << ": a broken output of " << fs::file_size(out) << " bytes";
    if (now == new_bytes) {
      ++replaced;
      hostile::write_file(out, old_file);  // back to the old one for the next kill
    }
    // At most what the run just killed had open is left: its temporary file, and libzip's own
    // temporary beside it when the kill came while the styles were patched (zip_close).
    EXPECT_LE(temporaries().size(), 2u);
  }
  EXPECT_GT(killed, 0);
  // The next run removes what killed runs left.
  ASSERT_EQ(cli({"import", new_input, "-o", out, "-q"}).exit_code, 0);
  EXPECT_EQ(content(out), new_bytes);
  EXPECT_TRUE(temporaries().empty()) << temporaries().front();
  ::unsetenv("SOURCE_DATE_EPOCH");
  std::cout << "killed " << killed << " runs, " << replaced << " had replaced the output\n";
}

TEST_F(Output, FailedRunKeepsTheOldOutput) {
  const std::string out = dir_ + "/out.xlsx", bad = dir_ + "/bad.txt";
  hostile::write_file(out, "old content");
  hostile::write_file(bad, std::string("\0\1\2binary", 9));
  const auto r = cli({"import", bad, "-o", out});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(hostile::read_file(out), "old content");
  EXPECT_TRUE(temporaries().empty());
}

TEST_F(Output, InputIsNeverOverwritten) {
  const std::string input = dir_ + "/report.txt";
  fs::copy_file(sample_, input);
  const std::string before = hostile::read_file(input);
  fs::create_symlink(input, dir_ + "/symlink.txt");
  fs::create_hard_link(input, dir_ + "/hardlink.txt");
  for (const std::string& out : {input, dir_ + "/symlink.txt", dir_ + "/hardlink.txt", dir_ + "/./report.txt"}) {
    for (const char* command : {"export", "json"}) {
      const auto r = cli({command, input, "-o", out});
      EXPECT_EQ(r.exit_code, 4) << command << " -o " << out << ": " << r.err;
      EXPECT_NE(r.err.find("拒绝覆盖输入"), std::string::npos) << r.err;
    }
    // import names its output .xlsx; given the input as output it refuses too.
    const auto r = cli({"import", input, "-o", out});
    EXPECT_EQ(r.exit_code, 4) << out << ": " << r.err;
  }
  EXPECT_EQ(hostile::read_file(input), before);
  EXPECT_TRUE(fs::is_symlink(dir_ + "/symlink.txt"));
  EXPECT_EQ(fs::hard_link_count(input), 2u);
  EXPECT_TRUE(temporaries().empty());
}
