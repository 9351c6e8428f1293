#include "util/output_file.hpp"

#include <fmt/format.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>

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

namespace {

// The temporary files of `target` that runs killed before they could remove them left behind
// (".NAME.tmp-PID-N…" whose process is gone): removed, so that an interrupted run leaves nothing
// once the next one has run.
void remove_stale_temporaries(const fs::path& dir, const fs::path& target) {
  const std::string prefix = "." + target.filename().string() + ".tmp-";
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string rest = name.substr(prefix.size());
    const auto dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos || rest.find_first_not_of("0123456789") != dash) continue;
    const long pid = std::stol(rest.substr(0, dash));
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH) {
      std::error_code ignored;
      fs::remove(it->path(), ignored);
    }
  }
}

}  // namespace

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
  remove_stale_temporaries(dir, target);
  std::random_device rd;
  const fs::path tmp =
      dir / fmt::format(".{}.tmp-{}-{}{}", target.filename().string(), ::getpid(), rd() % 1000000, target.extension().string());
  try {
    write(tmp.string());
    // On disk before it takes the name: after a crash the name holds the old file or the new one.
    if (const int fd = ::open(tmp.c_str(), O_RDONLY); fd >= 0) {
      ::fsync(fd);
      ::close(fd);
    }
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
