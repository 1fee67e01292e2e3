#!/usr/bin/env python3
"""Prints a study's summary.json (acoustic study) as the markdown tables of docs/RESULTS.md: our rows beside the
paper's (Hinton, Vinyals and Dean 2015, Tables 1 and 5: speech, frame accuracy and WER), then every claim with its
intervals. Usage: scripts/study/summarize.py DIR/summary.json"""
import json
import sys

# The paper's speech results (Table 1: 2000 h of English, 14,000 HMM states; Table 5: 3 % of that data).
PAPER = {
    "baseline": ("58.9", "10.9"),
    "ensemble": ("61.1", "10.7"),
    "distilled": ("60.8", "10.7"),
    "hard100": ("58.9", ""),
    "hard3": ("44.5", ""),
    "soft3": ("57.0", ""),
}


def pct(mean, sd):
    if mean is None:
        return "–"
    return f"{100 * mean:.2f}" + (f" ± {100 * sd:.2f}" if sd is not None and sd == sd else "")


def num(value):
    return "–" if value is None else f"{value:.3f}"


def main(path):
    s = json.load(open(path))
    seeds = ", ".join(str(x) for x in s["seeds"])
    print(f"Scale `{s['scale']}`, corpus `{s['corpus']}` ({s['train_hours']:.2f} h of training speech), "
          f"{s['members']} teachers, seeds {seeds} (mean ± sd over seeds).\n")
    print(f"| row | test frame acc. % | test WER % | {s.get('held_out') or 'held-out'} frame acc. % | parameters | MACs/frame | paper: frame acc. % | paper: WER % |")
    print("|---|---|---|---|---|---|---|---|")
    for r in s["rows"]:
        paper = PAPER.get(r["name"], ("", ""))
        print(f"| {r['name']} | {pct(r['frame_accuracy_mean'], r['frame_accuracy_sd'])} | {pct(r.get('wer_mean'), r.get('wer_sd'))} | "
              f"{pct(r.get('held_out_frame_accuracy_mean'), r.get('held_out_frame_accuracy_sd'))} | {r['parameters']:,} | {r['macs_per_frame']:,} | "
              f"{paper[0]} | {paper[1]} |")
    print()
    print("| claim | mean effect | 95 % interval over seeds (paired t) | bootstrap over test utterances | per seed | verdict | rule |")
    print("|---|---|---|---|---|---|---|")
    for c in s["claims"]:
        per_seed = ", ".join(num(v) for v in c["per_seed"])
        verdict = "**met**" if c["holds"] else "**not met**"
        print(f"| {c['claim']} | {num(c['effect_mean'])} | [{num(c['ci_low'])}, {num(c['ci_high'])}] | "
              f"[{num(c.get('bootstrap_ci_low'))}, {num(c.get('bootstrap_ci_high'))}] | {per_seed} | {verdict} | {c['rule']} |")


if __name__ == "__main__":
    main(sys.argv[1])
