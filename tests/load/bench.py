#!/usr/bin/env python3
"""Runs one workload against a running system with a load generator, wrk or Gatling, and reports it
(scenario.sh prepares the inputs and calls this; the standard library only).

  bench.py run --scenario NAME --generator wrk --script FILE.lua --env K=V... --gateway URL --emporium PATH
               [--duration S] [--connections N] [--runs N] [--warmup S] [--out FILE]
  bench.py run --scenario NAME --generator gatling --java JAVA --classpath FILE --simulation CLASS
               --property K=V... --reports DIR [--rate R] --gateway URL --emporium PATH [...the same]
  bench.py run --scenario checkout --generator checkout --orders-bench services/orders/bench.sh [--rate R] ...
  bench.py compare A.json B.json

A run: one warm-up of --warmup seconds that is not counted (the JIT of every JVM on the path needs
minutes of load to plateau), then --runs measured runs. For each: requests/s, latency percentiles
(wrk's: from the time a request is sent, so a stalled server hides some waiting, see
docs/performance.md; Gatling's: from the time its virtual user sends), errors by kind, and CPU per
request summed over every process of the system (`./emporium status --json`: each component's user
and system time with its descendants', such as Postgres' backends; the launcher's own only) and,
apart, the load generator's. The table shows each run and the median; the JSON keeps it all.

The load generators differ only in how they are started and how their numbers are read: each
measured run opens a Window when its load starts and closes it when the load ends, and the Window
does the CPU accounting for both. wrk's window is its whole process; Gatling's lies between two
lines its simulation prints, so its JVM's start and its HTML report stay outside.
"""
import argparse
import datetime
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

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


def process_cpu(pid):
    """A live process's own user + system CPU seconds, all its threads."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


class Window:
    """The measured window of one run: the system's CPU per process and the load generator's, each
    read when the load starts and when it ends (generator_cpu: a function giving its seconds so far)."""

    def __init__(self, pids, generator_cpu):
        self.pids, self.generator_cpu = pids, generator_cpu

    def open(self):
        self.before, self.generator_before = cpu_seconds(self.pids), self.generator_cpu()
        self.opened = time.monotonic()

    def close(self):
        self.seconds = time.monotonic() - self.opened
        self.after, self.generator_after = cpu_seconds(self.pids), self.generator_cpu()


def follow(command, window, starts, ends, name):
    """Runs a load generator that prints a line when its load starts and one when it ends; opens and
    closes the window on them (the generator's CPU: that process's own). Returns what it printed."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    for line in process.stdout:
        lines.append(line)
        if window and line.startswith(starts):
            window.generator_cpu = lambda: process_cpu(process.pid)
            window.open()
        elif window and line.startswith(ends):
            window.close()
    if process.wait() != 0 or (window and not hasattr(window, "seconds")):
        sys.stdout.write("".join(lines[-30:]))
        sys.exit(f"{name} failed ({process.returncode}); its output ends above")
    return lines


class Wrk:
    """wrk with a Lua script; report.lua writes its numbers as JSON at the end."""
    label = "wrk"

    def __init__(self, args):
        self.args = args
        self.env = dict(item.split("=", 1) for item in args.env)

    def _run(self, seconds, report=None):
        threads = min(2, self.args.connections)
        command = ["wrk", f"-t{threads}", f"-c{self.args.connections}", f"-d{seconds}s", "--latency", "-s",
                   self.args.script, self.args.gateway]
        run_env = dict(os.environ, **self.env)
        if report:
            run_env["REPORT_FILE"] = report
        result = subprocess.run(command, env=run_env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"wrk failed ({result.returncode}): {result.stderr.strip()}")

    def warm_up(self, seconds):
        self._run(seconds)

    def measure(self, seconds, pids):
        """One run in its window: (window, numbers); wrk's window is its whole process (it does nothing else)."""
        window = Window(pids, children_cpu)
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            window.open()
            self._run(seconds, report.name)
            window.close()
            numbers = json.load(open(report.name))
        errors = dict(numbers["errors"])
        errors["non2xx"] = errors.pop("status")
        return window, {
            "requests": numbers["requests"],
            "seconds": numbers["durationMicros"] / 1e6,
            "latencyMs": {k: v / 1000 for k, v in numbers["latencyMicros"].items()},
            "errors": errors,
        }


