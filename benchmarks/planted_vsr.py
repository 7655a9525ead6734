"""Planted vectorized formulas (issue 3, benchmark 1): exact recovery and CPU time of VectorizedSR, tnlearn's
GPSymRegressor (legacy, base) and gplearn at the same population and generations, one thread per process.

    OMP_NUM_THREADS=1 python benchmarks/planted_vsr.py --methods vsr --Ds 5 20 --seeds 10 --out benchmarks/results/planted_vsr.csv
    OMP_NUM_THREADS=1 python benchmarks/planted_vsr.py --methods vsr tnlearn-legacy --Ds 100 --noises 0.0 --seeds 5 --peer-seeds 1 --out d100_0.csv &
    OMP_NUM_THREADS=1 python benchmarks/planted_vsr.py --methods vsr tnlearn-legacy --Ds 100 --noises 0.01 --seeds 5 --peer-seeds 1 --out d100_1.csv
    # then both joined into benchmarks/results/planted_vsr_d100.csv

Rows are appended per (formula, D, noise, method) group as soon as they are done and a re-run skips the groups already
in `--out`, so the run can be interrupted and resumed. Times are process CPU seconds (`cpu_s`) and wall seconds."""
import argparse
from pathlib import Path
import pandas as pd
from neuronseek_nb.vsr import PLANTED, VectorizedSR, make_planted
from neuronseek_nb.bench_vsr import planted_benchmark

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--methods', nargs='+', default=['vsr'], choices=['vsr', 'tnlearn-legacy', 'tnlearn-base', 'gplearn'])
    p.add_argument('--Ds', nargs='+', type=int, default=[5, 20, 100])
    p.add_argument('--noises', nargs='+', type=float, default=[0.0, 0.01])
    p.add_argument('--seeds', type=int, default=10, help='seeds 0..SEEDS-1')
    p.add_argument('--formulas', nargs='+', type=int, default=None, help='indices into PLANTED (default: all 8)')
    p.add_argument('--peer-seeds', type=int, default=None, help='run the peers (not vsr) on seeds 0..PEER_SEEDS-1 only')
    p.add_argument('--out', required=True)
    a = p.parse_args(argv)
    out = Path(a.out)
    done = set()
    if out.exists():
        d = pd.read_csv(out)
        done = set(zip(d.formula, d.D, d.noise, d.method))
    # warm-up (imports, first-call costs) so that the first timed fit is not charged for them
    VectorizedSR(population_size=50, generations=2, random_state=0).fit(*make_planted(PLANTED[0], D=3, N=200, random_state=0))
    forms = [PLANTED[i] for i in a.formulas] if a.formulas else PLANTED
    for D in a.Ds:
        for noise in a.noises:
            for f in forms:
                for meth in a.methods:
                    if (f, D, noise, meth) in done: continue
                    seeds = range(a.seeds if meth == 'vsr' or a.peer_seeds is None else min(a.seeds, a.peer_seeds))
                    df = planted_benchmark(formulas=[f], Ds=(D,), noises=(noise,), seeds=seeds, methods=(meth,))
                    df.to_csv(out, mode='a', header=not out.exists(), index=False)
                    print(f"D={D} noise={noise} {meth:15s} {f:30s} recovered {df.recovered.mean():.2f} median cpu {df.cpu_s.median():.2f}s", flush=True)

if __name__ == '__main__': main()
