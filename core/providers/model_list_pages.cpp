#include "providers/model_list_pages.h"

#include "providers/json_fields.h"

#include <algorithm>

namespace ts::listing {

namespace {

using nlohmann::json;

// The array under `key`, or nullptr when the body is not an object holding one.
const json* listIn(const json& body, std::string_view key)
{
    const json* list = field(body, key);
    return list && list->is_array() ? list : nullptr;
}

std::string withSeparator(std::string a, std::string_view separator, const std::string& b)
{
    if (a.empty() || b.empty())
        return a + b;
    return a + std::string(separator) + b;
}

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& item : items)
        out = withSeparator(std::move(out), ", ", item);
    return out;
}

// The methods that make a model worth offering, as the API names them.
std::vector<std::string> usefulMethods(const json& model)
{
    std::vector<std::string> out;
    const json* methods = field(model, "supportedGenerationMethods");
    for (const char* wanted : {"generateContent", "embedContent"})
        if (methods && methods->is_array() && std::find(methods->begin(), methods->end(), wanted) != methods->end())
            out.emplace_back(wanted);
    return out;
}

} // namespace

std::optional<Page> openaiPage(const json& body)
{
    const json* data = listIn(body, "data");
    if (!data)
        return std::nullopt;
    Page page;
    for (const json& m : *data)
        if (std::string id = stringField(m, "id"); !id.empty()) {
            const std::string owner = stringField(m, "owned_by");
            page.models.push_back({std::move(id), owner.empty() ? "" : "owned by " + owner});
        }
    return page;
}

std::optional<Page> anthropicPage(const json& body)
{
    const json* data = listIn(body, "data");
    if (!data)
        return std::nullopt;
    Page page;
    for (const json& m : *data)
        if (std::string id = stringField(m, "id"); !id.empty())
            page.models.push_back({std::move(id), stringField(m, "display_name")});
    const json* more = field(body, "has_more");
    if (more && more->is_boolean() && more->get<bool>())
        page.next = stringField(body, "last_id");
    return page;
}

std::optional<Page> geminiPage(const json& body)
{
    const json* models = listIn(body, "models");
    // An account with no models answers {} rather than an empty list.
    if (!models && !(body.is_object() && body.empty()))
        return std::nullopt;
    Page page;
    for (const json& m : models ? *models : json::array()) {
        std::string id = stringField(m, "name");
        if (id.starts_with("models/"))
            id.erase(0, 7);
        const std::vector<std::string> methods = usefulMethods(m);
        if (!id.empty() && !methods.empty())
            page.models.push_back({std::move(id), withSeparator(stringField(m, "displayName"), " · ", joined(methods))});
    }
    page.next = stringField(body, "nextPageToken");
    return page;
}

std::optional<Page> ollamaPage(const json& body)
{
    const json* models = listIn(body, "models");
    if (!models)
        return std::nullopt;
    Page page;
    for (const json& m : *models) {
        std::string id = stringField(m, "name");
        if (id.empty())
            id = stringField(m, "model");
        const json* details = field(m, "details");
        const json none = json::object();
        const json& d = details ? *details : none;
        if (!id.empty())
            page.models.push_back({std::move(id), withSeparator(stringField(d, "parameter_size"), " ",
                                                                stringField(d, "quantization_level"))});
    }
    return page;
}

} // namespace ts::listing
