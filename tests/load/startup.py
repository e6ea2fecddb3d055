"""The JSON side of the start-up benchmark (tests/load/startup.sh): reads `./emporium status --json`,
writes one run's record and the results file (runs + summary), prints the table and compares two
results files. Standard library only, so it runs wherever python3 does.

  startup.py ready STATUS            exit 0 when the system says it is ready (readySeconds set)
  startup.py check STATUS            exit 0 when STATUS is a usable status answer
  startup.py pids|ports STATUS       the processes and ports to see gone after stop
  startup.py run KIND N WALL STOP STATUS   one run's record (to stdout)
  startup.py line RUN                one progress line for a run
  startup.py summarize OUT [--machine k=v] [--meta k=v] [--option k=v] RUN...
  startup.py compare A B
"""
import json
import statistics
import sys

TOTAL = "total"


def load(path):
    with open(path) as f:
        return json.load(f)


def usable(status):
    return isinstance(status, dict) and isinstance(status.get("components"), list) and all(
        "name" in c for c in status["components"])


def spread(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"median": round(statistics.median(values), 1), "min": min(values), "max": max(values)}


def own_seconds(status):
    """Per component: seconds from its start to its ready, its start being when the last of what it
    starts after was ready (the launcher starts it at once then); None while not ready."""
    ready = {c["name"]: c.get("readySeconds") for c in status["components"]}
    own = {}
    for c in status["components"]:
        gates = [ready.get(n) for n in c.get("startsAfter") or []]
        if ready[c["name"]] is None or None in gates:
            own[c["name"]] = None
        else:
            own[c["name"]] = round(ready[c["name"]] - max(gates, default=0), 1)
    return own


def critical_path(status):
    """The chain of waits that decided when the system was ready: the last component to be ready, what
    it started after that was ready last, and so on back. Each step: (name, its own seconds)."""
    components = {c["name"]: c for c in status["components"]}
    ready = {name: c.get("readySeconds") for name, c in components.items()}
    if not ready or None in ready.values():
        return []
    own = own_seconds(status)
    path, name = [], max(ready, key=ready.get)
    while name is not None:
        path.append((name, own[name]))
        gates = [n for n in components[name].get("startsAfter") or [] if n in ready]
        name = max(gates, key=ready.get) if gates else None
    return path[::-1]


def describe_path(path):
    return " → ".join(f"{name} {'+' if i else ''}{seconds:.1f} s" for i, (name, seconds) in enumerate(path))


