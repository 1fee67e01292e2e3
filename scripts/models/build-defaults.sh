#!/usr/bin/env bash
# Builds the default serving models in models/ with the project's own CLI:
#   models/en-16k.admodel: 16 kHz, synthetic corpus only, family en-16k;
#   models/en-8k.admodel:  8 kHz, synthetic corpus plus every FSDD speaker imported by forced alignment
#                          (when FSDD is present; synthetic only otherwise), family en-8k.
# Each artifact carries its class priors for decoding (counted on its training split by `acoustic train`); nothing stands beside it.
# Each model is evaluated with `acoustic eval --split dev` and `--split test`; the train/eval/import JSON outputs and a
# build-info.json (commit, seeds, sizes, recipe) go to models/results/. The 8 kHz model's test figure is on the synthetic
# 8 kHz corpus's test split (held-out synthetic voices): all four FSDD speakers are training data here, so FSDD gives no
# test split (scripts/fsdd/loso.sh measures FSDD on unseen speakers).
#
# Usage: scripts/models/build-defaults.sh [FSDD_DIR]   (default ../shared/data/fsdd relative to the repository)
# Environment: WORK (scratch, default /tmp/build-defaults), OUT (default models/), BIN (built CLI folder, default WORK/bin),
#   MINUTES_16K (25), MINUTES_8K (30), SYNTH_SEED (7), SEED (1), LAYERS (2), WIDTH (512), EPOCHS (8), BOOT_EPOCHS (6),
#   LR (0.1), DEV_EVERY (10), RMS (FSDD import level, default 0.08; "none" keeps recorded levels),
#   NICE (prefix for heavy commands, default "nice -n 19"), THREADS (torch threads, default 2),
#   MODELS (which to build, default "en-16k en-8k"), TRAIN_ARGS_16K / TRAIN_ARGS_8K (extra `acoustic train` options
#   for the served model; 8K defaults to "--online-mean 30", set it empty for none; the 8 kHz bootstrap aligner is trained without them).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
fsdd="$(realpath -m "${1:-$repo/../shared/data/fsdd}")"
work="${WORK:-/tmp/build-defaults}"
out="$(realpath -m "${OUT:-$repo/models}")"
bin="${BIN:-$work/bin}"
minutes16="${MINUTES_16K:-25}"; minutes8="${MINUTES_8K:-30}"
synth_seed="${SYNTH_SEED:-7}"; seed="${SEED:-1}"
layers="${LAYERS:-2}"; width="${WIDTH:-512}"; epochs="${EPOCHS:-8}"; boot_epochs="${BOOT_EPOCHS:-6}"
lr="${LR:-0.1}"; dev_every="${DEV_EVERY:-10}"; threads="${THREADS:-2}"
rms="${RMS:-0.08}"
nice_cmd="${NICE:-nice -n 19}"
level=(); [[ "$rms" != none ]] && level=(--normalize-rms "$rms")
models="${MODELS:-en-16k en-8k}"
train_args_16k="${TRAIN_ARGS_16K:-}"; train_args_8k="${TRAIN_ARGS_8K---online-mean 30}"
read -r -a extra16 <<< "$train_args_16k"; read -r -a extra8 <<< "$train_args_8k"
mkdir -p "$work" "$out/results"
results="$out/results"

if [[ -z "${BIN:-}" ]]; then
  $nice_cmd dotnet build "$repo/Cli" -c Release -o "$bin" -nologo -v q >&2
fi
acoustic() { $nice_cmd dotnet "$bin/acoustic.dll" "$@"; }
train_opts=(--layers "$layers" --width "$width" --epochs "$epochs" --lr "$lr" --seed "$seed" --threads "$threads")
commit="$(git -C "$repo" rev-parse HEAD 2>/dev/null || echo unknown)"
dirty="$(git -C "$repo" status --porcelain 2>/dev/null | grep -v '^?? models/' | grep -c . || true)"

# --- en-16k: synthetic 16 kHz speech only.
if [[ " $models " == *" en-16k "* ]]; then
echo "== en-16k: synthesizing $minutes16 min at 16 kHz" >&2
rm -rf "$work/synth16k"
acoustic corpus synth --out "$work/synth16k" --minutes "$minutes16" --rate 16000 --seed "$synth_seed" --json > "$results/en-16k.synth.json"
acoustic train --corpus "$work/synth16k" --out "$out/en-16k.admodel" --family en-16k "${train_opts[@]}" "${extra16[@]}" --json > "$results/en-16k.train.json"
for split in dev test; do
  acoustic eval --model "$out/en-16k.admodel" --corpus "$work/synth16k" --split "$split" --threads "$threads" \
    --confusion "$work/en-16k.$split.confusion.tsv" --json > "$results/en-16k.eval-$split.json"
