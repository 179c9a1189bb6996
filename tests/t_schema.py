#!/usr/bin/env python3
"""t_schema: checks slides/deck.schema.json against the decks in the repo.

- The schema itself is a valid JSON Schema draft 2020-12 document.
- Every good deck is accepted: slides/*.json (but the schema), every
  tests/data/good/*.json, and the ```json examples in README.md.
- Every bad fixture tests/data/bad/*.json that is strict JSON is rejected,
  unless CANNOT_EXPRESS names it: those are wrong for reasons a schema cannot
  see (files on disk, bytes, uniqueness). Strict JSON here means UTF-8 (a
  byte-order mark allowed), no duplicate keys, no NaN/Infinity, no raw
  control characters and no lone surrogates; other bad fixtures are for the
  loader's parser, not the schema, and are skipped.

Uses Debian's python3-jsonschema. The last line printed is
    t_schema: N passed, N failed
and the exit status is 1 when anything failed.
"""

import fnmatch
import glob
import json
import os
import re
import sys

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = os.path.join(ROOT, "slides", "deck.schema.json")

# Bad fixtures the schema accepts on purpose, as fnmatch patterns on the file
# name, each with the reason JSON Schema cannot reject it. Keep each pattern
# as narrow as the fixture names allow: a pattern excuses any fixture it
# matches that the schema accepts.
CANNOT_EXPRESS = {
    "*dup*id*": "slide ids must be unique: a schema cannot compare one "
                "property across array items",
    "*missing*image*": "the image file must exist on disk",
    "time-zone-unknown*": "the zone must be in the system's tz database",
    "fallback-unknown-id*": "the fallback must be a slide's id: a schema "
                            "cannot compare values across the deck",
    "lang-unknown-tag*": "a translation's tag must be one of the deck's "
                         "\"languages\": a schema cannot compare values "
                         "across the deck",
    "lang-no-languages*": "translations need the deck's \"languages\": a "
                          "schema cannot make one key depend on a value "
                          "anywhere in the deck",
    "lang-no-default*": "a translation object needs the default (first) "
                        "language: a schema cannot compare values across "
                        "the deck",
    "until-no-such-day*": "a date must name a real day (30 February does "
                          "not exist)",
    "*image*missing*": "the image file must exist on disk",
    "*logo*missing*": "a logo's file must exist on disk",
    "*no*such*image*": "the image file must exist on disk",
    "*symlink*": "a symbolic link out of the deck's folder shows only on disk",
    "*not*image*": "whether a file is really a PNG or JPEG shows only on disk",
    "*not*png*": "whether a file is really a PNG or JPEG shows only on disk",
    "*image*dir*": "whether the image path is a directory shows only on disk",
    "*bytes*": "strings are limited in bytes of UTF-8; maxLength counts "
               "characters",
    "*too*big*": "the 8 MiB file-size limit is on bytes of the file",
    "*8mib*": "the 8 MiB file-size limit is on bytes of the file",
    "*huge*file*": "the 8 MiB file-size limit is on bytes of the file",
    "*float*int*": "draft 2020-12 counts 400.0 as an integer; the loader "
                   "may not",
    "long-string-escapes.json": "strings are limited in bytes of UTF-8 "
                                "after escapes are decoded; maxLength "
                                "counts characters",
    "number-too-long.json": "a schema sees a number's value, not how many "
                            "digits spell it",
}

passed = 0
failed = 0


def ok(what):
    global passed
    passed += 1
    print("ok   " + what)


def fail(what, why):
    global failed
    failed += 1
    print("FAIL " + what + ": " + why)


class NotStrict(ValueError):
    """The file is not strict JSON; the loader's parser deals with it."""


