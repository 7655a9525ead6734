"""Task layers at the FLOP limit: forward + backward time of `TaskLinear` / `TaskConv2d` against `nn.Linear` /
`nn.Conv2d` of the same shape, beside each formula's FLOP ratio (counted by torch's FlopCounterMode, forward + backward),
and against the plain fused model `nn.Linear(cat([x*x, x]))` that does the quadratic neuron's arithmetic by hand.

    OMP_NUM_THREADS=1 python benchmarks/layer_speed.py [--quick]

One thread, batch 512 (dense) / 32 images of 32×32 (conv). Layer and reference are timed in alternation, round after
round, and the ratio is the median of the per-round ratios, so that a load change on the machine hits both alike.
Writes benchmarks/results/layer_speed.csv (cited on the layers page).
"""
import argparse, sys, time
from pathlib import Path
import numpy as np, pandas as pd, torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from neuronseek_nb.layers import TaskLinear, TaskConv2d
from neuronseek_nb.data import atomic_write

FORMULAS = ('<w, x>', '<w, x**2> + <w, x>', '<w, x**2> + <w, x> + <w, sin(x)>',
            '<w, x**2> + <w, x> + <w, sin(x)> + <w, exp(x)>', '[<w, x>*<w, x>; rank=4]')

class Fused(nn.Module):
    "The quadratic neuron written by hand: one nn.Linear over the stacked features [x², x]."
    def __init__(self, n, m): super().__init__(); self.lin = nn.Linear(2 * n, m)
    def forward(self, x): return self.lin(torch.cat([x * x, x], -1))

def step(m, x): m(x).sum().backward()

def flops(m, x):
    with FlopCounterMode(display=False) as fc: step(m, x)
    return fc.get_total_flops()

def paired_ratio(m, ref, x, rounds, reps):
    "Median over rounds of (time of m) / (time of ref), each the mean of `reps` steps; also m's median ms per step."
    for _ in range(3): step(m, x); step(ref, x)
    r, ms = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(reps): step(m, x)
        t1 = time.perf_counter()
        for _ in range(reps): step(ref, x)
        t2 = time.perf_counter()
        r.append((t1 - t0) / (t2 - t1)); ms.append(1e3 * (t1 - t0) / reps)
    return float(np.median(r)), float(np.median(ms))

def main(quick=False):
    torch.set_num_threads(1); torch.manual_seed(0)
    rounds, rows = (5 if quick else 15), []
    for w in ((256,) if quick else (64, 256, 1024)):
        x = torch.randn(512, w)
        reps = max(2, int(2e7 // (512 * w * w)) + 1)
        base = nn.Linear(w, w)
        for f in FORMULAS + ('fused [x², x]',):
            m = Fused(w, w) if f.startswith('fused') else TaskLinear(w, w, f)
            ratio, ms = paired_ratio(m, base, x, rounds, reps)
            rows.append({'layer': 'dense', 'width': w, 'formula': f, 'ms': ms, 'ratio': ratio, 'flop_ratio': flops(m, x) / flops(base, x)})
            print(rows[-1], flush=True)
    for c in ((16,) if quick else (16, 64)):
        x = torch.randn(32, c, 32, 32)
        base = nn.Conv2d(c, c, 3, padding=1)
        for f in FORMULAS[:3] + FORMULAS[4:]:
            m = TaskConv2d(c, c, 3, f, padding=1)
            ratio, ms = paired_ratio(m, base, x, rounds, 2)
            rows.append({'layer': 'conv', 'width': c, 'formula': f, 'ms': ms, 'ratio': ratio, 'flop_ratio': flops(m, x) / flops(base, x)})
            print(rows[-1], flush=True)
    df = pd.DataFrame(rows)
    df['ratio/flop_ratio'] = df.ratio / df.flop_ratio
    out = Path(__file__).resolve().parent / 'results' / ('layer_speed_quick.csv' if quick else 'layer_speed.csv')
    atomic_write(out, lambda p: df.round(4).to_csv(p, index=False))
    print(df.pivot_table(index=['layer', 'formula'], columns='width', values='ratio').round(2).to_string())
    print('wrote', out)

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--quick', action='store_true', help='one width, 5 rounds (a smoke test)')
    main(ap.parse_args().quick)
