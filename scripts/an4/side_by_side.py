#!/usr/bin/python3
"""Collects what scripts/an4/side-by-side.sh left in its scratch folder into one JSON and prints a table.

Each part (an4-16k, an4-8k, fsdd) has, for each system, the files <part>.<system>.{cmd,wall,...} in WORK:
  pocketsphinx: .ctl (the ids it was given), .hyp (its hypotheses), .log (its log), .wall (start and end, seconds),
                .cmd (the command line);
  ours:         .json (what `acoustic score` or `acoustic fsdd-eval` printed), .wall, .cmd.
pocketsphinx is scored here with the same word error count `acoustic score` uses: Levenshtein substitutions,
deletions and insertions over lower-cased words. Debian's /usr/bin/python3, standard library only.
"""
import argparse
import datetime
import hashlib
import json
import os
import re
import subprocess
import wave

DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

PARTS = {
    "an4-16k": ("an4_test_16k", "AN4 test set (130 utterances, 10 unseen speakers), 16 kHz close-talking microphone, "
                                "bigram LM from AN4's training transcripts"),
    "an4-8k": ("an4_test_8k_telephone", "AN4 test set through an 8 kHz telephone channel (voice band, G.711 mu-law), "
                                        "bigram LM from AN4's training transcripts; pocketsphinx gets it upsampled to 16 kHz by sox"),
    "fsdd": ("fsdd", "Free Spoken Digit Dataset (2,000 files, 4 speakers, 8 kHz), one digit per file, ten-digit grammar; "
                     "pocketsphinx gets it upsampled to 16 kHz by sox"),
}


