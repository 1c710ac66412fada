#!/usr/bin/env python3
"""Checks the extraction gold set against tests/gold/FORMAT.md.

    python3 tests/gold/check_gold.py [--seeds DIR] [--stories] [GOLD_DIR]

GOLD_DIR defaults to the folder of this script. Documents are
<lang>/<name>.txt with <lang>/<name>.gold.tsv beside them; the seed
annotations are seeds/<stem>.gold.tsv, for the documents <stem>.txt in
--seeds (default: ../shared/seeds next to the repository, i.e.
GOLD_DIR/../../../shared/seeds); they are skipped with a warning when that
folder is missing.

What it checks, per annotation line:
  - the kind of line and its column count; no empty column, no stray
    spaces around a column;
  - the surface occurs at least <occurrence> times in the document.
    Occurrences are counted as the tool that reads the gold set finds
    them: case-sensitive substring matches over the whole file text, every
    start position counted (so `Nam` inside `Bui Van Nam` counts, and
    occurrences in captions and teasers count even though they are not
    annotated);
  - two annotations of the same family (mentions; temporal expressions)
    never cover the same or overlapping text;
  - mention kinds, role ids (`role/<slug>`; also listed in
    ingest-service/extract/data/roles.txt when that file exists), grains
    and resolutions are allowed values; a role's person is a person
    mentioned in the document;
  - topic ids are `topic/<slug>` and listed in
    ingest-service/extract/topics/data/topics.txt (when that file
    exists); no topic appears twice in one file;
  - event lines: the type is one of the `@event/<type>` slugs of
    ingest-service/extract/events/data/triggers.txt (a built-in list of
    the 11 types when that file is missing); the date is `-`, a value of
    the `date` line syntax, or two of them joined by `/` that do not end
    before they start; the participants are `-` or a `; `-separated list
    without empty or repeated names, each the entity of a mention line of
    the file; a place other than `-` that is no place mention's entity is
    a warning;
  - ISO 8601 values are well formed and real calendar values (2023-02-29
    is refused); the grain matches the value's shape; `XXXX` years go
    with `year_unknown` and only with it; a range does not end before it
    starts; durations and periods are ISO 8601 durations (P3Y, P6M, P2W,
    P90D, PT2H); the publication line is an ISO 8601 date or date-time and
    appears at most once;
  - `anchored` values need a publication line or a publication stamp line
    in the text (a line with a four-digit year and an hh:mm time), and
    their years are not after the publication year + 1 (a warning);
  - story lines: every document (seed annotations included) has exactly
    one, its story id is lowercase ASCII letters and digits in
    hyphen-separated groups (`hanoi-convention-signing-2025`), and it is
    the last annotation line of the file.

Exit status 0 when there is no error; the summary gives per language the
documents, mentions, role lines, temporal annotations and events, then the
number of stories and every story told by two or more documents with the
languages of its documents (a seed document's language is guessed from
its text); --stories also lists every story with its files.
Standard library only.
"""
import argparse
import calendar
import datetime
import os
import re
import sys
import unicodedata

LANGS = ("en", "fr", "de", "es", "ru", "vi")
MENTION_KINDS = {"person", "country", "place", "organization", "treaty"}
GRAINS = {"year", "month", "week", "day"}
RESOLUTIONS = {"explicit", "anchored", "year_unknown", "evidence"}
COLUMNS = {"publication": 2, "mention": 5, "role": 4, "date": 6,
           "range": 7, "duration": 4, "set": 4, "topic": 2, "event": 5,
           "story": 2}
TEMPORAL = {"date", "range", "duration", "set"}
EVENT_TYPES = {"meeting", "visit", "joint-statement", "signing", "adoption",
               "conference", "training", "consultation", "interview",
               "agreement", "other"}

VALUE_RE = re.compile(
    r"^(?P<y>\d{4}|XXXX)(?:-(?:W(?P<w>\d{2})|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?$")
DURATION_RE = re.compile(
    r"^P(?=\d|T)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?"
    r"(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$")
ROLE_RE = re.compile(r"^role/[a-z][a-z0-9-]*$")
TOPIC_RE = re.compile(r"^topic/[a-z][a-z0-9-]*$")
STORY_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STAMP_RE = re.compile(r"\b(19|20)\d{2}\b.*\b\d{1,2}[:h]\d{2}\b")


