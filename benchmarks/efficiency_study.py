"""The parameter-efficiency study (nbs/07c_efficiency.ipynb) at a budget that fits a laptop core; resumes from its cache.

The full study is `neuronseek bench efficiency --out DIR` (80 tasks of `study_tasks()`, widths 4-32, 5 seeds,
the sweep of `STUDY`). This script runs the documented subset the docs page shows:

    OMP_NUM_THREADS=1 python benchmarks/efficiency_study.py --out benchmarks/results/efficiency

Each finished task is kept under OUT/efficiency_cache, so a rerun (or a longer --feynman) continues where it stopped;
the docs page's run and the exact command that summarised it are in nbs/07c_efficiency.ipynb ("Results").
"""
import argparse, logging, sys, time
from pathlib import Path

from neuronseek_nb.efficiency import FEYNMAN_SUBSET, REAL_TABLES, run_efficiency, study_tasks
from neuronseek_nb.vsr import PLANTED

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--out', default='benchmarks/results/efficiency')
    p.add_argument('--feynman', type=int, default=40, help='the first K equations of FEYNMAN_SUBSET (default: all 40)')
    p.add_argument('--noises', type=float, nargs='+', default=[0.0, 0.01])
    p.add_argument('--planted', type=int, default=len(PLANTED), help='the first K planted formulas')
    p.add_argument('--noisy-feynman', type=int, help='at the nonzero noise levels, only the first K equations (default: --feynman)')
    p.add_argument('--noisy-planted', type=int, help='at the nonzero noise levels, only the first K planted formulas (default: --planted)')
    p.add_argument('--tables', nargs='*', default=list(REAL_TABLES))
    p.add_argument('--paper-tables', nargs='*', default=list(REAL_TABLES))
    p.add_argument('--sizes', type=int, nargs='+', default=[4, 8, 16])
    p.add_argument('--sweep', type=int, nargs='+', default=[2, 8, 32, 128])
    p.add_argument('--seeds', type=int, default=5)
    p.add_argument('--epochs', type=int, default=60)
    p.add_argument('--batch-size', type=int, default=256)
    a = p.parse_args()
    tasks = study_tasks(FEYNMAN_SUBSET[:a.feynman], PLANTED[:a.planted], a.tables, a.noises)
    nf = a.feynman if a.noisy_feynman is None else a.noisy_feynman
    npl = a.planted if a.noisy_planted is None else a.noisy_planted
    keep = ((tasks.noise == 0) | ((tasks.family == 'feynman') & tasks.name.isin(FEYNMAN_SUBSET[:nf]))
            | ((tasks.family == 'planted') & tasks.name.isin(PLANTED[:npl])))
    tasks = tasks[keep]
    # noise 0 first, then 1 %: a run stopped early has the noiseless tasks complete
    tasks = tasks.sort_values('noise', kind='stable').reset_index(drop=True)
    t0 = time.perf_counter()
    print(f"{len(tasks)} tasks, seeds {a.seeds}, sizes {a.sizes}, sweep {a.sweep}, epochs {a.epochs}", flush=True)
    for path in run_efficiency(a.out, seeds=a.seeds, tasks=tasks, paper_tables=a.paper_tables, verbose=1,
                               sizes=tuple(a.sizes), sweep=tuple(a.sweep), max_epochs=a.epochs, batch_size=a.batch_size):
        print(path, flush=True)
    print(f"done in {time.perf_counter() - t0:.0f} s", flush=True)