def summary(runs):
    """Per kind (cold, warm), per component and in total: median and range of ready time and memory."""
    kinds = {}
    for kind in ("cold", "warm"):
        chosen = [r for r in runs if r["kind"] == kind]
        if not chosen:
            continue
        names = []
        for r in chosen:
            names += [c["name"] for c in r["status"]["components"] if c["name"] not in names]
        # in the order they became ready (the critical path reads top to bottom)
        def ready(name):
            times = [c.get("readySeconds") for r in chosen for c in r["status"]["components"] if c["name"] == name]
            times = [t for t in times if t is not None]
            return statistics.median(times) if times else float("inf")
        names.sort(key=ready)
        rows = {}
        for name in names:
            found = [c for r in chosen for c in r["status"]["components"] if c["name"] == name]
            rows[name] = {"readySeconds": spread([c.get("readySeconds") for c in found]),
                          "ownSeconds": spread([own_seconds(r["status"]).get(name) for r in chosen]),
                          "pssMb": spread([c.get("pssMb") for c in found]),
                          "rssMb": spread([c.get("rssMb") for c in found])}
        # status --json counts the launcher in the total but lists only the components: its share is the rest
        rows["launcher"] = {"readySeconds": None, "rssMb": None, "pssMb": spread(
            [r["status"]["totalPssMb"] - sum(c.get("pssMb") or 0 for c in r["status"]["components"])
             for r in chosen if r["status"].get("totalPssMb") is not None])}
        rows[TOTAL] = {"readySeconds": spread([r["status"].get("readySeconds") for r in chosen]),
                       "pssMb": spread([r["status"].get("totalPssMb") for r in chosen]),
                       "rssMb": spread([r["status"].get("totalRssMb") for r in chosen]),
                       "wallReadySeconds": spread([r["wallReadySeconds"] for r in chosen])}
        # the critical path of the run whose ready time is the median one
        middle = sorted(chosen, key=lambda r: r["status"].get("readySeconds") or 0)[(len(chosen) - 1) // 2]
        kinds[kind] = {"runs": len(chosen), "components": rows,
                       "criticalPath": [{"name": n, "ownSeconds": o} for n, o in critical_path(middle["status"])]}
    return kinds


def number(v, decimals):
    return "–" if v is None else f"{v:,.{decimals}f}"


def median_and_range(s, decimals):
    if s is None:
        return ["–", ""]
    return [number(s["median"], decimals),
            "" if s["min"] == s["max"] else f"{number(s['min'], decimals)}–{number(s['max'], decimals)}"]


def render(head, rows):
    """Aligned columns: names left, numbers right, ranges and changes left; a rule above the last row."""
    lines = head + rows
    widths = [max(len(r[i]) for r in lines) for i in range(len(head[0]))]
    for i, r in enumerate(lines):
        if i == len(lines) - 1:
            print("  " + "-" * (sum(widths) + 3 * (len(widths) - 1)))
        cells = [r[0].ljust(widths[0])] + [
            v.rjust(w) if j % 2 == 1 else v.ljust(w) for j, (v, w) in enumerate(zip(r[1:], widths[1:]), 1)]
        print("  " + "   ".join(cells).rstrip())


def table(kinds, budgets):
    for kind, k in kinds.items():
        print(f"\n{kind} starts ({k['runs']} run{'s' if k['runs'] > 1 else ''}): time to ready since `up` began, memory after the idle wait")
        print("  own: from its start (once what it starts after was ready) to its ready")
        head = [["", "ready (s)", "", "own (s)", "", "PSS (MB)", "", "budget"],
                ["component", "median", "range", "median", "range", "median", "range", "(MB)"]]
        rows = [[name] + median_and_range(c["readySeconds"], 1) + median_and_range(c.get("ownSeconds"), 1)
                + median_and_range(c["pssMb"], 0) + [number(budgets.get(name), 0) if budgets.get(name) else ""]
                for name, c in k["components"].items()]
        render(head, rows)
        path = [(step["name"], step["ownSeconds"]) for step in k.get("criticalPath") or []]
        if path:
            print(f"  critical path (median run): {describe_path(path)}")


def parse_pairs(args, flag):
    pairs, rest, i = {}, [], 0
    while i < len(args):
        if args[i] == flag:
            key, _, value = args[i + 1].partition("=")
            pairs[key] = int(value) if value.isdigit() else value
            i += 2
        else:
            rest.append(args[i])
            i += 1
    return pairs, rest


def compare(a_path, b_path):
    a, b = load(a_path), load(b_path)
    for label, path, r in (("A", a_path, a), ("B", b_path, b)):
        meta = r.get("meta", {})
        print(f"{label}: {path}\n   {meta.get('date', '?')}, commit {meta.get('commit', '?')}, JDK {meta.get('jdk', '?')}")
    if a.get("machine") != b.get("machine"):
        print("   (measured on different machines: compare with care)")
    for kind in ("cold", "warm"):
        if kind not in a["summary"] or kind not in b["summary"]:
            continue
        ka, kb = a["summary"][kind]["components"], b["summary"][kind]["components"]
        print(f"\n{kind} starts (A: {a['summary'][kind]['runs']} runs, B: {b['summary'][kind]['runs']}): medians")
        head = [["", "ready (s)", "", "PSS (MB)", ""], ["component", "A → B", "change", "A → B", "change"]]
        rows = []
        names = [n for n in ka if n != TOTAL] + [n for n in kb if n not in ka and n != TOTAL] + [TOTAL]
        for name in names:
            row = [name]
            for metric, decimals in (("readySeconds", 1), ("pssMb", 0)):
                va = (ka.get(name, {}).get(metric) or {}).get("median")
                vb = (kb.get(name, {}).get(metric) or {}).get("median")
                row.append(f"{number(va, decimals)} → {number(vb, decimals)}")
                if va is None or vb is None:
                    row.append("")
                else:
                    change = f"{vb - va:+,.{decimals}f}"
                    row.append(f"{change} ({(vb - va) / va * 100:+.0f}%)" if va else change)
            rows.append(row)
        render(head, rows)


def main(argv):
    command, args = argv[0], argv[1:]
    if command == "ready":
        status = load(args[0])
        return 0 if usable(status) and status.get("readySeconds") is not None else 1
    if command == "check":
        try:
            return 0 if usable(load(args[0])) else 1
        except (OSError, ValueError):
            return 1
    if command in ("pids", "ports"):
        status = load(args[0])
        key = "pid" if command == "pids" else "port"
        values = [c.get(key) for c in status["components"]]
        if command == "pids":
            values.append(status.get("launcherPid"))
        print(" ".join(str(v) for v in values if isinstance(v, int) and v > 0))
        return 0
    if command == "run":
        kind, n, wall, stop, status = args
        print(json.dumps({"kind": kind, "n": int(n), "wallReadySeconds": float(wall),
                          "stopSeconds": float(stop), "status": load(status)}))
        return 0
    if command == "line":
        run = load(args[0])
        s = run["status"]
        slowest = max(s["components"], key=lambda c: c.get("readySeconds") or 0)
        print(f"ready in {number(s.get('readySeconds'), 1)} s (slowest {slowest['name']} "
              f"{number(slowest.get('readySeconds'), 1)} s), {number(s.get('totalPssMb'), 0)} MB PSS at idle, "
              f"stopped in {run['stopSeconds']:.1f} s")
        path = critical_path(s)
        if path:
            print(f"    critical path: {describe_path(path)}")
        return 0
    if command == "summarize":
        out, rest = args[0], args[1:]
        machine, rest = parse_pairs(rest, "--machine")
        meta, rest = parse_pairs(rest, "--meta")
        options, rest = parse_pairs(rest, "--option")
        runs = sorted((load(p) for p in rest), key=lambda r: (r["kind"], r["n"]))
        kinds = summary(runs)
        last = runs[-1]["status"]
        budgets = {c["name"]: c.get("budgetMb") for c in last["components"]}
        budgets["launcher"] = None
        budgets[TOTAL] = last.get("budgetMb")
        with open(out, "w") as f:
            json.dump({"benchmark": "startup", "machine": machine, "meta": meta, "options": options,
                       "summary": kinds, "runs": runs}, f, indent=2)
            f.write("\n")
        table(kinds, budgets)
        print(f"\n  written to {out} (compare two: tests/load/startup.sh --compare A.json B.json)")
        return 0
    if command == "compare":
        compare(*args)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
