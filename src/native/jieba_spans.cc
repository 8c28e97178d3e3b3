// nodejieba's segmenter (cppjieba's MixSegment: dictionary DAG plus HMM, the `cut(text, true)`
// and `tag(text)` of nodejieba) with two differences that matter to a corpus run:
//
// 1. One dictionary per process, not per thread. nodejieba's `load()` builds the trie in every
//    worker thread, twice (once more for a TextRank extractor the pipeline never calls), about
//    234 MB a thread. Here the first thread to ask builds it, once, and every worker thread
//    reads it: MixSegment's Cut and LookupTag are const and touch nothing but their arguments.
// 2. Offsets and tags, not strings. nodejieba returns one JS string (and for `tag`, one object)
//    per word, which the pipeline then had to find again in the text. Here a call returns the
//    words' [start, end) offsets in UTF-16 code units of the string passed in, and a tag index
//    per word into a short list of tag names.
//
// The tags are exactly nodejieba `tag`'s: the word's dictionary tag, or for a word the
// dictionary does not know, x / m / eng by cppjieba's own rule (PosTagger::LookupTag).

#include <node_api.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "cppjieba/MixSegment.hpp"

namespace {

std::mutex load_mutex;
// Keyed by "dict\nhmm\nuser": a process that asks for other dictionaries gets its own segmenter.
std::map<std::string, std::shared_ptr<const cppjieba::MixSegment>> segmenters;

struct Env {
  std::shared_ptr<const cppjieba::MixSegment> segmenter;
};

#define CHECK(call)                                                  \
  do {                                                               \
    if ((call) != napi_ok) {                                         \
      napi_throw_error(env, nullptr, "jieba_spans: " #call " failed"); \
      return nullptr;                                                \
    }                                                                \
  } while (0)

// A JS string as UTF-8, written straight into `out` (with room for the terminator N-API adds).
bool GetString(napi_env env, napi_value value, std::string& out) {
  size_t length = 0;
  if (napi_get_value_string_utf8(env, value, nullptr, 0, &length) != napi_ok) return false;
  out.resize(length + 1);
  if (napi_get_value_string_utf8(env, value, &out[0], length + 1, &length) != napi_ok) return false;
  out.resize(length);
  return true;
}

Env* GetEnv(napi_env env) {
  void* data = nullptr;
  napi_get_instance_data(env, &data);
  return static_cast<Env*>(data);
}

// Reads exactly `count` arguments into argv, or throws a TypeError giving the call's usage.
bool Arguments(napi_env env, napi_callback_info info, size_t count, napi_value* argv, const char* usage) {
  size_t argc = count;
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc != count) {
    napi_throw_type_error(env, nullptr, usage);
    return false;
  }
  return true;
}

// load(dictPath, hmmPath, userDictPath): true if this call built the dictionary, false if it
// was already built (by this thread or another).
napi_value Load(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  if (!Arguments(env, info, 3, argv, "load(dictPath, hmmPath, userDictPath)")) return nullptr;
  std::string dict, hmm, user;
  if (!GetString(env, argv[0], dict) || !GetString(env, argv[1], hmm) || !GetString(env, argv[2], user)) {
    napi_throw_type_error(env, nullptr, "load: the three paths must be strings");
    return nullptr;
  }
  bool built = false;
  std::shared_ptr<const cppjieba::MixSegment> segmenter;
  {
    std::lock_guard<std::mutex> lock(load_mutex);
    const std::string key = dict + "\n" + hmm + "\n" + user;
    auto found = segmenters.find(key);
    if (found == segmenters.end()) {
      segmenter = std::make_shared<const cppjieba::MixSegment>(dict, hmm, user);
      segmenters.emplace(key, segmenter);
      built = true;
    } else {
      segmenter = found->second;
    }
  }
  GetEnv(env)->segmenter = segmenter;
  napi_value result;
  CHECK(napi_get_boolean(env, built, &result));
  return result;
}

// The separators cppjieba's segments cut at before anything else (SegmentBase's default set).
const std::unordered_set<cppjieba::Rune>& Separators() {
  static const std::unordered_set<cppjieba::Rune> separators = [] {
    std::unordered_set<cppjieba::Rune> set;
    cppjieba::RuneStrArray runes;
    cppjieba::DecodeUTF8RunesInString(cppjieba::SPECIAL_SEPARATORS, runes);
    for (const cppjieba::RuneStr& r : runes) set.insert(r.rune);
    return set;
  }();
  return separators;
}

// PosTagger's tag for a word the dictionary does not know (or knows without a tag): x when it
// has no ASCII, m when its ASCII is all digits, else eng; the same loop as cppjieba's SpecialRule.
const std::string& SpecialTag(cppjieba::RuneStrArray::const_iterator left, cppjieba::RuneStrArray::const_iterator right) {
  const size_t size = right - left;
  size_t m = 0;
  size_t eng = 0;
  for (size_t i = 0; i < size && eng < size / 2; i++) {
    const cppjieba::Rune rune = left[i].rune;
    if (rune < 0x80) {
      eng++;
      if ('0' <= rune && rune <= '9') m++;
    }
  }
  static const std::string x = cppjieba::POS_X, digits = cppjieba::POS_M, english = cppjieba::POS_ENG;
  if (eng == 0) return x;
  if (m == eng) return digits;
  return english;
}

// spans(text) -> { spans: Uint32Array [start0, end0, start1, end1 …], tags: Uint8Array, names: string[] }
//
// MixSegment's Cut(text, words, true) and PosTagger's LookupTag, done over the decoded runes:
// the same words and tags, without a string per word or decoding each word again to tag it.
napi_value Spans(napi_env env, napi_callback_info info) {
  Env* state = GetEnv(env);
  if (!state->segmenter) {
    napi_throw_error(env, nullptr, "jieba_spans: call load() first");
    return nullptr;
  }
  napi_value argv[1];
  if (!Arguments(env, info, 1, argv, "spans(text)")) return nullptr;
  std::string text;
  if (!GetString(env, argv[0], text)) {
    napi_throw_type_error(env, nullptr, "spans(text): text must be a string");
    return nullptr;
  }

  const cppjieba::MixSegment& segmenter = *state->segmenter;
  cppjieba::PreFilter filter(Separators(), text);
  std::vector<cppjieba::WordRange> words;
  words.reserve(text.size() / 2);
  while (filter.HasNext()) {
    cppjieba::PreFilter::Range range = filter.Next();
    segmenter.Cut(range.begin, range.end, words, true);
  }

  const size_t n = words.size();
  napi_value spans_buffer, tags_buffer;
  void* spans_data = nullptr;
  void* tags_data = nullptr;
  CHECK(napi_create_arraybuffer(env, n * 2 * sizeof(uint32_t), &spans_data, &spans_buffer));
  CHECK(napi_create_arraybuffer(env, n, &tags_data, &tags_buffer));
  uint32_t* spans = static_cast<uint32_t*>(spans_data);
  uint8_t* tags = static_cast<uint8_t*>(tags_data);

  const cppjieba::DictTrie* dictionary = segmenter.GetDictTrie();
  std::unordered_map<std::string, uint8_t> index;
  std::vector<std::string> names;
  // UTF-16 offset of the rune `next` points at: words come in order, and a rune beyond the
  // Basic Multilingual Plane is two code units.
  uint32_t unit = 0;
  cppjieba::RuneStrArray::const_iterator next = n ? words[0].left : cppjieba::RuneStrArray::const_iterator();
  for (size_t i = 0; i < n; i++) {
    const cppjieba::WordRange& w = words[i];
    for (; next < w.left; ++next) unit += next->rune > 0xFFFF ? 2 : 1;
    spans[2 * i] = unit;
    for (; next <= w.right; ++next) unit += next->rune > 0xFFFF ? 2 : 1;
    spans[2 * i + 1] = unit;

    const cppjieba::DictUnit* known = dictionary->Find(w.left, w.right + 1);
    const std::string& tag = known && !known->tag.empty() ? known->tag : SpecialTag(w.left, w.right + 1);
    auto found = index.find(tag);
    if (found == index.end()) {
      if (names.size() == 255) {
        napi_throw_error(env, nullptr, "jieba_spans: more than 255 distinct tags in one text");
        return nullptr;
      }
      found = index.emplace(tag, static_cast<uint8_t>(names.size())).first;
      names.push_back(tag);
    }
    tags[i] = found->second;
  }

  napi_value result, spans_array, tags_array, names_array;
  CHECK(napi_create_typedarray(env, napi_uint32_array, n * 2, spans_buffer, 0, &spans_array));
  CHECK(napi_create_typedarray(env, napi_uint8_array, n, tags_buffer, 0, &tags_array));
  CHECK(napi_create_array_with_length(env, names.size(), &names_array));
  for (size_t i = 0; i < names.size(); i++) {
    napi_value name;
    CHECK(napi_create_string_utf8(env, names[i].data(), names[i].size(), &name));
    CHECK(napi_set_element(env, names_array, i, name));
  }
  CHECK(napi_create_object(env, &result));
  CHECK(napi_set_named_property(env, result, "spans", spans_array));
  CHECK(napi_set_named_property(env, result, "tags", tags_array));
  CHECK(napi_set_named_property(env, result, "names", names_array));
  return result;
}

// Writes n in decimal at `at`; returns the position after it.
char* PutDecimal(char* at, uint32_t n) {
  char digits[10];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n);
  while (count) *at++ = digits[--count];
  return at;
}

