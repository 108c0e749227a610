// The HNSW index over hnswlib: what it finds, removing entries, rebuilding after many removals,
// growing past its first capacity, and its recall against a brute-force scan of the same vectors.
#include "cache/embedding_math.h"
#include "cache/embedding_scan.h"
#include "cache/hnsw_index.h"

#include <QtTest/QTest>
#include <algorithm>
#include <random>
#include <stdexcept>

using ts::cache::FlatVectors;
using ts::cache::HnswIndex;
using ts::cache::HnswParams;
using ts::cache::Neighbour;

namespace {

constexpr std::size_t kDimension = 64;

std::vector<float> randomUnit(std::mt19937_64& rng)
{
    std::normal_distribution<float> gauss;
    std::vector<float> v(kDimension);
    for (float& x : v)
        x = gauss(rng);
    ts::cache::normaliseInPlace(v);
    return v;
}

std::vector<std::vector<float>> randomVectors(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::vector<std::vector<float>> out;
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(randomUnit(rng));
    return out;
}

// v moved in a random direction: cosine about 0.9 to it.
std::vector<float> around(const std::vector<float>& v, std::mt19937_64& rng)
{
    std::vector<float> moved = randomUnit(rng);
    for (std::size_t i = 0; i < kDimension; ++i)
        moved[i] = v[i] + 0.48f * moved[i];
    ts::cache::normaliseInPlace(moved);
    return moved;
}

bool contains(const std::vector<Neighbour>& found, std::uint64_t label)
{
    return std::any_of(found.begin(), found.end(), [&](const Neighbour& n) { return n.label == label; });
}

} // namespace

class TestHnswIndex : public QObject
{
    Q_OBJECT

  private slots:
    void findsEachVectorItself()
    {
        const auto vectors = randomVectors(300, 1);
        HnswIndex index(kDimension);
        for (std::size_t i = 0; i < vectors.size(); ++i)
            index.add(1000 + i, vectors[i]);
        QCOMPARE(index.size(), vectors.size());
        for (std::size_t i = 0; i < vectors.size(); ++i) {
            const auto found = index.search(vectors[i], 3);
            QCOMPARE(found.size(), std::size_t(3));
            QCOMPARE(found.front().label, 1000 + i);
            QVERIFY(std::abs(found.front().similarity - 1.0f) < 1e-4f);
            QVERIFY(found[0].similarity >= found[1].similarity && found[1].similarity >= found[2].similarity);
        }
    }

    void emptyIndexFindsNothing()
    {
        const HnswIndex index(kDimension);
        QVERIFY(index.search(randomVectors(1, 2).front(), 5).empty());
    }

    void removedEntriesAreNotFound()
    {
        const auto vectors = randomVectors(100, 3);
        HnswIndex index(kDimension);
        for (std::size_t i = 0; i < vectors.size(); ++i)
            index.add(i, vectors[i]);
        QVERIFY(index.remove(7));
        QVERIFY(!index.remove(7));
        QVERIFY(!index.remove(12345));
        QCOMPARE(index.size(), std::size_t(99));
        QCOMPARE(index.deleted(), std::size_t(1));
        QVERIFY(!contains(index.search(vectors[7], 10), 7));
    }

    void rebuildsWhenRemovalsPileUp()
    {
        const auto vectors = randomVectors(200, 4);
        HnswIndex index(kDimension, HnswParams{.rebuildWhenDeleted = 0.25});
        for (std::size_t i = 0; i < vectors.size(); ++i)
            index.add(i, vectors[i]);
        for (std::uint64_t label = 0; label < 50; ++label)
            QVERIFY(index.remove(label));
        QCOMPARE(index.rebuilds(), 0); // 50 of 200: not yet more than a quarter
        QVERIFY(index.remove(50));
        QCOMPARE(index.rebuilds(), 1);
        QCOMPARE(index.deleted(), std::size_t(0));
        QCOMPARE(index.size(), std::size_t(149));
        for (std::size_t i = 0; i < vectors.size(); ++i) {
            const auto found = index.search(vectors[i], 1);
            QCOMPARE(found.front().label == i, i > 50);
        }
    }