class Gatling:
    """A Gatling simulation run with plain java (compiled beforehand; no build tool in the window),
    its settings as system properties. Its numbers are read from the summary it prints at the end;
    its HTML report is kept under --reports."""
    label = "Gatling"
    STARTS, ENDS = "emporium-bench: load starts", "emporium-bench: load ended"
    REPORT = re.compile(r"please open the following file: file://(\S+)")
    STAT = re.compile(r"^> (.+?)\s+\|\s+(\S+)\s+\|\s+(\S+)\s+\|\s+(\S+)\s*$")
    ERROR = re.compile(r"^> (.+?)\s+(\d+)\s+\(\s*[\d.]+%\)\s*$")

    def __init__(self, args):
        self.args = args
        self.classpath = open(args.classpath).read().strip()
        self.runs = 0

    def _command(self, seconds, description, reports):
        a = self.args
        properties = [f"-D{p}" for p in a.property] + [
            f"-Dgateway={a.gateway}", f"-Dusers={a.connections}", f"-Drate={a.rate}", f"-Dduration={seconds}"]
        command = [a.java, "-Xms256m", "-Xmx512m", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                   "--enable-native-access=ALL-UNNAMED", "-cp", self.classpath, *properties,
                   "io.gatling.app.Gatling", "-s", a.simulation, "-rf", a.reports, "-rd", description]
        return command if reports else command + ["-nr"]

    def _run(self, seconds, description, reports, window=None):
        """Runs Gatling, its output to a log; returns the lines it printed."""
        os.makedirs(self.args.reports, exist_ok=True)
        return follow(self._command(seconds, description, reports), window, self.STARTS, self.ENDS, "Gatling")

    def warm_up(self, seconds):
        self._run(seconds, f"{self.args.scenario} warm-up", reports=False)

    def measure(self, seconds, pids):
        self.runs += 1
        window = Window(pids, None)  # its CPU function is the JVM's, once it runs (follow)
        lines = self._run(seconds, f"{self.args.scenario} run {self.runs}", reports=True, window=window)
        numbers = self.numbers(lines)
        if numbers["report"]:  # what Gatling printed, beside its report (the errors in full, its warnings)
            with open(os.path.join(os.path.dirname(numbers["report"]), "console.log"), "w") as log:
                log.writelines(lines)
        return window, numbers

    def numbers(self, lines):
        stats, errors, in_errors, report = {}, {}, False, None
        # the summary at the end (the console's periodic ones before it count from the start too)
        summary = max((i for i, line in enumerate(lines) if line.startswith("---- Global Information")), default=0)
        for line in lines[summary:]:
            line = line.rstrip("\n")
            if line.startswith("---- Errors"):
                in_errors = True
            elif line.startswith("====") or line.startswith("---- "):
                in_errors = False
            if in_errors and (m := self.ERROR.match(line)):
                errors[m.group(1).strip()] = errors.get(m.group(1).strip(), 0) + int(m.group(2))
            elif (m := self.STAT.match(line)):
                stats[m.group(1).strip()] = m.group(2)
            if (m := self.REPORT.search(line)):
                report = m.group(1)
        number = lambda key: float(stats.get(key, "0").replace(",", "").replace("-", "0") or 0)
        latency = {"p50": number("response time 50th percentile (ms)"),
                   "p90": number("response time 90th percentile (ms)"),
                   "p99": number("response time 99th percentile (ms)"),
                   "p999": number("response time 99.9th percentile (ms)"),
                   "max": number("max response time (ms)"), "mean": number("mean response time (ms)")}
        kinds = {"connect": 0, "read": 0, "write": 0, "non2xx": 0, "timeout": 0, "check": 0}
        for message, count in errors.items():
            kinds[error_kind(message)] += count
        return {"requests": int(number("request count")), "seconds": None, "latencyMs": latency, "errors": kinds,
                "errorMessages": errors, "report": report}


