"""General-mode symbolic regression benchmark: VectorizedSR(mode='general') and gplearn on the Feynman and Nguyen/Keijzer
equations, each method with the same budget of CPU seconds per equation on one thread (issue 3, benchmark 2).

    OMP_NUM_THREADS=1 python benchmarks/general_sr.py --method vsr --suite feynman --budget 60 --out benchmarks/results/feynman_vsr.csv

The budget is process CPU time (`time.process_time`), so runs sharing a machine with other jobs get the same compute.
One row per equation is appended to `--out` as soon as it is done; a re-run skips the equations already in the file,
so the benchmark can be interrupted and resumed. Scoring: SRBench's symbolic-solution rule (`is_symbolic_solution`,
constants rounded to 3 decimals; a 30 s limit on sympy's simplification, counted as not solved) and R² > 0.999 on the
10,000 sampled points (noise-free)."""
import argparse, os, signal, sys, time, warnings
from pathlib import Path
import numpy as np, pandas as pd, sympy as sp

from neuronseek_nb.vsr import VectorizedSR, feynman_problems, gplearn_sympy, load_sr_benchmark, sample_problem, is_symbolic_solution

GPLEARN_FUNCTIONS = ("add", "sub", "mul", "div", "sin", "cos", "log", "sqrt", "neg")

def run_vsr(X, y, budget, seed):
    m = VectorizedSR(mode='general', population_size=500, generations=100_000, time_budget=budget, budget_clock='cpu',
                     max_terms=4, random_state=seed).fit(X, y)
    return m.expression_, m.score(X, y), m.n_generations_

def run_gplearn(X, y, budget, seed, population=1000):
    "gplearn one generation at a time (warm_start) until the CPU budget is spent or the fit is exact."
    from gplearn.genetic import SymbolicRegressor
    t0 = time.process_time()
    m = SymbolicRegressor(population_size=population, generations=1, n_jobs=1, random_state=seed, warm_start=True,
                          function_set=GPLEARN_FUNCTIONS)
    gen, var = 0, float(np.var(y))
    while True:
        gen += 1
        m.set_params(generations=gen)
        with warnings.catch_warnings():
            warnings.simplefilter('ignore'); m.fit(X, y)
        mse = float(np.mean((m.predict(X) - y) ** 2))
        if mse <= 1e-10 * var or time.process_time() - t0 > budget: break
    return gplearn_sympy(m._program, X.shape[1]), m.score(X, y), gen

class _Timeout(Exception): pass

def solved(expr, found, variables, limit=30):
    def handler(*_): raise _Timeout()
    old = signal.signal(signal.SIGALRM, handler); signal.alarm(limit)
    try: return bool(is_symbolic_solution(expr, found, variables)), False
    except _Timeout: return False, True
    finally: signal.alarm(0); signal.signal(signal.SIGALRM, old)

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
    done = set(pd.read_csv(out).problem) if out.exists() else set()
    for r in probs.itertuples():
        if r.name in done: continue
        X, y = sample_problem(r.expression, r.variables, n=a.n, random_state=a.seed)
        row = {'problem': r.name, 'method': a.method, 'budget_cpu_s': a.budget, 'n_vars': len(r.variables)}
        if not np.isfinite(y).all():
            row.update(status='non-finite target')
        else:
            t0, w0 = time.process_time(), time.perf_counter()
            try:
                e, r2, gens = (run_vsr if a.method == 'vsr' else run_gplearn)(X, y, a.budget, a.seed)
                cpu, wall = time.process_time() - t0, time.perf_counter() - w0
                sol, to = solved(r.expression, e, r.variables)
                row.update(status='ok', solution=sol, simplify_timeout=to, r2=float(r2), r2_0999=bool(r2 > 0.999),
                           cpu_s=round(cpu, 2), wall_s=round(wall, 2), generations=gens, found=str(e)[:300], truth=r.expression)
            except Exception as ex:  # recorded, never silently dropped
                row.update(status=f'error: {type(ex).__name__}: {ex}'[:300])
        pd.DataFrame([row]).to_csv(out, mode='a', header=not out.exists(), index=False)
        print(f"{r.name:12s} {row.get('status')} sol={row.get('solution')} r2={row.get('r2', float('nan')):.6f} cpu={row.get('cpu_s')}", flush=True)

if __name__ == '__main__': main()
