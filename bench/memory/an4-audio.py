#!/usr/bin/env python3
"""Speech for the memory benchmark when festival (bench/load/make-audio.sh) is not installed: the first N AN4 test
utterances (16 kHz, 16-bit big-endian raw) as little-endian WAVs with 0.6 s of trailing silence, so each ends in an
endpoint. Usage: an4-audio.py AN4_DIR OUT_DIR [N=30]"""
import array, glob, os, sys, wave

an4, out = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
os.makedirs(out, exist_ok=True)
for path in sorted(glob.glob(os.path.join(an4, "wav", "an4test_clstk", "*", "*.raw")))[:n]:
    samples = array.array("h", open(path, "rb").read())
    samples.byteswap()
    samples.extend([0] * 9600)
    with wave.open(os.path.join(out, os.path.basename(path)[:-4] + ".wav"), "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(16000); w.writeframes(samples.tobytes())
print(len(os.listdir(out)))
