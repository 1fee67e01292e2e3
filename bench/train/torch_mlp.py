#!/usr/bin/python3
"""PyTorch peer for `acoustic bench train`: the same MLP, batch, optimizer and per-batch splicing gather,
on random data, timed after a warm-up. Run with Debian's /usr/bin/python3 (python3-torch, with
libopenblas0-pthread installed). Prints one JSON object."""
import argparse, json, time
import torch

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=1)
p.add_argument("--frames", type=int, default=51200)
p.add_argument("--batch", type=int, default=256)
p.add_argument("--layers", type=int, default=3)
p.add_argument("--width", type=int, default=1024)
p.add_argument("--bins", type=int, default=40)
p.add_argument("--context", type=int, default=5)
p.add_argument("--classes", type=int, default=120)
p.add_argument("--repeats", type=int, default=3)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(1)

features = torch.randn(a.frames, a.bins)
labels = torch.randint(0, a.classes, (a.frames,))
offsets = torch.arange(-a.context, a.context + 1)
neighbours = (torch.arange(a.frames)[:, None] + offsets[None, :]).clamp(0, a.frames - 1)

layers, width = [], (2 * a.context + 1) * a.bins
for _ in range(a.layers):
    layers += [torch.nn.Linear(width, a.width), torch.nn.ReLU()]
    width = a.width
layers.append(torch.nn.Linear(width, a.classes))
model = torch.nn.Sequential(*layers)
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)

def epoch(n):
    order = torch.randperm(n)
    for start in range(0, n, a.batch):
        idx = order[start:start + a.batch]
        x = features.index_select(0, neighbours.index_select(0, idx).view(-1)).view(idx.shape[0], -1)
        loss = torch.nn.functional.cross_entropy(model(x), labels.index_select(0, idx))
        opt.zero_grad()
        loss.backward()
        opt.step()

epoch(min(a.frames, 20 * a.batch))  # warm-up
best = float("inf")
for _ in range(a.repeats):
    t = time.perf_counter()
    epoch(a.frames)
    best = min(best, time.perf_counter() - t)
print(json.dumps({"peer": "pytorch", "torch": torch.__version__, "threads": a.threads,
                  "frames": a.frames, "batch": a.batch, "best_seconds": best,
                  "frames_per_second": a.frames / best}))
