// Out of memory is its own answer: exit 6 with 内存不足, never "output not writable" (4) and never an
// abort. ASan cannot make operator new fail reliably, so the mapping is tested on the command
// line's guard itself, with the exceptions a failed allocation raises anywhere in a run.
#include <gtest/gtest.h>

#include <iostream>
#include <new>
#include <sstream>
#include <stdexcept>

#include "../../src/cli/commands.hpp"
#include "budgetxl/errors.hpp"

namespace {

struct CapturedStderr {
  std::ostringstream buffer;
  std::streambuf* old = std::cerr.rdbuf(buffer.rdbuf());
  ~CapturedStderr() { std::cerr.rdbuf(old); }
};

}  // namespace

TEST(OutOfMemory, GuardSaysSoWithItsOwnExitCode) {
  using namespace budgetxl::cli;
  CapturedStderr err;
  EXPECT_EQ(guarded("big.xlsx", [] () -> int { throw std::bad_alloc(); }), kExitMemory);
  EXPECT_NE(err.buffer.str().find("big.xlsx: 内存不足"), std::string::npos) << err.buffer.str();
  EXPECT_EQ(guarded("big.xlsx", [] () -> int { throw std::bad_array_new_length(); }), kExitMemory);
  // The others keep theirs.
  EXPECT_EQ(guarded("x", [] () -> int { throw budgetxl::OutputError("x: 无法写入"); }), kExitOutput);
  EXPECT_EQ(guarded("x", [] () -> int { throw budgetxl::InputError("x: 文件不存在"); }), kExitInput);
  EXPECT_EQ(kExitMemory, 6);
}
