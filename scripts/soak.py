#!/usr/bin/env python3
"""Soak: the daemon against 1,000 loopback feeds that gain items every minute,
a webhook that fails 10% of requests and is down for 5 minutes in the middle,
and a SIGHUP every few minutes. Prints RSS, open file descriptors, database
size and outbox depth over time; at the end checks that every alert the
daemon fired reached the webhook (by id). Not part of `make test`.

    swift build -c release
    scripts/soak.sh [MINUTES]        # default 30
"""
import argparse, json, os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

START = time.time()
state = {"down_from": None, "down_to": None, "received": set(), "posts": 0, "refused": 0}
lock = threading.Lock()


class Feeds(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        feed = int(self.path.strip("/").split("/")[-1])
        minute = int((time.time() - START) // 60)
        items = []
        for m in range(max(0, minute - 15), minute + 1):
            watched = "Hamas said" if (feed + m) % 3 == 0 else "The weather service said"
            items.append(f"<item><title>{watched} update {feed}-{m}</title><guid>soak-{feed}-{m}</guid>"
                         f"<link>https://soak.example/{feed}/{m}</link><description>Minute {m} of feed {feed}.</description></item>")
        body = f'<rss version="2.0"><channel><title>soak {feed}</title>{"".join(items)}</channel></rss>'.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Hook(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        now = time.time()
        with lock:
            state["posts"] += 1
            down = state["down_from"] is not None and state["down_from"] <= now < state["down_to"]
            fail = down or random.random() < 0.10
            if fail:
                state["refused"] += 1
            else:
                state["received"].add(self.headers.get("webhook-id"))
        self.send_response(503 if fail else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()


def serve(handler):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.handle_error = lambda request, address: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def sample(pid, work):
    rss = fds = 0
    try:
        with open(f"/proc/{pid}/status") as f:
            rss = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:")) / 1024
        fds = len(os.listdir(f"/proc/{pid}/fd"))
    except (OSError, StopIteration):
        pass
    db = os.path.join(work, "state", "state.db")
    size = sum(os.path.getsize(p) for p in (db, db + "-wal") if os.path.exists(p)) / 1e6
    pending = alerts = -1
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        pending = con.execute("SELECT COUNT(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
        alerts = con.execute("SELECT COUNT(*) FROM alerts").fetchone()[0]
        con.close()
    except sqlite3.Error:
        pass
    return rss, fds, size, pending, alerts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("minutes", type=float, nargs="?", default=30)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--binary", default=".build/release/feedwatch")
    args = parser.parse_args()
    feeds, hook = serve(Feeds), serve(Hook)
    work = tempfile.mkdtemp(prefix="feedwatch-soak-")
    config = {"settings": {"interval": "1m", "retryBase": "2s", "maxRetryDelay": "2m", "backfill": "0"},
              "feeds": [{"id": f"s{i}", "url": f"http://127.0.0.1:{feeds.server_address[1]}/feed/{i}"} for i in range(args.feeds)],
              "watch": [{"id": "hamas", "name": "Hamas", "type": "organization"}],
              "outputs": {"archive": {"type": "file", "path": "alerts.jsonl"},
                          "hook": {"type": "webhook", "url": f"http://127.0.0.1:{hook.server_address[1]}/hook"}}}
    with open(os.path.join(work, "feeds.json"), "w") as f:
        json.dump(config, f)
    log = open(os.path.join(work, "daemon.log"), "w")
    proc = subprocess.Popen([os.path.abspath(args.binary), "run", "--config", "feeds.json", "--state-dir", "state"],
                            cwd=work, stdout=subprocess.DEVNULL, stderr=log)
    duration = args.minutes * 60
    middle = START + duration / 2
    down = min(300, duration / 4)
    state["down_from"], state["down_to"] = middle - down / 2, middle + down / 2
    print(f"soak: {args.feeds} feeds, {args.minutes:g} min, webhook down {time.strftime('%H:%M:%S', time.localtime(middle - down / 2))}"
          f"–{time.strftime('%H:%M:%S', time.localtime(middle + down / 2))}, work dir {work}")
    print(f"{'t (s)':>7} {'RSS MB':>7} {'fds':>5} {'db MB':>7} {'outbox':>7} {'alerts':>7} {'posts':>7} {'refused':>8}")
    next_hup = START + 180
    try:
        while time.time() - START < duration:
            time.sleep(30)
            if time.time() >= next_hup:
                proc.send_signal(signal.SIGHUP)
                next_hup += 180
            rss, fds, size, pending, alerts = sample(proc.pid, work)
            with lock:
                posts, refused = state["posts"], state["refused"]
            print(f"{time.time() - START:7.0f} {rss:7.1f} {fds:5d} {size:7.2f} {pending:7d} {alerts:7d} {posts:7d} {refused:8d}", flush=True)
        # Let the last retries drain, then stop.
        with lock:
            state["down_from"] = None
        deadline = time.time() + 300
        while time.time() < deadline and sample(proc.pid, work)[3] != 0:
            time.sleep(5)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        fired = set()
        with open(os.path.join(work, "alerts.jsonl")) as f:
            for line in f:
                fired.add(json.loads(line)["id"])
        with lock:
            received = set(state["received"])
        missing = fired - received
        print(f"fired {len(fired)} alerts; the webhook received {len(received)} distinct ids in {state['posts']} posts "
              f"({state['refused']} refused); missing: {len(missing)}; exit {proc.returncode}")
        return 0 if not missing and fired else 1
    finally:
        if proc.poll() is None:
            proc.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
