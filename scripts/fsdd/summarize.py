#!/usr/bin/env python3
"""Combines the per-speaker results of loso.sh into bench/results/fsdd/loso.json and prints a table."""
import argparse, json, os, re, wave

DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

def audio_seconds(path):
    with wave.open(path) as w:
        return w.getnframes() / w.getframerate()

def pocketsphinx(work, fsdd, speaker):
    ids = [l.strip() for l in open(os.path.join(work, f"ps-{speaker}.ctl")) if l.strip()]
    hyps = {}
    for line in open(os.path.join(work, f"ps-{speaker}.hyp")):
        m = re.match(r"^(.*?)\s*\((\S+)\s+-?\d+\)\s*$", line)
        if m:
            hyps[m.group(2)] = m.group(1).strip()
    correct = sum(1 for u in ids if hyps.get(u, "") == DIGITS[int(u[0])])
    seconds = sum(audio_seconds(os.path.join(fsdd, u + ".wav")) for u in ids)
    start, end = map(float, open(os.path.join(work, f"ps-{speaker}.wall")).read().split())
    cpu = None
    for line in open(os.path.join(work, f"ps-{speaker}.log")):
        m = re.search(r"TOTAL fsg ([\d.]+) CPU ([\d.]+) xRT", line)
        if m:
            cpu = float(m.group(2))
    return {"files": len(ids), "correct": correct, "accuracy": correct / len(ids), "audio_seconds": seconds,
            "wall_seconds": end - start, "real_time_factor_process": (end - start) / seconds,
            "real_time_factor_search_cpu": cpu}

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--work"); p.add_argument("--out"); p.add_argument("--fsdd"); p.add_argument("--config")
    p.add_argument("--speakers", nargs="+")
    a = p.parse_args()
    rows = {}
    for s in a.speakers:
        ours = json.load(open(os.path.join(a.out, f"ours-{s}.json")))
        start, end = map(float, open(os.path.join(a.work, f"ours-{s}.wall")).read().split())
        imported = json.load(open(os.path.join(a.work, f"import-{s}.json")))
        trained = json.load(open(os.path.join(a.work, f"train-{s}.json")))
        rows[s] = {
            "ours": {"files": ours["files"], "correct": ours["correct"], "accuracy": ours["accuracy"],
                     "audio_seconds": ours["audio_seconds"], "real_time_factor_decode": ours["real_time_factor"],
                     "wall_seconds": end - start, "real_time_factor_process": (end - start) / ours["audio_seconds"],
                     "dev_frame_accuracy": trained["dev_frame_accuracy"], "import": imported["utterances"],
                     "import_failed": len(imported["failed"]), "errors": ours["errors"][:20]},
            "pocketsphinx": pocketsphinx(a.work, a.fsdd, s),
        }
    mean = lambda sys, key: sum(r[sys][key] for r in rows.values()) / len(rows)
    result = {"task": "FSDD leave-one-speaker-out, single-digit grammar, 8 kHz", "config": a.config,
              "speakers": rows,
              "mean": {"ours_accuracy": mean("ours", "accuracy"), "pocketsphinx_accuracy": mean("pocketsphinx", "accuracy"),
                       "ours_rtf_decode": mean("ours", "real_time_factor_decode"),
                       "ours_rtf_process": mean("ours", "real_time_factor_process"),
                       "pocketsphinx_rtf_process": mean("pocketsphinx", "real_time_factor_process")}}
    with open(os.path.join(a.out, "loso.json"), "w") as f:
        json.dump(result, f, indent=2)
    print(f"{'speaker':<10} {'ours':>8} {'ps':>8} {'ours RTF':>9} {'ps RTF':>8}")
    for s, r in rows.items():
        print(f"{s:<10} {r['ours']['accuracy']:>8.3f} {r['pocketsphinx']['accuracy']:>8.3f} "
              f"{r['ours']['real_time_factor_process']:>9.4f} {r['pocketsphinx']['real_time_factor_process']:>8.4f}")
    m = result["mean"]
    print(f"{'mean':<10} {m['ours_accuracy']:>8.3f} {m['pocketsphinx_accuracy']:>8.3f} {m['ours_rtf_process']:>9.4f} {m['pocketsphinx_rtf_process']:>8.4f}")

if __name__ == "__main__":
    main()