def parse_value(value):
    """Returns (grain, sort key, year or None) or raises ValueError."""
    m = VALUE_RE.match(value)
    if not m:
        raise ValueError("not an ISO 8601 value at year, month, week or day grain")
    year = None if m.group("y") == "XXXX" else int(m.group("y"))
    if m.group("w"):
        week = int(m.group("w"))
        if year is None:
            if not 1 <= week <= 53:
                raise ValueError("week out of range")
        else:
            last = datetime.date(year, 12, 28).isocalendar()[1]
            if not 1 <= week <= last:
                raise ValueError("week %d does not exist in %d" % (week, year))
        return "week", (year or 0, 0, week * 7), year
    if m.group("m"):
        month = int(m.group("m"))
        if not 1 <= month <= 12:
            raise ValueError("month out of range")
        if m.group("d"):
            day = int(m.group("d"))
            last = calendar.monthrange(year if year else 2000, month)[1]
            if not 1 <= day <= last:
                raise ValueError("day out of range")
            return "day", (year or 0, month, day), year
        return "month", (year or 0, month, 0), year
    return "year", (year or 0, 0, 0), year


def occurrences(text, surface):
    out, i = [], text.find(surface)
    while i != -1:
        out.append(i)
        i = text.find(surface, i + 1)
    return out


def load_roles(repo_root):
    path = os.path.join(repo_root, "ingest-service", "extract", "data", "roles.txt")
    if not os.path.exists(path):
        return None
    ids = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^@(role/\S+)", line)
            if m:
                ids.add(m.group(1))
    return ids


def load_topics(repo_root):
    path = os.path.join(repo_root, "ingest-service", "extract", "topics", "data",
                        "topics.txt")
    if not os.path.exists(path):
        return None
    ids = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("@"):
                words = line[1:].split()
                if words:
                    ids.add(words[0])
    return ids


def load_event_types(repo_root):
    path = os.path.join(repo_root, "ingest-service", "extract", "events", "data",
                        "triggers.txt")
    if not os.path.exists(path):
        return set(EVENT_TYPES)
    types = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^@event/([a-z][a-z0-9-]*)", line)
            if m:
                types.add(m.group(1))
    return types or set(EVENT_TYPES)


# Function words that tell the languages of the gold set apart; used only to
# label a seed document (which has no language folder) in the story summary.
FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "in", "with", "on", "was", "for", "that"},
    "fr": {"le", "la", "les", "des", "et", "du", "une", "est", "dans", "que"},
    "de": {"der", "die", "und", "das", "den", "mit", "ist", "im", "nicht", "sich"},
    "es": {"el", "los", "las", "y", "del", "que", "una", "con", "por", "se"},
    "ru": {"и", "в", "на", "с", "по", "что", "не", "о", "к", "из"},
    "vi": {"và", "của", "các", "đã", "với", "tại", "trong", "là", "được", "cho"},
}


def guess_language(text):
    words = re.findall(r"\w+", text.lower())
    scores = {lang: sum(1 for w in words if w in fw)
              for lang, fw in FUNCTION_WORDS.items()}
    return max(sorted(scores), key=lambda lang: scores[lang])


