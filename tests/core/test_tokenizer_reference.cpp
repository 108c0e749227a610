// The fast BPE paths against two independent references written here: a textbook merge
// (rescan for the lowest-ranked adjacent pair, leftmost on ties) and, for inputs too long for
// it, the same rule over an ordered set; the second is itself checked against the first.
#include "tokens/bpe_encoder.h"
#include "tokens/bpe_merge.h"
#include "tokens/encoding_spec.h"
#include "tokens/pretokenizer.h"
#include "tokens/rank_file_locator.h"
#include "tokens/rank_table.h"

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <sstream>

using namespace ts;

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
using Ids = std::vector<std::uint32_t>;
using MergeFn = Ids (*)(const RankTable&, std::string_view);

Ids textbookMerge(const RankTable& ranks, std::string_view piece)
{
    std::vector<std::string> parts;
    for (char c : piece)
        parts.emplace_back(1, c);
    const auto pairRank = [&](std::size_t i) {
        return i + 1 < parts.size() ? ranks.rank(parts[i] + parts[i + 1]).value_or(kNone) : kNone;
    };
    std::vector<std::uint32_t> pairRanks;
    for (std::size_t i = 0; i < parts.size(); ++i)
        pairRanks.push_back(pairRank(i));
    for (;;) {
        const auto lowest = std::min_element(pairRanks.begin(), pairRanks.end()); // first of equals
        if (lowest == pairRanks.end() || *lowest == kNone)
            break;
        const auto at = std::size_t(lowest - pairRanks.begin());
        parts[at] += parts[at + 1];
        parts.erase(parts.begin() + std::ptrdiff_t(at) + 1);
        pairRanks.erase(pairRanks.begin() + std::ptrdiff_t(at) + 1);
        pairRanks[at] = pairRank(at);
        if (at > 0)
            pairRanks[at - 1] = pairRank(at - 1);
    }
    Ids ids;
    for (const auto& part : parts)
        ids.push_back(ranks.rank(part).value());
    return ids;
}

Ids orderedSetMerge(const RankTable& ranks, std::string_view piece)
{
    struct Part {
        std::size_t end;
        std::uint32_t pairRank;
    };
    std::map<std::size_t, Part> parts; // by start byte
    std::set<std::pair<std::uint32_t, std::size_t>> queue;
    const auto update = [&](std::map<std::size_t, Part>::iterator it) {
        queue.erase({it->second.pairRank, it->first});
        const auto next = std::next(it);
        it->second.pairRank =
            next == parts.end()
                ? kNone
                : ranks.rank(piece.substr(it->first, next->second.end - it->first)).value_or(kNone);
        if (it->second.pairRank != kNone)
            queue.insert({it->second.pairRank, it->first});
    };
    for (std::size_t i = 0; i < piece.size(); ++i)
        parts.emplace(i, Part{i + 1, kNone});
    for (auto it = parts.begin(); it != parts.end(); ++it)
        update(it);
    while (!queue.empty()) {
        const auto it = parts.find(queue.begin()->second);
        const auto next = std::next(it);
        queue.erase({next->second.pairRank, next->first});
        it->second.end = next->second.end;
        parts.erase(next);
        update(it);
        if (it != parts.begin())
            update(std::prev(it));
    }
    Ids ids;
    for (const auto& [start, part] : parts)
        ids.push_back(ranks.rank(piece.substr(start, part.end - start)).value());
    return ids;
}

Ids fastQuadratic(const RankTable& ranks, std::string_view piece)
{
    Ids ids;
    bpe::mergeQuadratic(ranks, piece, ids);
    return ids;
}

Ids fastLong(const RankTable& ranks, std::string_view piece)
{
    Ids ids;
    bpe::mergeLong(ranks, piece, ids);
    return ids;
}

// What tiktoken does around the merge: pre-split, and a piece that is a token is that token.
struct Reference {
    std::unique_ptr<RankTable> ranks;
    std::unique_ptr<PreTokenizer> split;

