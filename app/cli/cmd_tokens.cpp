#include "verbs.h"

#include "catalog/catalog.h"
#include "tokens/bpe_encoder.h"
#include "tokens/encoding_for_model.h"
#include "tokens/estimate.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace ts::cli {

namespace {

std::string readInput(const Args& args)
{
    if (args.positional.size() > 1)
        throw Exit{2, "tokens reads one FILE (or - for standard input)"};
    if (args.positional.empty() || args.positional[0] == "-")
        return std::string(std::istreambuf_iterator<char>(std::cin), {});
    std::ifstream in(args.positional[0], std::ios::binary);
    if (!in)
        throw Exit{1, "cannot read " + args.positional[0]};
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

size_t editDistance(const std::string& a, const std::string& b)
{
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::string nearestModels(const std::string& model)
{
    std::vector<std::pair<size_t, std::string>> scored;
    for (const ModelInfo& m : Catalog::builtin().models())
        scored.emplace_back(editDistance(model, m.id), m.id);
    std::sort(scored.begin(), scored.end());
    std::string out;
    for (size_t i = 0; i < std::min<size_t>(3, scored.size()); ++i)
        out += (i ? ", " : "") + scored[i].second;
    return out;
}

// The encoding to use, or empty when the model has no exact tokenizer here (an estimate then).
std::string encodingFrom(const Args& args)
{
    if (args.value("--encoding") && args.value("--model"))
        throw Exit{2, "give --encoding or --model, not both"};
    if (auto enc = args.value("--encoding")) {
        if (*enc != "o200k_base" && *enc != "cl100k_base")
            throw Exit{2, "--encoding: unknown encoding '" + *enc + "' (o200k_base or cl100k_base)"};
        return *enc;
    }
    const std::string model = args.valueOr("--model", "");
    if (model.empty())
        return "o200k_base";
    if (auto enc = encodingForModel(model))
        return std::string(*enc);
    if (!Catalog::builtin().find(model))
        throw Exit{1, "unknown model '" + model + "' (nearest known: " + nearestModels(model) + ")"};
    return {};
}

} // namespace

int runTokens(const Args& args)
{
    const std::string encoding = encodingFrom(args);
    const std::string text = readInput(args);
    if (encoding.empty()) {
        if (args.has("--ids"))
            throw Exit{1, "no exact tokenizer for model '" + args.valueOr("--model", "") + "'; only a count estimate"};
        std::printf("%lld\n", static_cast<long long>(estimateTokens(text)));
        std::fprintf(stderr, "estimate: about four characters a token, split at words and punctuation; "
                             "the provider's own count may differ\n");
        return 0;
    }
    std::shared_ptr<const BpeEncoder> encoder;
    try {
        encoder = BpeEncoder::load(encoding);
    } catch (const std::exception& e) {
        throw Exit{1, e.what()};
    }
    if (!args.has("--ids")) {
        std::printf("%zu\n", encoder->count(text));
        return 0;
    }
    const auto ids = encoder->encode(text);
    std::string out = "[";
    for (size_t i = 0; i < ids.size(); ++i)
        out += (i ? "," : "") + std::to_string(ids[i]);
    std::printf("%s]\n", out.c_str());
    return 0;
}

} // namespace ts::cli
