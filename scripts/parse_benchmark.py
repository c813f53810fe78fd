#!/usr/bin/env python3
"""Feed parsing throughput: feedwatch beside Python feedparser and feedparser-rs, one run.

Generates a corpus of large realistic feeds (RSS 2.0 with content:encoded and
dc:creator, Atom 1.0 with xhtml and html content, RSS 1.0, and RSS 2.0 as
WordPress serves it: links with tracking parameters, inline styles, figures,
typographic references in CDATA), then parses the whole corpus with each:
feedwatch as one process (`feedwatch parse A B C …`, JSON output read from a
pipe), feedparser and feedparser-rs in one Python process each. Prints MB/s
and entries/s.

    pip install feedparser==6.0.11 feedparser-rs
    swift build -c release
    python3 scripts/parse_benchmark.py [--feeds 32 --entries 2000 --runs 5] [--memory-mb 100]

Each parser runs --runs times, in turns, and its best time counts: this
machine class shares its CPUs, and a neighbour's burst should not decide a
comparison.
"""
import argparse, os, random, shutil, subprocess, sys, tempfile, time

WORDS = ("the minister said on Monday that talks with officials in the capital would continue after a meeting "
         "of leaders government ceasefire security council week new deal expected elections protesters gathered "
         "police spokesman declined to comment analysts warned markets fell sharply").split()


def para(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def rss20(rng, i, entries):
    items = []
    for j in range(entries):
        items.append(f"""<item><title>{para(rng, 8)} &amp; more</title><link>https://news.example/{i}/{j}</link>
<guid isPermaLink="false">urn:bench:{i}:{j}</guid><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
<dc:creator>Reporter {j % 50}</dc:creator><category>World</category><category>Politics</category>
<description>{para(rng, 40)} &lt;b&gt;bold&lt;/b&gt;</description>
<content:encoded><![CDATA[<p>{para(rng, 120)}</p><p><a href="/rel/{j}">more</a> <img src="/i/{j}.jpg" alt="x"></p>]]></content:encoded>
<enclosure url="https://news.example/a/{j}.mp3" length="1000" type="audio/mpeg"/></item>""")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench RSS</title>'
            f'<link>https://news.example/</link><description>d</description>{"".join(items)}</channel></rss>')


def atom10(rng, i, entries):
    items = []
    for j in range(entries):
        items.append(f"""<entry><title type="html">{para(rng, 8)} &lt;i&gt;x&lt;/i&gt;</title>
<link rel="alternate" href="/{i}/{j}"/><id>tag:bench,2026:{i}:{j}</id><updated>2026-11-29T01:02:03Z</updated>
<published>2026-11-28T01:02:03+01:00</published><author><name>Writer {j % 40}</name></author>
<category term="world"/><summary>{para(rng, 40)}</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{para(rng, 120)}</p><p><a href="n/{j}">next</a></p></div></content></entry>""")
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/">'
            f'<title>Bench Atom</title><id>tag:bench,2026:{i}</id><updated>2026-11-29T00:00:00Z</updated>{"".join(items)}</feed>')


NAMES = ("Erdoğan", "Müller", "Société Générale", "Kalın", "São Paulo", "Zürich")


def wp_paragraph(rng):
    """A paragraph as WordPress writes it: links with tracking parameters, inline
    emphasis, a pasted style attribute, typographic references."""
    parts = []
    for _ in range(rng.randint(3, 7)):
        r = rng.random()
        if r < 0.2:
            parts.append(f'<a href="https://news.example/{rng.choice(WORDS)}/{rng.randint(1, 9999)}?utm_source=rss&amp;utm_medium=feed" '
                         f'rel="noopener" target="_blank">{para(rng, 3)}</a>')
        elif r < 0.3:
            parts.append(f"<strong>{rng.choice(NAMES)}</strong>")
        elif r < 0.35:
            parts.append(f"<em>{para(rng, 2)}</em>")
        elif r < 0.4:
            parts.append(f'<span style="font-weight: 400;">{para(rng, 5)}</span>')
        else:
            parts.append(para(rng, rng.randint(8, 20)))
    return "<p>" + " ".join(parts) + "&nbsp;&#8230;</p>"


