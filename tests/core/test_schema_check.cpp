// Structured output's JSON Schema subset: each keyword accepts what conforms and names, at a JSON
// pointer, what does not; a schema is checked as a schema; unparsable JSON says where it broke.
#include "qtest_std_string.h"
#include "structured/json_text.h"
#include "structured/schema_check.h"
#include "structured/schema_lint.h"

#include <QtTest/QTest>
#include <nlohmann/json.hpp>

using namespace ts::structured;
using nlohmann::json;

// Declared before the tables: moc loses its way in the raw JSON strings below.
class TestSchemaCheck : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void check_data();
    void check();
    void lint_data();
    void lint();
    void parseErrorsSayWhere();
};

namespace {

std::string violations(const char* value, const char* schema)
{
    std::string out;
    for (const Violation& v : checkValue(json::parse(value), json::parse(schema)))
        out += (out.empty() ? "" : "\n") + v.text();
    return out;
}

std::string problems(const char* schema)
{
    std::string out;
    for (const std::string& p : schemaProblems(json::parse(schema)))
        out += (out.empty() ? "" : "\n") + p;
    return out;
}

const char* kPriced = R"({"type":"object","properties":{"items":{"type":"array","items":{"type":"object",
    "properties":{"name":{"type":"string"},"price":{"type":"number"}},"required":["name","price"]}}}})";

const char* kDefs =
    R"({"type":"object","properties":{"a":{"$ref":"#/$defs/Pos"},"b":{"$ref":"#/definitions/Pos"}},
    "$defs":{"Pos":{"type":"integer","minimum":1}},"definitions":{"Pos":{"type":"integer","minimum":1}}})";

} // namespace

void TestSchemaCheck::check_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    auto row = [](const char* name, const char* schema, const char* value, const char* expected) {
        QTest::newRow(name) << QString::fromUtf8(schema) << QString::fromUtf8(value)
                            << QString::fromUtf8(expected);
    };
    row("type ok", R"({"type":"string"})", R"("x")", "");
    row("type mismatch at root", R"({"type":"object"})", "[1]", "(root): expected object, got array");
    row("nested pointer", kPriced,
        R"({"items":[{"name":"a","price":1},{"name":"b","price":2},{"name":"c","price":"3"}]})",
        "/items/2/price: expected number, got string");
    row("missing required", kPriced, R"({"items":[{"name":"a"}]})",
        "/items/0: missing required property \"price\"");
    row("type list with null", R"({"type":["string","null"]})", "null", "");
    row("type list mismatch", R"({"type":["string","integer","null"]})", "true",
        "(root): expected string, integer or null, got boolean");
    row("integer refuses a fraction", R"({"type":"integer"})", "2.5", "(root): expected integer, got number");
    row("integer takes 2.0", R"({"type":"integer"})", "2.0", "");
    row("number takes an integer", R"({"type":"number"})", "2", "");
    row("additional property", R"({"type":"object","properties":{"a":{}},"additionalProperties":false})",
        R"({"a":1,"b/c":2})", "/b~1c: property not allowed (additionalProperties is false)");
    row("additional schema", R"({"type":"object","additionalProperties":{"type":"string"}})", R"({"k":1})",
        "/k: expected string, got integer");
    row("enum", R"({"enum":["c","f"]})", R"("k")", "(root): expected one of \"c\", \"f\", got \"k\"");
    row("const", R"({"const":3})", "4", "(root): expected 3, got 4");
    row("anyOf passes", R"({"anyOf":[{"type":"string"},{"type":"integer"}]})", "5", "");
    row("anyOf fails", R"({"anyOf":[{"type":"string"},{"type":"integer","minimum":9}]})", "5",
        "(root): matches none of the 2 anyOf alternatives (closest: (root): expected string, got integer)");
    row("oneOf two match", R"({"oneOf":[{"type":"number"},{"type":"integer"}]})", "5",
        "(root): matches 2 of the oneOf alternatives, not exactly one");
    row("allOf", R"({"allOf":[{"type":"integer"},{"maximum":3}]})", "5", "(root): expected at most 3, got 5");
    row("ref $defs and definitions", kDefs, R"({"a":0,"b":"x"})",
        "/a: expected at least 1, got 0\n/b: expected integer, got string");
    row("ref unresolved", R"({"$ref":"#/$defs/Nope"})", "1",
        "(root): the schema's $ref \"#/$defs/Nope\" points nowhere");
    row("ref loop stops", R"({"$ref":"#"})", "1", "(root): the schema nests too deeply (a $ref loop?)");
    row("minimum", R"({"minimum":0,"maximum":10})", "-1", "(root): expected at least 0, got -1");
    row("exclusive", R"({"exclusiveMinimum":0})", "0", "(root): expected more than 0, got 0");
    row("length counts characters", R"({"minLength":5,"maxLength":5})", R"("héllo")", "");
    row("too short", R"({"minLength":3})", R"("ab")", "(root): expected at least 3 characters, got 2");
    row("items count", R"({"maxItems":1,"items":{"type":"integer"}})", R"([1,"x"])",
        "(root): expected at most 1 items, got 2\n/1: expected integer, got string");
    row("pattern matches unanchored", R"({"pattern":"[0-9]{3}"})", R"("ab123")", "");
    row("pattern fails", R"({"pattern":"^[a-z]+$"})", R"("ab1")",
        "(root): does not match the pattern \"^[a-z]+$\"");
    row("false schema", R"({"properties":{"x":false}})", R"({"x":1})", "/x: no value is allowed here");
    row("unknown keywords ignored", R"({"format":"email","description":"d"})", R"("x")", "");
}

