#!/usr/bin/python3
"""Times torchaudio.compliance.kaldi.fbank on one thread (the reference for our FilterbankExtractor).

  /usr/bin/python3 bench/fbank/torchaudio_fbank.py --make-speech OUT.wav [--seconds 60]
      writes a 16 kHz 16-bit speech WAV made of espeak-ng sentences (resampled with sox).
  /usr/bin/python3 bench/fbank/torchaudio_fbank.py --wav FILE [--bins 40] [--repeats 10]
      prints JSON: audio_seconds, best_seconds (best of N after a warm-up), times_real_time.

The fbank call uses the same settings as our extractor's defaults: num_mel_bins=bins, dither=0.0,
energy_floor=0.0, everything else torchaudio's (= Kaldi's) defaults. Reading the WAV is not timed.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import wave

import numpy as np
import torch
import torchaudio
import torchaudio.compliance.kaldi as kaldi

SENTENCES = [
    "The quick brown fox jumps over the lazy dog.",
    "She sells sea shells by the sea shore on a sunny afternoon.",
    "Distillation transfers the knowledge of a large ensemble into a single small model.",
    "Please call Stella and ask her to bring these things with her from the store.",
    "Six spoons of fresh snow peas, five thick slabs of blue cheese, and maybe a snack for her brother Bob.",
    "We also need a small plastic snake and a big toy frog for the kids.",
    "A speech recogniser listens to audio in short frames of ten milliseconds each.",
    "Rain in the north of the country is expected to clear by the weekend.",
]


def make_speech(path, seconds, rate=16000):
    chunks, total, i = [], 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        while total < seconds * rate:
            raw, out = os.path.join(tmp, "raw.wav"), os.path.join(tmp, "out.wav")
            voice_speed = str(150 + 20 * (i % 4))
            subprocess.run(["espeak-ng", "-s", voice_speed, "-w", raw, SENTENCES[i % len(SENTENCES)]], check=True)
            subprocess.run(["sox", "-D", raw, "-r", str(rate), "-b", "16", "-c", "1", out], check=True)
            with wave.open(out, "rb") as w:
                samples = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
            chunks.append(samples)
            total += len(samples)
            i += 1
    audio = np.concatenate(chunks)[: seconds * rate]
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(audio.astype("<i2").tobytes())


def bench(path, bins, repeats):
    with wave.open(path, "rb") as w:
        if w.getsampwidth() != 2 or w.getnchannels() != 1:
            sys.exit(f"{path}: expected 16-bit mono PCM")
        rate = w.getframerate()
        samples = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    waveform = torch.from_numpy(samples.astype(np.float32))[None, :]
    run = lambda: kaldi.fbank(waveform, sample_frequency=float(rate), num_mel_bins=bins, dither=0.0, energy_floor=0.0)
    feats = run()  # warm-up
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    audio_seconds = len(samples) / rate
    return {"implementation": f"torchaudio {torchaudio.__version__} (torch {torch.__version__}) compliance.kaldi.fbank", "threads": torch.get_num_threads(),
            "audio_seconds": audio_seconds, "best_seconds": best, "times_real_time": audio_seconds / best,
            "frames": int(feats.shape[0]), "repeats": repeats}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wav")
    parser.add_argument("--make-speech", metavar="OUT")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--bins", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()
    torch.set_num_threads(1)
    if args.make_speech:
        make_speech(args.make_speech, args.seconds)
    elif args.wav:
        print(json.dumps(bench(args.wav, args.bins, args.repeats)))
    else:
        parser.error("give --wav FILE or --make-speech OUT")


if __name__ == "__main__":
    main()