    Ids encode(std::string_view text, MergeFn merge) const
    {
        Ids ids;
        split->split(text, [&](std::string_view piece) {
            if (const auto whole = ranks->rank(piece)) {
                ids.push_back(*whole);
                return;
            }
            const auto merged = merge(*ranks, piece);
            ids.insert(ids.end(), merged.begin(), merged.end());
        });
        return ids;
    }
};

const Reference& reference(const std::string& encoding)
{
    static std::map<std::string, Reference> loaded;
    auto& entry = loaded[encoding];
    if (!entry.ranks) {
        std::ifstream in(findRankFile(encoding).value(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        entry.ranks = std::make_unique<RankTable>(RankTable::parse(text.str()));
        entry.split = std::make_unique<PreTokenizer>(findEncodingSpec(encoding)->pattern);
    }
    return entry;
}

std::string repeated(std::string_view unit, std::size_t bytes)
{
    std::string out;
    while (out.size() < bytes)
        out += unit;
    return out;
}

// Concatenates `bytes` worth of fragments drawn at random.
std::string randomText(const std::vector<std::string>& fragments, std::size_t bytes, unsigned seed)
{
    std::mt19937 random(seed);
    std::uniform_int_distribution<std::size_t> pick(0, fragments.size() - 1);
    std::string out;
    while (out.size() < bytes)
        out += fragments[pick(random)];
    return out;
}

std::vector<std::string> characters(std::string_view chars)
{
    std::vector<std::string> out;
    for (char c : chars)
        out.emplace_back(1, c);
    return out;
}

std::string fixtureTexts()
{
    QFile file(qEnvironmentVariable("TOKENSCOPE_TEST_DATA") + QStringLiteral("/tokenizer/o200k_base.jsonl"));
    std::string out;
    if (file.open(QIODevice::ReadOnly))
        while (!file.atEnd())
            out += nlohmann::json::parse(file.readLine().toStdString()).at("text").get<std::string>() + "\n";
    return out;
}

// Empty when equal, else where the two id lists first differ.
QByteArray difference(const Ids& got, const Ids& expected)
{
    if (got == expected)
        return {};
    const auto [g, e] = std::mismatch(got.begin(), got.end(), expected.begin(), expected.end());
    const auto at = g - got.begin();
    return QStringLiteral("%1 ids, expected %2; first difference at %3: %4 vs %5")
        .arg(got.size())
        .arg(expected.size())
        .arg(at)
        .arg(g == got.end() ? QStringLiteral("end") : QString::number(*g))
        .arg(e == expected.end() ? QStringLiteral("end") : QString::number(*e))
        .toUtf8();
}

#define COMPARE_IDS(got, expected)                                                                           \
    do {                                                                                                     \
        const auto why = difference(got, expected);                                                          \
        QVERIFY2(why.isEmpty(), why.constData());                                                            \
    } while (false)

QByteArray bytesOf(const std::string& s)
{
    return QByteArray::fromStdString(s);
}
std::string_view viewOf(const QByteArray& b)
{
    return {b.constData(), std::size_t(b.size())};
}

void addForBothEncodings(const char* name, const std::string& input)
{
    for (const auto* encoding : {"o200k_base", "cl100k_base"})
        QTest::addRow("%s:%s", encoding, name) << QString::fromLatin1(encoding) << bytesOf(input);
}

} // namespace

class TestTokenizerReference : public QObject {
    Q_OBJECT

private slots:
    // Whole inputs as one piece, bypassing the pre-split, so every merge path sees long spans.
    void mergeMatchesTextbook_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QByteArray>("piece");
        for (const char* unit : {"_", "a", " ", "\n", "\xF0\x9F\x98\x80", "ab_ \n", "a_a__a___", "0"})
            addForBothEncodings(("run " + QByteArray(unit).toPercentEncoding()).constData(),
                                repeated(unit, 3000));
        const std::vector<std::string> alphabets[] = {characters("ab"),
                                                      characters("_-"),
                                                      characters(" \n\t"),
                                                      characters("0123456789"),
                                                      characters("aA"),
                                                      characters("ab "),
                                                      {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "e"},
                                                      {"_", "__", "___", "a", " "}};
        unsigned seed = 1;
        for (const auto& alphabet : alphabets) {
            addForBothEncodings(("random " + std::to_string(seed)).c_str(), randomText(alphabet, 3000, seed));
            ++seed;
        }
        std::mt19937 random(42);
        std::string anyBytes(3000, '\0');
        for (auto& c : anyBytes)
            c = static_cast<char>(random() & 0xff);
        addForBothEncodings("random bytes", anyBytes);
        const auto texts = fixtureTexts();
        for (std::size_t at = 0; at + 3000 <= texts.size(); at += texts.size() / 3)
            addForBothEncodings(("fixture text at " + std::to_string(at)).c_str(), texts.substr(at, 3000));
    }

    void mergeMatchesTextbook()
    {
        QFETCH(QString, encoding);
        QFETCH(QByteArray, piece);
        const auto& ranks = *reference(encoding.toStdString()).ranks;
        const auto expected = textbookMerge(ranks, viewOf(piece));
        COMPARE_IDS(orderedSetMerge(ranks, viewOf(piece)), expected);
        COMPARE_IDS(fastLong(ranks, viewOf(piece)), expected);
        COMPARE_IDS(fastQuadratic(ranks, viewOf(piece)), expected);
        for (qsizetype size = 1; size <= 130; ++size) { // both sides of the short/long switch
            const auto prefix = viewOf(piece).substr(0, std::size_t(size));
            COMPARE_IDS(fastLong(ranks, prefix), textbookMerge(ranks, prefix));
            COMPARE_IDS(fastQuadratic(ranks, prefix), textbookMerge(ranks, prefix));
        }
    }

    void encodeMatchesTextbook_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QByteArray>("piece");
        const std::vector<std::string> fragments = {"the",
                                                    " ",
                                                    "  ",
                                                    "\n",
                                                    "\n\n",
                                                    "123456",
                                                    "_",
                                                    "__init__",
                                                    "\xF0\x9F\x98\x80",
                                                    "\xE6\x97\xA5\xE6\x9C\xAC",
                                                    "\xCE\xA9\xCE\xBC",
                                                    "\t",
                                                    "'s",
                                                    "don't",
                                                    "HTTPServer",
                                                    "  \n ",
                                                    ".",
                                                    "...",
                                                    "--",
                                                    "a",
                                                    "aaaa",
                                                    "\xFF"};
        for (unsigned seed = 1; seed <= 6; ++seed)
            addForBothEncodings(("mix " + std::to_string(seed)).c_str(), randomText(fragments, 4000, seed));
        addForBothEncodings("fixture texts", fixtureTexts().substr(0, 8000));
    }

    void encodeMatchesTextbook()
    {
        QFETCH(QString, encoding);
        QFETCH(QByteArray, piece);
        const auto encoder = BpeEncoder::load(encoding.toStdString());
        COMPARE_IDS(encoder->encode(viewOf(piece)),
                    reference(encoding.toStdString()).encode(viewOf(piece), textbookMerge));
    }

    void longRunsMatchOrderedSet_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QByteArray>("piece");
        for (const char* unit : {"_", "a", " ", "\n", "\xF0\x9F\x98\x80", "ab_ \n", "x__", " a"})
            addForBothEncodings(("100k of " + QByteArray(unit).toPercentEncoding()).constData(),
                                repeated(unit, 100'000));
        addForBothEncodings("100k random _-", randomText(characters("_-"), 100'000, 7));
    }

    void longRunsMatchOrderedSet()
    {
        QFETCH(QString, encoding);
        QFETCH(QByteArray, piece);
        const auto encoder = BpeEncoder::load(encoding.toStdString());
        COMPARE_IDS(encoder->encode(viewOf(piece)),
                    reference(encoding.toStdString()).encode(viewOf(piece), orderedSetMerge));
    }
};

QTEST_GUILESS_MAIN(TestTokenizerReference)
#include "test_tokenizer_reference.moc"
