#!/usr/bin/env python3
"""Memory drill: hostile feeds polled next to good ones, by one `run --once`.
A loopback server sends feeds with 40 MB items, endless bodies, gzip bombs,
slowloris trickles and entity expansion beside ordinary feeds; the script
prints feedwatch's peak resident memory (getrusage of the child).

    swift build -c release
    python3 scripts/drill-memory.py [--good 300] [--hostile 10]
"""
import argparse, gzip, json, os, shutil, socketserver, subprocess, sys, tempfile, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GOOD_ITEM = "<item><title>Hamas talks {n}</title><guid>https://good.example/{f}/{n}</guid><description>{text}</description></item>"
BOMB = gzip.compress(b"<rss><channel><title>bomb</title><item><title>" + b"A" * (200 << 20) + b"</title></item></channel></rss>", 9)
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lollollollollollollollollollol">'
          + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8))
          + ']><rss version="2.0"><channel><title>laughs</title><item><title>&i;</title></item></channel></rss>').encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, body, headers=()):
        self.send_response(200)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        kind, _, n = self.path.strip("/").partition("/")
        try:
            if kind == "good":
                items = "".join(GOOD_ITEM.format(f=n, n=i, text="Words about the talks. " * 20) for i in range(40))
                self.send(f'<rss version="2.0"><channel><title>good {n}</title>{items}</channel></rss>'.encode())
            elif kind == "huge":
                self.send(b'<rss version="2.0"><channel><title>huge</title><item><title>big</title><description>'
                          + b"Hamas " * (7 << 20) + b"</description></item></channel></rss>")
            elif kind == "endless":
                self.send_response(200)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b"<item><title>Hamas again and again</title></item>" * 2000
                while True:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            elif kind == "bomb":
                self.send(BOMB, [("Content-Encoding", "gzip")])
            elif kind == "slow":
                self.send_response(200)
                self.send_header("Content-Length", "100000")
                self.end_headers()
                for _ in range(100):
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(1)
            elif kind == "laughs":
                self.send(LAUGHS)
        except (BrokenPipeError, ConnectionResetError):
            pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--good", type=int, default=300)
    parser.add_argument("--hostile", type=int, default=10, help="feeds of each hostile kind")
    parser.add_argument("--binary", default=".build/release/feedwatch")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.handle_error = lambda request, address: None  # feedwatch hangs up on hostile feeds on purpose
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    work = tempfile.mkdtemp(prefix="feedwatch-drill-")
    try:
        feeds = [{"id": f"good{i}", "url": f"{base}/good/{i}"} for i in range(args.good)]
        for kind in ["huge", "endless", "bomb", "slow", "laughs"]:
            feeds += [{"id": f"{kind}{i}", "url": f"{base}/{kind}/{i}"} for i in range(args.hostile)]
        config = {"settings": {"timeout": "20s", "onceDeliveryTimeout": "30s"}, "feeds": feeds,
                  "watch": [{"id": "hamas", "name": "Hamas", "type": "organization"}],
                  "outputs": {"archive": {"type": "file", "path": "alerts.jsonl"}}}
        with open(os.path.join(work, "feeds.json"), "w") as f:
            json.dump(config, f)
        started = time.perf_counter()
        proc = subprocess.Popen([os.path.abspath(args.binary), "run", "--once", "--config", "feeds.json", "--state-dir", "state"],
                                cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # The child's own high-water mark (VmHWM), read until it exits: getrusage would count
        # the memory this script held when it forked.
        peak = 0
        while proc.poll() is None:
            try:
                with open(f"/proc/{proc.pid}/status") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            peak = max(peak, int(line.split()[1]) / 1024)
            except OSError:
                pass
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        alerts = sum(1 for _ in open(os.path.join(work, "alerts.jsonl"))) if os.path.exists(os.path.join(work, "alerts.jsonl")) else 0
        print(f"feeds: {args.good} good, {args.hostile} each of 40 MB item, endless body, gzip bomb, slowloris, entity expansion")
        print(f"exit {proc.returncode} after {elapsed:.1f} s; {alerts} alerts")
        print(f"peak RSS {peak:.0f} MB")
    finally:
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