class Checkout:
    """services/orders/bench.sh: its clients fill carts, then place orders for --duration seconds
    (as fast as they are answered, or --rate orders per second), and it waits for every saga to end.
    The window is from the first placement to the last saga's end (the carts' filling stays outside);
    a request here is a confirmed order, its latency the saga's, placed to confirmed."""
    label = "bench"
    STARTS = "placing orders"
    RESULT = re.compile(r"^RESULT .*placed=(\d+) confirmed=(\d+) cancelled=(\d+) unsettled=(\d+) \| confirmed/s \S+ "
                        r"\(first placement → last confirmation, ([\d.]+) s\) \| placement p50 ([\d.]+) ms p99 ([\d.]+) ms "
                        r"\| saga placed→confirmed p50 (\d+) ms p90 (\d+) ms p99 (\d+) ms max (\d+) ms")
    REFUSED = re.compile(r"^placed \d+ orders in .*, (\d+) refused")
    BUSY = re.compile(r'^placed \d+ orders in .*, (\d+) answers "busy"')

    def __init__(self, args):
        self.args = args

    def _run(self, seconds, window=None):
        # the window's generator CPU is the benchmark's JVM: bench.sh has exec'd it by the time it
        # prints that it is placing orders (its compile step ran before, outside the window)
        command = [self.args.orders_bench, str(self.args.connections), f"{seconds}s", f"{self.args.rate:g}"]
        return follow(command, window, self.STARTS, "RESULT", "the checkout benchmark")

    def warm_up(self, seconds):
        self._run(seconds)

    def measure(self, seconds, pids):
        window = Window(pids, None)
        lines = self._run(seconds, window)
        result = next((m for m in map(self.RESULT.match, lines) if m), None)
        if not result:
            sys.exit("the checkout benchmark printed no RESULT line it could read:\n" + "".join(lines[-10:]))
        placed, confirmed, cancelled, unsettled = (int(result.group(i)) for i in range(1, 5))
        refused = next((int(m.group(1)) for m in map(self.REFUSED.match, lines) if m), 0)
        busy = next((int(m.group(1)) for m in map(self.BUSY.match, lines) if m), 0)
        return window, {
            "requests": confirmed,
            "seconds": float(result.group(5)),
            "latencyMs": {"p50": float(result.group(8)), "p90": float(result.group(9)),
                          "p99": float(result.group(10)), "max": float(result.group(11))},
            "errors": {"cancelled": cancelled, "unsettled": unsettled, "refused": refused},
            # busy: 503s of admission control, each waited out (Retry-After) and sent again; p50/p99 include the waits
            "placement": {"orders": placed, "p50Ms": float(result.group(6)), "p99Ms": float(result.group(7)),
                          "busyAnswers": busy},
        }


def error_kind(message):
    """Gatling's error message as one of wrk's kinds of error, or "check" (the page was not what a
    shopper needed next: no sign-in form, no product on a category page...)."""
    lower = message.lower()
    if "timeout" in lower or "timed out" in lower:
        return "timeout"
    if "status.find" in lower:
        return "non2xx"
    if "connect" in lower and ("refused" in lower or "exception" in lower):
        return "connect"
    if "premature close" in lower or "connection reset" in lower or "closed" in lower:
        return "read"
    return "check"


def measured_run(generator, args, pids):
    window, numbers = generator.measure(args.duration, pids)
    requests = numbers["requests"]
    seconds = numbers["seconds"] or window.seconds
    per_process = {name: round((window.after[name] - window.before[name]) * 1000 / max(requests, 1), 4)
                   for name in pids if window.before.get(name) is not None and window.after.get(name) is not None}
    errors = numbers["errors"]
    result = {
        "requests": requests,
        "seconds": round(seconds, 2),
        "requestsPerSecond": round(requests / seconds, 1),
        "latencyMs": {k: round(v, 2) for k, v in numbers["latencyMs"].items()},
        "errors": errors,
        "errorShare": round(sum(errors.values()) / max(requests, 1), 5),
        "cpuMsPerRequest": round(sum(per_process.values()), 3),
        "cpuMsPerRequestByProcess": dict(sorted(per_process.items(), key=lambda kv: -kv[1])),
        "loadGeneratorCpuMsPerRequest": round((window.generator_after - window.generator_before) * 1000
                                              / max(requests, 1), 3),
    }
    for extra in ("errorMessages", "report", "placement"):
        if numbers.get(extra) is not None:
            result[extra] = numbers[extra]
    return result


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
            f"{lat['max']:>8.0f} {err:>7.2f} % {r['cpuMsPerRequest']:>8.2f} {r['loadGeneratorCpuMsPerRequest']:>10.2f}")


def header(generator):
    return (f"  {'run':<8} {'req/s':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>9} "
            f"{'CPU ms':>8} {generator.label + ' ms':>10}")