def wp_content(rng, j):
    blocks = []
    for k in range(rng.randint(5, 12)):
        blocks.append(wp_paragraph(rng))
        if rng.random() < 0.2:
            blocks.append(f'<figure class="wp-block-image size-large"><img loading="lazy" decoding="async" width="1024" height="683" '
                          f'src="https://news.example/wp-content/uploads/2026/11/img{j}-{k}-1024x683.jpg" alt="{para(rng, 3)}" '
                          f'class="wp-image-{k}" srcset="https://news.example/a-1024x683.jpg 1024w, https://news.example/a-300x200.jpg 300w" '
                          f'sizes="(max-width: 1024px) 100vw, 1024px" /><figcaption>{para(rng, 6)}</figcaption></figure>')
        if rng.random() < 0.05:
            blocks.append('<script>var x = 1;</script><iframe src="https://video.example/embed/x"></iframe>')
    return "\n".join(blocks)


def wordpress(rng, i, entries):
    """RSS 2.0 as WordPress serves it: markup-heavy content:encoded, CDATA, media:content."""
    entries //= 4  # a WordPress item is about four times the size of the others
    items = "".join(f"""<item>
\t\t<title>{para(rng, 8)} &#8211; {rng.choice(NAMES)}</title>
\t\t<link>https://news.example/2026/11/{j}/story-{j}/</link>
\t\t<comments>https://news.example/2026/11/{j}/#respond</comments>
\t\t<dc:creator><![CDATA[Reporter {j % 30}]]></dc:creator>
\t\t<pubDate>Sat, 28 Nov 2026 {j % 24:02d}:{j % 60:02d}:00 +0000</pubDate>
\t\t<category><![CDATA[World]]></category><category><![CDATA[{rng.choice(WORDS)}]]></category>
\t\t<guid isPermaLink="false">https://news.example/?p={i * 100000 + j}</guid>
\t\t<description><![CDATA[<p>{para(rng, 40)} [&#8230;]</p>
<p>The post <a href="https://news.example/{j}/">{para(rng, 5)}</a> appeared first on <a href="https://news.example">Example News</a>.</p>]]></description>
\t\t<content:encoded><![CDATA[{wp_content(rng, j)}]]></content:encoded>
\t\t<wfw:commentRss>https://news.example/{j}/feed/</wfw:commentRss><slash:comments>0</slash:comments>
\t\t<media:content url="https://news.example/img/{j}.jpg" medium="image"><media:title type="html">{para(rng, 3)}</media:title></media:content>
\t</item>
""" for j in range(entries))
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/" '
            'xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:media="http://search.yahoo.com/mrss/">\n<channel>\n'
            '\t<title>Example News</title>\n\t<atom:link href="https://news.example/feed/" rel="self" type="application/rss+xml" />\n'
            '\t<link>https://news.example</link>\n\t<description>News</description>\n'
            '\t<lastBuildDate>Sat, 28 Nov 2026 20:00:00 +0000</lastBuildDate>\n\t<language>en-US</language>\n'
            f'\t<sy:updatePeriod>hourly</sy:updatePeriod>\n{items}</channel></rss>')


