"""General-mode symbolic regression benchmark (issue 3, benchmark 2): VectorizedSR(mode='general') and gplearn on the
Feynman or the Nguyen/Keijzer equations, each method with the same budget of CPU seconds per equation, one thread.

    OMP_NUM_THREADS=1 python benchmarks/general_sr.py --method vsr --suite feynman --budget 60 --out benchmarks/results/feynman_vsr.csv

The budget is process CPU time (`time.process_time`), so runs sharing a machine with other jobs get the same compute.
Each equation is fitted by `neuronseek_nb.bench_vsr.general_benchmark` and its row appended to `--out` as soon as it is
done; a re-run skips the equations already in the file, so the benchmark can be interrupted and resumed. Scoring:
SRBench's symbolic-solution rule (constants rounded to 3 decimals; sympy's check limited to 30 s, counted as not
solved beyond) and R² > 0.999 on the 10,000 sampled points (noise-free)."""
import argparse
from pathlib import Path
import pandas as pd

from neuronseek_nb.data import feynman_problems, load_sr_benchmark
from neuronseek_nb.bench_vsr import general_benchmark

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--method', choices=('vsr', 'gplearn'), required=True)
    p.add_argument('--suite', choices=('feynman', 'nguyen'), default='feynman')
    p.add_argument('--budget', type=float, default=60.0, help='CPU seconds per equation')
    p.add_argument('--n', type=int, default=10_000)
    p.add_argument('--seed', type=int, default=0)
    p.add_argument('--limit', type=int, default=None, help='first LIMIT equations only')
    p.add_argument('--out', required=True)
    a = p.parse_args(argv)
    probs = feynman_problems() if a.suite == 'feynman' else load_sr_benchmark()
    if a.limit: probs = probs.iloc[:a.limit]
    out = Path(a.out)
    done = set()
    if out.exists():
        d = pd.read_csv(out)
        done = set(d.problem[d.method == a.method])
    for i in range(len(probs)):
        if probs.iloc[i]['name'] in done: continue
        row = general_benchmark(probs.iloc[[i]], time_budget=a.budget, n=a.n, methods=(a.method,), random_state=a.seed)
        row.to_csv(out, mode='a', header=not out.exists(), index=False)
        r = row.iloc[0]
        print(f"{r.problem:12s} {r.status} sol={r.get('solution')} r2={r.get('r2', float('nan')):.6f} cpu={r.get('cpu_s')}", flush=True)

if __name__ == '__main__': main()
