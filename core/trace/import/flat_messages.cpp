#include "trace/import/flat_messages.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

namespace ts::import {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxIndex = 10000; // a hostile index must not allocate a huge array

bool isIndex(std::string_view part, std::size_t& index)
{
    const auto result = std::from_chars(part.data(), part.data() + part.size(), index);
    return !part.empty() && result.ec == std::errc() && result.ptr == part.data() + part.size();
}

json valueJson(const AttrValue& value)
{
    if (const auto* s = std::get_if<std::string>(&value))
        return *s;
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return *i;
    if (const auto* d = std::get_if<double>(&value))
        return *d;
    if (const auto* b = std::get_if<bool>(&value))
        return *b;
    return std::get<std::vector<std::string>>(value);
}

// Places the value at the dotted path below `node`: numbers index arrays, words name members.
bool place(json& node, std::string_view path, const AttrValue& value)
{
    json* at = &node;
    while (!path.empty()) {
        const std::size_t dot = path.find('.');
        const std::string_view part = path.substr(0, dot);
        path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
        std::size_t index = 0;
        if (isIndex(part, index)) {
            if (index >= kMaxIndex || !(at->is_null() || at->is_array()))
                return false;
            at = &(*at)[index];
        } else {
            if (!(at->is_null() || at->is_object()))
                return false;
            at = &(*at)[std::string(part)];
        }
    }
    *at = valueJson(value);
    return true;
}

std::string text(const json& node, const char* key)
{
    const auto it = node.find(key);
    return it != node.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// OpenInference's message_content parts as OpenAI content parts.
json contentParts(const json& contents)
{
    json parts = json::array();
    for (const json& item : contents) {
        const json& c = item.is_object() ? item.value("message_content", json::object()) : json::object();
        if (text(c, "type") == "image")
            parts.push_back(
                {{"type", "image_url"},
                 {"image_url",
                  {{"url",
                    c.value("image", json::object()).value("image", json::object()).value("url", "")}}}});
        else if (c.contains("text"))
            parts.push_back({{"type", "text"}, {"text", text(c, "text")}});
    }
    return parts;
}

// One OpenInference message ({"message":{...}}) in OpenAI's chat shape.
json openInferenceMessage(const json& node)
{
    const json m = node.is_object() ? node.value("message", json::object()) : json::object();
    json out = json::object();
    if (const std::string role = text(m, "role"); !role.empty())
        out["role"] = role;
    if (m.contains("contents"))
        out["content"] = contentParts(m["contents"]);
    else
        out["content"] = m.value("content", json(""));
    if (m.contains("tool_calls") && m["tool_calls"].is_array()) {
        json calls = json::array();
        for (const json& item : m["tool_calls"]) {
            const json call = item.is_object() ? item.value("tool_call", json::object()) : json::object();
            const json fn = call.value("function", json::object());
            calls.push_back(
                {{"id", text(call, "id")},
                 {"function", {{"name", text(fn, "name")}, {"arguments", fn.value("arguments", json(""))}}}});
        }
        out["tool_calls"] = std::move(calls);
    }
    for (const char* key : {"tool_call_id", "name"})
        if (m.contains(key))
            out[key] = m[key];
    return out;
}

} // namespace

std::optional<json> flatMessages(const Span& span, std::string_view prefix,
                                 std::vector<std::string>& consumed)
{
    json tree;
    const std::size_t before = consumed.size();
    for (auto it = span.attributes.lower_bound(prefix); it != span.attributes.end(); ++it) {
        const std::string_view key = it->first;
        if (key.substr(0, prefix.size()) != prefix)
            break;
        if (key.size() > prefix.size() && key[prefix.size()] == '.' &&
            place(tree, key.substr(prefix.size() + 1), it->second))
            consumed.emplace_back(key);
    }
    if (consumed.size() == before || !tree.is_array()) {
        consumed.resize(before);
        return std::nullopt;
    }
    const bool openInference = prefix.substr(0, 4) == "llm.";
    json list = json::array();
    for (const json& node : tree)
        if (!node.is_null())
            list.push_back(openInference ? openInferenceMessage(node) : node);
    return list;
}

} // namespace ts::import
