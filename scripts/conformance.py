#!/usr/bin/env python3
"""Runs `feedwatch parse` over Python feedparser's test suite and scores it.

Each test file carries a Python expression (`Expect:`) over feedparser's
result. feedwatch's JSON is mapped to feedparser's keys as far as the
contract's schema goes; an expectation that needs a key the schema has no
place for is counted as "not expressible", not as a failure.

    pip download feedparser==6.0.11 --no-binary :all: --no-deps -d /tmp/fp && tar xzf /tmp/fp/*.tar.gz -C /tmp/fp
    python3 scripts/conformance.py --suite /tmp/fp/feedparser-6.0.11/tests [--show-failures 20]
"""
import argparse, calendar, functools, http.server, json, os, re, subprocess, sys, threading, time

DESC = re.compile(rb"Description:\s*(.*?)\s*Expect:\s*(.*?)\s*-->", re.S)
HEADERS = re.compile(rb"^Header:\s+([^:]+):(.+)$", re.M)
PORT = 8097  # the suite's own tests name this port


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a test file with the headers its comment asks for, as feedparser's runner does."""

    def send_head(self):
        path = self.translate_path(self.path)
        if not os.path.isfile(path):
            self.send_error(404)
            return None
        blob = open(path, "rb").read()
        headers = {k.decode().strip(): v.decode().strip() for k, v in HEADERS.findall(blob)}
        self.send_response(int(headers.pop("Status", 200)))
        self.send_header("Content-type", headers.pop("Content-type", headers.pop("Content-Type", "application/xml")))
        self.send_header("Content-Length", str(len(blob)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        return open(path, "rb")

    def log_message(self, *args):
        pass


class Missing(Exception):
    pass


class PlainTitle(str):
    """A title compares equal to an expected value with its markup removed (the
    contract makes titles plain text, where feedparser keeps sanitised HTML)."""

    def __eq__(self, other):
        if isinstance(other, str) and ("<" in other or "&" in other):
            import html
            other = html.unescape(re.sub(r"<[^>]*>", "", other))
        return str.__eq__(self, other)

    __hash__ = str.__hash__


# Per kind of object, feedparser's keys that the schema fills when the document has the
# value: one left empty is a failure; any other key is "not expressible".
SCHEMA_KEYS = {
    "top": {"feed", "entries", "bozo", "version", "channel", "items"},
    "feed": {"title", "link", "id", "subtitle", "description", "tagline", "summary", "language", "image", "updated_parsed",
             "published_parsed", "modified_parsed", "issued_parsed", "date_parsed", "authors", "author", "author_detail",
             "tags", "category", "categories", "guid"},
    "entry": {"title", "link", "id", "guid", "summary", "description", "content", "updated_parsed", "published_parsed",
              "modified_parsed", "issued_parsed", "date_parsed", "authors", "author", "author_detail", "tags", "category",
              "categories", "enclosures"},
    "content": {"value"},
    "enclosure": {"href", "url", "type", "length"},
    "person": {"name", "email", "href", "url"},
    "image": {"href", "url"},
    "tag": {"term"},
}


class FPDict(dict):
    """feedparser's dict: aliases, and attribute access."""
    kind = ""

    @classmethod
    def of(cls, kind, **values):
        d = cls(**values)
        d.kind = kind
        return d
    ALIASES = {"description": ["summary", "subtitle"], "guid": ["id"], "modified": ["updated"], "issued": ["published"],
               "url": ["href"], "tagline": ["subtitle"], "date": ["updated", "published"], "date_parsed": ["updated_parsed", "published_parsed"],
               "modified_parsed": ["updated_parsed"], "issued_parsed": ["published_parsed"], "summary": ["subtitle"],
               "subtitle": ["summary"], "channel": ["feed"], "items": ["entries"]}

    def __getitem__(self, key):
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        if key == "category" and "tags" in self and self["tags"]:
            return self["tags"][0]["term"]
        if key == "categories" and "tags" in self:
            return [(None, t["term"]) for t in self["tags"]]
        for alias in self.ALIASES.get(key, []):
            if dict.__contains__(self, alias):
                return dict.__getitem__(self, alias)
        # A key the schema has a place for, left empty, is a failure, not "not expressible".
        if key in SCHEMA_KEYS.get(self.kind, ()):
            raise KeyError(key)
        raise Missing(key)

    def __contains__(self, key):
        try:
            self[key]
            return True
        except (Missing, KeyError):
            return False

    def has_key(self, key):
        return key in self

    def get(self, key, default=None):
        try:
            return self[key]
        except (Missing, KeyError):
            return default

    def __getattr__(self, key):
        return self[key]


def parsed_time(value):
    if value is None:
        return None
    return time.gmtime(calendar.timegm(time.strptime(value, "%Y-%m-%dT%H:%M:%SZ")))


def person(p):
    d = FPDict.of("person")
    if p.get("name") is not None: d["name"] = p["name"]
    if p.get("email") is not None: d["email"] = p["email"]
    if p.get("uri") is not None: d["href"] = p["uri"]
    return d


def common(src, d):
    for key in ("title", "link", "id"):
        if src.get(key) is not None:
            d[key] = PlainTitle(src[key]) if key == "title" else src[key]
    # feedparser keeps the date as written; the schema normalises it, so only *_parsed compares.
    for key in ("updated", "published"):
        if src.get(key) is not None:
            d[key + "_parsed"] = parsed_time(src[key])
    authors = [person(a) for a in src.get("authors", [])]
    if authors:
        d["authors"] = authors
        d["author_detail"] = authors[0]
        first = authors[0]
        if "name" in first and "email" in first:
            d["author"] = f"{first['name']} ({first['email']})"
        elif "name" in first:
            d["author"] = first["name"]
        elif "email" in first:
            d["author"] = first["email"]
    if src.get("categories"):
        d["tags"] = [FPDict.of("tag", term=t) for t in src["categories"]]


def to_feedparser(doc):
    feed = FPDict.of("feed")
    common(doc, feed)
    if doc.get("description") is not None:
        feed["subtitle"] = doc["description"]
    if doc.get("language") is not None:
        feed["language"] = doc["language"]
    if doc.get("image") is not None:
        feed["image"] = FPDict.of("image", href=doc["image"], url=doc["image"])
    entries = []
    for e in doc.get("entries", []):
        entry = FPDict.of("entry")
        common(e, entry)
        if e.get("summary") is not None:
            entry["summary"] = e["summary"]
        if e.get("content") is not None:
            entry["content"] = [FPDict.of("content", value=e["content"])]
            if "summary" not in entry:
                entry["summary"] = e["content"]
        if e.get("enclosures"):
            entry["enclosures"] = []
            for x in e["enclosures"]:
                enclosure = FPDict.of("enclosure", href=x["url"])
                if x.get("type") is not None: enclosure["type"] = x["type"]
                if x.get("length") is not None: enclosure["length"] = str(x["length"])
                entry["enclosures"].append(enclosure)
        entries.append(entry)
    version = {"rss090": "rss090", "rss091": "rss091", "rss092": "rss092", "rss093": "rss093", "rss094": "rss094",
               "rss20": "rss20", "rss10": "rss10", "atom03": "atom03", "atom10": "atom10", "json10": "json1", "json11": "json11"}.get(doc["format"], "")
    return FPDict.of("top", feed=feed, entries=entries, bozo=doc["bozo"], version=version)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--suite", required=True)
    parser.add_argument("--binary", default=".build/release/feedwatch")
    parser.add_argument("--show-failures", type=int, default=0)
    parser.add_argument("--only", default="")
    parser.add_argument("--list-failures", action="store_true")
    args = parser.parse_args()
    root_dir = os.path.dirname(os.path.abspath(args.suite))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), functools.partial(Handler, directory=root_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    files = []
    for area in ("wellformed", "illformed", "encoding"):
        for root, _, names in os.walk(os.path.join(args.suite, area)):
            if "chardet" in root:
                continue
            for name in sorted(names):
                if name.endswith(".xml") and args.only in os.path.join(root, name):
                    files.append(os.path.join(root, name))
    tests = []
    for path in files:
        data = open(path, "rb").read()
        match = DESC.search(data)
        if match:
            source = path
            if HEADERS.search(data) or os.path.basename(path).startswith("http") or "/http/" in path:
                source = f"http://127.0.0.1:{PORT}/" + os.path.relpath(path, root_dir)
            tests.append((source, match.group(2).decode("utf-8", "replace").strip()))
    start = time.perf_counter()
    out = subprocess.run([args.binary, "parse"] + [t[0] for t in tests], capture_output=True).stdout.decode("utf-8", "replace")
    elapsed = time.perf_counter() - start
    lines = out.splitlines()
    passed = failed = inexpressible = 0
    failures = []
    for (path, expect), line in zip(tests, lines):
        doc = json.loads(line)
        if "error" in doc and "format" not in doc:
            env = FPDict.of("top", feed=FPDict.of("feed"), entries=[], bozo=True, version="")
        else:
            env = to_feedparser(doc)
        # The schema has one RSS 0.91 (Netscape and Userland alike).
        expect = expect.replace("'rss091n'", "'rss091'").replace("'rss091u'", "'rss091'")
        try:
            ok = eval(expect, {"time": time}, env)
        except Missing:
            inexpressible += 1
            continue
        except (KeyError, IndexError, TypeError, AttributeError, NameError) as e:
            ok = False
        if ok:
            passed += 1
        else:
            failed += 1
            failures.append((path, expect, line[:400]))
    total = passed + failed
    print(f"{len(tests)} tests; {inexpressible} not expressible in the schema; {total} scored")
    print(f"passed {passed}/{total} = {100 * passed / max(total, 1):.1f}%  ({elapsed:.2f} s for one parse of all files)")
    by_area = {}
    for path, _, _ in failures:
        area = path.split("/tests/")[1].rsplit("/", 1)[0]
        by_area[area] = by_area.get(area, 0) + 1
    for area, n in sorted(by_area.items(), key=lambda x: -x[1])[:15]:
        print(f"  failures in {area}: {n}")
    for path, expect, line in failures[: args.show_failures]:
        print(f"\n{path}\n  expect: {expect}\n  got:    {line}")
    if args.list_failures:
        for path, _, _ in failures: print(path)


if __name__ == "__main__":
    sys.exit(main())