GENERATORS = {"wrk": Wrk, "gatling": Gatling, "checkout": Checkout}


def run(args):
    generator = GENERATORS[args.generator](args)
    pids = system_pids(args.emporium)
    print(f"▸ {args.scenario}: {args.description}")
    unit = {"gatling": "sessions started", "checkout": "orders placed"}.get(args.generator, "requests")
    users = {"gatling": "virtual users", "checkout": "clients"}.get(args.generator, "connections")
    load = (f"{args.rate:g} {unit} per second (open model)" if args.rate else f"{args.connections} {users}")
    print(f"  {generator.label}: {load}, {args.runs} runs of {args.duration} s after {args.warmup} s of warm-up;"
          f" CPU summed over {len(pids)} processes")
    if args.warmup > 0:
        generator.warm_up(args.warmup)
    runs = []
    print(header(generator))
    for i in range(args.runs):
        runs.append(measured_run(generator, args, pids))
        print(row(str(i + 1), runs[-1]), flush=True)
        errors = {k: v for k, v in runs[-1]["errors"].items() if v}
        if errors:
            print("           errors: " + ", ".join(f"{k} {v}" for k, v in errors.items()))
        if runs[-1].get("report"):
            print(f"           report: {runs[-1]['report']}")
        if runs[-1].get("placement", {}).get("busyAnswers"):
            print(f"           checkout busy (503, waited out and retried): {runs[-1]['placement']['busyAnswers']}")
    median = median_of(runs)
    print(row("median", median))
    heaviest = runs[len(runs) // 2]["cpuMsPerRequestByProcess"]
    print("  CPU ms per request by process (middle run): "
          + ", ".join(f"{name} {ms:.2f}" for name, ms in list(heaviest.items())[:8]))
    options = {"connections": args.connections, "durationSeconds": args.duration, "runs": args.runs,
               "warmupSeconds": args.warmup, "gateway": args.gateway, "loadGenerator": args.generator}
    if args.rate:
        options["sessionsPerSecond"] = args.rate
    result = {
        "scenario": args.scenario, "description": args.description,
        "at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": git_commit(os.path.dirname(os.path.abspath(args.emporium))), "machine": machine(),
        "options": options, "median": median, "runs": runs,
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
    # the load generator does about the same work per request in both runs: when its own CPU per
    # request differs much, suspect the machine (another day, a busier host) before the change. A hint,
    # not proof: at a lower rate it also gathers fewer answers per wake-up
    x, y = (run["median"].get("loadGeneratorCpuMsPerRequest") for run in (a, b))
    if x and y:
        print(f"  {'generator CPU ms':<20} {x:>10,.3f} {y:>10,.3f}  {(y - x) * 100 / x:>+8.1f} %  (a yardstick of the machine)")
        if abs(y - x) / x > 0.2:
            print("  note: the load generator's CPU per request differs by more than 20 %: was it the same machine?")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--scenario", required=True)
    r.add_argument("--description", default="")
    r.add_argument("--generator", choices=sorted(GENERATORS), default="wrk")
    r.add_argument("--script", help="wrk: the Lua script")
    r.add_argument("--env", action="append", default=[], help="wrk: K=V for the script")
    r.add_argument("--java", help="Gatling: the java binary (JDK 21 or newer)")
    r.add_argument("--classpath", help="Gatling: a file holding the simulation's classpath")
    r.add_argument("--simulation", help="Gatling: the simulation class")
    r.add_argument("--property", action="append", default=[], help="Gatling: K=V, a system property")
    r.add_argument("--reports", help="Gatling: where its HTML reports go")
    r.add_argument("--rate", type=float, default=0,
                   help="Gatling: sessions started per second (open model); checkout: orders placed per second")
    r.add_argument("--orders-bench", help="checkout: services/orders/bench.sh (EMPORIUM_TOKEN set)")
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
    if args.command == "run":
        needed = {"wrk": ["script"], "gatling": ["java", "classpath", "simulation", "reports"],
                  "checkout": ["orders_bench"]}[args.generator]
        missing = [f"--{name}" for name in needed if not getattr(args, name)]
        if missing:
            parser.error(f"{args.generator} needs {', '.join(missing)}")
    run(args) if args.command == "run" else compare(args)


if __name__ == "__main__":
    main()
