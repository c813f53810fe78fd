#!/usr/bin/env python3
"""Polling many feeds from a real web server: nginx (Debian's nginx-light, started here on a
loopback port with gzip_static, ETag and Last-Modified) serves N generated feeds of about
115 kB each; 40 watched names never occur, so the figure is fetching and parsing. Prints
the cold run (every feed new), the warm run (every answer 304) and the peak RSS of each,
beside `curl --parallel` fetching the same URLs without parsing: the ratio is the figure.

    apt-get install nginx-light && swift build -c release
    python3 scripts/bench-poll.py --feeds 1000      # and --feeds 10000
"""
import argparse, gzip, json, os, random, shutil, socket, sqlite3, subprocess, sys, tempfile, time

WORDS = ("the minister said on monday that talks with officials in the capital would continue after a meeting of "
         "leaders government ceasefire and security council week new deal was not expected before elections where "
         "protesters gathered police spokesman declined to comment analysts warned markets fell sharply while "
         "prices rose across the region farmers exporters central bank governor inflation outlook budget").split()
# Paragraphs of random words, as compressible as prose (about 3x under gzip), drawn per item.
RNG = random.Random(7)
PARAGRAPHS = [" ".join(RNG.choice(WORDS) for _ in range(440)) for _ in range(1000)]


def feed(index, items):
    parts = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>',
             f"<title>Feed {index}</title><link>https://bench.example/{index}/</link>"]
    for i in range(items):
        text = PARAGRAPHS[(index * 7919 + i * 104729) % len(PARAGRAPHS)]
        parts.append(f"<item><title>Item {index}-{i}</title><link>https://bench.example/{index}/{i}</link>"
                     f"<guid>https://bench.example/{index}/{i}</guid><pubDate>Mon, 07 Dec 2026 10:00:00 GMT</pubDate>"
                     f"<description>{text}</description></item>")
    parts.append("</channel></rss>")
    return "".join(parts)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def timed(command, cwd):
    """Wall time, and the peak RSS (VmHWM) of the process, read while it runs."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        try:
            with open(f"/proc/{proc.pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.02)
    if proc.returncode != 0:
        sys.exit(f"{command[0]} exited {proc.returncode}")
    return time.perf_counter() - start, peak / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--binary", default=".build/release/feedwatch")
    parser.add_argument("--settings", default="{}", help="JSON merged into feeds.json's settings, e.g. '{\"keepItems\": \"0\"}'")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        sys.exit("nginx is not installed: apt-get install nginx-light")
    work = tempfile.mkdtemp(prefix="feedwatch-poll-")
    os.chmod(work, 0o755)  # nginx's workers run as another user
    try:
        root = os.path.join(work, "www")
        os.makedirs(root)
        for f in range(args.feeds):
            body = feed(f, args.items).encode()
            with open(os.path.join(root, f"f{f}.xml"), "wb") as out:
                out.write(body)
            with open(os.path.join(root, f"f{f}.xml.gz"), "wb") as out:
                out.write(gzip.compress(body, 6))
        port = free_port()
        conf = os.path.join(work, "nginx.conf")
        with open(conf, "w") as out:
            out.write(f"""
worker_processes 2; pid {work}/nginx.pid; error_log {work}/error.log; daemon on;
events {{ worker_connections 4096; }}
http {{ access_log off; gzip_static on; etag on; keepalive_requests 100000;
  types {{ application/rss+xml xml; }}
  server {{ listen 127.0.0.1:{port}; root {root}; }} }}
""")
        subprocess.run([nginx, "-c", conf, "-p", work], check=True)
        time.sleep(0.3)
        urls = [f"http://127.0.0.1:{port}/f{f}.xml" for f in range(args.feeds)]
        watch = [{"id": f"w{i}", "name": f"Nobody Neverheard{i}", "type": "person"} for i in range(40)]
        config = {"settings": {"concurrency": 64, "perSite": 64, "backfill": "0", **json.loads(args.settings)},
                  "feeds": [{"id": f"f{i}", "url": u} for i, u in enumerate(urls)], "watch": watch,
                  "outputs": {"archive": {"type": "file", "path": "alerts.jsonl"}}}
        with open(os.path.join(work, "feeds.json"), "w") as out:
            json.dump(config, out)
        run = [binary, "run", "--once", "--config", "feeds.json", "--state-dir", "state"]
        cold, cold_rss = timed(run, work)
        seen = sqlite3.connect(os.path.join(work, "state", "state.db")).execute("SELECT COUNT(*) FROM seen_items").fetchone()[0]
        if seen != args.feeds * args.items:
            sys.exit(f"the cold run recorded {seen} items, not {args.feeds * args.items}: see {work}/error.log")
        warm, warm_rss = timed(run, work)
        with open(os.path.join(work, "urls.txt"), "w") as out:
            out.write("".join(f"url = {u}\noutput = /dev/null\n" for u in urls))
        curl, _ = timed(["curl", "--parallel", "--parallel-max", "64", "--compressed", "-sf", "-K", "urls.txt"], work)
        megabytes = sum(os.path.getsize(os.path.join(root, f"f{f}.xml")) for f in range(args.feeds)) / 1e6
        wire = sum(os.path.getsize(os.path.join(root, f"f{f}.xml.gz")) for f in range(args.feeds)) / 1e6
        print(f"feeds {args.feeds}, {megabytes:.0f} MB of XML ({wire:.0f} MB gzipped on the wire)")
        print(f"cold  {cold:6.2f} s   peak RSS {cold_rss:5.0f} MB   curl --parallel {curl:5.2f} s   ratio {cold / curl:4.1f}")
        print(f"warm  {warm:6.2f} s   peak RSS {warm_rss:5.0f} MB   (every answer 304)")
    finally:
        pid = os.path.join(work, "nginx.pid")
        if os.path.exists(pid):
            subprocess.run(["kill", open(pid).read().strip()])
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
