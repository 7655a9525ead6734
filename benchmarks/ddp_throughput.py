"""Training throughput of the same TaskNetModule with 1 and with 2 DDP processes on CPU (gloo).

    OMP_NUM_THREADS=1 nice -n 5 python benchmarks/ddp_throughput.py --out benchmarks/results/ddp_throughput.csv

prints samples per second for each and their ratio, and writes them (atomically) to `--out` with the machine facts the
figures depend on: cores, the 1-minute load average before and after each configuration (other jobs on the machine
depress the 2-process figure), torch version and date. Each configuration runs in a fresh process, one thread per
process (Lightning's DDP launcher re-runs the job script for the second rank).
"""
import argparse, datetime, json, os, subprocess, sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / 'results'

JOB = r'''
import json, os, sys, time, warnings
warnings.filterwarnings('ignore')
import numpy as np, torch
from neuronseek_nb.layers import task_mlp
from neuronseek_nb.training import TabularDataModule, TaskNetModule, make_trainer
devices, out = int(sys.argv[1]), sys.argv[2]
g = np.random.default_rng(0)
X = g.uniform(-2, 2, (40000, 16)); y = (X**2) @ g.normal(size=16) + X @ g.normal(size=16)
dm = TabularDataModule(X, y, batch_size=256, test_size=0.1)
module = TaskNetModule(task_mlp('<w, x**2> + <w, x>', 16, [128, 128], 1))
import pytorch_lightning as pl
class Clock(pl.Callback):  # time epochs 2..5 only: process start-up and the first epoch's warm-up are left out
    def on_train_epoch_start(self, trainer, m):
        if trainer.current_epoch == 1: self.t0 = time.perf_counter()
    def on_train_end(self, trainer, m): self.secs = time.perf_counter() - self.t0
clock = Clock()
kw = dict(strategy='ddp', devices=devices) if devices > 1 else {}
tr = make_trainer(out, max_epochs=5, patience=None, progress=False, callbacks=[clock], **kw)
tr.fit(module, datamodule=dm)
if tr.global_rank == 0:
    print('RESULT', json.dumps({'devices': devices, 'seconds_4_epochs': clock.secs, 'samples_per_s': 4 * len(dm.ds['train']) / clock.secs}))
'''

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--out', default=str(RESULTS / 'ddp_throughput.csv'), help='CSV to write (default: %(default)s)')
    a = p.parse_args(argv)
    import tempfile
    import pandas as pd
    from neuronseek_nb.data import atomic_write
    from importlib.metadata import version
    facts = {'cores': os.cpu_count(), 'omp_num_threads': 1, 'torch': version('torch'), 'date': datetime.date.today().isoformat()}
    res, rows = {}, []
    for devices in (1, 2):
        load0 = os.getloadavg()[0]
        with tempfile.TemporaryDirectory() as d:
            script = os.path.join(d, 'job.py'); open(script, 'w').write(JOB)
            r = subprocess.run([sys.executable, script, str(devices), d], capture_output=True, text=True,
                               env={**os.environ, 'OMP_NUM_THREADS': '1'}, cwd=d)
            if r.returncode: sys.exit(r.stderr[-3000:])
            res[devices] = json.loads(r.stdout.split('RESULT')[-1])
            print(json.dumps(res[devices]), flush=True)
        rows.append({**res[devices], 'speedup': res[devices]['samples_per_s'] / res[1]['samples_per_s'], **facts,
                     'load1_start': round(load0, 2), 'load1_end': round(os.getloadavg()[0], 2)})
    print(f"speed-up with 2 processes: {res[2]['samples_per_s'] / res[1]['samples_per_s']:.2f}x (machine: {os.cpu_count()} cores)")
    atomic_write(a.out, lambda t: pd.DataFrame(rows).to_csv(t, index=False))  # nothing half-written if the run stops

if __name__ == '__main__': main()
