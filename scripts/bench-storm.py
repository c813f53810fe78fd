#!/usr/bin/env python3
"""An alert storm, end to end: feeds whose every item names several watched
entries, one `run --once`, a JSON-lines file output. Prints how fast the alerts
fired and drained and how many bytes the process wrote to disk for them
(/proc/PID/io write_bytes against the bytes of the alerts file).

    swift build -c release
    python3 scripts/bench-storm.py [--feeds 1000] [--items 40]
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time

NAMES = [("erdogan", "Recep Tayyip Erdoğan", "person"), ("hamas", "Hamas", "organization"),
         ("nato", "NATO", "organization"), ("zelensky", "Volodymyr Zelensky", "person"),
         ("un", "United Nations", "organization"), ("macron", "Emmanuel Macron", "person")]


def item(feed, i):
    text = (f"Recep Tayyip Erdoğan met a Hamas delegation on {feed}-{i} as NATO envoys and "
            f"the United Nations watched; Volodymyr Zelensky spoke by phone.")
    return (f"<item><title>Talks {feed}-{i}: Erdoğan, Hamas, NATO and the United Nations</title>"
            f"<link>https://storm.example/{feed}/{i}</link><guid>https://storm.example/{feed}/{i}</guid>"
            f"<description>{text}</description></item>")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--binary", default=".build/release/feedwatch")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="feedwatch-storm-")
    try:
        feeds = []
        for f in range(args.feeds):
            path = os.path.join(work, f"feed{f}.xml")
            with open(path, "w") as out:
                out.write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>storm</title>')
                out.write("".join(item(f, i) for i in range(args.items)))
                out.write("</channel></rss>")
            feeds.append({"id": f"f{f}", "url": f"file:feed{f}.xml"})
        # Every storm item tells the same story in other words: dedup off, so that every alert is drained.
        config = {"settings": {"onceDeliveryTimeout": "600s", "concurrency": 32, "dedup": False}, "feeds": feeds,
                  "watch": [{"id": i, "name": n, "type": t} for i, n, t in NAMES],
                  "outputs": {"archive": {"type": "file", "path": "alerts.jsonl"}}}
        with open(os.path.join(work, "feeds.json"), "w") as out:
            json.dump(config, out)
        alerts_path = os.path.join(work, "alerts.jsonl")
        started = time.perf_counter()
        proc = subprocess.Popen([binary, "run", "--once", "--config", "feeds.json", "--state-dir", "state"],
                                cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=dict(os.environ, FEEDWATCH_LOG_LEVEL="warning"))
        write_bytes, first_line, last_growth, last_size = 0, None, None, 0
        while proc.poll() is None:
            try:
                with open(f"/proc/{proc.pid}/io") as io:
                    for line in io:
                        if line.startswith("write_bytes:"):
                            write_bytes = max(write_bytes, int(line.split()[1]))
            except OSError:
                pass
            size = os.path.getsize(alerts_path) if os.path.exists(alerts_path) else 0
            now = time.perf_counter()
            if size and first_line is None:
                first_line = now
            if size != last_size:
                last_growth, last_size = now, size
            time.sleep(0.05)
        total = time.perf_counter() - started
        with open(alerts_path, "rb") as f:
            data = f.read()
        alerts = data.count(b"\n")
        drain = (last_growth - first_line) if first_line and last_growth and last_growth > first_line else total
        print(f"feeds {args.feeds}, items {args.feeds * args.items}, alerts {alerts} ({len(data) / 1e6:.1f} MB), exit {proc.returncode}")
        print(f"wall time          {total:.1f} s")
        print(f"first alert line   {first_line - started if first_line else float('nan'):.1f} s after start")
        print(f"drain              {alerts / drain:,.0f} alerts/s (from the first line to the last)")
        print(f"overall            {alerts / total:,.0f} alerts/s (whole run)")
        print(f"written to disk    {write_bytes / 1e6:.1f} MB = {write_bytes / max(len(data), 1):.2f} x the alerts' bytes")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
