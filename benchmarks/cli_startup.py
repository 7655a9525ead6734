"""How long the `neuronseek` command takes to answer `--help`, against what it would take if the CLI imported the
library's heavy parts (torch, Lightning, scikit-learn) at start, as it did before 2026-12-04.

    OMP_NUM_THREADS=1 python benchmarks/cli_startup.py          # writes benchmarks/results/cli_startup.csv

Each command runs `--repeat` times in a fresh process (wall seconds; the first run warms the file cache and is not
counted). The figures are cited on the Command line page (nbs/08_cli.ipynb, cli.html).
"""
import argparse, os, statistics, subprocess, sys, time
from pathlib import Path

EXE = str(Path(sys.executable).parent / 'neuronseek')
CASES = {
    'neuronseek --help': [EXE, '--help'],
    'neuronseek train --help': [EXE, 'train', '--help'],
    'python -c "import neuronseek_nb.cli"': [sys.executable, '-c', 'import neuronseek_nb.cli'],
    'the old start: import neuronseek_nb.estimators': [sys.executable, '-c', 'import neuronseek_nb.estimators'],
}

def seconds(cmd, repeat):
    subprocess.run(cmd, capture_output=True, check=True)  # warm the file cache
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter(); subprocess.run(cmd, capture_output=True, check=True); times.append(time.perf_counter() - t0)
    return times

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--repeat', type=int, default=5)
    p.add_argument('--out', default=str(Path(__file__).resolve().parent / 'results' / 'cli_startup.csv'))
    a = p.parse_args(argv)
    import pandas as pd, torch
    rows = []
    for name, cmd in CASES.items():
        t = seconds(cmd, a.repeat)
        rows.append({'command': name, 'median_s': round(statistics.median(t), 3), 'min_s': round(min(t), 3), 'max_s': round(max(t), 3),
                     'repeat': a.repeat, 'cores': os.cpu_count(), 'load1': round(os.getloadavg()[0], 2), 'torch': torch.__version__,
                     'date': time.strftime('%Y-%m-%d')})
        print(rows[-1], flush=True)
    from neuronseek_nb.data import atomic_write
    df = pd.DataFrame(rows)
    atomic_write(a.out, lambda t: df.to_csv(t, index=False))
    old, new = df.median_s.iloc[-1], df.median_s.iloc[0]
    print(f"--help {new:.3f} s; importing the estimators at start would cost {old:.2f} s ({old / new:.0f}x)")

if __name__ == '__main__': main()
