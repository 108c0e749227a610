#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ts::cli {

// What a verb accepts: options that take a value, and flags that don't.
struct VerbSpec
{
    std::set<std::string> valued; // e.g. "--db"
    std::set<std::string> flags;  // e.g. "--json"
};

struct Args
{
    std::map<std::string, std::string> values;
    std::set<std::string> flags;
    std::vector<std::string> positional;

    bool has(const std::string& flag) const { return flags.count(flag) > 0; }
    std::optional<std::string> value(const std::string& option) const;
    std::string valueOr(const std::string& option, const std::string& fallback) const;
};

struct ParseResult
{
    Args args;
    std::string error; // a usage error, one line
};

// Parses "--name value", "--name=value" and flags; "--" ends options.
ParseResult parse(const std::vector<std::string>& argv, const VerbSpec& spec);

// A usage error (exit 2) or a user error (exit 1), carried to main.
struct Exit
{
    int code;
    std::string message;
};

// The one FILE argument's bytes, or standard input when it is "-" or absent.
std::string readFileOrStdin(const Args& args, const char* verb);

int parseIntOption(const Args& args, const std::string& name, int fallback, int min, int max);
double parseDoubleOption(const Args& args, const std::string& name, double fallback, double min, double max);

} // namespace ts::cli
