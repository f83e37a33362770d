#!/usr/bin/python3
"""bench/compare.py: check that mot and the other tools of the benchmark
computed the same thing, so that comparing their times is honest.

    /usr/bin/python3 bench/compare.py MOT.json TOOL.json [TOOL.json ...]

MOT.json is `mot analyze --format json`; each TOOL.json what
bench/duckdb_features.mjs or bench/pandas_features.py printed. Checked:

  mot against every tool  total events; per touchpoint events (n), rated
                          events (n_rated), customers reached (n_customers),
                          all exactly, and the mean score to 1e-9;
  the tools among them    the same, plus the rows of the per-customer-per-
                          touchpoint table and of its join to customers,
                          matched rows, distinct customers (exactly) and the
                          sums of worst, last and mean score and of the
                          joined `overall` (relative difference 1e-9).

Prints one line per check and exits 1 if any fails.
"""
import json
import sys

TOL = 1e-9


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def mot_view(m):
    """The tool-shaped numbers of a mot analyze report."""
    tps = {}
    for t in m["touchpoints"]:
        if t["n"]:
            tps[t["id"]] = {"n": t["n"], "rated": t["n_rated"],
                            "customers": t["n_customers"], "mean": t["mean"]}
    return {"tool": "mot", "events": m["sample"]["events"], "touchpoints": tps}


def close(a, b, rel):
    if a is None or b is None:
        return a is None and b is None
    scale = max(1.0, abs(a), abs(b)) if rel else 1.0
    return abs(a - b) <= TOL * scale


def compare(a, b, full):
    """Problems (strings) between views a and b, and the largest mean gap."""
    bad = []
    worst_gap = 0.0
    keys = ["events"]
    if full:
        keys += ["rated", "customer_touchpoints", "customers", "joined_rows",
                 "matched_rows"]
    for k in keys:
        if a[k] != b[k]:
            bad.append("%s: %s %s, %s %s" % (k, a["tool"], a[k], b["tool"], b[k]))
    if full:
        for k, x in a["checksum"].items():
            if not close(x, b["checksum"][k], rel=True):
                bad.append("sum of %s: %s %r, %s %r" % (k, a["tool"], x,
                                                         b["tool"], b["checksum"][k]))
    ta, tb = a["touchpoints"], b["touchpoints"]
    if set(ta) != set(tb):
        bad.append("touchpoints with events: %s %s, %s %s"
                   % (a["tool"], sorted(ta), b["tool"], sorted(tb)))
    for tp in sorted(set(ta) & set(tb)):
        x, y = ta[tp], tb[tp]
        for k in ("n", "rated", "customers"):
            if x[k] != y[k]:
                bad.append("%s %s: %s %s, %s %s" % (tp, k, a["tool"], x[k],
                                                    b["tool"], y[k]))
        if not close(x["mean"], y["mean"], rel=False):
            bad.append("%s mean: %s %r, %s %r" % (tp, a["tool"], x["mean"],
                                                  b["tool"], y["mean"]))
        elif x["mean"] is not None:
            worst_gap = max(worst_gap, abs(x["mean"] - y["mean"]))
    return bad, worst_gap


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 64
    mot = mot_view(load(sys.argv[1]))
    tools = [load(p) for p in sys.argv[2:]]
    failed = False
    pairs = [(mot, t, False) for t in tools]
    pairs += [(tools[0], t, True) for t in tools[1:]]
    for a, b, full in pairs:
        bad, gap = compare(a, b, full)
        what = ("events, per-touchpoint n/rated/customers/mean, rows, "
                "checksums" if full else
                "events, per-touchpoint n/rated/customers/mean")
        if bad:
            failed = True
            print("DISAGREE %s vs %s:" % (a["tool"], b["tool"]))
            for line in bad:
                print("    " + line)
        else:
            print("agree    %-6s vs %-14s %s (%d events, %d touchpoints, "
                  "largest mean gap %.1e)" % (a["tool"], b["tool"], what,
                                              a["events"], len(a["touchpoints"]),
                                              gap))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
