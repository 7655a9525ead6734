"""Peak memory (RSS) of a search and of training at N = 1e4, 1e5, 1e6 rows (issue: hardening, scale and memory).

Each measurement runs in a fresh subprocess, so the peak belongs to that one job:

    OMP_NUM_THREADS=1 nice -n 5 python benchmarks/memory.py vsr td train --out benchmarks/results/memory.csv

Peak memory does not depend on the number of epochs or generations, so they are kept at 1-2 to bound the time.
VectorizedSR scores candidates on `max_samples` rows (default 1000, a documented subsample); NeuronSeekTD and the
Lightning training stream mini-batches over all rows. A job that runs past `--timeout` seconds is stopped and its row
says so in `note` (no peak then). The CSV (rows of the kinds run replace that kind's earlier rows) also records the
machine: cores, OMP_NUM_THREADS, the 1-minute load average before and after each job, torch version and date; it is
rewritten atomically after every job.
"""
import argparse, datetime, json, os, subprocess, sys, time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / 'results'
KINDS = ('vsr', 'td', 'train')
SIZES = (10_000, 100_000, 1_000_000)

JOB = r'''
import sys, numpy as np
N, kind = int(sys.argv[1]), sys.argv[2]
g = np.random.default_rng(0); X = g.uniform(-2, 2, (N, 10)); y = (X**2) @ g.normal(size=10) + X @ g.normal(size=10)
y = y + 0.01 * y.std() * g.normal(size=N) # noisy: no seed fits exactly, so VSR's enumeration goes to its deepest level
if kind == 'vsr':
    from neuronseek_nb.vsr import VectorizedSR
    VectorizedSR(population_size=200, generations=2, random_state=0).fit(X, y)
elif kind == 'td':
    from neuronseek_nb.tensor_search import NeuronSeekTD
    NeuronSeekTD(epochs=1, refit_epochs=1, batch_size=1024, random_state=0).fit(X, y)
else:
    from neuronseek_nb.estimators import TaskNeuronRegressor
    TaskNeuronRegressor('<w, x**2> + <w, x>', hidden=(32,), max_epochs=1, batch_size=1024).fit(X, y)
import resource; print('MAXRSS_KIB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
'''

def peak(kind, N, timeout=None):
    "Peak RSS in GiB (measured by the job itself; None if it ran past `timeout` s) and wall seconds of one job in a fresh process."
    t0 = time.perf_counter()
    try: r = subprocess.run([sys.executable, '-c', JOB, str(N), kind], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired: return None, time.perf_counter() - t0
    if r.returncode: raise RuntimeError(r.stderr[-2000:])
    kib = int(r.stdout.split('MAXRSS_KIB')[-1].split()[0])
    return kib / 2**20, time.perf_counter() - t0

def machine():
    "The facts that the figures depend on (the load average is added per job)."
    from importlib.metadata import version
    return {'cores': os.cpu_count(), 'omp_num_threads': os.environ.get('OMP_NUM_THREADS', ''), 'torch': version('torch'),
            'date': datetime.date.today().isoformat()}

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('kinds', nargs='*', metavar='KIND', help=f'any of {", ".join(KINDS)} (default: all)')
    p.add_argument('--sizes', nargs='+', type=int, default=list(SIZES), help='numbers of rows N')
    p.add_argument('--timeout', type=float, default=360, help='seconds after which a job is stopped and its row marked in `note`')
    p.add_argument('--out', default=str(RESULTS / 'memory.csv'), help='CSV to write (default: %(default)s)')
    a = p.parse_args(argv)
    import pandas as pd
    from neuronseek_nb.data import atomic_write
    kinds = a.kinds or list(KINDS)
    if set(kinds) - set(KINDS): p.error(f'unknown kind(s) {sorted(set(kinds) - set(KINDS))}: choose from {", ".join(KINDS)}')
    old = pd.read_csv(a.out) if Path(a.out).exists() else None
    keep = [] if old is None else [old[~old.job.isin(kinds)]]  # the other kinds' rows of an earlier run
    facts, rows = machine(), []
    for kind in kinds:
        for N in a.sizes:
            load0 = os.getloadavg()[0]
            gib, secs = peak(kind, N, a.timeout)
            note = '' if gib is not None else f'dropped: stopped after {a.timeout:.0f} s, no peak measured'
            rows.append({'job': kind, 'N': N, 'peak_rss_gib': None if gib is None else round(gib, 2), 'seconds': round(secs, 1),
                         'note': note, **facts, 'load1_start': round(load0, 2), 'load1_end': round(os.getloadavg()[0], 2)})
            print(json.dumps(rows[-1]), flush=True)
            atomic_write(a.out, lambda t: pd.concat([k for k in keep if len(k)] + [pd.DataFrame(rows)], ignore_index=True).to_csv(t, index=False))

if __name__ == '__main__': main()
