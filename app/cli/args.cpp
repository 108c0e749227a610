#include "args.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace ts::cli {

std::optional<std::string> Args::value(const std::string& option) const
{
    auto it = values.find(option);
    return it == values.end() ? std::nullopt : std::optional(it->second);
}

std::string Args::valueOr(const std::string& option, const std::string& fallback) const
{
    return value(option).value_or(fallback);
}

ParseResult parse(const std::vector<std::string>& argv, const VerbSpec& spec)
{
    ParseResult r;
    bool optionsDone = false;
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (optionsDone || a.size() < 2 || a[0] != '-' || a == "-") {
            r.args.positional.push_back(a);
            continue;
        }
        if (a == "--") {
            optionsDone = true;
            continue;
        }
        const auto eq = a.find('=');
        const std::string name = a.substr(0, eq);
        if (spec.flags.count(name) && eq == std::string::npos) {
            r.args.flags.insert(name);
        } else if (spec.valued.count(name)) {
            if (eq != std::string::npos) {
                r.args.values[name] = a.substr(eq + 1);
            } else if (i + 1 < argv.size()) {
                r.args.values[name] = argv[++i];
            } else {
                r.error = "option " + name + " needs a value";
                return r;
            }
        } else {
            r.error = "unknown option " + name;
            return r;
        }
    }
    return r;
}

std::string readFileOrStdin(const Args& args, const char* verb)
{
    if (args.positional.size() > 1)
        throw Exit{2, std::string(verb) + " reads one FILE (or - for standard input)"};
    if (args.positional.empty() || args.positional[0] == "-")
        return std::string(std::istreambuf_iterator<char>(std::cin), {});
    std::ifstream in(args.positional[0], std::ios::binary);
    if (!in)
        throw Exit{1, "cannot read " + args.positional[0]};
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

int parseIntOption(const Args& args, const std::string& name, int fallback, int min, int max)
{
    auto v = args.value(name);
    if (!v)
        return fallback;
    int out = 0;
    auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc{} || end != v->data() + v->size() || out < min || out > max)
        throw Exit{2, name + " wants a whole number from " + std::to_string(min) + " to " + std::to_string(max)
                          + ", not '" + *v + "'"};
    return out;
}

double parseDoubleOption(const Args& args, const std::string& name, double fallback, double min, double max)
{
    auto v = args.value(name);
    if (!v)
        return fallback;
    char* end = nullptr;
    const double out = std::strtod(v->c_str(), &end);
    if (v->empty() || *end != '\0' || out < min || out > max)
        throw Exit{2, name + " wants a number from " + std::to_string(min) + " to " + std::to_string(max) + ", not '"
                          + *v + "'"};
    return out;
}

} // namespace ts::cli
