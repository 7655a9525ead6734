"""Task layers at the FLOP limit: `layers.layer_benchmark` (forward + backward time of `TaskLinear` / `TaskConv2d` against
`nn.Linear` / `nn.Conv2d` of the same shape, timed in alternation, beside the FLOP ratio and the hand-written fused
quadratic layer), on one thread; writes benchmarks/results/layer_speed.csv, shown on the layers page.

    OMP_NUM_THREADS=1 python benchmarks/layer_speed.py [--quick]
"""
import argparse, sys
from pathlib import Path
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from neuronseek_nb.layers import layer_benchmark
from neuronseek_nb.data import atomic_write

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--quick', action='store_true', help='one width and one channel count, 3 rounds (a smoke test; writes layer_speed_quick.csv)')
    quick = ap.parse_args().quick
    torch.set_num_threads(1)
    df = layer_benchmark(widths=(128,), channels=(16,), rounds=3) if quick else layer_benchmark()
    out = Path(__file__).resolve().parent / 'results' / ('layer_speed_quick.csv' if quick else 'layer_speed.csv')
    atomic_write(out, lambda p: df.round(4).to_csv(p, index=False))
    print(df.pivot_table(index=['layer', 'formula'], columns='width', values=['ratio', 'flop_ratio'], sort=False).round(2).to_string())
    print('wrote', out)
