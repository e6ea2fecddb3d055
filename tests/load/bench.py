#!/usr/bin/env python3
"""Runs one workload with wrk against a running system and reports it (scenario.sh prepares the
inputs and calls this; the standard library only).

  bench.py run --scenario NAME --script FILE.lua --env K=V... --gateway URL --emporium PATH
               [--duration S] [--connections N] [--runs N] [--warmup S] [--out FILE]
  bench.py compare A.json B.json

A run: one warm-up of --warmup seconds that is not counted (the JIT of every JVM on the path needs
minutes of load to plateau), then --runs measured runs. For each: requests/s, latency percentiles
(wrk's: from the time a request is sent, so a stalled server hides some waiting, see
docs/performance.md), errors by kind, and CPU per request summed over every process of the system
(`./emporium status --json`: each component's user and system time with its descendants', such
as Postgres' backends; the launcher's own only) and,
apart, the load generator's. The table shows each run and the median; the JSON keeps it all.
"""
import argparse
import datetime
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile

TICKS = os.sysconf("SC_CLK_TCK")


def system_pids(emporium):
    status = json.loads(subprocess.run([emporium, "status", "--json"], check=True, capture_output=True,
                                       text=True).stdout)
    pids = {c["name"]: c["pid"] for c in status["components"] if c.get("pid")}
    if status.get("launcherPid"):
        pids["launcher"] = status["launcherPid"]
    return pids


def process_table():
    """Every process's parent and own user + system CPU seconds (fields 4, 14 and 15 of /proc/PID/stat)."""
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                table[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS)
            except (FileNotFoundError, ProcessLookupError, IndexError):
                pass
    return table


def cpu_seconds(pids):
    """Per component, the CPU seconds of its process and of its descendants alive now (Postgres'
    backends are children of its postmaster; their time reaches the parent's only when they exit).
    The launcher's own time only: its descendants are the components."""
    table = process_table()
    children = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    seconds = {}
    for name, root in pids.items():
        if root not in table:
            seconds[name] = None
            continue
        total, todo = 0.0, [root]
        while todo:
            pid = todo.pop()
            total += table[pid][1]
            if name != "launcher":
                todo.extend(children.get(pid, []))
        seconds[name] = total
    return seconds


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wrk(args, seconds, env, report=None):
    threads = min(2, args.connections)
    command = ["wrk", f"-t{threads}", f"-c{args.connections}", f"-d{seconds}s", "--latency", "-s", args.script,
               args.gateway]
    run_env = dict(os.environ, **env)
    if report:
        run_env["REPORT_FILE"] = report
    result = subprocess.run(command, env=run_env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"wrk failed ({result.returncode}): {result.stderr.strip()}")


def measured_run(args, env, pids):
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        before, generator_before = cpu_seconds(pids), children_cpu()
        wrk(args, args.duration, env, report.name)
        after, generator_after = cpu_seconds(pids), children_cpu()
        numbers = json.load(open(report.name))
    requests = numbers["requests"]
    seconds = numbers["durationMicros"] / 1e6
    per_process = {name: round((after[name] - before[name]) * 1000 / max(requests, 1), 4)
                   for name in pids if before.get(name) is not None and after.get(name) is not None}
    errors = dict(numbers["errors"])
    errors["non2xx"] = errors.pop("status")
    return {
        "requests": requests,
        "seconds": round(seconds, 2),
        "requestsPerSecond": round(requests / seconds, 1),
        "latencyMs": {k: round(v / 1000, 2) for k, v in numbers["latencyMicros"].items()},
        "errors": errors,
        "errorShare": round(sum(errors.values()) / max(requests, 1), 5),
        "cpuMsPerRequest": round(sum(per_process.values()), 3),
        "cpuMsPerRequestByProcess": dict(sorted(per_process.items(), key=lambda kv: -kv[1])),
        "loadGeneratorCpuMsPerRequest": round((generator_after - generator_before) * 1000 / max(requests, 1), 3),
    }


def median_of(runs):
    pick = lambda f: round(statistics.median(f(r) for r in runs), 3)
    return {
        "requestsPerSecond": pick(lambda r: r["requestsPerSecond"]),
        "latencyMs": {k: pick(lambda r, k=k: r["latencyMs"][k]) for k in ("p50", "p90", "p99", "max")},
        "errorShare": pick(lambda r: r["errorShare"]),
        "cpuMsPerRequest": pick(lambda r: r["cpuMsPerRequest"]),
        "loadGeneratorCpuMsPerRequest": pick(lambda r: r["loadGeneratorCpuMsPerRequest"]),
    }


