"""Issue 7 probes: two ways the NS-TD task network might beat its parameter-matched MLP, on the grid's splits
(`benchmark_split`) and settings (`FULL`), seeds 0-9. Neither changed the picture (figures in nbs/07_bench.ipynb).

`init` — train the grid's task_td network (its formula, read from results/tabular_paired.csv) with its nonlinear
terms starting at zero, as in ReLinear (Fan et al., "Expressivity and trainability of quadratic networks"), so that
it starts as a plain ReLU network, optionally with those terms moving `g` times slower:

    OMP_NUM_THREADS=1 python benchmarks/tabular_neuron_probe.py init diamonds,computers,boston,hitters,spam7 0-9 zero,zero_g0.1,base_g0.1 a.csv &
    OMP_NUM_THREADS=1 python benchmarks/tabular_neuron_probe.py init churn,fair,concrete,quakes 0-9 zero,zero_g0.1,base_g0.1 b.csv

`forced` — on the five tables where NS-TD keeps only <w, x> (so the task network *is* the matched MLP), a nonlinear
neuron given by hand, against the MLP matched to it:

    OMP_NUM_THREADS=1 python benchmarks/tabular_neuron_probe.py forced default,biopsy 0-9 '<w, x> + <w, x**2>;<w, x> + <w, x**2> + <w, x**3>' c.csv &
    OMP_NUM_THREADS=1 python benchmarks/tabular_neuron_probe.py forced pima,two_class,penguins 0-9 '<w, x> + <w, x**2>;<w, x> + <w, x**2> + <w, x**3>' d.csv

(~12 and ~10 minutes per pair of processes on this 2-core machine; each pair's two files concatenated into
results/tabular_neuron_probe_init.csv and results/tabular_neuron_probe_forced.csv.) `report FILE` prints the summary.
"""
import contextlib, sys, tempfile, time
from pathlib import Path
import pandas as pd, torch
from neuronseek_nb.bench import FULL, _neural, _silent, benchmark_split
from neuronseek_nb.data import load_dataset
from neuronseek_nb.formula import x as X_SYM
from neuronseek_nb.layers import TaskLinear, matched_mlp, scale_features, task_mlp
from neuronseek_nb import training

PAIRED = Path(__file__).resolve().parent / 'results' / 'tabular_paired.csv'

def seeds_of(text):
    lo, _, hi = text.partition('-')
    return range(int(lo), int(hi or lo) + 1)

def nonlinear_masks(model):
    "Per parameter of every TaskLinear: 1 where the weight belongs to a term other than <w, x>."
    masks = {}
    for m in model.modules():
        if not isinstance(m, TaskLinear): continue
        if m.weight is not None:
            mk, n = torch.zeros_like(m.weight), m.in_features
            for k, t in enumerate(m._single):
                if t.factors[0] != X_SYM: mk[:, k * n:(k + 1) * n] = 1
            masks[m.weight] = mk
        for W in m.factors: masks[W] = torch.ones_like(W)
    return masks

@contextlib.contextmanager
def slow_nonlinear(masks, g):
    "While active, each Adam step of TaskNetModule is followed by scaling the nonlinear terms' part of it by g (their learning rate × g)."
    step = training.TaskNetModule.optimizer_step
    def slow_step(self, *a, **k):
        old = {p: p.detach().clone() for p in masks}
        r = step(self, *a, **k)
        with torch.no_grad():
            for p, mk in masks.items(): p.copy_(old[p] + (p - old[p]) * (1 - (1 - g) * mk))
        return r
    training.TaskNetModule.optimizer_step = slow_step
    try: yield
    finally: training.TaskNetModule.optimizer_step = step

