"""Joins scripts/open-vocabulary/side-by-side.sh's per-system results into one JSON and prints a table."""
import argparse
import json
import os

TASKS = {
    "an4": "AN4 test (130 utterances, 10 unseen speakers), 16 kHz, general English LM",
    "speechocean": "speechocean762 test, every 10th utterance (250, Mandarin-accented adults and children), general English LM",
}


def ours(work, part, name="ours"):
    with open(os.path.join(work, f"{part}.{name}.json")) as f:
        j = json.load(f)
    with open(os.path.join(work, f"{part}.{name}.wall")) as f:
        start, end = (float(x) for x in f.read().split())
    return {
        "wer": j["wer"], "sentence_accuracy": j["sentence_accuracy"], "utterances": j["utterances"], "words": j["words"],
        "substitutions": j["substitutions"], "deletions": j["deletions"], "insertions": j["insertions"],
        "rtf_process": (end - start) / j["audio_seconds"], "rtf_search": j["decode_rtf"], "audio_seconds": j["audio_seconds"],
        "decoding": j["decoding"],
    }


def pocketsphinx(work, part):
    with open(os.path.join(work, f"{part}.pocketsphinx.json")) as f:
        j = json.load(f)
    keep = ("wer", "sentence_accuracy", "files", "words", "substitutions", "deletions", "insertions", "rtf_process",
            "rtf_search_cpu", "audio_seconds")
    return {k: j[k] for k in keep if k in j}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--work", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--parts", nargs="+", required=True, choices=list(TASKS))
    p.add_argument("--model", required=True)
    p.add_argument("--lm", required=True)
    p.add_argument("--load-at-start", required=True)
    p.add_argument("--commit", required=True)
    a = p.parse_args()
    result = {"commit": a.commit, "model": a.model, "lm": a.lm, "load_at_start": a.load_at_start, "parts": {}}
    print(f"{'part':<13} {'system':<13} {'WER':>8} {'sent.':>7} {'RTF':>7} {'search RTF':>11}")
    for part in a.parts:
        block = {"task": TASKS[part], "ours": ours(a.work, part), "pocketsphinx": pocketsphinx(a.work, part),
                 "ours-wide": ours(a.work, part, "ours-wide")}
        block["search_error_wer_points"] = 100 * (block["ours"]["wer"] - block["ours-wide"]["wer"])
        result["parts"][part] = block
        for system in ("pocketsphinx", "ours", "ours-wide"):
            r = block[system]
            search = r.get("rtf_search", r.get("rtf_search_cpu"))
            print(f"{part:<13} {system:<13} {r['wer']:>8.2%} {r['sentence_accuracy']:>7.1%} {r['rtf_process']:>7.3f} {search:>11.4f}")
        print(f"{part:<13} search error (ours − ours-wide): {block['search_error_wer_points']:+.2f} WER points")
    with open(a.out, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
