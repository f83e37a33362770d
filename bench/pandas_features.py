#!/usr/bin/python3
"""bench/pandas_features.py: the feature computation of the benchmark in
pandas, for comparison with `mot analyze` (bench/run.sh).

    /usr/bin/python3 bench/pandas_features.py DIR

DIR holds events.csv and customers.csv (a `mot demo` folder). Computes the
same as bench/duckdb_features.mjs, written as a pandas user who cares about
speed would (only the columns needed, ids as categoricals, one group-by):

  per customer and touchpoint  events, rated events, worst score, last rated
                               score (by time; ties keep file order), mean
                               score; joined (left) to customers.csv;
  per touchpoint               events, rated events, mean score, customers
                               reached (from the table above).

Prints row counts, checksums and the per-touchpoint table as one JSON object
on stdout (the shape bench/compare.py reads); phase times go to stderr.
pandas is single-threaded.
"""
import json
import os
import sys
import time

import pandas as pd


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: pandas_features.py DIR\n")
        return 64
    d = sys.argv[1]
    t0 = last = time.perf_counter()
    phases = {}

    def lap(name):
        nonlocal last
        now = time.perf_counter()
        phases[name] = round(now - last, 3)
        last = now

    ev = pd.read_csv(os.path.join(d, "events.csv"),
                     usecols=["customer_id", "time", "touchpoint", "score"],
                     dtype={"customer_id": "category", "touchpoint": "category",
                            "time": str, "score": "float64"})
    ev["time"] = pd.to_datetime(ev["time"], format="%Y-%m-%dT%H:%M:%S")
    cust = pd.read_csv(os.path.join(d, "customers.csv"),
                       dtype={"customer_id": str, "overall": "float64"})
    lap("read")

    # Time order (stable: ties keep file order), so that `last` is the last
    # rated score by time; GroupBy.last skips missing scores.
    ev = ev.sort_values("time", kind="stable")
    g = ev.groupby(["customer_id", "touchpoint"], observed=True, sort=False)
    cf = g["score"].agg(["size", "count", "min", "last", "mean", "sum"])
    cf.columns = ["n", "rated", "worst", "last", "mean", "score_sum"]
    cf = cf.reset_index()
    del ev, g
    lap("group")

    cust["customer_id"] = pd.Categorical(
        cust["customer_id"], categories=cf["customer_id"].cat.categories)
    cust["matched"] = True
    features = cf.merge(cust, on="customer_id", how="left")
    features["matched"] = features["matched"].notna() & features["matched"].astype(bool)
    lap("join")

    tp = features.groupby("touchpoint", observed=True).agg(
        n=("n", "sum"), rated=("rated", "sum"), score_sum=("score_sum", "sum"),
        customers=("n", "size"))
    tp["mean"] = tp["score_sum"] / tp["rated"].where(tp["rated"] > 0)
    lap("touchpoints")

    def num(x):
        x = float(x)
        return None if x != x else x

    out = {
        "tool": "pandas", "threads": 1,
        "events": int(features["n"].sum()),
        "rated": int(features["rated"].sum()),
        "customer_touchpoints": int(len(features)),
        "customers": int(features["customer_id"].nunique()),
        "joined_rows": int(len(features)),
        "matched_rows": int(features["matched"].sum()),
        "checksum": {
            "worst": num(features["worst"].sum()),
            "last": num(features["last"].sum()),
            "mean": num(features["mean"].sum()),
            "overall": num(features["overall"].sum()),
        },
        "touchpoints": {
            str(k): {"n": int(r["n"]), "rated": int(r["rated"]), "mean": num(r["mean"]),
                     "customers": int(r["customers"])}
            for k, r in tp.sort_index().iterrows()},
    }
    lap("read back")
    phases["total"] = round(time.perf_counter() - t0, 3)
    print(json.dumps(out))
    sys.stderr.write("pandas phases (s): %s\n" % json.dumps(phases))
    return 0


if __name__ == "__main__":
    sys.exit(main())
