"""Issue 7: is the NS-TD task network better than the parameter-matched MLP? The grid's 5 seeds cannot tell (its paired
t-test separates no table), so this runs the three models of that question (task_td, mlp_matched, mlp_4x) on more
seeds with the grid's own code and settings (`tabular_benchmark`, FULL), and judges them seed by seed.

    # seeds 5-19 in two processes (~1 h on this 2-core machine; each finished table is cached, a rerun resumes)
    OMP_NUM_THREADS=1 python benchmarks/tabular_paired.py run spam7,default,computers,pima,boston,biopsy 5-19 a.csv &
    OMP_NUM_THREADS=1 python benchmarks/tabular_paired.py run diamonds,fair,concrete,churn,penguins,two_class,hitters,quakes 5-19 b.csv
    # seeds 0-4 come from the grid (benchmarks/results/tabular/tabular.csv: the same code gives the same rows)
    python benchmarks/tabular_paired.py merge benchmarks/results/tabular_paired.csv a.csv b.csv

The same question for the VSR task network, against an MLP matched to *its* parameter count (`match_to='task_vsr'`),
all 20 seeds run here (the grid's matched MLP is matched to the NS-TD network):

    OMP_NUM_THREADS=1 python benchmarks/tabular_paired.py run-vsr spam7,computers,default,pima,quakes,biopsy,penguins 0-19 va.csv &
    OMP_NUM_THREADS=1 python benchmarks/tabular_paired.py run-vsr diamonds,churn,concrete,fair,hitters,boston,two_class 0-19 vb.csv
    python benchmarks/tabular_paired.py concat benchmarks/results/tabular_paired_vsr.csv va.csv vb.csv
"""
import sys
from pathlib import Path
import pandas as pd

MODELS = ('task_td', 'mlp_matched', 'mlp_4x')
GRID = Path(__file__).resolve().parent / 'results' / 'tabular' / 'tabular.csv'

def seeds_of(text):
    lo, _, hi = text.partition('-')
    return range(int(lo), int(hi or lo) + 1)

def run(tables, seeds, out, vsr=False):
    from neuronseek_nb.bench import tabular_benchmark
    kw = dict(models=('task_vsr', 'mlp_matched'), match_to='task_vsr') if vsr else dict(models=MODELS)
    df = tabular_benchmark(datasets=tuple(tables.split(',')), seeds=seeds_of(seeds), verbose=1,
                           cache_dir=str(Path(out).with_suffix('')) + '_cache', **kw)
    df.to_csv(out, index=False)

def report(df):
    from neuronseek_nb.bench import paired_comparison, rank_table
    pd.set_option('display.width', 200)
    print(f"{df.seed.nunique()} seeds ({df.seed.min()}-{df.seed.max()}), {df.dataset.nunique()} tables")
    task = 'task_vsr' if 'task_vsr' in set(df.model) else 'task_td'
    for base in [b for b in ('mlp_matched', 'mlp_4x') if b in set(df.model)]:
        p = paired_comparison(df, task, base)
        print(f"\n{task} vs {base} (paired t-test, 5 %):\n{p.round(4)}\nverdicts: {p.verdict.value_counts().to_dict()}")
        m = df.pivot_table(index=['dataset', 'seed'], columns='model', values='error')
        wins = (m[task] - m[base]).groupby('dataset').mean()
        print(f"lower mean error than {base}: {(wins < 0).sum()}/{len(wins)} tables (ties {(wins == 0).sum()})")
    print('\nrank (mean error over seeds):\n', rank_table(df).round(2))

if __name__ == '__main__':
    if sys.argv[1] in ('run', 'run-vsr'): run(*sys.argv[2:5], vsr=sys.argv[1] == 'run-vsr')
    elif sys.argv[1] == 'concat':
        df = pd.concat([pd.read_csv(p) for p in sys.argv[3:]], ignore_index=True).sort_values(['dataset', 'seed', 'model'], kind='stable')
        df.to_csv(sys.argv[2], index=False)
        report(df)
    elif sys.argv[1] == 'merge':
        grid = pd.read_csv(GRID)
        parts = [grid[grid.model.isin(MODELS)]] + [pd.read_csv(p) for p in sys.argv[3:]]
        df = pd.concat(parts, ignore_index=True)  # a later part's row replaces an earlier one (a table rerun after a change)
        df = df.drop_duplicates(['dataset', 'seed', 'model'], keep='last').sort_values(['dataset', 'seed', 'model'], kind='stable')
        df.to_csv(sys.argv[2], index=False)
        report(df)
    elif sys.argv[1] == 'report': report(pd.read_csv(sys.argv[2]))
    else: raise SystemExit("usage: tabular_paired.py run|run-vsr TABLES SEEDS OUT | merge|concat OUT PARTS... | report CSV")
