// The word diff behind Compare's "difference" view: known inputs, the fallbacks for long texts,
// and the promise that the pieces spell both texts back.
#include "compare/word_diff.h"

#include <QtTest>

#include <algorithm>

using namespace ts::ui::diff;
using namespace Qt::StringLiterals;

namespace {

// "=same|-removed|+added" for readable expectations.
QString spelled(const Result& r)
{
    QStringList parts;
    for (const Piece& p : r.pieces)
        parts << (p.op == Op::Same ? u"="_s : p.op == Op::Removed ? u"-"_s : u"+"_s) + p.text;
    return parts.join(u'|');
}

QString side(const Result& r, Op keep)
{
    QString s;
    for (const Piece& p : r.pieces)
        if (p.op == Op::Same || p.op == keep)
            s += p.text;
    return s;
}

} // namespace

class TestWordDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void knownInputs_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("expected");
        QTest::newRow("identical") << u"same words here"_s << u"same words here"_s << u"=same words here"_s;
        QTest::newRow("both empty") << QString() << QString() << QString();
        QTest::newRow("all inserted") << QString() << u"hello world"_s << u"+hello world"_s;
        QTest::newRow("all deleted") << u"hello"_s << QString() << u"-hello"_s;
        QTest::newRow("insertion") << u"the cat sat"_s << u"the black cat sat"_s
                                   << u"=the |+black |=cat sat"_s;
        QTest::newRow("deletion") << u"the black cat sat"_s << u"the cat sat"_s
                                  << u"=the |-black |=cat sat"_s;
        QTest::newRow("replacement") << u"the cat sat"_s << u"the dog sat"_s << u"=the |-cat|+dog|= sat"_s;
        QTest::newRow("two replacements") << u"a cat sat on a mat"_s << u"a dog sat on a rug"_s
                                          << u"=a |-cat|+dog|= sat on a |-mat|+rug"_s;
        // Only spaces in common: one replacement, not a word-by-word zipper.
        QTest::newRow("scattered") << u"the cat sat"_s << u"a dog ran"_s << u"-the cat sat|+a dog ran"_s;
        QTest::newRow("short common word")
            << u"Teams underestimate the context"_s << u"A short summary the first"_s
            << u"-Teams underestimate the context|+A short summary the first"_s;
        QTest::newRow("punctuation") << u"Hello, world."_s << u"Hello world!"_s
                                     << u"=Hello|-,|= world|-.|+!"_s;
        QTest::newRow("whitespace kept") << u"a b"_s << u"a  b"_s << u"=a|- |+  |=b"_s;
        QTest::newRow("lines") << u"one\ntwo\nthree"_s << u"one\n2\nthree"_s << u"=one\n|-two|+2|=\nthree"_s;
        QTest::newRow("accents") << u"Grüße an alle"_s << u"Grüße an euch"_s << u"=Grüße an |-alle|+euch"_s;
        QTest::newRow("combining mark")
            << u"cafe\u0301 ok"_s << u"cafe\u0301 no"_s << u"=cafe\u0301 |-ok|+no"_s;
        // Emoji share a high surrogate; the pair must never be split between pieces.
        QTest::newRow("emoji") << u"done 😀"_s << u"done 😃"_s << u"=done |-😀|+😃"_s;
        QTest::newRow("cjk") << u"我喜欢猫 。"_s << u"我喜欢狗 。"_s << u"=我喜欢|-猫|+狗|= 。"_s;
    }
    void knownInputs()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, expected);
        const Result r = wordDiff(before, after);
        QCOMPARE(spelled(r), expected);
        QCOMPARE(r.granularity, Granularity::Words);
        QCOMPARE(side(r, Op::Removed), before);
        QCOMPARE(side(r, Op::Added), after);
    }

    void tokensKeepEverything()
    {
        const QString text = u"Streamed  token-by-token:\n\tfirst 😀 then é, 42x"_s;
        const auto tokens = wordTokens(text);
        QString joined;
        for (QStringView t : tokens)
            joined += t;
        QCOMPARE(joined, text);
        QCOMPARE(tokens.front().toString(), u"Streamed"_s);
        QCOMPARE(tokens[1].toString(), u"  "_s);
        QVERIFY(std::ranges::find(tokens, u"😀"_s) != tokens.end());
        QVERIFY(std::ranges::find(tokens, u"42x"_s) != tokens.end());
    }

    // Spaces match anywhere; were they worth as much as words, forty scattered spaces would
    // outweigh the one sentence both texts share, and the diff would show none of it in common.
    void sharedSentenceBeatsScatteredSpaces()
    {
        QString before;
        QString after = u"Shared words sit in one long sentence here."_s;
        for (int i = 0; i < 30; ++i)
            before += u"x"_s + QString::number(i) + u' ';
        before += u"Shared words sit in one long sentence here."_s;
        for (int i = 0; i < 40; ++i)
            after += u" y"_s + QString::number(i);
        const Result r = wordDiff(before, after);
        const auto shared = std::ranges::find_if(r.pieces, [](const Piece& p) {
            return p.op == Op::Same && p.text.contains(u"Shared words sit in one long sentence here."_s);
        });
        QVERIFY2(shared != r.pieces.end(), qPrintable(spelled(r)));
        QCOMPARE(side(r, Op::Removed), before);
        QCOMPARE(side(r, Op::Added), after);
    }

    void fallsBackToLinesThenWhole()
    {
        const QString before = u"alpha beta gamma\nsecond line\n"_s;
        const QString after = u"alpha beta delta\nsecond row\n"_s;
        QCOMPARE(wordDiff(before, after).granularity, Granularity::Words);
        const Result lines = wordDiff(before, after, 10);
        QCOMPARE(lines.granularity, Granularity::Lines);
        QCOMPARE(spelled(lines), u"-alpha beta gamma\nsecond line\n|+alpha beta delta\nsecond row\n"_s);
        const Result whole = wordDiff(before, after, 5);
        QCOMPARE(whole.granularity, Granularity::Whole);
        QCOMPARE(side(whole, Op::Removed), before);
        QCOMPARE(side(whole, Op::Added), after);
    }

    void longAnswersStillSpellBothSides()
    {
        // About 6,000 words a side, changed here and there: too big for words, fine for lines.
        QString before;
        QString after;
        for (int i = 0; i < 1000; ++i) {
            const QString line = u"line "_s + QString::number(i) + u" says the same five words\n"_s;
            before += line;
            after += i % 97 == 0 ? u"line "_s + QString::number(i) + u" says something else\n"_s : line;
        }
        const Result r = wordDiff(before, after);
        QCOMPARE(r.granularity, Granularity::Lines);
        QCOMPARE(side(r, Op::Removed), before);
        QCOMPARE(side(r, Op::Added), after);
        QVERIFY(r.pieces.size() > 10);
    }
};

QTEST_GUILESS_MAIN(TestWordDiff)
#include "test_word_diff.moc"
