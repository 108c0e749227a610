#pragma once
#include <cstddef>
#include <string_view>

// Checks run on candidate matches only, after the pattern scan: each is cheap and linear in its
// argument, and takes the candidate text as it appeared (with its separators).
namespace ts::guard {

bool luhnValid(std::string_view digits); // digits only, at least two
std::size_t ibanLength(std::string_view countryCode); // 0 for a country without IBANs (or not listed)
bool ibanValid(std::string_view iban);   // spaces allowed; length per country and mod-97 == 1
// AAA-GG-SSSS (or with spaces, or 9 digits): area not 000, 666 or 9xx, group not 00, serial not
// 0000, and not a well-known fake (078-05-1120, 123-45-6789, one digit repeated...).
bool ssnValid(std::string_view ssn);
bool ipv4Valid(std::string_view address); // four decimal octets 0-255, no leading zeros
bool ipv6Valid(std::string_view address); // full, :: compressed, or ending in dotted IPv4
// "+44 20 7946 0958", "0044 20 7946 0958", "(415) 555-2671", "415.555.2671": international numbers
// need a known country code and 8-15 digits (NANP rules after +1); national ones must be NANP.
bool phonePlausible(std::string_view number);
double shannonEntropy(std::string_view text); // bits per byte, 0 for empty text
// Length of a date starting at text[0] ("12.03.1985", "1985-03-12", "March 12, 1985",
// "12. März 1985", "12 de marzo de 1985"), 0 when there is none.
std::size_t dateLength(std::string_view text);
// A token that reads as random (a key or password) rather than a word, identifier or hash; see
// validators.cpp for the rules.
bool looksRandom(std::string_view token);

} // namespace ts::guard
