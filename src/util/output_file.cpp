#include "util/output_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace budgetxl::util {

namespace fs = std::filesystem;

void refuse_overwriting_input(const std::string& output, const std::vector<std::string>& inputs) {
  std::error_code ec;
  for (const auto& in : inputs) {
    if (fs::exists(output, ec) && fs::exists(in, ec) && fs::equivalent(output, in, ec))
      throw OutputError(output + ": 输出文件与输入文件相同，拒绝覆盖输入");
    if (fs::weakly_canonical(output, ec) == fs::weakly_canonical(in, ec))
      throw OutputError(output + ": 输出文件与输入文件相同，拒绝覆盖输入");
  }
}

void write_atomically(const std::string& path, const std::function<void(const std::string&)>& write) {
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw OutputError(fmt::format("{}: 目录不存在：{}", path, dir.string()));
  const fs::file_status status = fs::status(target, ec);
  if (fs::is_directory(status)) throw OutputError(fmt::format("{}: 是目录，不能作为输出文件", path));
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    // A device or pipe (/dev/stdout, /dev/null, a FIFO): written in place, never replaced by a file.
    write(path);
    return;
  }
  std::random_device rd;
  const fs::path tmp =
      dir / fmt::format(".{}.tmp-{}-{}{}", target.filename().string(), ::getpid(), rd() % 1000000, target.extension().string());
  try {
    write(tmp.string());
    fs::rename(tmp, target);
  } catch (const fs::filesystem_error& e) {
    fs::remove(tmp, ec);
    throw OutputError(path + ": 无法写入：" + e.code().message());
  } catch (...) {
    fs::remove(tmp, ec);
    throw;
  }
}

void write_text_atomically(const std::string& path, const std::string& content) {
  write_atomically(path, [&](const std::string& tmp) {
    std::ofstream out(tmp, std::ios::binary);
    out << content;
    out.close();
    if (!out) throw OutputError(path + ": 写入失败");
  });
}

}  // namespace budgetxl::util
