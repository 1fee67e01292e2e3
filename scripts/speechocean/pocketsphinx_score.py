#!/usr/bin/python3
"""pocketsphinx_batch over a Kaldi data directory: its control file, then its word errors, for pocketsphinx.sh.

  ctl    checks every WAV that wav.scp lists (PCM, mono, 16-bit, 16 kHz, samples right after a 44-byte header: what
         `-adcin yes -adchdr 44 -samprate 16000` reads) and writes the control file: one absolute path a line,
         without its .wav (pocketsphinx_batch adds -cepext .wav).
  score  reads pocketsphinx_batch's -hyp file and scores it against `text`, writes the result JSON and one JSON line
         per utterance (reference, raw and normalised hypothesis, its errors), and prints a summary.

Word errors are those of scripts/an4/side_by_side.py (imported from there): Levenshtein substitutions, deletions and
insertions over lower-cased words, traced back as `acoustic score` does. pocketsphinx's hypothesis is normalised
first: lower-cased, <s> </s> <sil> and other <...>, [...] and ++...++ filler tokens dropped, and a pronunciation
variant's suffix ("read(2)") removed. Debian's /usr/bin/python3, standard library only.
"""
import argparse
import datetime
import hashlib
import importlib.util
import json
import os
import re
import struct
import subprocess
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def load_side_by_side():
    sys.dont_write_bytecode = True      # leave no __pycache__ in scripts/an4
    path = os.path.join(REPO, "scripts", "an4", "side_by_side.py")
    spec = importlib.util.spec_from_file_location("an4_side_by_side", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


side_by_side = load_side_by_side()
word_errors = side_by_side.word_errors

FILLER = re.compile(r"^(<.*>|\[.*\]|\+\+.*\+\+)$")
VARIANT = re.compile(r"\(\d+\)$")


def fail(message):
    sys.exit(f"pocketsphinx_score: {message}")


def normalise(hypothesis):
    """pocketsphinx's words -> lower-cased words without fillers or pronunciation-variant suffixes."""
    result = []
    for token in hypothesis.lower().split():
        token = VARIANT.sub("", token)
        if token and not FILLER.match(token):
            result.append(token)
    return result


def kaldi_table(path):
    """utt-id -> rest of the line, in file order."""
    rows = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split(None, 1)
            if parts[0] in rows:
                fail(f"{path}:{number}: utterance {parts[0]} listed twice")
            rows[parts[0]] = parts[1].strip() if len(parts) == 2 else ""
    return rows


def utterances(data):
    """[(utt-id, absolute WAV path, reference words, audio seconds)] in wav.scp's order, every WAV checked."""
    wavs = kaldi_table(os.path.join(data, "wav.scp"))
    text = kaldi_table(os.path.join(data, "text"))
    if not wavs:
        fail(f"{data}/wav.scp lists no utterances")
    result = []
    for u, spec in wavs.items():
        if spec.endswith("|") or not spec.lower().endswith(".wav") or " " in spec:
            fail(f"{data}/wav.scp: utterance {u}: '{spec}' is not one .wav file (pipes are not read)")
        if u not in text:
            fail(f"{data}/text has no transcript for utterance {u}")
        path = os.path.normpath(os.path.join(data, spec))
        if not os.path.isfile(path):
            fail(f"{path} not found (utterance {u})")
        with open(path, "rb") as f:
            head = f.read(44)
        size = os.path.getsize(path)
        if not (len(head) == 44 and head[0:4] == b"RIFF" and head[8:16] == b"WAVEfmt " and head[36:40] == b"data"
                and struct.unpack("<IHHIIHH", head[16:36]) == (16, 1, 1, 16000, 32000, 2, 16)
                and struct.unpack("<I", head[40:44])[0] == size - 44):
            fail(f"{path} is not a 16 kHz mono 16-bit PCM WAV with a 44-byte header (scripts/speechocean/prepare.sh "
                 f"writes such files)")
        result.append((u, path, text[u].lower().split(), (size - 44) / 2 / 16000))
    missing = [u for u in text if u not in wavs]
    if missing:
        fail(f"{data}/text has {len(missing)} utterances wav.scp does not list (first: {missing[0]})")
    return result


def hypotheses(path):
    """ctl entry -> raw hypothesis text, from pocketsphinx_batch's `WORDS (entry score)` lines."""
    result = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^(.*?)\s*\((\S+)\s+-?\d+\)\s*$", line)
        if m:
            result[m.group(2)] = m.group(1)
    return result


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def git(*args):
    try:
        return subprocess.run(["git", "-C", REPO, *args], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def ctl(a):
    utts = utterances(a.data)
    with open(a.ctl, "w", encoding="utf-8") as f:
        for _, path, _, _ in utts:
            f.write(path[:-len(".wav")] + "\n")
    print(f"pocketsphinx_score: {len(utts)} WAVs checked in {a.data}", file=sys.stderr)


def score(a):
    utts = utterances(a.data)
    raw = hypotheses(a.hyp)
    s = d = n = words = right = 0
    missing = 0
    per_utterance = []
    for u, path, reference, seconds in utts:
        entry = path[:-len(".wav")]
        if entry not in raw:
            missing += 1
        hypothesis = normalise(raw.get(entry, ""))
        us, ud, un = word_errors(reference, hypothesis)
        s, d, n = s + us, d + ud, n + un
        words += len(reference)
        right += (us + ud + un) == 0
        per_utterance.append({"utt": u, "reference": " ".join(reference), "hypothesis": " ".join(hypothesis),
                              "raw_hypothesis": raw.get(entry), "substitutions": us, "deletions": ud,
                              "insertions": un, "audio_seconds": round(seconds, 4)})
    start, end = map(float, open(a.wall).read().split())
    wall = end - start
    audio = sum(u[3] for u in utts)
    result = {
        "system": "pocketsphinx",
        "task": a.task,
        "lm": a.lm,
        "dict": a.dict,
        "hmm": a.hmm,
        "files": len(utts),
        "words": words,
        "wer": (s + d + n) / words,
        "sentence_accuracy": right / len(utts),
        "errors": s + d + n,
        "substitutions": s,
        "deletions": d,
        "insertions": n,
        "no_hypothesis": missing,
        "rtf_process": wall / audio,
        "rtf_search_cpu": side_by_side.pocketsphinx_search_rtf(a.log),
        "audio_seconds": audio,
        "seconds": wall,
        "load_average_at_start": a.load_at_start,
        "threads": 1,
        "nice": a.nice,
        "command": open(a.cmd, encoding="utf-8").read().strip(),
        "data": a.data,
        "hypotheses": a.jsonl,
        "config": {
            "lm_sha256": sha256(a.lm),
            "dict_sha256": sha256(a.dict),
            "pocketsphinx": {"package": side_by_side.package_version("pocketsphinx"),
                             "model_package": side_by_side.package_version("pocketsphinx-en-us")},
            "commit": git("rev-parse", "HEAD"),
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "machine": {"nproc": len(os.sched_getaffinity(0)), "cpu": side_by_side.cpu_model()},
        },
        "notes": [
            "rtf_process: wall clock of the whole pocketsphinx_batch process (start-up and model loading included) "
            "over the audio's duration; pocketsphinx_batch decodes on one thread. rtf_search_cpu: its own log's CPU "
            "seconds over seconds of speech.",
            "Input: 16 kHz mono 16-bit WAVs (-adcin yes -adchdr 44 -samprate 16000: the 44-byte header is skipped, "
            "not decoded as audio); for speechocean762 they are opusdec --rate 16000 decodes of its Ogg Opus files.",
            "Word errors: Levenshtein over lower-cased words (scripts/an4/side_by_side.py's word_errors); fillers "
            "(<s>, </s>, <sil>, [...], ++...++) and pronunciation-variant suffixes (n) removed from the hypotheses.",
        ],
    }
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.jsonl, "w", encoding="utf-8") as f:
        for row in per_utterance:
            f.write(json.dumps(row) + "\n")
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(f"pocketsphinx: WER {result['wer']:.2%} ({s + d + n}/{words}: S {s}, D {d}, I {n}), "
          f"sentences right {result['sentence_accuracy']:.1%} of {len(utts)}, "
          f"RTF {result['rtf_process']:.3f} ({wall:.1f} s for {audio:.1f} s of audio), "
          f"{missing} without hypothesis; load at start {a.load_at_start}")
    print(f"wrote {a.out} and {a.jsonl}")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="step", required=True)
    c = sub.add_parser("ctl")
    c.add_argument("--data", required=True)
    c.add_argument("--ctl", required=True)
    r = sub.add_parser("score")
    for name in ("data", "hyp", "log", "wall", "cmd", "out", "jsonl", "lm", "dict", "hmm", "load-at-start", "nice"):
        r.add_argument(f"--{name}", required=True)
    r.add_argument("--task", default=None)
    a = p.parse_args()
    a.data = os.path.abspath(a.data)
    {"ctl": ctl, "score": score}[a.step](a)


if __name__ == "__main__":
    main()
