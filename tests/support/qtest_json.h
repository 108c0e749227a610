#pragma once
#include <QtTest/QTest>
#include <nlohmann/json.hpp>
#include <string>

// QCOMPARE for nlohmann::json, which QCOMPARE itself cannot take (json's implicit conversions
// send QTest's overloads after incomplete types). Prints both values, compact, when they differ.
#define QCOMPARE_JSON(actual, expected)                                                                      \
    do {                                                                                                     \
        const nlohmann::json actual_ = (actual), expected_ = (expected);                                     \
        QVERIFY2(actual_ == expected_, (actual_.dump() + " != " + expected_.dump()).c_str());                \
    } while (false)
