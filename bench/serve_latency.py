#!/usr/bin/env python3
"""Time from saving a page to the reload event of `parcours serve`.

Usage: bench/serve_latency.py SITE_DIR PAGE_FILE [--runs N] [--binary PATH]

Starts `parcours serve` on SITE_DIR, listens to its event stream, appends a word to
PAGE_FILE (a one-page text change) N times, and prints the median, 90th percentile and
maximum of the delay between each write and the `reload` event. The page is restored after.
"""

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("page")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "parcours"))
    args = parser.parse_args()

    server = subprocess.Popen([args.binary, "serve", "--port", "0", "--root", args.site],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        address = None
        for line in server.stdout:
            found = re.search(r"http://([\d.]+):(\d+)/", line)
            if "Serving" in line and found:
                address = (found.group(1), int(found.group(2)))
                break
        if address is None:
            sys.exit("the server did not start")
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()

        events = socket.create_connection(address)
        events.sendall(b"GET /__parcours/events HTTP/1.1\r\nHost: x\r\n\r\n")
        reader = events.makefile("rb")
        arrived = []
        def listen():
            for raw in reader:
                if raw.startswith(b"event: reload"):
                    arrived.append(time.perf_counter())
        threading.Thread(target=listen, daemon=True).start()
        time.sleep(0.5)

        original = open(args.page, encoding="utf-8").read()
        delays = []
        try:
            for run in range(args.runs):
                count = len(arrived)
                started = time.perf_counter()
                with open(args.page, "w", encoding="utf-8") as f:
                    f.write(original + f"\nEdit {run}.\n")
                deadline = started + 30
                while len(arrived) == count and time.perf_counter() < deadline:
                    time.sleep(0.001)
                if len(arrived) == count:
                    sys.exit("no reload event within 30 s")
                delays.append((arrived[count] - started) * 1000)
                time.sleep(0.3)
        finally:
            with open(args.page, "w", encoding="utf-8") as f:
                f.write(original)
        delays.sort()
        p90 = delays[min(len(delays) - 1, int(len(delays) * 0.9))]
        print(f"{len(delays)} edits: median {statistics.median(delays):.1f} ms, "
              f"p90 {p90:.1f} ms, max {delays[-1]:.1f} ms (debounce included)")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