// tokensJson(bounds, tags, lineStart, lineEnd, tagEnds) -> Uint8Array: a token layer as the
// stage file writes it, `[` then for token i `lineStart` (its first byte, the comma, left out
// for the first token), start and end in decimal separated by a comma, a comma, and
// `tagEnds[tags[i]]` (the quoted tag and `]`), then `lineEnd`; the strings are written as UTF-8.
napi_value TokensJson(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  if (!Arguments(env, info, 5, argv, "tokensJson(bounds, tags, lineStart, lineEnd, tagEnds)")) return nullptr;
  napi_typedarray_type type;
  size_t bounds_length = 0, tags_length = 0;
  void* bounds_data = nullptr;
  void* tags_data = nullptr;
  CHECK(napi_get_typedarray_info(env, argv[0], &type, &bounds_length, &bounds_data, nullptr, nullptr));
  if (type != napi_uint32_array) {
    napi_throw_type_error(env, nullptr, "tokensJson: bounds must be a Uint32Array");
    return nullptr;
  }
  CHECK(napi_get_typedarray_info(env, argv[1], &type, &tags_length, &tags_data, nullptr, nullptr));
  if (type != napi_uint8_array || bounds_length != tags_length * 2) {
    napi_throw_type_error(env, nullptr, "tokensJson: tags must be a Uint8Array of half the bounds' length");
    return nullptr;
  }
  std::string line_start, line_end;
  if (!GetString(env, argv[2], line_start) || !GetString(env, argv[3], line_end) || line_start.empty()) {
    napi_throw_type_error(env, nullptr, "tokensJson: lineStart and lineEnd must be strings");
    return nullptr;
  }
  uint32_t tag_count = 0;
  CHECK(napi_get_array_length(env, argv[4], &tag_count));
  std::vector<std::string> tag_ends(tag_count);
  size_t longest_tag = 0;
  for (uint32_t i = 0; i < tag_count; i++) {
    napi_value element;
    CHECK(napi_get_element(env, argv[4], i, &element));
    if (!GetString(env, element, tag_ends[i])) {
      napi_throw_type_error(env, nullptr, "tokensJson: tagEnds must be strings");
      return nullptr;
    }
    longest_tag = std::max(longest_tag, tag_ends[i].size());
  }
  const uint32_t* bounds = static_cast<const uint32_t*>(bounds_data);
  const uint8_t* tags = static_cast<const uint8_t*>(tags_data);
  for (size_t i = 0; i < tags_length; i++) {
    if (tags[i] >= tag_count) {
      napi_throw_range_error(env, nullptr, "tokensJson: a tag number has no name");
      return nullptr;
    }
  }

  // Written straight into the array's memory, sized for the longest possible line.
  const size_t capacity = 1 + tags_length * (line_start.size() + 22 + longest_tag) + line_end.size();
  void* data = nullptr;
  napi_value buffer, array;
  CHECK(napi_create_arraybuffer(env, capacity, &data, &buffer));
  char* at = static_cast<char*>(data);
  *at++ = '[';
  for (size_t i = 0; i < tags_length; i++) {
    const size_t skip = i == 0 ? 1 : 0;
    memcpy(at, line_start.data() + skip, line_start.size() - skip);
    at += line_start.size() - skip;
    at = PutDecimal(at, bounds[2 * i]);
    *at++ = ',';
    at = PutDecimal(at, bounds[2 * i + 1]);
    *at++ = ',';
    const std::string& tag = tag_ends[tags[i]];
    memcpy(at, tag.data(), tag.size());
    at += tag.size();
  }
  memcpy(at, line_end.data(), line_end.size());
  at += line_end.size();
  CHECK(napi_create_typedarray(env, napi_uint8_array, at - static_cast<char*>(data), buffer, 0, &array));
  return array;
}

void FreeEnv(napi_env, void* data, void*) { delete static_cast<Env*>(data); }

}  // namespace

NAPI_MODULE_INIT() {
  napi_set_instance_data(env, new Env(), FreeEnv, nullptr);
  napi_property_descriptor properties[] = {
      {"load", nullptr, Load, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"spans", nullptr, Spans, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"tokensJson", nullptr, TokensJson, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  if (napi_define_properties(env, exports, 3, properties) != napi_ok) return nullptr;
  return exports;
}
