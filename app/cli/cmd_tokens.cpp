#include "verbs.h"

#include "catalog/catalog.h"
#include "tokens/bpe_encoder.h"
#include "tokens/encoding_for_model.h"
#include "tokens/model_tokens.h"

#include <cstdio>

namespace ts::cli {

namespace {

std::string nearestModels(const std::string& model)
{
    std::string out;
    for (const std::string& id : Catalog::current()->nearest(model))
        out += (out.empty() ? "" : ", ") + id;
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
    if (!Catalog::current()->find(model) && !encodingForModel(model))
        throw Exit{1, "unknown model '" + model + "' (nearest known: " + nearestModels(model) + ")"};
    const ModelTokenCounter counter = ModelTokenCounter::forModel(model);
    return counter.exact() ? counter.tokenizer() : std::string();
}

} // namespace

int runTokens(const Args& args)
{
    const std::string encoding = encodingFrom(args);
    const std::string text = readFileOrStdin(args, "tokens");
    if (encoding.empty()) {
        if (args.has("--ids"))
            throw Exit{1, "no exact tokenizer for model '" + args.valueOr("--model", "") + "'; only a count estimate"};
        const TokenCount count = ModelTokenCounter::forModel(args.valueOr("--model", "")).countText(text);
        std::printf("%lld\n", static_cast<long long>(count.tokens));
        std::fprintf(stderr, "%s\n", count.method.c_str());
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
