// Prompt templates: finding {{variables}}, escapes, warnings with their offsets, rendering.
#include "prompts/prompt_template.h"

#include <QTest>

using namespace ts::prompts;

namespace {

QStringList qt(const std::vector<std::string>& names)
{
    QStringList out;
    for (const std::string& n : names)
        out << QString::fromStdString(n);
    return out;
}

QString spelled(const ParsedTemplate& t)
{
    QString out;
    for (const TemplatePiece& p : t.pieces)
        out += p.kind == TemplatePiece::Kind::Variable ? QStringLiteral("[%1]").arg(QString::fromStdString(p.text))
                                                       : QString::fromStdString(p.text);
    return out;
}

QList<int> warningOffsets(const ParsedTemplate& t)
{
    QList<int> out;
    for (const TemplateWarning& w : t.warnings)
        out << int(w.offset);
    return out;
}

} // namespace

class TestPromptTemplate : public QObject
{
    Q_OBJECT

  private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("variables");
        QTest::addColumn<QString>("pieces"); // text with [name] for each variable
        QTest::addColumn<QList<int>>("warnings");
        const QList<int> none;
        QTest::newRow("plain text") << "Hello there" << QStringList{} << "Hello there" << none;
        QTest::newRow("empty") << "" << QStringList{} << "" << none;
        QTest::newRow("one") << "Hi {{name}}!" << QStringList{"name"} << "Hi [name]!" << none;
        QTest::newRow("spaces inside") << "{{ name }} and {{\tcity\t}}" << QStringList{"name", "city"}
                                       << "[name] and [city]" << none;
        QTest::newRow("first appearance order, no repeats")
            << "{{b}} {{a}} {{b}} {{c}} {{a}}" << QStringList{"b", "a", "c"} << "[b] [a] [b] [c] [a]" << none;
        QTest::newRow("dots dashes digits") << "{{user.first-name_2}}" << QStringList{"user.first-name_2"}
                                            << "[user.first-name_2]" << none;
        QTest::newRow("underscore start") << "{{_x}}" << QStringList{"_x"} << "[_x]" << none;
        QTest::newRow("case matters") << "{{Name}} {{name}}" << QStringList{"Name", "name"} << "[Name] [name]"
                                      << none;
        QTest::newRow("adjacent") << "{{a}}{{b}}" << QStringList{"a", "b"} << "[a][b]" << none;
        QTest::newRow("escaped") << "\\{{name}} is literal" << QStringList{} << "{{name}} is literal" << none;
        QTest::newRow("escape then variable") << "\\{{x}} {{y}}" << QStringList{"y"} << "{{x}} [y]" << none;
        QTest::newRow("lone backslash stays") << "a\\b {{x}}" << QStringList{"x"} << "a\\b [x]" << none;
        QTest::newRow("triple braces") << "{{{x}}}" << QStringList{"x"} << "{[x]}" << none;
        QTest::newRow("single braces are text") << "{x} {\"a\": 1}" << QStringList{} << "{x} {\"a\": 1}" << none;
        QTest::newRow("closing braces alone") << "a }} b" << QStringList{} << "a }} b" << none;
        QTest::newRow("unterminated") << "Hi {{name" << QStringList{} << "Hi {{name" << QList<int>{3};
        QTest::newRow("unterminated before a variable")
            << "{{a {{b}}" << QStringList{"b"} << "{{a [b]" << QList<int>{0};
        QTest::newRow("empty braces") << "x {{}} y" << QStringList{} << "x {{}} y" << QList<int>{2};
        QTest::newRow("blank braces") << "{{  }}" << QStringList{} << "{{  }}" << QList<int>{0};
        QTest::newRow("space in name") << "{{first name}}" << QStringList{} << "{{first name}}" << QList<int>{0};
        QTest::newRow("digit first") << "{{9lives}}" << QStringList{} << "{{9lives}}" << QList<int>{0};
        QTest::newRow("newline inside") << "{{a\n}}" << QStringList{} << "{{a\n}}" << QList<int>{0};
        QTest::newRow("unicode name rejected")
            << QString::fromUtf8("é {{prénom}} {{ok}}") << QStringList{"ok"}
            << QString::fromUtf8("é {{prénom}} [ok]") << QList<int>{3}; // "é" is two bytes
        QTest::newRow("unicode text around") << QString::fromUtf8("日本 {{x}} ✓") << QStringList{"x"}
                                             << QString::fromUtf8("日本 [x] ✓") << none;
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, variables);
        QFETCH(QString, pieces);
        QFETCH(QList<int>, warnings);
        const ParsedTemplate t = parseTemplate(text.toStdString());
        QCOMPARE(qt(t.variables), variables);
        QCOMPARE(spelled(t), pieces);
        QCOMPARE(warningOffsets(t), warnings);
    }

    void piecesCoverTheTemplateWithByteOffsets()
    {
        const std::string text = "Ünïcode {{ who }}, \\{{x}} {{y}}";
        const ParsedTemplate t = parseTemplate(text);
        std::size_t at = 0;
        for (const TemplatePiece& p : t.pieces) {
            QCOMPARE(p.begin, at);
            QVERIFY(p.end > p.begin);
            at = p.end;
        }
        QCOMPARE(at, text.size());
        QCOMPARE(t.pieces.size(), std::size_t{4});
        QCOMPARE(text.substr(t.pieces[1].begin, t.pieces[1].end - t.pieces[1].begin), std::string("{{ who }}"));
        QCOMPARE(t.pieces[1].begin, std::size_t{10}); // "Ü", "ï" two bytes each
        QCOMPARE(text.substr(t.pieces[3].begin), std::string("{{y}}"));
    }

    void warningsSayWhatIsWrong()
    {
        const ParsedTemplate t = parseTemplate("{{first name}} and {{open");
        QCOMPARE(t.warnings.size(), std::size_t{2});
        QVERIFY(t.warnings[0].message.find("\"{{first name}}\" is not a variable") != std::string::npos);
        QCOMPARE(t.warnings[1].offset, std::size_t{19});
        QVERIFY(t.warnings[1].message.find("never closed") != std::string::npos);
    }

    void longBadNamesAreShortenedWithoutBreakingUtf8()
    {
        const std::string inside = std::string(39, 'a') + "é" + std::string(30, 'b');
        const ParsedTemplate t = parseTemplate("{{" + inside + " x}}");
        QCOMPARE(t.warnings.size(), std::size_t{1});
        const QString message = QString::fromStdString(t.warnings[0].message);
        QVERIFY(!message.contains(QChar::ReplacementCharacter));
        QVERIFY(message.contains(QStringLiteral("…")));
        QVERIFY(!message.contains(QStringLiteral("bbb")));
    }

    void isVariableName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("letters") << "city" << true;
        QTest::newRow("underscore") << "_" << true;
        QTest::newRow("dotted") << "a.b.c" << true;
        QTest::newRow("dash end") << "a-" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("dot first") << ".a" << false;
        QTest::newRow("dash first") << "-a" << false;
        QTest::newRow("digit first") << "1a" << false;
        QTest::newRow("space") << "a b" << false;
        QTest::newRow("brace") << "a}" << false;
        QTest::newRow("accented") << QString::fromUtf8("café") << false;
        QTest::newRow("cyrillic") << QString::fromUtf8("имя") << false;
    }

    void isVariableName()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(ts::prompts::isVariableName(name.toStdString()), valid);
    }

    void renderFillsEveryOccurrence()
    {
        const RenderedTemplate r = render("{{a}} + {{ a }} = {{b}}", {{"a", "1"}, {"b", "2"}});
        QCOMPARE(r.text, std::string("1 + 1 = 2"));
        QVERIFY(r.complete());
        QCOMPARE(r.variables.size(), std::size_t{3});
        QCOMPARE(r.variables[2].begin, std::size_t{8});
        QCOMPARE(r.variables[2].end, std::size_t{9});
        QVERIFY(r.variables[2].filled);
    }

    void renderLeavesMissingVisibleAndNamesThem()
    {
        const RenderedTemplate r = render("Dear {{ who }}, {{what}} {{who}}.", {{"what", "thanks"}});
        QCOMPARE(r.text, std::string("Dear {{who}}, thanks {{who}}."));
        QVERIFY(!r.complete());
        QCOMPARE(qt(r.missing), QStringList{"who"});
        QCOMPARE(r.variables[0].begin, std::size_t{5});
        QCOMPARE(r.variables[0].end, std::size_t{12});
        QVERIFY(!r.variables[0].filled);
        QVERIFY(r.variables[1].filled);
    }

    void renderKeepsEscapesAndWarnedTextLiteral()
    {
        const RenderedTemplate r = render("\\{{a}} {{a}} {{b c}} {{open", {{"a", "A"}, {"b c", "no"}});
        QCOMPARE(r.text, std::string("{{a}} A {{b c}} {{open"));
        QVERIFY(r.complete());
    }

    void renderedValuesAreNotParsedAgain()
    {
        const RenderedTemplate r = render("{{a}}", {{"a", "{{b}}"}, {"b", "no"}});
        QCOMPARE(r.text, std::string("{{b}}"));
    }

    void emptyValueCountsAsGiven()
    {
        const RenderedTemplate r = render("[{{a}}]", {{"a", ""}});
        QCOMPARE(r.text, std::string("[]"));
        QVERIFY(r.complete());
    }

    void unicodeValuesShiftLaterOffsetsByTheirBytes()
    {
        const RenderedTemplate r = render("{{a}}|{{b}}", {{"a", "日本"}, {"b", "x"}});
        QCOMPARE(r.variables[0].end, std::size_t{6});
        QCOMPARE(r.variables[1].begin, std::size_t{7});
    }
};

QTEST_GUILESS_MAIN(TestPromptTemplate)
#include "test_prompt_template.moc"
