#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace reslab::testing {

/// The result of running the resilience-lab binary.
struct CliResult
{
    int exitCode = -1;
    bool crashed = false; ///< killed by a signal
    std::string out;
    std::string err;
};

inline std::string readFile(const std::filesystem::path &p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A fresh temporary directory, removed when the object dies.
class TempDir
{
public:
    TempDir()
    {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() /
                 ("reslab-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    const std::filesystem::path &path() const { return m_path; }
    std::filesystem::path write(const std::string &name, const std::string &content) const
    {
        const auto p = m_path / name;
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }

private:
    std::filesystem::path m_path;
};

inline std::string shellQuote(const std::string &s)
{
    std::string q = "'";
    for (char c : s) {
        if (c == '\'')
            q += "'\\''";
        else
            q += c;
    }
    return q + "'";
}

/// Runs `resilience-lab ARGS` with a time limit (a hang fails the test instead of CI).
inline CliResult runCli(const std::string &args, int timeoutSeconds = 120)
{
    TempDir tmp;
    const auto out = tmp.path() / "stdout";
    const auto err = tmp.path() / "stderr";
    const std::string cmd = "timeout " + std::to_string(timeoutSeconds) + " " +
                            shellQuote(RESLAB_CLI_PATH) + " " + args + " </dev/null >" +
                            shellQuote(out.string()) + " 2>" + shellQuote(err.string());
    const int status = std::system(cmd.c_str());
    CliResult r;
    if (WIFEXITED(status)) {
        r.exitCode = WEXITSTATUS(status);
        // `timeout` reports a hang as 124, and a signal death of the child as 128+signal.
        r.crashed = r.exitCode == 124 || r.exitCode >= 128;
    } else {
        r.crashed = true;
    }
    r.out = readFile(out);
    r.err = readFile(err);
    return r;
}

/// A CSV file's rows, split at commas (the outputs quote nothing); a trailing comma is an empty
/// last cell.
inline std::vector<std::vector<std::string>> parseCsv(const std::string &text)
{
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream ls(line);
        while (std::getline(ls, cell, ','))
            cells.push_back(cell);
        if (!line.empty() && line.back() == ',')
            cells.emplace_back();
        rows.push_back(cells);
    }
    return rows;
}

} // namespace reslab::testing
