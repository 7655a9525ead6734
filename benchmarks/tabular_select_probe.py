"""Issue 7 probe: choose the task network's neuron at the *network* level, by validation loss.

NS-TD picks the orders that help a single neuron; on 5 of the 14 tables it keeps only <w, x> and the task network is
then the matched MLP. Here each (table, seed) of the grid trains two task networks — the grid's NS-TD neuron and
<w, x> + <w, x**2> — and keeps the one with the lower best validation loss (the test split is never looked at), each
against an MLP matched to it, with the grid's splits, seeds and budget (`benchmark_split`, `FULL`, width 16, lr 3e-3).
Where the NS-TD neuron already is <w, x> + <w, x**2>, one network is trained.

Two comparisons, because picking the better of two networks on validation is extra tuning the MLP did not get:
`select_vs_matched` (the chosen task network against the MLP matched to it) and `select_vs_select` (against the better
of the two matched MLPs, also picked on validation).

    OMP_NUM_THREADS=1 python benchmarks/tabular_select_probe.py run default,churn,diamonds,two_class,pima,penguins,hitters 0-4 a.csv &
    OMP_NUM_THREADS=1 python benchmarks/tabular_select_probe.py run fair,computers,spam7,biopsy,quakes,concrete,boston 0-4 b.csv
    python benchmarks/tabular_select_probe.py report a.csv b.csv
"""
import sys, tempfile
from pathlib import Path
import numpy as np, pandas as pd, torch
from neuronseek_nb.bench import FULL, _silent, benchmark_split
from neuronseek_nb.data import load_dataset
from neuronseek_nb.layers import matched_mlp, task_mlp
from neuronseek_nb.training import fit, make_trainer

GRID = Path(__file__).resolve().parent / 'results' / 'tabular' / 'tabular.csv'
QUAD = '<w, x> + <w, x**2>'

def seeds_of(text):
    lo, _, hi = text.partition('-')
    return range(int(lo), int(hi or lo) + 1)

def terms(f): return frozenset(t.strip() for t in str(f).split(' + '))

def train(net, dm, seed, root):
    "The grid's training (`bench._neural`), plus the best validation loss, which picks the neuron."
    tr = make_trainer(root, FULL['max_epochs'], FULL['patience'], progress=False, seed=seed, logger=False)
    r = fit(net, dm, tr, lr=3e-3)
    err = r['test_loss'] if dm.task == 'regression' else 1 - r['test_acc']
    return err, float(tr.checkpoint_callback.best_model_score), r['params']

def run(tables, seeds, out):
    grid, rows = pd.read_csv(GRID), []
    for name in tables:
        ds = load_dataset(name)
        for seed in seeds:
            dm = benchmark_split(ds, seed, FULL['max_rows'])
            g = grid[(grid.dataset == name) & (grid.seed == seed)].set_index('model')
            f = g.formula['task_td']
            for cand in [f] + ([QUAD] if terms(f) != terms(QUAD) else []):
                with _silent(), tempfile.TemporaryDirectory() as root:
                    torch.manual_seed(seed)  # as in the grid: the task network, then the MLP matched to it
                    net = task_mlp(cand, dm.n_features, 16, dm.n_outputs)
                    e_t, v_t, p_t = train(net, dm, seed, Path(root) / 'task')
                    torch.manual_seed(seed)
                    e_m, v_m, p_m = train(matched_mlp(net, dm.n_features, dm.n_outputs), dm, seed, Path(root) / 'mlp')
                rows.append(dict(dataset=name, seed=seed, candidate='grid' if cand == f else 'quad', formula=cand,
                                 task_error=e_t, task_val=v_t, task_params=p_t, mlp_error=e_m, mlp_val=v_m, mlp_params=p_m))
                print(rows[-1], flush=True)
                pd.DataFrame(rows).to_csv(out, index=False)

def report(paths):
    from neuronseek_nb.bench import paired_comparison
    df = pd.concat([pd.read_csv(p) for p in paths], ignore_index=True)
    grid = pd.read_csv(GRID).pivot_table(index=['dataset', 'seed'], columns='model', values='error')
    df = df.join(grid[['task_td', 'mlp_matched']].rename(columns={'task_td': 'grid_task_error', 'mlp_matched': 'grid_mlp_error'}),
                 on=['dataset', 'seed'])
    g0 = df[df.candidate == 'grid']
    print('grid rows reproduced (task, mlp):', np.allclose(g0.task_error, g0.grid_task_error), np.allclose(g0.mlp_error, g0.grid_mlp_error))
    pick = lambda g, v, e: g.loc[g[v].idxmin(), e]
    rows = []
    for (name, seed), g in df.groupby(['dataset', 'seed']):
        t = g.loc[g.task_val.idxmin()]
        rows.append(dict(dataset=name, seed=seed, chosen=t.candidate, select=t.task_error, mlp_matched_to_it=t.mlp_error,
                         mlp_select=pick(g, 'mlp_val', 'mlp_error'), grid_task=t.grid_task_error, grid_mlp=t.grid_mlp_error))
    s = pd.DataFrame(rows)
    print('neuron chosen on validation:', s.chosen.value_counts().to_dict())
    long = lambda a, b: pd.concat([s.assign(model='task', error=s[a]), s.assign(model='mlp', error=s[b])])[['dataset', 'seed', 'model', 'error']]
    for title, a, b in (('grid: task_td vs matched MLP', 'grid_task', 'grid_mlp'),
                        ('select_vs_matched', 'select', 'mlp_matched_to_it'), ('select_vs_select', 'select', 'mlp_select')):
        p = paired_comparison(long(a, b), 'task', 'mlp')
        n = p.mean_diff
        print(f"\n{title}: lower mean error on {(n < -1e-12).sum()}/{len(n)}, equal {(n.abs() <= 1e-12).sum()}, "
              f"higher {(n > 1e-12).sum()}; p < 0.05: {p.verdict.value_counts().to_dict()}")
        print(p[['mean_diff', 'p_value', 'wins', 'losses', 'verdict']].round(4).to_string())

if __name__ == '__main__':
    cmd, *args = sys.argv[1:]
    if cmd == 'run': run(args[0].split(','), seeds_of(args[1]), args[2])
    elif cmd == 'report': report(args)
    else: sys.exit(__doc__)
