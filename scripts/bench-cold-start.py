#!/usr/bin/env python3
"""A cold `feedwatch run --once` over many feeds: wall time, peak memory, items/s.

Generates N RSS files (file: URLs, so the network is not what is measured) of
K items each with fresh dates (every item is new and analysed), about 2.9 kB
per item as in real feeds; one item in 20 mentions a watched name.

    swift build -c release
    python3 scripts/bench-cold-start.py --feeds 10000 --items 40     # ~1.15 GB of XML
"""
import argparse, email.utils, json, os, random, shutil, subprocess, tempfile, time

WORDS = ("the minister said on Monday that talks with officials in the capital would continue after a meeting "
         "of leaders government ceasefire and security council week new deal was not expected before elections "
         "where protesters gathered police spokesman declined to comment analysts warned markets fell sharply").split()
NAMES = ["Maria Lopez", "Daniel Weber", "Ahmed Karimi", "Olena Shevchenko", "Li Wei", "Ana Costa", "Jonas Berg"]
WATCHED = ["Recep Tayyip Erdoğan", "Hamas", "NATO", "Ibrahim Kalın", "Khalil al-Hayya"]


def paragraph(rng, words):
    out = []
    for i in range(words):
        if rng.random() < 0.04:
            out.append(rng.choice(NAMES))
        else:
            out.append(rng.choice(WORDS))
        if i % 18 == 17:
            out[-1] += "."
    return " ".join(out).capitalize() + "."


def feed(rng, index, items, now):
    entries = []
    for j in range(items):
        body = paragraph(rng, 420)
        if rng.random() < 0.05:
            body = f"{rng.choice(WATCHED)} {body}"
        date = email.utils.format_datetime(now)
        entries.append(f"<item><title>Story {index}-{j}: {paragraph(rng, 9)}</title>"
                       f"<link>https://bench.example/{index}/{j}</link><guid>https://bench.example/{index}/{j}</guid>"
                       f"<pubDate>{date}</pubDate><description><![CDATA[<p>{body}</p>]]></description></item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench feed {index}</title>'
            f"<link>https://bench.example/{index}</link>{''.join(entries)}</channel></rss>")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--binary", default=".build/release/feedwatch")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="feedwatch-cold-")
    rng = random.Random(42)
    now = __import__("datetime").datetime.now(__import__("datetime").timezone.utc)
    total = 0
    os.makedirs(os.path.join(work, "feeds"))
    for i in range(args.feeds):
        text = feed(rng, i, args.items, now)
        total += len(text.encode())
        with open(os.path.join(work, "feeds", f"{i}.xml"), "w", encoding="utf-8") as f:
            f.write(text)
    config = {
        "settings": {"concurrency": 32, "onceDeliveryTimeout": "10s"},
        "feeds": [{"id": f"f{i}", "url": f"file:feeds/{i}.xml"} for i in range(args.feeds)],
        "watch": [{"name": n, "type": "organization" if n in ("Hamas", "NATO") else "person"} for n in WATCHED],
        "outputs": {"archive": {"type": "file", "path": "alerts.jsonl"}},
    }
    with open(os.path.join(work, "feeds.json"), "w") as f:
        json.dump(config, f)
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", binary, "run", "--once", "--config", "feeds.json",
                             "--state-dir", "state"], cwd=work, capture_output=True, text=True)
    wall = time.perf_counter() - start
    rss_kb, user, system = result.stderr.strip().splitlines()[-1].split()
    alerts = sum(1 for _ in open(os.path.join(work, "alerts.jsonl"))) if os.path.exists(os.path.join(work, "alerts.jsonl")) else 0
    items = args.feeds * args.items
    print(f"feeds {args.feeds}, items {items}, XML {total / 1e9:.2f} GB")
    print(f"wall {wall:.1f} s, cpu {float(user) + float(system):.1f} s, peak RSS {int(rss_kb) / 1024:.0f} MB")
    print(f"{items / wall:,.0f} items/s, {total / 1e6 / wall:.1f} MB/s of XML, {alerts} alerts, exit {result.returncode}")
    if not args.keep:
        shutil.rmtree(work)
    else:
        print("kept", work)


if __name__ == "__main__":
    main()
