"""Issue 7 follow-up: does the hidden width (16 in the grid) hide or create the task network's edge over the
parameter-matched MLP? NS-TD task network vs its matched MLP at other widths, on the four tables where NS-TD keeps a
nonlinear neuron on every seed (boston, concrete, quakes, spam7), 10 seeds, the grid's FULL settings otherwise.

    OMP_NUM_THREADS=1 python benchmarks/tabular_width.py 8,32 w1.csv &
    OMP_NUM_THREADS=1 python benchmarks/tabular_width.py 64 w2.csv
    python benchmarks/tabular_width.py report benchmarks/results/tabular_width.csv w1.csv w2.csv
"""
import sys
import pandas as pd

TABLES = ('boston', 'concrete', 'quakes', 'spam7')

def run(widths, out):
    from neuronseek_nb.bench import tabular_benchmark
    parts = [tabular_benchmark(datasets=TABLES, seeds=range(10), models=('task_td', 'mlp_matched'), hidden=int(w), verbose=1,
                               cache_dir=f'{out}_cache').assign(hidden=int(w)) for w in widths.split(',')]
    pd.concat(parts, ignore_index=True).to_csv(out, index=False)

def report(df):
    from neuronseek_nb.bench import paired_comparison
    pd.set_option('display.width', 200)
    rows = []
    for w, g in df.groupby('hidden'):
        p = paired_comparison(g).reset_index().assign(hidden=w)
        p['task_td'] = g[g.model == 'task_td'].groupby('dataset').error.mean().reindex(p.dataset).to_numpy()
        p['mlp_matched'] = g[g.model == 'mlp_matched'].groupby('dataset').error.mean().reindex(p.dataset).to_numpy()
        p['params'] = g[g.model == 'task_td'].groupby('dataset').params.mean().reindex(p.dataset).to_numpy()
        rows.append(p)
    out = pd.concat(rows, ignore_index=True)[['hidden', 'dataset', 'params', 'task_td', 'mlp_matched', 'mean_diff', 'p_value', 'wins', 'losses', 'verdict']]
    print(out.round(4).to_string(index=False))
    return out

if __name__ == '__main__':
    if sys.argv[1] == 'report':
        df = pd.concat([pd.read_csv(p) for p in sys.argv[3:]], ignore_index=True)
        grid = pd.read_csv('benchmarks/results/tabular_paired.csv')  # width 16: the 20-seed run, its first 10 seeds
        grid = grid[grid.dataset.isin(TABLES) & grid.model.isin(['task_td', 'mlp_matched']) & (grid.seed < 10)].assign(hidden=16)
        df = pd.concat([df, grid], ignore_index=True)
        df.to_csv(sys.argv[2], index=False)
        report(df)
    else: run(sys.argv[1], sys.argv[2])
