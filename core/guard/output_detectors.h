#pragma once
// The detectors that judge a model's answer (category Output): system prompt leaks, structured
// output against its schema, banned words and topics, length.
#include "guard/leakage_detector.h"
#include "guard/length_detector.h"
#include "guard/schema_detector.h"
#include "guard/word_list_detector.h"