def rss10(rng, i, entries):
    items = "".join(f"""<item rdf:about="https://rdf.example/{j}"><title>{para(rng, 8)}</title><link>https://rdf.example/{j}</link>
<description>{para(rng, 140)}</description><dc:date>2026-11-29T01:02:03Z</dc:date><dc:creator>Editor</dc:creator></item>""" for j in range(entries))
    return ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://rdf.example/"><title>Bench RDF</title>'
            f'<link>https://rdf.example/</link><description>d</description></channel>{items}</rdf:RDF>')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=32)
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--binary", default=".build/release/feedwatch")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--memory-mb", type=int, default=100,
                        help="also parse one feed of this size and print feedwatch's peak memory above its baseline (0: skip)")
    args = parser.parse_args()
    rng = random.Random(1)
    work = tempfile.mkdtemp(prefix="feedwatch-parse-bench-")
    paths, total, entries = [], 0, 0
    makers = [rss20, atom10, rss10, wordpress]
    for i in range(args.feeds):
        maker = makers[i % len(makers)]
        text = maker(rng, i, args.entries).encode()
        entries += args.entries // 4 if maker is wordpress else args.entries
        path = os.path.join(work, f"{i}.xml")
        open(path, "wb").write(text)
        paths.append(path)
        total += len(text)
    mb = total / 1e6
    print(f"corpus: {args.feeds} feeds, {entries} entries, {mb:.1f} MB "
          "(RSS 2.0, Atom 1.0 with xhtml, RSS 1.0, WordPress-style RSS 2.0 with markup-heavy content)\n")
    print(f"{'parser':14}{'seconds':>9}{'MB/s':>9}{'entries/s':>12}")
    results = {}
    code = ("import sys,time\nimport {} as p\npaths=sys.argv[1:]\nt=time.perf_counter()\n"
            "n=sum(len(p.parse(open(x,'rb').read())['entries']) for x in paths)\nprint(time.perf_counter()-t, n)")
    for _ in range(args.runs):
        start = time.perf_counter()
        out = subprocess.run([os.path.abspath(args.binary), "parse"] + paths, capture_output=True, check=True).stdout
        results["feedwatch"] = min(results.get("feedwatch", 1e9), time.perf_counter() - start)
        assert out.count(b"\n") == len(paths)
        for name in ("feedparser_rs", "feedparser"):
            if name == "feedparser" and name in results:
                continue  # one run is enough at this speed: it is tens of seconds
            try:
                line = subprocess.run([sys.executable, "-c", code.format(name)] + paths, capture_output=True,
                                      check=True, text=True).stdout.split()
                results[name] = min(results.get(name, 1e9), float(line[0]))
            except Exception as error:
                print(f"{name}: not available ({error})")
    for name, seconds in results.items():
        print(f"{name:14}{seconds:9.2f}{mb / seconds:9.1f}{entries / seconds:12,.0f}")
    if "feedparser_rs" in results:
        print(f"\nfeedwatch is {results['feedparser_rs'] / results['feedwatch']:.1f}x feedparser-rs", end="")
    if "feedparser" in results:
        print(f", {results['feedparser'] / results['feedwatch']:.1f}x feedparser", end="")
    print("  (feedwatch timed as a whole process, JSON output included; the others in-process, no output)")
    if args.memory_mb:
        memory(args, rng, work)
    shutil.rmtree(work)


def peak_kb(command):
    """Peak resident memory of a command, in kB, as GNU time reports it. (A child
    forked from this Python process would count the parent's pages it started with.)"""
    run = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, check=True)
    return int(run.stderr.strip().splitlines()[-1])


def memory(args, rng, work):
    entries = int(args.memory_mb * 1e6 / 1690)  # an RSS 2.0 entry of this corpus is about 1.7 kB
    path = os.path.join(work, "big.xml")
    open(path, "wb").write(rss20(rng, 0, entries).encode())
    tiny = os.path.join(work, "tiny.xml")
    open(tiny, "wb").write(rss20(rng, 0, 1).encode())
    binary = os.path.abspath(args.binary)
    size = os.path.getsize(path) / 1e6
    base, big = peak_kb([binary, "parse", tiny]), peak_kb([binary, "parse", path])
    print(f"\none {size:.0f} MB feed ({entries} entries): peak {big / 1024:.1f} MB, "
          f"baseline (a one-entry feed) {base / 1024:.1f} MB: {(big - base) / 1024:.1f} MB above the baseline")


if __name__ == "__main__":
    main()
