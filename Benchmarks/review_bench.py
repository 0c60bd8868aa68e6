#!/usr/bin/env python3
"""Times the review server on a large project: open + first page, accept/reject round trips, memory.

Usage: review_bench.py RAPPORT_BINARY [--mb 9] [--project FILE]

Generates a synthetic corpus with generate_corpus.py (SIZE_MB split over shadowing-day files;
9 MB is about 1.5 million words), builds a project with `rapport serve --add` (timed, not part
of the target), then restarts the server on the finished project and measures:
  - open: from starting `rapport serve PROJECT` to the answer of the first page's requests
    (the page, /api/session, /api/encounters, the first encounter's transcript);
  - round trip: 200 accept/reject decisions, one at a time, median and 95th percentile;
  - training from those decisions in the page's API (POST /api/learning/train), with decisions
    by another coder round-tripping while it runs;
  - memory: the server's peak resident set (VmHWM) after all of that.
  - compare: the Compare view of the benchmark coder and the machine, three times (median);
  - memory: the server's peak resident set (VmHWM) after all of that.
With --project FILE the project is built there the first time and reused afterwards, so two
builds of Rapport can be timed on the same project. Prints one line per figure, with the load
average before the run. Uses only the standard library.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def start(rapport, project, extra=()):
    t0 = time.perf_counter()
    proc = subprocess.Popen([rapport, "serve", project, "--port", "0", "--quiet", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    url = re.search(r"(http://\S+)", line).group(1)
    return proc, url, t0


def call(base, token, csrf, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + token)
    if csrf:
        req.add_header("X-CSRF-Token", csrf)
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req) as r:
        raw = r.read()
        return json.loads(raw) if r.headers.get("Content-Type", "").startswith("application/json") else raw


def main():
    rapport = sys.argv[1]
    mb = sys.argv[sys.argv.index("--mb") + 1] if "--mb" in sys.argv else "9"
    print(f"load average before the run: {os.getloadavg()[0]:.1f} (1 min), {os.getloadavg()[1]:.1f} (5 min) on {os.cpu_count()} cores")
    project = sys.argv[sys.argv.index("--project") + 1] if "--project" in sys.argv else None
    if project is None or not os.path.exists(project):
        work = tempfile.mkdtemp(prefix="rapport-review-bench-")
        corpus = os.path.join(work, "corpus")
        subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), corpus, mb], check=True, stdout=subprocess.DEVNULL)
        files = sum(len(f) for _, _, f in os.walk(corpus))
        words = 0
        for root, _, names in os.walk(corpus):
            for n in names:
                with open(os.path.join(root, n), encoding="utf-8") as f:
                    words += len(f.read().split())
        project = project or os.path.join(work, "bench.rapport")
        t = time.perf_counter()
        proc, url, _ = start(rapport, project, ["--add", corpus])
        print(f"build project: {files} files, {words} words, added and coded in {time.perf_counter() - t:.1f} s "
              f"({os.path.getsize(project) / 1e6:.0f} MB file)")
        proc.terminate(); proc.wait()
    else:
        print(f"reusing project {project} ({os.path.getsize(project) / 1e6:.0f} MB file)")

    proc, url, t0 = start(rapport, project)
    base, token = url.split("/?token=")
    call(base, token, None, "GET", "/")
    session = call(base, token, None, "GET", "/api/session")
    encounters = call(base, token, None, "GET", "/api/encounters?coder=bench")
    first = encounters[0]
    view = call(base, token, None, "GET", f"/api/sources/{first['source']}/encounters/{first['encounter']}?coder=bench")
    print(f"open and first page: {time.perf_counter() - t0:.2f} s ({len(encounters)} encounters; target < 2 s)")

    csrf = session["csrf"]
    suggestions = []
    for e in encounters[:40]:
        v = call(base, token, None, "GET", f"/api/sources/{e['source']}/encounters/{e['encounter']}?coder=bench")
        suggestions += [c["id"] for c in v["codings"] if c["coder"] == "rapport"]
        if len(suggestions) >= 200:
            break
    times = []
    for i, s in enumerate(suggestions[:200]):
        t = time.perf_counter()
        call(base, token, csrf, "POST", "/api/decisions", {"suggestion": s, "coder": "bench", "action": "accept" if i % 2 else "reject"})
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"accept/reject round trip: median {statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95)]:.1f} ms "
          f"over {len(times)} decisions (target < 50 ms)")
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        call(base, token, None, "GET", "/api/compare?a=bench&b=rapport")
        runs.append((time.perf_counter() - t) * 1000)
    print(f"compare bench vs rapport: median {statistics.median(runs):.0f} ms of 3 ({', '.join(f'{r:.0f}' for r in runs)})")
    # Learning loop: train from the decisions just made, in the background; decisions keep
    # round-tripping while it runs, and the training's own time is reported.
    t = time.perf_counter()
    call(base, token, csrf, "POST", "/api/learning/train", {"coder": "bench"})
    during = []
    more = [c for e in encounters[40:80] for c in
            [x["id"] for x in call(base, token, None, "GET", f"/api/sources/{e['source']}/encounters/{e['encounter']}?coder=bench2")["codings"]
             if x["coder"] == "rapport"]][:100]
    state = "running"
    while state == "running":
        if more:
            s = more.pop()
            t1 = time.perf_counter()
            call(base, token, csrf, "POST", "/api/decisions", {"suggestion": s, "coder": "bench2", "action": "accept"})
            during.append((time.perf_counter() - t1) * 1000)
        else:
            time.sleep(0.5)
        status = call(base, token, None, "GET", "/api/learning")
        state = status["state"]
    model = status.get("model") or {}
    print(f"training from decisions: {time.perf_counter() - t:.1f} s wall, state {state}"
          f"{' (' + status.get('error', '') + ')' if state == 'failed' else ''}; {model.get('passages', 0)} passages, "
          f"refreshed {model.get('refreshed', {})}, {len(status.get('next', []))} passages to code next")
    if during:
        during.sort()
        print(f"accept round trip while training: median {statistics.median(during):.1f} ms, "
              f"p95 {during[int(len(during) * 0.95)]:.1f} ms, max {during[-1]:.1f} ms over {len(during)} decisions")
    with open(f"/proc/{proc.pid}/status") as f:
        status = dict(line.split(":", 1) for line in f if ":" in line)
    print(f"server memory: peak {int(status['VmHWM'].split()[0]) / 1024:.0f} MB, now {int(status['VmRSS'].split()[0]) / 1024:.0f} MB (target < 300 MB)")
    proc.terminate(); proc.wait()


if __name__ == "__main__":
    main()