void TestSchemaCheck::check()
{
    QFETCH(QString, schema);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(violations(value.toUtf8().constData(), schema.toUtf8().constData()), expected.toStdString());
}

void TestSchemaCheck::lint_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("expected");
    auto row = [](const char* name, const char* schema, const char* expected) {
        QTest::newRow(name) << QString::fromUtf8(schema) << QString::fromUtf8(expected);
    };
    row("fine", kPriced, "");
    row("fine with refs", kDefs, "");
    row("not an object", "[]", "the schema must be a JSON object, not array");
    row("unknown type", R"({"properties":{"age":{"type":"integr"}}})",
        "/properties/age/type: \"integr\" is not a type (use object, array, string, number, integer, boolean "
        "or null)");
    row("type list item", R"({"type":["string",3]})",
        "/type/1: 3 is not a type (use object, array, string, number, integer, boolean or null)");
    row("properties not an object", R"({"properties":[1]})",
        "/properties: must be an object of named schemas");
    row("property not a schema", R"({"properties":{"a":"string"}})",
        "/properties/a: a schema must be a JSON object (or true/false), not string");
    row("required", R"({"required":"a"})", "/required: must be a list of property names");
    row("bad ref", R"({"items":{"$ref":"#/$defs/X"}})",
        "/items/$ref: \"#/$defs/X\" points nowhere in this schema (use \"#/$defs/Name\")");
    row("bad bound", R"({"minLength":-1,"maximum":"3"})",
        "/maximum: must be a number\n/minLength: must be a whole number, 0 or more");
    row("bad pattern", R"({"pattern":"(a"})", "");
    row("empty anyOf", R"({"anyOf":[]})", "/anyOf: must be a non-empty list of schemas");
}

void TestSchemaCheck::lint()
{
    QFETCH(QString, schema);
    QFETCH(QString, expected);
    const std::string got = problems(schema.toUtf8().constData());
    if (QString::fromUtf8(QTest::currentDataTag()) == QStringLiteral("bad pattern")) {
        QVERIFY2(got.rfind("/pattern: does not compile: ", 0) == 0, got.c_str());
        return;
    }
    QCOMPARE(got, expected.toStdString());
}

void TestSchemaCheck::parseErrorsSayWhere()
{
    const JsonParse bad = parseJson("{\n  \"a\": 1,\n  \"b\": tru\n}");
    QVERIFY(!bad.ok());
    QCOMPARE(bad.line, 3);
    QVERIFY2(bad.column >= 8 && bad.column <= 11, std::to_string(bad.column).c_str());
    QVERIFY2(bad.error.rfind("line 3, column ", 0) == 0, bad.error.c_str());
    QVERIFY2(bad.error.find("json.exception") == std::string::npos, bad.error.c_str());
    const JsonParse good = parseJson(R"({"a": [1, 2]})");
    QVERIFY(good.ok());
    QCOMPARE(good.value->at("a").size(), size_t{2});
    QCOMPARE(parseJson("").line, 1);
}

QTEST_GUILESS_MAIN(TestSchemaCheck)
#include "test_schema_check.moc"