    void growsPastItsFirstCapacity()
    {
        const auto vectors = randomVectors(100, 5);
        HnswIndex index(kDimension, HnswParams{.initialCapacity = 4});
        for (std::size_t i = 0; i < vectors.size(); ++i)
            index.add(i, vectors[i]);
        QCOMPARE(index.capacity(), std::size_t(128));
        QCOMPARE(index.search(vectors[99], 1).front().label, std::uint64_t(99));
    }

    void addingALabelAgainReplacesIt()
    {
        const auto vectors = randomVectors(20, 6);
        HnswIndex index(kDimension);
        for (std::size_t i = 0; i < 10; ++i)
            index.add(i, vectors[i]);
        index.add(3, vectors[15]);
        QCOMPARE(index.size(), std::size_t(10));
        QCOMPARE(index.search(vectors[15], 1).front().label, std::uint64_t(3));
    }

    // Recall of the index against a brute-force scan of the same 5,000 random 64-dimension vectors.
    // Near-duplicate queries (cosine about 0.9 to a stored vector) are the lookups a cache hit comes
    // from; fresh random queries, with no near neighbour, are the hard case and need a larger ef.
    void recallAgainstBruteForce_data()
    {
        QTest::addColumn<bool>("nearDuplicates");
        QTest::addColumn<int>("ef");
        QTest::newRow("near-duplicates, default ef") << true << int(HnswParams{}.ef);
        QTest::newRow("fresh queries, ef 200") << false << 200;
    }

    void recallAgainstBruteForce()
    {
        QFETCH(bool, nearDuplicates);
        QFETCH(int, ef);
        const auto vectors = randomVectors(5000, 7);
        HnswIndex index(kDimension);
        index.setEf(std::size_t(ef));
        FlatVectors flat(kDimension);
        for (std::size_t i = 0; i < vectors.size(); ++i) {
            index.add(i, vectors[i]);
            flat.add(i, vectors[i]);
        }
        std::mt19937_64 rng(8);
        std::size_t top1 = 0, top10 = 0;
        const std::size_t queries = 200;
        for (std::size_t i = 0; i < queries; ++i) {
            const auto q = nearDuplicates ? around(vectors[rng() % vectors.size()], rng) : randomUnit(rng);
            const auto exact = flat.scan(q, 10);
            const auto found = index.search(q, 10);
            top1 += found.front().label == exact.front().label;
            top10 += std::count_if(exact.begin(), exact.end(),
                                   [&](const Neighbour& n) { return contains(found, n.label); });
        }
        const double recall1 = double(top1) / double(queries);
        const double recall10 = double(top10) / double(10 * queries);
        qInfo("recall@1 %.3f, recall@10 %.3f", recall1, recall10);
        QVERIFY(recall1 >= 0.95);
        // A hit needs only the nearest; the rest of a near-duplicate's ten sit at similar, low cosines.
        QVERIFY(recall10 >= (nearDuplicates ? 0.9 : 0.95));
    }

    void refusesAVectorOfAnotherDimension()
    {
        HnswIndex index(kDimension);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 index.add(1, std::vector<float>(kDimension - 1, 0.1f)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 index.search(std::vector<float>(kDimension + 1, 0.1f), 1));
    }

    void scanIsExact()
    {
        FlatVectors flat(3);
        flat.add(1, std::vector<float>{1, 0, 0});
        flat.add(2, std::vector<float>{0, 1, 0});
        flat.add(3, std::vector<float>{0.6f, 0.8f, 0});
        const auto found = flat.scan(std::vector<float>{0, 1, 0}, 2);
        QCOMPARE(found, (std::vector<Neighbour>{{2, 1.0f}, {3, 0.8f}}));
    }
};

QTEST_APPLESS_MAIN(TestHnswIndex)
#include "test_hnsw_index.moc"
