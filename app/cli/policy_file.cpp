#include "policy_file.h"

#include "args.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace ts::cli {

guard::Policy readPolicyFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Exit{1, "cannot read the policy " + path};
    std::ostringstream text;
    text << in.rdbuf();
    try {
        return guard::parsePolicyText(text.str());
    } catch (const std::invalid_argument& first) {
        // A gateway config file works too: its "guard" section is the policy.
        const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
        if (doc.is_object() && doc.contains("guard")) {
            try {
                return guard::parsePolicy(doc["guard"]);
            } catch (const std::invalid_argument& e) {
                throw Exit{1, path + ": " + e.what()};
            }
        }
        throw Exit{1, path + ": " + first.what()};
    }
}

} // namespace ts::cli
