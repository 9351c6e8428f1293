// Helpers of the hostile-input tests: a small zip writer that can also write what a well-behaved
// writer never would (duplicate entries, sizes that lie, a part inflating to hundreds of MiB from a
// few KB), a zip reader to edit budgetxl's own workbooks, and a runner that starts the command
// line and measures its wall time and peak memory, killing it when it overruns.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

extern char** environ;

namespace hostile {

// A zip entry. `data` is the uncompressed content, unless `deflated` is set (then `data` is
// ignored and crc/size are taken from the fields). `declared_size` overrides the uncompressed size
// written in the headers (a zip bomb that lies).
struct ZipEntry {
  ZipEntry() = default;
  ZipEntry(std::string n, std::string d, bool stored = false) : name(std::move(n)), data(std::move(d)), store(stored) {}
  std::string name;
  std::string data;
  bool store = false;
  std::optional<std::string> deflated;
  std::uint32_t crc = 0;
  std::uint64_t size = 0;
  std::optional<std::uint32_t> declared_size;
};

inline std::string raw_deflate(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&z, data.size()) + 16, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// prefix + `count` times `filler` + suffix, deflated without ever holding it whole: a part that
// inflates to `count` bytes from a few KB.
inline ZipEntry repeated_entry(const std::string& name, const std::string& prefix, char filler, std::uint64_t count,
                               const std::string& suffix) {
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("deflateInit2");
  ZipEntry e;
  e.name = name;
  std::string out;
  std::uint32_t crc = static_cast<std::uint32_t>(crc32(0, nullptr, 0));
  std::string buffer(1 << 20, '\0');
  const auto feed = [&](const char* p, std::size_t n, int flush) {
    crc = static_cast<std::uint32_t>(crc32(crc, reinterpret_cast<const Bytef*>(p), static_cast<uInt>(n)));
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(p));
    z.avail_in = static_cast<uInt>(n);
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer.data());
      z.avail_out = static_cast<uInt>(buffer.size());
      deflate(&z, flush);
      out.append(buffer.data(), buffer.size() - z.avail_out);
    } while (z.avail_out == 0);
  };
  feed(prefix.data(), prefix.size(), Z_NO_FLUSH);
  const std::string block(1 << 20, filler);
  for (std::uint64_t left = count; left > 0;) {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, block.size()));
    feed(block.data(), n, Z_NO_FLUSH);
    left -= n;
  }
  feed(suffix.data(), suffix.size(), Z_FINISH);
  deflateEnd(&z);
  e.deflated = std::move(out);
  e.crc = crc;
  e.size = prefix.size() + count + suffix.size();
  return e;
}

inline void put16(std::string& s, std::uint32_t v) {
  s.push_back(static_cast<char>(v & 0xFF));
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
}
inline void put32(std::string& s, std::uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}

// The bytes of a zip archive holding `entries` in this order (names may repeat).
inline std::string zip_bytes(std::vector<ZipEntry> entries) {
  std::string out, central;
  for (auto& e : entries) {
    std::string payload;
    std::uint16_t method = 8;
    if (e.deflated) {
      payload = *e.deflated;
    } else {
      e.crc = static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(e.data.data()), static_cast<uInt>(e.data.size())));
      e.size = e.data.size();
      if (e.store) {
        payload = e.data;
        method = 0;
      } else {
        payload = raw_deflate(e.data);
      }
    }
    const std::uint32_t size = e.declared_size ? *e.declared_size : static_cast<std::uint32_t>(e.size);
    const auto offset = static_cast<std::uint32_t>(out.size());
    std::string header;
    put32(header, 0x04034b50);
    put16(header, 20);
    put16(header, 0x0800);  // UTF-8 names
    put16(header, method);
    put16(header, 0);
    put16(header, 0x21);
    put32(header, e.crc);
    put32(header, static_cast<std::uint32_t>(payload.size()));
    put32(header, size);
    put16(header, static_cast<std::uint32_t>(e.name.size()));
    put16(header, 0);
    out += header + e.name + payload;
    put32(central, 0x02014b50);
    put16(central, 20);
    put16(central, 20);
    put16(central, 0x0800);
    put16(central, method);
    put16(central, 0);
    put16(central, 0x21);
    put32(central, e.crc);
    put32(central, static_cast<std::uint32_t>(payload.size()));
    put32(central, size);
    put16(central, static_cast<std::uint32_t>(e.name.size()));
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put32(central, 0);
    put32(central, offset);
    central += e.name;
  }
  const auto central_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, central_offset);
  put16(out, 0);
  return out;
}

inline void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every entry of a zip archive, in order, decompressed.
inline std::vector<ZipEntry> unzip(const std::string& path) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) throw std::runtime_error("cannot open " + path);
  std::vector<ZipEntry> entries;
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st);
    ZipEntry e;
    e.name = st.name;
    e.data.resize(st.size);
    zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    if (f == nullptr || zip_fread(f, e.data.data(), st.size) != static_cast<zip_int64_t>(st.size)) {
      throw std::runtime_error("cannot read " + e.name);
    }
    zip_fclose(f);
    entries.push_back(std::move(e));
  }
  zip_discard(archive);
  return entries;
}

inline ZipEntry* entry(std::vector<ZipEntry>& entries, const std::string& name) {
  for (auto& e : entries)
    if (e.name == name) return &e;
  return nullptr;
}

struct RunResult {
  int exit_code = -1;     // -1: killed by a signal (see signal)
  int signal = 0;
  bool timed_out = false;
  double seconds = 0;
  long max_rss_mb = 0;    // VmHWM of the program run: its peak resident set
  std::string out, err;
};

// The peak resident set (VmHWM, KiB) of a running process; 0 when it is gone. Unlike the child's
// ru_maxrss, which keeps the high-water mark of the process image it was forked from (the test,
// which holds the hostile files it made), VmHWM starts anew with the program exec'd.
inline long peak_rss_kb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("VmHWM:")) return std::atol(line.c_str() + 6);
  }
  return 0;
}

// Runs `args` (args[0] is the program) with stdout and stderr in files of `dir`; kills it after
// `timeout` seconds. Time is wall time; memory the program's peak resident set, sampled every
// millisecond while it runs (the high-water mark only grows, so the last sample is close to it).
inline RunResult run(const std::vector<std::string>& args, const std::string& dir, double timeout = 60) {
  const std::string out_path = dir + "/stdout", err_path = dir + "/stderr";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  RunResult r;
  pid_t pid = 0;
  const auto start = std::chrono::steady_clock::now();
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
    posix_spawn_file_actions_destroy(&actions);
    throw std::runtime_error("cannot start " + args[0]);
  }
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  long peak_kb = 0;
  for (;;) {
    peak_kb = std::max(peak_kb, peak_rss_kb(pid));
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > timeout && !r.timed_out) {
      r.timed_out = true;
      kill(pid, SIGKILL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.max_rss_mb = peak_kb / 1024;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

}  // namespace hostile