def no_duplicates(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise NotStrict("duplicate key %r" % key)
        obj[key] = value
    return obj


def no_constant(name):
    raise NotStrict("%s is not JSON" % name)


def check_strings(doc):
    """Raises NotStrict when a string holds a lone surrogate (not UTF-8)."""
    stack = [doc]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
        elif isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                raise NotStrict("lone surrogate in a string")


def parse_strict(raw):
    """Returns the document in raw (bytes); raises ValueError when raw is not
    strict JSON, RecursionError when it nests too deeply for Python."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = raw.decode("utf-8")
    doc = json.loads(text, object_pairs_hook=no_duplicates,
                     parse_constant=no_constant)
    check_strings(doc)
    return doc


def load_strict(path):
    with open(path, "rb") as f:
        return parse_strict(f.read())


def rel(path):
    return os.path.relpath(path, ROOT)


def describe(errors):
    """One line per schema error, at most five."""
    lines = []
    for e in errors[:5]:
        where = "/".join(str(p) for p in e.absolute_path) or "(top)"
        lines.append("%s: %s" % (where, e.message[:200]))
    if len(errors) > 5:
        lines.append("... and %d more" % (len(errors) - 5))
    return "; ".join(lines)


def excuse(name):
    for pattern, reason in CANNOT_EXPRESS.items():
        if fnmatch.fnmatch(name.lower(), pattern):
            return reason
    return None


def good_decks():
    decks = []
    for path in sorted(glob.glob(os.path.join(ROOT, "slides", "*.json"))):
        if not path.endswith(".schema.json"):
            decks.append(path)
    decks += sorted(glob.glob(os.path.join(ROOT, "slides", "examples",
                                           "*.json")))
    decks += sorted(glob.glob(os.path.join(ROOT, "tests", "data", "good",
                                           "*.json")))
    return decks


def readme_examples():
    """The ```json blocks of README.md that are whole decks, as (name, raw)."""
    path = os.path.join(ROOT, "README.md")
    try:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8")
    except (OSError, ValueError):
        return []
    blocks = re.findall(r"```json\n(.*?)```", text, re.S)
    return [("README.md json example %d" % (i + 1), b.encode("utf-8"))
            for i, b in enumerate(blocks) if '"slides"' in b]


def check_good(validator, name, raw):
    try:
        doc = parse_strict(raw)
    except (ValueError, RecursionError) as e:
        fail("good " + name, "not strict JSON: %s" % e)
        return
    errors = sorted(validator.iter_errors(doc), key=lambda e: e.path)
    if errors:
        fail("good " + name, "rejected by the schema: " + describe(errors))
    else:
        ok("good " + name)


def check_bad(validator, path):
    name = rel(path)
    try:
        doc = load_strict(path)
    except (OSError, ValueError) as e:
        print("skip bad %s: not strict JSON (%s)" % (name, e))
        return
    except RecursionError:
        print("skip bad %s: nests too deeply for Python's parser" % name)
        return
    accepted = validator.is_valid(doc)
    reason = excuse(os.path.basename(path))
    if not accepted:
        ok("bad  " + name)
        if reason:
            print("     (listed in CANNOT_EXPRESS, yet rejected: %s)" % name)
    elif reason:
        print("excused bad %s: %s" % (name, reason))
    else:
        fail("bad  " + name, "accepted by the schema; make the schema "
             "reject it, or add it to CANNOT_EXPRESS with the reason")


def main():
    try:
        with open(SCHEMA, "rb") as f:
            schema = parse_strict(f.read())
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, SchemaError) as e:
        fail("schema " + rel(SCHEMA), str(e).splitlines()[0])
        print("t_schema: %d passed, %d failed" % (passed, failed))
        return 1
    ok("schema " + rel(SCHEMA))
    validator = Draft202012Validator(schema)

    for path in good_decks():
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError as e:
            fail("good " + rel(path), "cannot read: %s" % e)
            continue
        check_good(validator, rel(path), raw)
    for name, raw in readme_examples():
        check_good(validator, name, raw)
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "data", "bad",
                                              "*.json"))):
        check_bad(validator, path)

    check_announcements()
    print("t_schema: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def check_announcements():
    """slides/announcement.schema.json against tests/data/announce: every
    good-*.json accepted, every bad-*.json that is strict JSON rejected."""
    path = os.path.join(ROOT, "slides", "announcement.schema.json")
    try:
        with open(path, "rb") as f:
            schema = parse_strict(f.read())
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, SchemaError) as e:
        fail("schema " + rel(path), str(e).splitlines()[0])
        return
    ok("schema " + rel(path))
    validator = Draft202012Validator(schema)
    folder = os.path.join(ROOT, "tests", "data", "announce")
    for f in sorted(glob.glob(os.path.join(folder, "good-*.json"))):
        with open(f, "rb") as fh:
            check_good(validator, rel(f), fh.read())
    for f in sorted(glob.glob(os.path.join(folder, "bad-*.json"))):
        check_bad(validator, f)


if __name__ == "__main__":
    sys.exit(main())
