#!/usr/bin/env python3
"""Summarises the RSS samples of bench/memory/run.sh: baseline (end of warm-up), peak, after abuse, end, and the
slope of a least-squares line through the churn phase after its first CHURN_SKIP seconds.

Usage: report.py SAMPLES.csv OUT.json [CHURN_SKIP_SECONDS=60]
"""
import csv, json, statistics, sys

samples_path, out_path = sys.argv[1], sys.argv[2]
skip = float(sys.argv[3]) if len(sys.argv) > 3 else 60
rows = [(float(r["t"]), r["phase"], float(r["rss_mb"])) for r in csv.DictReader(open(samples_path))]
by_phase = lambda p: [(t, m) for t, ph, m in rows if ph == p]

warm = by_phase("warmup")
warm_end = warm[-1][0]
baseline = statistics.median(m for t, m in warm if t >= warm_end - 30)
settle = by_phase("settle")
after_abuse = statistics.median(m for _, m in settle[-5:]) if settle else None
churn = by_phase("churn")
start = churn[0][0]
fit = [(t, m) for t, m in churn if t >= start + skip]
mean_t = statistics.fmean(t for t, _ in fit)
mean_m = statistics.fmean(m for _, m in fit)
slope = sum((t - mean_t) * (m - mean_m) for t, m in fit) / sum((t - mean_t) ** 2 for t, _ in fit)  # MB per second
end = statistics.median(m for _, m in churn[-5:])
report = {
    "baseline_rss_mb": round(baseline, 1),
    "peak_rss_mb": round(max(m for _, _, m in rows), 1),
    "peak_during_abuse_mb": round(max((m for _, m in by_phase("abuse")), default=0), 1),
    "after_abuse_rss_mb": round(after_abuse, 1) if after_abuse else None,
    "end_rss_mb": round(end, 1),
    "end_over_baseline": round(end / baseline, 3),
    "churn_seconds": round(churn[-1][0] - start, 1),
    "churn_slope_mb_per_10min": round(slope * 600, 2),
    "churn_fit_from_seconds": skip,
    "targets": {"end_over_baseline_max": 1.5, "slope_mb_per_10min_max": 5.0},
}
report["pass"] = report["end_over_baseline"] <= 1.5 and report["churn_slope_mb_per_10min"] <= 5.0
json.dump(report, open(out_path, "w"), indent=2)
print(json.dumps(report, indent=2))
