// The providers file: {"version":1,"providers":[{...}]}, read leniently (a bad entry is skipped with
// an issue) and written atomically.
#include "providers/provider_profile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ts {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using std::chrono::milliseconds;

constexpr int kVersion = 1;

std::optional<std::string> readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int lineAt(const std::string& text, std::size_t byte)
{
    const auto end = text.begin() + static_cast<std::ptrdiff_t>(std::min(byte, text.size()));
    return 1 + static_cast<int>(std::count(text.begin(), end, '\n'));
}

// Reads one entry; throws std::runtime_error naming the field that has the wrong type.
struct EntryReader
{
    const Json& j;

    void text(const char* key, std::string& out) const
    {
        if (!j.contains(key))
            return;
        if (!j[key].is_string())
            throw std::runtime_error(std::string(key) + " must be a string");
        out = j[key].get<std::string>();
    }
    void ms(const char* key, milliseconds& out) const
    {
        if (!j.contains(key))
            return;
        if (!j[key].is_number_integer())
            throw std::runtime_error(std::string(key) + " must be a whole number of milliseconds");
        out = milliseconds(j[key].get<std::int64_t>());
    }
    void strings(const char* key, std::vector<std::string>& out) const
    {
        if (!j.contains(key))
            return;
        const Json& items = j[key];
        if (!items.is_array() || !std::all_of(items.begin(), items.end(), [](const Json& s) { return s.is_string(); }))
            throw std::runtime_error(std::string(key) + " must be a list of strings");
        for (const Json& s : items)
            out.push_back(s.get<std::string>());
    }
    void headers(std::vector<std::pair<std::string, std::string>>& out) const
    {
        if (!j.contains("headers"))
            return;
        if (!j["headers"].is_object())
            throw std::runtime_error("headers must be an object of name: value");
        for (const auto& [name, value] : j["headers"].items()) {
            if (!value.is_string())
                throw std::runtime_error("header '" + name + "' must have a string value");
            out.emplace_back(name, value.get<std::string>());
        }
    }
};

ProviderProfile profileFrom(const Json& j)
{
    if (!j.is_object())
        throw std::runtime_error("an entry must be an object");
    const EntryReader r{j};
    ProviderProfile p;
    r.text("id", p.id);
    r.text("kind", p.kind);
    r.text("label", p.label);
    r.text("baseUrl", p.baseUrl);
    r.headers(p.headers);
    r.text("proxy", p.proxy);
    r.ms("connectTimeoutMs", p.connectTimeout);
    r.ms("idleTimeoutMs", p.idleTimeout);
    r.ms("totalTimeoutMs", p.totalTimeout);
    r.strings("models", p.models);
    r.text("azureDeployment", p.azureDeployment);
    r.text("azureApiVersion", p.azureApiVersion);
    r.text("keyEnv", p.keyEnv);
    if (j.contains("enabled") && !j["enabled"].is_boolean())
        throw std::runtime_error("enabled must be true or false");
    p.enabled = j.value("enabled", true);
    return p;
}

void putText(Json& j, const char* key, const std::string& value)
{
    if (!value.empty())
        j[key] = value;
}

Json jsonOf(const ProviderProfile& p)
{
    Json j;
    j["id"] = p.id;
    j["kind"] = p.kind;
    putText(j, "label", p.label);
    putText(j, "baseUrl", p.baseUrl);
    if (!p.headers.empty()) {
        Json headers = Json::object();
        for (const auto& [name, value] : p.headers)
            headers[name] = value;
        j["headers"] = std::move(headers);
    }
    putText(j, "proxy", p.proxy);
    j["connectTimeoutMs"] = p.connectTimeout.count();
    j["idleTimeoutMs"] = p.idleTimeout.count();
    j["totalTimeoutMs"] = p.totalTimeout.count();
    if (!p.models.empty())
        j["models"] = p.models;
    putText(j, "azureDeployment", p.azureDeployment);
    putText(j, "azureApiVersion", p.azureApiVersion);
    putText(j, "keyEnv", p.keyEnv);
    j["enabled"] = p.enabled;
    return j;
}

std::string entryName(std::size_t index, const ProviderProfile& p)
{
    return "provider " + std::to_string(index + 1) + (p.id.empty() ? "" : " ('" + p.id + "')");
}

void addEntry(ProviderProfiles& out, const std::string& path, std::size_t index, const Json& j)
{
    ProviderProfile p;
    try {
        p = profileFrom(j);
    } catch (const std::exception& e) {
        out.issues.push_back(path + ": " + entryName(index, p) + " skipped: " + e.what());
        return;
    }
    std::vector<std::string> problems = validateProfile(p);
    if (out.find(p.id))
        problems.push_back("another provider already has the id '" + p.id + "'");
    if (problems.empty())
        out.profiles.push_back(std::move(p));
    for (const auto& problem : problems)
        out.issues.push_back(path + ": " + entryName(index, p) + " skipped: " + problem);
}

// Whether the file at `path` exists but is not a providers file this code could have written.
bool corruptFileAt(const std::string& path)
{
    const auto text = readText(path);
    if (!text)
        return false;
    const Json doc = Json::parse(*text, nullptr, false);
    return !doc.is_object() || !doc.contains("providers") || !doc["providers"].is_array();
}

std::string writeFile(const fs::path& target, const std::string& text)
{
    std::error_code ec;
    if (target.has_parent_path())
        fs::create_directories(target.parent_path(), ec);
    const fs::path tmp = target.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out)
            return "cannot write " + tmp.string();
    }
    fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, ec);
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return "cannot replace " + target.string() + ": " + ec.message();
    }
    return {};
}

} // namespace

ProviderProfiles ProviderProfiles::load(const std::string& path)
{
    ProviderProfiles out;
    const auto text = readText(path);
    if (!text)
        return out; // no file yet: no profiles
    Json doc;
    try {
        doc = Json::parse(*text);
    } catch (const Json::parse_error& e) {
        out.issues.push_back(path + ":" + std::to_string(lineAt(*text, e.byte)) + ": not valid JSON; nothing was read");
        return out;
    }
    if (!doc.is_object() || !doc.contains("providers") || !doc["providers"].is_array()) {
        out.issues.push_back(path + ":1: not a providers file (no \"providers\" list); nothing was read");
        return out;
    }
    if (const Json* version = doc.contains("version") ? &doc["version"] : nullptr;
        version && (!version->is_number_integer() || version->get<int>() > kVersion))
        out.issues.push_back(path + ": written by a newer Tokenscope (version " + version->dump() +
                             "); reading what this version understands");
    const Json& entries = doc["providers"];
    for (std::size_t i = 0; i < entries.size(); ++i)
        addEntry(out, path, i, entries[i]);
    return out;
}

std::string ProviderProfiles::save(const std::string& path) const
{
    if (path.empty())
        return "no place to save providers: set TOKENSCOPE_PROVIDERS or HOME";
    if (corruptFileAt(path)) {
        std::error_code ec;
        fs::rename(path, path + ".corrupt", ec);
        if (ec)
            return "cannot keep the unreadable " + path + " aside as .corrupt: " + ec.message();
    }
    Json doc;
    doc["version"] = kVersion;
    doc["providers"] = Json::array();
    for (const auto& p : profiles)
        doc["providers"].push_back(jsonOf(p));
    return writeFile(path, doc.dump(2) + "\n");
}

} // namespace ts
