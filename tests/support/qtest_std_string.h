#pragma once
#include <QtTest/QTest>

#include <string>

// Lets QCOMPARE print std::string values when they differ.
namespace QTest {
template <>
inline char* toString<std::string>(const std::string& text)
{
    return toPrettyCString(text.data(), static_cast<qsizetype>(text.size()));
}
} // namespace QTest
