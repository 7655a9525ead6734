"""Peak memory (RSS) of a search and of training at N = 1e4, 1e5, 1e6 rows (issue: hardening, scale and memory).

Each measurement runs in a fresh subprocess, so the peak belongs to that one job: `python benchmarks/memory.py [vsr td train]`.
Peak memory does not depend on the number of epochs or generations, so they are kept at 1-2 to bound the time.
VectorizedSR scores candidates on `max_samples` rows (default 1000, a documented subsample); NeuronSeekTD and the
Lightning training stream mini-batches over all rows.
"""
import json, subprocess, sys, time

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

def peak(kind, N):
    "Peak RSS in GiB (measured by the job itself) and wall seconds of one job in a fresh process."
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, '-c', JOB, str(N), kind], capture_output=True, text=True)
    if r.returncode: raise RuntimeError(r.stderr[-2000:])
    kib = int(r.stdout.split('MAXRSS_KIB')[-1].split()[0])
    return kib / 2**20, time.perf_counter() - t0

if __name__ == '__main__':
    rows = []
    kinds = sys.argv[1:] or ('vsr', 'td', 'train')
    for kind in kinds:
        for N in (10_000, 100_000, 1_000_000):
            gib, secs = peak(kind, N)
            rows.append({'job': kind, 'N': N, 'peak_rss_gib': round(gib, 2), 'seconds': round(secs, 1)})
            print(json.dumps(rows[-1]), flush=True)