def word_errors(reference, hypothesis):
    """(substitutions, deletions, insertions) of a minimum-edit alignment of two word lists, traced back the way
    `acoustic score` does it (Acoustic/Evaluation/WordErrors.cs: ties go to substitutions, then deletions), so that
    both systems' S/D/I split the same errors the same way."""
    n, m = len(reference), len(hypothesis)
    cost = [[i + j if i == 0 or j == 0 else 0 for j in range(m + 1)] for i in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost[i][j] = min(cost[i - 1][j - 1] + (reference[i - 1] != hypothesis[j - 1]),
                             cost[i - 1][j] + 1, cost[i][j - 1] + 1)
    substitutions = deletions = insertions = 0
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and cost[i][j] == cost[i - 1][j - 1] + (reference[i - 1] != hypothesis[j - 1]):
            substitutions += reference[i - 1] != hypothesis[j - 1]
            i, j = i - 1, j - 1
        elif i > 0 and cost[i][j] == cost[i - 1][j] + 1:
            deletions += 1
            i -= 1
        else:
            insertions += 1
            j -= 1
    return substitutions, deletions, insertions


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def words(text):
    return text.lower().split()


def read_wall(path):
    start, end = map(float, open(path).read().split())
    return end - start


def read_command(path):
    return open(path, encoding="utf-8").read().strip()


def an4_transcription(path):
    """utterance id -> lower-cased words, from AN4's `WORDS (id)` lines (<s> and </s> dropped)."""
    references = {}
    for line in lines(path):
        m = re.match(r"^(.*)\((\S+)\)$", line)
        if not m:
            raise SystemExit(f"{path}: cannot read the line '{line}'")
        references[m.group(2)] = [w for w in words(m.group(1)) if w not in ("<s>", "</s>")]
    return references


def pocketsphinx_hypotheses(path):
    """basename of the ctl entry -> lower-cased words, from pocketsphinx_batch's `WORDS (id score)` lines."""
    hypotheses = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^(.*?)\s*\((\S+)\s+-?\d+\)\s*$", line)
        if m:
            hypotheses[os.path.basename(m.group(2))] = words(m.group(1))
    return hypotheses


def pocketsphinx_search_rtf(log_path):
    """pocketsphinx's own CPU seconds per second of speech, from its log's `TOTAL ... seconds CPU` line, else None."""
    for line in open(log_path, encoding="utf-8", errors="replace"):
        m = re.search(r"TOTAL ([\d.]+) seconds speech, ([\d.]+) seconds CPU", line)
        if m and float(m.group(1)) > 0:
            return float(m.group(2)) / float(m.group(1))
    return None


def pocketsphinx_block(work, part, expected, audio_seconds):
    """Scores pocketsphinx's hypotheses against `expected` (id -> words); `audio_seconds` (id -> seconds)."""
    prefix = os.path.join(work, f"{part}.pocketsphinx")
    ids = [os.path.basename(entry) for entry in lines(prefix + ".ctl")]
    hypotheses = pocketsphinx_hypotheses(prefix + ".hyp")
    missing = [u for u in ids if u not in hypotheses]
    s = d = n = words_total = sentences_right = 0
    for u in ids:
        reference = expected[u]
        us, ud, un = word_errors(reference, hypotheses.get(u, []))
        s, d, n = s + us, d + ud, n + un
        words_total += len(reference)
        sentences_right += (us + ud + un) == 0
    seconds = sum(audio_seconds[u] for u in ids)
    wall = read_wall(prefix + ".wall")
    return {
        "wer": (s + d + n) / words_total,
        "sentence_accuracy": sentences_right / len(ids),
        "utterances": len(ids),
        "words": words_total,
        "errors": s + d + n,
        "substitutions": s,
        "deletions": d,
        "insertions": n,
        "no_hypothesis": len(missing),
        "rtf_process": wall / seconds,
        "rtf_search_cpu": pocketsphinx_search_rtf(prefix + ".log"),
        "wall_seconds": wall,
        "audio_seconds": seconds,
        "command": read_command(prefix + ".cmd"),
    }


def ours_score_block(work, part):
    """`acoustic score --json` output plus the wall clock of its whole process."""
    prefix = os.path.join(work, f"{part}.ours")
    r = json.load(open(prefix + ".json"))
    wall = read_wall(prefix + ".wall")
    return {
        "wer": r["wer"],
        "sentence_accuracy": r["sentence_accuracy"],
        "utterances": r["utterances"],
        "words": r["words"],
        "errors": r["substitutions"] + r["deletions"] + r["insertions"],
        "substitutions": r["substitutions"],
        "deletions": r["deletions"],
        "insertions": r["insertions"],
        "not_reaching_final": r.get("not_reaching_final"),
        "rtf_process": wall / r["audio_seconds"],
        "rtf_after_startup": r["rtf"],
        "wall_seconds": wall,
        "audio_seconds": r["audio_seconds"],
        "decoding": r.get("decoding"),
        "command": read_command(prefix + ".cmd"),
    }


def ours_fsdd_block(work):
    """`acoustic fsdd-eval --json` output plus the wall clock of its whole process."""
    prefix = os.path.join(work, "fsdd.ours")
    r = json.load(open(prefix + ".json"))
    wall = read_wall(prefix + ".wall")
    return {
        "accuracy": r["accuracy"],
        "sentence_accuracy": r["accuracy"],
        "utterances": r["files"],
        "words": r["files"],
        "errors": r["files"] - r["correct"],
        "rtf_process": wall / r["audio_seconds"],
        "rtf_decode": r["real_time_factor"],
        "wall_seconds": wall,
        "audio_seconds": r["audio_seconds"],
        "per_digit_accuracy": r.get("per_digit_accuracy"),
        "command": read_command(prefix + ".cmd"),
    }


def an4_16k(a):
    expected = an4_transcription(os.path.join(a.an4, "etc", "an4_test.transcription"))
    ctl = lines(os.path.join(a.work, "an4-16k.pocketsphinx.ctl"))
    # Headerless 16-bit samples at 16 kHz: two bytes a sample.
    seconds = {os.path.basename(c): os.path.getsize(os.path.join(a.an4, "wav", c + ".raw")) / 2 / 16000 for c in ctl}
    return {"ours": ours_score_block(a.work, "an4-16k"), "pocketsphinx": pocketsphinx_block(a.work, "an4-16k", expected, seconds)}


def an4_8k(a):
    manifest = json.load(open(os.path.join(a.corpus8, "manifest.json")))
    test = [u for u in manifest["utterances"] if u["split"] == "test"]
    expected = {u["id"]: words(u["text"]) for u in test}
    seconds = {u["id"]: u["num_samples"] / manifest["sample_rate"] for u in test}
    return {"ours": ours_score_block(a.work, "an4-8k"), "pocketsphinx": pocketsphinx_block(a.work, "an4-8k", expected, seconds)}


def fsdd(a):
    ctl = [os.path.basename(c) for c in lines(os.path.join(a.work, "fsdd.pocketsphinx.ctl"))]
    expected = {u: [DIGITS[int(u[0])]] for u in ctl}
    seconds = {}
    for u in ctl:
        with wave.open(os.path.join(a.fsdd, u + ".wav")) as w:
            seconds[u] = w.getnframes() / w.getframerate()
    scored = pocketsphinx_block(a.work, "fsdd", expected, seconds)
    # One word a file: a file is right when its word is; accuracy and wrong files, as fsdd-eval reports them.
    right = round(scored["sentence_accuracy"] * scored["utterances"])
    renamed = {"wer": ("accuracy", scored["sentence_accuracy"]), "errors": ("errors", scored["utterances"] - right)}
    ps = dict(renamed.get(k, (k, v)) for k, v in scored.items() if k not in ("substitutions", "deletions", "insertions"))
    return {"ours": ours_fsdd_block(a.work), "pocketsphinx": ps}


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def git(repo, *args):
    try:
        return subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def cpu_model():
    for line in open("/proc/cpuinfo", encoding="utf-8", errors="replace"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return None


def package_version(name):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f", "${Version}", name], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def config(a):
    """What was run, on what: models and LM with their SHA-256, commit, date, machine."""
    an4_parts = {"an4-16k", "an4-8k"} & set(a.parts)
    models = {}
    if "an4-16k" in a.parts:
        models["model16"] = {"path": a.model16, "sha256": sha256(a.model16)}
    if {"an4-8k", "fsdd"} & set(a.parts):
        models["model8"] = {"path": a.model8, "sha256": sha256(a.model8)}
    lm = os.path.join(a.work, "an4-train.arpa")
    status = git(a.repo, "status", "--porcelain")
    result = {
        "parts": [p for p in PARTS if p in a.parts],
        "models": models,
        "lm": {"path": lm, "sha256": sha256(lm),
               "built_by": "acoustic lm build --order 2 (interpolated Witten-Bell) from AN4's etc/an4_train.transcription"}
        if an4_parts else None,
        "corpora": {"an4_16k": a.corpus16 if "an4-16k" in a.parts else None,
                    "an4_8k_telephone": a.corpus8 if "an4-8k" in a.parts else None},
        "data": {"an4": a.an4 if an4_parts else None, "fsdd": a.fsdd if "fsdd" in a.parts else None},
        "pocketsphinx": {"package": package_version("pocketsphinx"), "model_package": package_version("pocketsphinx-en-us"),
                         "hmm": "/usr/share/pocketsphinx/model/en-us/en-us",
                         "dict": "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"},
        "commit": git(a.repo, "rev-parse", "HEAD"),
        "uncommitted_changes": None if status is None else len(status.splitlines()),
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"nproc": len(os.sched_getaffinity(0)), "cpu": cpu_model(), "load_average_at_start": a.load_at_start},
        "nice": a.nice,
        "notes": [
            "rtf_process: wall clock of the whole process (start-up included) / audio seconds; both systems on one thread.",
            "Ours decodes with the model's tuned defaults (no decoding flags); pocketsphinx with its defaults.",
            "pocketsphinx's en-us model is 16 kHz: 8 kHz audio is upsampled to 16 kHz for it by `sox -D in.wav -r 16000 out.wav` (no dither, so runs repeat; not counted in its RTF).",
        ],
    }
    if "fsdd" in a.parts:
        result["notes"].append(
            "FSDD may be training data of model8 (the first served en-8k was trained on all four FSDD speakers): "
            "its fsdd figure is then not held-out speech for ours; pocketsphinx never saw FSDD.")
    return result


def check_same_utterances(block):
    """A warning when the two systems did not decode the same number of utterances (e.g. a failed import)."""
    ours, ps = block["ours"]["utterances"], block["pocketsphinx"]["utterances"]
    if ours != ps:
        block["warning"] = f"ours decoded {ours} utterances, pocketsphinx {ps}: the figures are not on the same set"
        print(f"warning: {block['warning']}")


def print_table(result):
    print(f"{'part':<24} {'system':<13} {'WER':>8} {'acc.':>7} {'sent.':>7} {'errors':>12} {'RTF':>7}")
    for key, part in result.items():
        if key == "config":
            continue
        for system in ("ours", "pocketsphinx"):
            r = part[system]
            wer = f"{r['wer']:.2%}" if "wer" in r else "-"
            acc = f"{r['accuracy']:.1%}" if "accuracy" in r else "-"
            print(f"{key:<24} {system:<13} {wer:>8} {acc:>7} {r['sentence_accuracy']:>7.1%} "
                  f"{str(r['errors']) + '/' + str(r['words']):>12} {r['rtf_process']:>7.4f}")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--work", required=True, help="the scratch folder side-by-side.sh wrote")
    p.add_argument("--out", required=True, help="the JSON to write")
    p.add_argument("--parts", nargs="+", required=True, choices=list(PARTS))
    p.add_argument("--repo", required=True)
    for name in ("an4", "fsdd", "corpus16", "corpus8", "model16", "model8", "load-at-start", "nice"):
        p.add_argument(f"--{name}")
    a = p.parse_args()
    readers = {"an4-16k": an4_16k, "an4-8k": an4_8k, "fsdd": fsdd}
    result = {}
    for part, (key, task) in PARTS.items():
        if part in a.parts:
            result[key] = {"task": task, **readers[part](a)}
            check_same_utterances(result[key])
    result["config"] = config(a)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print_table(result)
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
