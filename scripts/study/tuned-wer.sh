#!/usr/bin/env bash
# WER of a finished study's single models with decoding tuned per model (the study itself decodes every model at one
# setting, so that a model whose posteriors are scaled differently — a distilled student — is not favoured or hurt by
# tuning; this measures how much of a WER difference is that calibration). For each seed: teacher 1 (baseline), the
# dev-selected distilled student, the small student on hard labels and the dev-selected small distilled student get
# `acoustic model tune-decoding` on AN4 dev, then `acoustic score` on AN4 test. Results: one JSON line per model.
# Usage: scripts/study/tuned-wer.sh STUDY_DIR AN4_CORPUS LM SEEDS OUT_DIR   (AN4_CORPUS: `corpus import-an4` output)
set -euo pipefail
study="$1"; corpus="$2"; lm="$3"; seeds="$4"; out="$5"
acoustic="${ACOUSTIC:-dotnet $(dirname "$0")/../../Cli/bin/Release/net10.0/acoustic.dll}"
mkdir -p "$out"
selected() { # seed prefix: the checkpoint key with the best dev frame accuracy among the prefix's grid
  python3 - "$study/checkpoints/seed-$1" "$2" <<'PY'
import json, os, sys
folder, prefix = sys.argv[1], sys.argv[2]
rows = [(json.load(open(os.path.join(folder, f)))["dev_frame_accuracy"], f[:-5]) for f in sorted(os.listdir(folder))
        if f.startswith(prefix + "-T")]
print(max(rows)[1])
PY
}
for seed in ${seeds//,/ }; do
  for pair in "baseline:teacher-00" "distilled:$(selected "$seed" distilled)" "baseline-small:baseline-small" \
              "distilled-small:$(selected "$seed" distilled-small)"; do
    name="${pair%%:*}"; key="${pair#*:}"; model="$out/s$seed-$name.adm"
    [[ -f "$out/s$seed-$name.test.json" ]] && continue
    cp "$study/models/seed-$seed/$key.adm" "$model"
    $acoustic model tune-decoding --model "$model" --corpus "$corpus" --split dev --lm "$lm" --threads 1 --json > "$out/s$seed-$name.tune.json"
    $acoustic score --model "$model" --corpus "$corpus" --split test --lm "$lm" --threads 1 --json > "$out/s$seed-$name.test.tmp"
    mv "$out/s$seed-$name.test.tmp" "$out/s$seed-$name.test.json"
    python3 -c "import json,sys; d=json.load(open('$out/s$seed-$name.test.json')); print(json.dumps({'seed': $seed, 'row': '$name', 'model': '$key', 'wer': d['wer'], 'decoding': d['decoding']}))"
  done
done