def git_commit(root):
    try:
        commit = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return commit + ("+changes" if dirty else "")
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "unknown"


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    memory_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return {"cpu": cpu, "cores": os.cpu_count(), "memoryGb": round(memory_kb / 1024 / 1024, 1),
            "kernel": platform.release()}


def row(label, r):
    lat, err = r["latencyMs"], r["errorShare"] * 100
    return (f"  {label:<8} {r['requestsPerSecond']:>9,.0f} {lat['p50']:>8.1f} {lat['p90']:>8.1f} {lat['p99']:>8.1f} "
            f"{lat['max']:>8.0f} {err:>7.2f} % {r['cpuMsPerRequest']:>8.2f} {r['loadGeneratorCpuMsPerRequest']:>8.2f}")


HEADER = (f"  {'run':<8} {'req/s':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>9} "
          f"{'CPU ms':>8} {'wrk ms':>8}")


def run(args):
    env = dict(item.split("=", 1) for item in args.env)
    pids = system_pids(args.emporium)
    print(f"▸ {args.scenario}: {args.description}")
    print(f"  {args.connections} connections, {args.runs} runs of {args.duration} s after {args.warmup} s of warm-up;"
          f" CPU summed over {len(pids)} processes")
    if args.warmup > 0:
        wrk(args, args.warmup, env)
    runs = []
    print(HEADER)
    for i in range(args.runs):
        runs.append(measured_run(args, env, pids))
        print(row(str(i + 1), runs[-1]), flush=True)
        errors = {k: v for k, v in runs[-1]["errors"].items() if v}
        if errors:
            print("           errors: " + ", ".join(f"{k} {v}" for k, v in errors.items()))
    median = median_of(runs)
    print(row("median", median))
    heaviest = runs[len(runs) // 2]["cpuMsPerRequestByProcess"]
    print("  CPU ms per request by process (middle run): "
          + ", ".join(f"{name} {ms:.2f}" for name, ms in list(heaviest.items())[:8]))
    result = {
        "scenario": args.scenario, "description": args.description,
        "at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": git_commit(os.path.dirname(os.path.abspath(args.emporium))), "machine": machine(),
        "options": {"connections": args.connections, "durationSeconds": args.duration, "runs": args.runs,
                    "warmupSeconds": args.warmup, "gateway": args.gateway},
        "median": median, "runs": runs,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as out:
        json.dump(result, out, indent=2)
        out.write("\n")
    print(f"  results: {args.out}")


def compare(args):
    a, b = (json.load(open(path)) for path in (args.a, args.b))
    if a["scenario"] != b["scenario"]:
        print(f"note: different scenarios ({a['scenario']} and {b['scenario']})")
    print(f"{a['scenario']}: A {a['commit']} at {a['at']}  →  B {b['commit']} at {b['at']} (medians)")
    lines = [("requests/s", a["median"]["requestsPerSecond"], b["median"]["requestsPerSecond"], True)]
    for k in ("p50", "p90", "p99", "max"):
        lines.append((f"{k} ms", a["median"]["latencyMs"][k], b["median"]["latencyMs"][k], False))
    lines.append(("error share", a["median"]["errorShare"], b["median"]["errorShare"], False))
    lines.append(("CPU ms per request", a["median"]["cpuMsPerRequest"], b["median"]["cpuMsPerRequest"], False))
    for label, x, y, higher_is_better in lines:
        change = "" if not x else f"{(y - x) * 100 / x:+.1f} %"
        better = "" if x == y else ("better" if (y > x) == higher_is_better else "worse")
        print(f"  {label:<20} {x:>10,.2f} {y:>10,.2f}  {change:>9}  {better}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--scenario", required=True)
    r.add_argument("--description", default="")
    r.add_argument("--script", required=True)
    r.add_argument("--env", action="append", default=[])
    r.add_argument("--gateway", required=True)
    r.add_argument("--emporium", required=True)
    r.add_argument("--duration", type=int, default=30)
    r.add_argument("--connections", type=int, default=32)
    r.add_argument("--runs", type=int, default=3)
    r.add_argument("--warmup", type=int, default=60)
    r.add_argument("--out", required=True)
    c = sub.add_parser("compare")
    c.add_argument("a")
    c.add_argument("b")
    args = parser.parse_args()
    run(args) if args.command == "run" else compare(args)


if __name__ == "__main__":
    main()
