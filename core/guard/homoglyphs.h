#pragma once

namespace ts::guard {

// Cyrillic and Greek letters that look like Latin ones, so "іgnore" (Cyrillic і) reads as
// "ignore". Takes a lower-case letter; returns its Latin look-alike or 0 when it has none.
char latinLookalike(char32_t lower);

bool isCyrillicOrGreek(char32_t cp);

} // namespace ts::guard
