#!/usr/bin/env python3
"""Tables of scripts/models/build-an4.sh's results (models/results/*.json) as Markdown, for docs/RESULTS.md."""
import glob, json, os, re, sys

results = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "models", "results")

def load(name):
    path = os.path.join(results, name)
    return json.load(open(path)) if os.path.exists(path) else None

def pct(x):
    return "—" if x is None else f"{100 * x:.2f} %"

iterations = sorted(glob.glob(os.path.join(results, "en-16k.gen*.dev.json")), key=lambda p: int(re.search(r"gen(\d+)", p).group(1)))
if iterations:
    print("| Viterbi iteration (2x512, 5 epochs) | trained on the alignment by | dev WER (scale 0.1, beam 12) |")
    print("|---|---|---|")
    for p in iterations:
        n = int(re.search(r"gen(\d+)", p).group(1))
        print(f"| {n} | {'bootstrap (synthetic en-16k)' if n == 1 else f'iteration {n - 1}'} | {pct(json.load(open(p))['wer'])} |")
    print()

for family in ("en-16k", "en-8k"):
    rows = [("distilled student (shipped)", "student"), ("same student, hard labels", "hard-student"),
            ("ensemble of the teachers", "ensemble"), ("one teacher (member 0)", "teacher-00")]
    if not load(f"{family}.test.student.json"):
        continue
    tune = load(f"{family}.tune.json") or {}
    hard_tune = load(f"{family}.hard-student.tune.json") or {}
    print(f"**{family}**: AN4 test{' through the 8 kHz telephone channel' if family == 'en-8k' else ''}, bigram LM of AN4 train")
    print()
    print("| model | parameters (≈ multiply-adds per frame) | dev WER (tuned) | test WER | sentence accuracy | S / D / I | RTF (whole process, 1 thread, machine shared with the other build) |")
    print("|---|---|---|---|---|---|---|")
    for label, key in rows:
        r = load(f"{family}.test.{key}.json")
        if r is None:
            continue
        dev = tune.get("dev_wer") if key == "student" else hard_tune.get("dev_wer") if key == "hard-student" else None
        print(f"| {label} | {r['parameters']:,} | {pct(dev)} | **{pct(r['wer'])}** | {pct(r['sentence_accuracy'])} | "
              f"{r['substitutions']} / {r['deletions']} / {r['insertions']} | {r['rtf']:.4f} |")
    d = tune.get("decoding", {})
    print()
    print(f"Student's decoding defaults (chosen on dev): acoustic scale {d.get('acoustic_scale')}, word penalty "
          f"{d.get('word_penalty')}, beam {d.get('beam')}, max-active {d.get('max_active')}.")
    print()