class Checker:
    def __init__(self, role_ids, topic_ids=None, event_types=None):
        self.role_ids = role_ids
        self.topic_ids = topic_ids
        self.event_types = event_types if event_types is not None else set(EVENT_TYPES)
        self.errors = 0
        self.warnings = 0
        self.stats = {}
        self.stories = {}  # story id -> [(language, document path)]

    def error(self, where, msg):
        self.errors += 1
        print("error: %s: %s" % (where, msg))

    def warn(self, where, msg):
        self.warnings += 1
        print("warning: %s: %s" % (where, msg))

    def check(self, lang, txt_path, tsv_path):
        st = self.stats.setdefault(lang, {"documents": 0, "mentions": 0,
                                          "roles": 0, "temporal": 0,
                                          "events": 0})
        st["documents"] += 1
        try:
            with open(txt_path, encoding="utf-8") as f:
                text = f.read()
        except UnicodeDecodeError as e:
            self.error(txt_path, "not UTF-8: %s" % e)
            return
        if unicodedata.normalize("NFC", text) != text:
            self.warn(txt_path, "text is not in Unicode NFC")
        with open(tsv_path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        publication = None
        has_stamp = any(STAMP_RE.search(l) and len(l) < 80 for l in text.split("\n"))
        spans = {"mention": [], "temporal": []}
        persons = set()
        entities = set()
        places = set()
        roles = []
        events = []
        topics = {}
        anchored = []
        story = None  # (where, story id) of the first story line
        for n, raw in enumerate(lines, 1):
            where = "%s:%d" % (tsv_path, n)
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            cols = raw.split("\t")
            kind = cols[0]
            if story is not None and kind != "story":
                self.error(where, "%s line after the story line (%s): the story "
                           "line is the last annotation line" % (kind, story[0]))
            if kind not in COLUMNS:
                self.error(where, "unknown line kind %r" % kind)
                continue
            if len(cols) != COLUMNS[kind]:
                self.error(where, "%s line has %d columns, wants %d"
                           % (kind, len(cols), COLUMNS[kind]))
                continue
            if any(c == "" for c in cols):
                self.error(where, "empty column")
                continue
            if any(c != c.strip() for c in cols[2:]) or cols[1] != cols[1].strip(" \t\r"):
                self.error(where, "spaces around a column")
            if kind == "publication":
                if publication is not None:
                    self.error(where, "more than one publication line")
                try:
                    publication = datetime.datetime.fromisoformat(
                        cols[1].replace("Z", "+00:00"))
                except ValueError:
                    try:
                        publication = datetime.datetime.combine(
                            datetime.date.fromisoformat(cols[1]), datetime.time())
                    except ValueError:
                        self.error(where, "publication %r is not ISO 8601" % cols[1])
                continue
            if kind == "role":
                roles.append((where, cols))
                st["roles"] += 1
                continue
            if kind == "event":
                events.append((where, cols))
                st["events"] += 1
                continue
            if kind == "story":
                if not STORY_RE.match(cols[1]):
                    self.error(where, "story id %r is not lowercase ASCII letters, "
                               "digits and single hyphens" % cols[1])
                if story is not None:
                    self.error(where, "more than one story line (first: %s)"
                               % story[0])
                else:
                    story = (where, cols[1])
                continue
            if kind == "topic":
                if not TOPIC_RE.match(cols[1]):
                    self.error(where, "topic id %r is not topic/<slug>" % cols[1])
                elif self.topic_ids is not None and cols[1] not in self.topic_ids:
                    self.error(where, "topic id %r not in topics.txt" % cols[1])
                if cols[1] in topics:
                    self.error(where, "topic %r already given (%s)"
                               % (cols[1], topics[cols[1]]))
                else:
                    topics[cols[1]] = where
                continue
            surface = cols[1]
            try:
                occ = int(cols[2])
                if occ < 1 or cols[2] != str(occ):
                    raise ValueError
            except ValueError:
                self.error(where, "occurrence %r is not a positive integer" % cols[2])
                continue
            found = occurrences(text, surface)
            if len(found) < occ:
                self.error(where, "%r occurs %d time(s), annotation says occurrence %d"
                           % (surface, len(found), occ))
                continue
            begin = found[occ - 1]
            family = "mention" if kind == "mention" else "temporal"
            spans[family].append((begin, begin + len(surface), where, surface))
            if kind == "mention":
                st["mentions"] += 1
                if cols[3] not in MENTION_KINDS:
                    self.error(where, "mention kind %r not in %s"
                               % (cols[3], sorted(MENTION_KINDS)))
                if cols[3] == "person":
                    persons.add(cols[4])
                if cols[3] == "place":
                    places.add(cols[4])
                entities.add(cols[4])
                continue
            st["temporal"] += 1
            if kind in ("duration", "set"):
                if not DURATION_RE.match(cols[3]):
                    self.error(where, "%r is not an ISO 8601 duration" % cols[3])
                continue
            values = cols[3:4] if kind == "date" else cols[3:5]
            grain, resolution = cols[-2], cols[-1]
            if grain not in GRAINS:
                self.error(where, "grain %r not in %s" % (grain, sorted(GRAINS)))
            if resolution not in RESOLUTIONS:
                self.error(where, "resolution %r not in %s"
                           % (resolution, sorted(RESOLUTIONS)))
            parsed = []
            for v in values:
                try:
                    parsed.append(parse_value(v))
                except ValueError as e:
                    self.error(where, "%r: %s" % (v, e))
            if len(parsed) != len(values):
                continue
            for g, _, year in parsed:
                if g != grain:
                    self.error(where, "value grain %s, column says %s" % (g, grain))
                if (year is None) != (resolution == "year_unknown"):
                    self.error(where, "an XXXX year goes with year_unknown, and only with it")
                if resolution == "anchored" and year is not None:
                    anchored.append((where, year))
            if kind == "range" and parsed[0][1] > parsed[1][1]:
                self.error(where, "range ends before it starts")
        for family, items in spans.items():
            items.sort()
            for a, b in zip(items, items[1:]):
                if b[0] < a[1]:
                    self.error(b[2], "%r overlaps %r (%s)" % (b[3], a[3], a[2]))
        for where, cols in roles:
            if not ROLE_RE.match(cols[2]):
                self.error(where, "role id %r is not role/<slug>" % cols[2])
            elif self.role_ids is not None and cols[2] not in self.role_ids:
                self.error(where, "role id %r not in roles.txt" % cols[2])
            if cols[1] not in persons:
                self.error(where, "role for %r, who is not a person mentioned" % cols[1])
        for where, cols in events:
            self.check_event(where, cols, entities, places)
        if story is None:
            self.error(tsv_path, "no story line")
        else:
            doc_lang = lang if lang in LANGS else guess_language(text)
            self.stories.setdefault(story[1], []).append((doc_lang, txt_path))
        if anchored and publication is None and not has_stamp:
            self.error(tsv_path, "anchored values without a publication line or stamp")
        if publication is not None:
            for where, year in anchored:
                if year > publication.year + 1:
                    self.warn(where, "anchored year %d long after publication %d"
                              % (year, publication.year))

    def check_event(self, where, cols, entities, places):
        etype, date, place, participants = cols[1:5]
        if etype not in self.event_types:
            self.error(where, "event type %r not in %s"
                       % (etype, sorted(self.event_types)))
        if date != "-":
            values = date.split("/")
            parsed = []
            if len(values) > 2:
                self.error(where, "event date %r has more than one '/'" % date)
                values = []
            for v in values:
                try:
                    parsed.append(parse_value(v))
                except ValueError as e:
                    self.error(where, "event date %r: %s" % (v, e))
            if len(parsed) == 2 and len(values) == 2 and parsed[0][1] > parsed[1][1]:
                self.error(where, "event date %r ends before it starts" % date)
        if place != "-" and place not in places:
            self.warn(where, "event place %r is not a place mentioned" % place)
        if participants != "-":
            seen = set()
            for name in participants.split("; "):
                if not name or name != name.strip() or ";" in name:
                    self.error(where, "participants %r are not a '; '-separated list"
                               % participants)
                    break
                if name in seen:
                    self.error(where, "participant %r given twice" % name)
                seen.add(name)
                if name not in entities:
                    self.error(where, "participant %r is not the entity of a mention"
                               % name)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="?", default=here)
    ap.add_argument("--seeds", default=None)
    ap.add_argument("--stories", action="store_true",
                    help="list every story with its files")
    args = ap.parse_args()
    gold = os.path.abspath(args.gold)
    repo_root = os.path.dirname(os.path.dirname(gold))
    seeds = args.seeds or os.path.join(repo_root, "..", "shared", "seeds")
    checker = Checker(load_roles(repo_root), load_topics(repo_root),
                      load_event_types(repo_root))
    for lang in LANGS:
        d = os.path.join(gold, lang)
        if not os.path.isdir(d):
            checker.warn(d, "no documents for %s" % lang)
            continue
        names = sorted(os.listdir(d))
        for name in names:
            path = os.path.join(d, name)
            if name.endswith(".gold.tsv"):
                if not os.path.exists(path[:-len(".gold.tsv")] + ".txt"):
                    checker.error(path, "annotations without a document")
            elif name.endswith(".txt"):
                tsv = path[:-len(".txt")] + ".gold.tsv"
                if not os.path.exists(tsv):
                    checker.error(path, "document without annotations")
                    continue
                checker.check(lang, path, tsv)
            else:
                checker.warn(path, "unexpected file")
    seed_gold = os.path.join(gold, "seeds")
    if os.path.isdir(seed_gold):
        if not os.path.isdir(seeds):
            checker.warn(seeds, "seed documents not found; seed annotations not checked")
        else:
            for name in sorted(os.listdir(seed_gold)):
                if not name.endswith(".gold.tsv"):
                    continue
                txt = os.path.join(seeds, name[:-len(".gold.tsv")] + ".txt")
                if not os.path.exists(txt):
                    checker.error(os.path.join(seed_gold, name), "no seed document %s" % txt)
                    continue
                checker.check("seeds", txt, os.path.join(seed_gold, name))
    print("%-6s %9s %9s %6s %9s %6s" % ("lang", "documents", "mentions", "roles",
                                        "temporal", "events"))
    total = {"documents": 0, "mentions": 0, "roles": 0, "temporal": 0, "events": 0}
    for lang, st in checker.stats.items():
        print("%-6s %9d %9d %6d %9d %6d" % (lang, st["documents"], st["mentions"],
                                             st["roles"], st["temporal"], st["events"]))
        for k in total:
            total[k] += st[k]
    print("%-6s %9d %9d %6d %9d %6d" % ("total", total["documents"], total["mentions"],
                                         total["roles"], total["temporal"],
                                         total["events"]))
    stories = checker.stories
    multi = sorted(s for s in stories if len(stories[s]) > 1)
    print("%d stories, %d of them told by two or more documents"
          % (len(stories), len(multi)))
    for story in (sorted(stories) if args.stories else multi):
        docs = stories[story]
        print("  %s: %s" % (story, " ".join(sorted(lang for lang, _ in docs))))
        if args.stories:
            for lang, path in sorted(docs, key=lambda d: d[1]):
                print("      %s" % os.path.relpath(path))
    print("%d error(s), %d warning(s)" % (checker.errors, checker.warnings))
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main())