done
fi

# --- en-8k: synthetic 8 kHz speech, plus all of FSDD aligned by a bootstrap model trained on the synthetic part.
fsdd_used=null
if [[ " $models " == *" en-8k "* ]]; then
echo "== en-8k: synthesizing $minutes8 min at 8 kHz" >&2
rm -rf "$work/synth8k"
acoustic corpus synth --out "$work/synth8k" --minutes "$minutes8" --rate 8000 --seed "$synth_seed" --json > "$results/en-8k.synth.json"
corpus8="$work/synth8k"
if [[ -d "$fsdd" ]]; then
  echo "== en-8k: FSDD found at $fsdd; importing all speakers by forced alignment (RMS $rms)" >&2
  fsdd_used=true
  acoustic train --corpus "$work/synth8k" --out "$work/boot8k.adm" --family en-8k \
    --layers "$layers" --width "$width" --epochs "$boot_epochs" --lr "$lr" --seed "$seed" --threads "$threads" --json > "$results/en-8k.boot-train.json"
  rm -rf "$work/fsdd8k"
  acoustic corpus import-transcribed "$fsdd" --fsdd --model "$work/boot8k.adm" --out "$work/fsdd8k" \
    --dev-every "$dev_every" --include-corpus "$work/synth8k" "${level[@]}" --json > "$results/en-8k.import.json"
  corpus8="$work/fsdd8k"
else
  echo "== en-8k: no FSDD at $fsdd; training on the synthetic 8 kHz corpus only" >&2
  fsdd_used=false
fi
acoustic train --corpus "$corpus8" --out "$out/en-8k.admodel" --family en-8k "${train_opts[@]}" "${extra8[@]}" --json > "$results/en-8k.train.json"
# dev: the training corpus's dev split (FSDD every DEV_EVERY-th file + synthetic dev voices); test: held-out synthetic voices.
acoustic eval --model "$out/en-8k.admodel" --corpus "$corpus8" --split dev --threads "$threads" \
  --confusion "$work/en-8k.dev.confusion.tsv" --json > "$results/en-8k.eval-dev.json"
acoustic eval --model "$out/en-8k.admodel" --corpus "$work/synth8k" --split test --threads "$threads" \
  --confusion "$work/en-8k.test.confusion.tsv" --json > "$results/en-8k.eval-test.json"
fi

python3 - "$out" "$commit" "$dirty" "$fsdd_used" "$models" <<PY
import json, os, sys
out, commit, dirty, fsdd_used, built = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5].split()
path = os.path.join(out, "results", "build-info.json")
# Models not rebuilt this time keep their earlier entries (and the commit they were built at).
info = json.load(open(path)) if os.path.exists(path) else {}
models = info.get("models", {})
recipe = {"synth_seed": $synth_seed, "seed": $seed, "layers": $layers, "width": $width, "epochs": $epochs,
          "lr": $lr, "threads": $threads}
extra = {"en-16k": {"minutes": $minutes16, "train_args": "$train_args_16k"},
         "en-8k": {"minutes": $minutes8, "train_args": "$train_args_8k", "boot_epochs": $boot_epochs,
                   "dev_every": $dev_every, "rms": "$rms", "fsdd_used": fsdd_used == "true"}}
for name in built:
    model = os.path.join(out, name + ".admodel")
    train = json.load(open(os.path.join(out, "results", name + ".train.json")))
    dev = json.load(open(os.path.join(out, "results", name + ".eval-dev.json")))
    test = json.load(open(os.path.join(out, "results", name + ".eval-test.json")))
    models[name] = {"commit": commit, "uncommitted_changes_outside_models": dirty, "recipe": {**recipe, **extra[name]},
                    "bytes": os.path.getsize(model), "sha256": train.get("sha256"),
                    "parameters": train.get("parameters"), "best_epoch": train.get("best_epoch"),
                    "train_frames": train.get("train_frames"), "eval_dev": dev, "eval_test": test}
json.dump({"models": models}, open(path, "w"), indent=2)
print(json.dumps({k: {"bytes": v["bytes"], "best_epoch": v["best_epoch"], "commit": v["commit"]} for k, v in models.items()}))
PY
echo "== done: $models in $out (FSDD used for en-8k: $fsdd_used)" >&2
