"""NeuronSeekTD on the 15 synthetic cases written in both interaction conventions, side by side in one run (issue 22).

Each (case, seed, data convention) draws N + N/4 rows with `td_synthetic_case(..., interaction=CONV)`, fits the default
`NeuronSeekTD(random_state=seed)` on the first N rows and scores it on the last N/4. One CSV row per search: the
planted and the found order sets, the convention the search chose (`chosen`), what each convention's search found
and its penalised NLL (`cp_found`, `distinct_found`, `cp_criterion`, `distinct_criterion`; a convention not run
because the plain-CP search kept no interaction order is empty), train and test R², the largest error of
`formula_`/`weights_`/`bias_` against `decision_function` relative to the largest prediction, CPU and wall seconds.
Rows already in `--out` are not run again (resume).

`--peers` runs tnlearn's `PolyTensorRegressor` or `VectorizedSR` instead, through `bench_td.td_benchmark` on the data
of `td_benchmark` (N rows, no test split) with plain-CP interactions, for the interaction and hybrid cases (a pure case
is the same data in both conventions: its rows are those of `td_vsr.csv` / `td_tnlearn.csv`), with the settings of
the stored distinct-convention peer runs (`nbs/07b_bench_td.ipynb`).

    OMP_NUM_THREADS=1 python benchmarks/td_conventions.py --out benchmarks/results/td_conventions.csv
    OMP_NUM_THREADS=1 python benchmarks/td_conventions.py --peers VectorizedSR --seeds 0-9 --out benchmarks/results/td_vsr_cp.csv
    OMP_NUM_THREADS=1 python benchmarks/td_conventions.py --peers tnlearn --seeds 0 --out benchmarks/results/td_tnlearn_cp.csv
    OMP_NUM_THREADS=1 python benchmarks/td_conventions.py --D 100 --N 10000 --seeds 0 \\
        --cases pure:0 interaction:0 hybrid:4 --out benchmarks/results/td_conventions_d100.csv
"""
import argparse, os, time, warnings
import numpy as np, pandas as pd, torch
from neuronseek_nb.tensor_search import NeuronSeekTD, TD_CASES, td_synthetic_case
from neuronseek_nb.data import atomic_write

PEERS = {'tnlearn': {'num_epochs': 30},  # as the distinct-convention peer runs of nbs/07b_bench_td.ipynb
         'VectorizedSR': {'mode': 'vectorized', 'population_size': 300, 'generations': 10, 'max_terms': 4, 'time_budget': 10, 'budget_clock': 'cpu'}}
KEY = ['mode', 'variant', 'seed', 'data', 'D', 'N']

def run_one(mode, v, seed, conv, D, N, noise):
    n_test = N // 4
    X, y, truth = td_synthetic_case(mode, v, D=D, N=N + n_test, noise=noise, random_state=seed, interaction=conv)
    Xtr, ytr, Xte, yte = X[:N], y[:N], X[N:], y[N:]
    t0, c0 = time.perf_counter(), time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        m = NeuronSeekTD(random_state=seed).fit(Xtr, ytr)
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    found = {k: m.structure_[k] for k in ('pure', 'interaction')}
    pred = m.decision_function(Xte)
    via = (m.formula_.evaluate(torch.as_tensor(Xte), m.weights_) if m.formula_ is not None else 0) + m.bias_
    cand = {r.interaction: r for r in m.conventions_.itertuples()}
    row = dict(mode=mode, variant=v, seed=seed, data=conv, D=D, N=N, noise=noise, truth=str(truth), found=str(found),
               exact=found == truth, chosen=m.interaction_, train_r2=m.score(Xtr, ytr), test_r2=m.score(Xte, yte),
               formula_rel_err=float((via - pred).abs().max() / pred.abs().max()), cpu_seconds=cpu, seconds=wall)
    for c in ('cp', 'distinct'):
        row[f'{c}_found'] = str(cand[c].structure) if c in cand else ''
        row[f'{c}_criterion'] = float(cand[c].criterion) if c in cand else float('nan')
    return row

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--cases', nargs='*', default=None, help="MODE:VARIANT ... (default: all 15)")
    p.add_argument('--seeds', default='0-9', help="a range A-B or a comma list")
    p.add_argument('--conventions', nargs='+', default=['cp', 'distinct'])
    p.add_argument('--D', type=int, default=10); p.add_argument('--N', type=int, default=2500)
    p.add_argument('--noise', type=float, default=0.01)
    p.add_argument('--peers', choices=sorted(PEERS), default=None, help="run this peer on plain-CP data instead")
    p.add_argument('--out', required=True)
    a = p.parse_args(argv)
    torch.set_num_threads(1)
    seeds = range(int(a.seeds.split('-')[0]), int(a.seeds.split('-')[1]) + 1) if '-' in a.seeds else [int(s) for s in a.seeds.split(',')]
    cases = [(m, v) for m in TD_CASES for v in range(len(TD_CASES[m]))] if a.cases is None else [(c.split(':')[0], int(c.split(':')[1])) for c in a.cases]
    if a.peers:
        from neuronseek_nb.bench_td import td_benchmark
        for seed in seeds:
            td_benchmark(cases=[c for c in cases if c[0] != 'pure'], seeds=[seed], D=a.D, N=a.N, noise=a.noise, interaction='cp',
                         methods=(a.peers,), peer_params=PEERS, out=a.out)
            print(f"{a.peers} seed {seed} done", flush=True)
        return
    rows = pd.read_csv(a.out).to_dict('records') if os.path.exists(a.out) else []
    done = {tuple(r[k] for k in KEY) for r in rows}
    for seed in seeds:  # seeds outermost: a stopped run has every case for the seeds it finished
        for mode, v in cases:
            for conv in a.conventions:
                if (mode, v, seed, conv, a.D, a.N) in done: continue
                rows.append(run_one(mode, v, seed, conv, a.D, a.N, a.noise))
                r = rows[-1]
                print(f"{mode} {v} seed {seed} {conv}: {r['found']} exact={r['exact']} chosen={r['chosen']} test R2={r['test_r2']:.4f} "
                      f"cpu {r['cpu_seconds']:.1f}s", flush=True)
                atomic_write(a.out, lambda f: pd.DataFrame(rows).to_csv(f, index=False))

if __name__ == '__main__': main()