def init_probe(tables, seeds, variants, out):
    paired, rows = pd.read_csv(PAIRED), []
    for name in tables:
        ds = load_dataset(name); task = ds.meta['task']
        for seed in seeds:
            dm = benchmark_split(ds, seed, FULL['max_rows'])
            sel = paired[(paired.dataset == name) & (paired.seed == seed)].set_index('model')
            f = sel.formula['task_td']
            for v in variants:
                t0 = time.perf_counter()
                with _silent(), tempfile.TemporaryDirectory() as root:
                    torch.manual_seed(seed)
                    net = task_mlp(f, dm.n_features, 16, dm.n_outputs)
                    tr = training.make_trainer(root, FULL['max_epochs'], FULL['patience'], progress=False, seed=seed, logger=False)
                    scale_features(net, dm.train_dataloader())  # what fit does first (same RNG state), done here to edit its result
                    masks = nonlinear_masks(net)
                    if v.startswith('zero'):
                        with torch.no_grad():
                            for p, mk in masks.items():
                                if p.ndim == 2: p.mul_(1 - mk)  # single terms: their block of the shared matrix
                                else: p[-1].zero_()               # product terms: the last factor (the others keep a gradient)
                    g = float(v.split('_g')[1]) if '_g' in v else 1.0
                    with slow_nonlinear(masks, g) if g != 1.0 else contextlib.nullcontext():
                        r = training.fit(net, dm, tr, lr=3e-3, scale_phis=False)
                err = r['test_loss'] if task == 'regression' else 1 - r['test_acc']
                rows.append(dict(dataset=name, seed=seed, variant=v, formula=f, error=err, epochs=r['epochs'],
                                 secs=time.perf_counter() - t0, task_td=sel.error['task_td'],
                                 mlp_matched=sel.error['mlp_matched'], mlp_4x=sel.error['mlp_4x']))
                print(rows[-1], flush=True)
                pd.DataFrame(rows).to_csv(out, index=False)

def forced_probe(tables, seeds, formulas, out):
    rows = []
    for name in tables:
        ds = load_dataset(name)
        for seed in seeds:
            dm = benchmark_split(ds, seed, FULL['max_rows'])
            for f in formulas:
                with _silent(), tempfile.TemporaryDirectory() as root:
                    torch.manual_seed(seed)  # as in the grid: the task network, then the MLP matched to it
                    net = task_mlp(f, dm.n_features, 16, dm.n_outputs)
                    e_task, p_task, _ = _neural(net, dm, seed, FULL, Path(root) / 'task')
                    torch.manual_seed(seed)
                    mlp = matched_mlp(net, dm.n_features, dm.n_outputs, scale=1)
                    e_mlp, p_mlp, _ = _neural(mlp, dm, seed, FULL, Path(root) / 'mlp')
                rows.append(dict(dataset=name, seed=seed, formula=f, task_error=e_task, mlp_error=e_mlp, task_params=p_task, mlp_params=p_mlp))
                print(rows[-1], flush=True)
                pd.DataFrame(rows).to_csv(out, index=False)

def report(path):
    from scipy import stats
    df = pd.read_csv(path)
    if 'variant' in df:  # init probe: each variant against the grid's task_td and matched MLP, seed by seed
        for (d, v), g in df.groupby(['dataset', 'variant']):
            print(f"{d:10s} {v:10s} n={len(g)} error {g.error.mean():.4f} (task_td {g.task_td.mean():.4f}, p={stats.ttest_rel(g.error, g.task_td).pvalue:.2f}; "
                  f"mlp {g.mlp_matched.mean():.4f}, p={stats.ttest_rel(g.error, g.mlp_matched).pvalue:.2f})")
        m = df.groupby('variant')[['error', 'task_td', 'mlp_matched']].apply(lambda g: pd.Series({
            'mean error / task_td': (g.error.groupby(df.dataset).mean() / g.task_td.groupby(df.dataset).mean()).mean(),
            'tables below mlp': int((g.error.groupby(df.dataset).mean() < g.mlp_matched.groupby(df.dataset).mean()).sum())}))
        print(m.round(3))
    else:  # forced probe: the task network against its matched MLP
        for (d, f), g in df.groupby(['dataset', 'formula']):
            diff = g.task_error - g.mlp_error
            p = stats.ttest_rel(g.task_error, g.mlp_error).pvalue if diff.abs().sum() > 0 else float('nan')
            print(f"{d:10s} {f:32s} n={len(g)} task {g.task_error.mean():.4f} mlp {g.mlp_error.mean():.4f} "
                  f"wins {(diff < 0).sum()} losses {(diff > 0).sum()} p={p:.2f}")

if __name__ == '__main__':
    cmd = sys.argv[1]
    if cmd == 'report': report(sys.argv[2])
    elif cmd == 'init': init_probe(sys.argv[2].split(','), seeds_of(sys.argv[3]), sys.argv[4].split(','), sys.argv[5])
    elif cmd == 'forced': forced_probe(sys.argv[2].split(','), seeds_of(sys.argv[3]), sys.argv[4].split(';'), sys.argv[5])
    else: sys.exit(f"unknown command {cmd!r}: init, forced or report")
