"""Issue 7 study: is the NS-TD task network better than the parameter-matched MLP on the tabular suite?

The tabular grid (`neuronseek bench tabular`, 5 seeds, benchmarks/results/tabular/) cannot tell: its paired t-test
separates no table. Each subcommand below asks one follow-up question with the grid's own splits (`benchmark_split`),
settings (`FULL`: one hidden layer of 16, lr 3e-3, 100 epochs, patience 10) and code, and reports what the Benchmarks
page (nbs/07_bench.ipynb, bench.html) quotes. TABLES is a comma-separated list of names `load_dataset` knows, SEEDS a
range `LO-HI` (inclusive) or one seed; OUT is rewritten as the run goes. All runs: a 2-core CPU machine, one thread
per process, two processes side by side; the parts were then joined into the committed CSV as shown.

paired: task_td, mlp_matched and mlp_4x on 20 seeds, judged seed by seed (paired t-test). Seeds 0-4 are the grid's
rows (the same code gives the same rows); seeds 5-19 (~1 h, each finished table cached, a rerun resumes):

    OMP_NUM_THREADS=1 python benchmarks/tabular_study.py paired run spam7,default,computers,pima,boston,biopsy 5-19 a.csv &
    OMP_NUM_THREADS=1 python benchmarks/tabular_study.py paired run diamonds,fair,concrete,churn,penguins,two_class,hitters,quakes 5-19 b.csv
    python benchmarks/tabular_study.py paired merge benchmarks/results/tabular_paired.csv a.csv b.csv
    python benchmarks/tabular_study.py paired report benchmarks/results/tabular_paired.csv

  -> results/tabular_paired.csv. Finding: no table separates task_td from the matched MLP at 5 % (10 no difference,
  4 the same network); against the 4x MLP better on fair, worse on boston, concrete and quakes.

  The same question for the VSR task network against an MLP matched to *its* size (`match_to='task_vsr'`), all 20
  seeds run here (16 and 19 minutes):

    OMP_NUM_THREADS=1 python benchmarks/tabular_study.py paired run-vsr spam7,computers,default,pima,quakes,biopsy,penguins 0-19 va.csv &
    OMP_NUM_THREADS=1 python benchmarks/tabular_study.py paired run-vsr diamonds,churn,concrete,fair,hitters,boston,two_class 0-19 vb.csv
    python benchmarks/tabular_study.py paired concat benchmarks/results/tabular_paired_vsr.csv va.csv vb.csv

  -> results/tabular_paired_vsr.csv. Finding: task_vsr is better than its matched MLP on concrete and spam7, worse on
  computers, indistinguishable on the other 11.

lr: task_td against the matched MLP (built after it without re-seeding: on the <w, x> tables the same architecture
with other initial weights, i.e. the seed noise of the comparison), each at lr 1e-3, 3e-3 and 1e-2, with the grid's
task_td formula (~16 min per process):

    OMP_NUM_THREADS=1 python benchmarks/tabular_study.py lr run diamonds,default,boston,hitters,penguins,pima,biopsy 0-2 p1.csv &
    OMP_NUM_THREADS=1 python benchmarks/tabular_study.py lr run computers,churn,spam7,concrete,quakes,fair,two_class 0-2 p2.csv
    python benchmarks/tabular_study.py cat benchmarks/results/tabular_lr_probe.csv p1.csv p2.csv
    python benchmarks/tabular_study.py lr report benchmarks/results/tabular_lr_probe.csv

  -> results/tabular_lr_probe.csv. Finding: the count moves with the protocol (task network better on 7 of 14 tables
  at lr 3e-3, on 6 of 14 with each model's lr picked on validation): mostly seed noise.

width: task_td against its matched MLP at widths 8, 32 and 64 on the four tables where NS-TD keeps a nonlinear neuron
on every seed (boston, concrete, quakes, spam7), seeds 0-9 (8 and 3 minutes); `merge` adds width 16 from the first 10
seeds of results/tabular_paired.csv:

    OMP_NUM_THREADS=1 python benchmarks/tabular_study.py width run 8,32 w1.csv &
    OMP_NUM_THREADS=1 python benchmarks/tabular_study.py width run 64 w2.csv
    python benchmarks/tabular_study.py width merge benchmarks/results/tabular_width.csv w1.csv w2.csv
    python benchmarks/tabular_study.py width report benchmarks/results/tabular_width.csv

  -> results/tabular_width.csv. Finding: 15 of the 16 (width, table) pairs show no difference (spam7 at width 8,
  p = 0.03, against the task network); from 81 to 1,793 parameters the picture does not change.

neuron: two ways the task network might beat the MLP, seeds 0-9 (~12 and ~10 minutes per pair of processes).
`init`: the grid's task_td network (its formula read from results/tabular_paired.csv) with its nonlinear terms
starting at zero, as in ReLinear (Fan et al., "Expressivity and trainability of quadratic networks"), so that it
starts as a plain ReLU network, optionally with those terms moving `g` times slower (variants zero, zero_gG, base_gG):

    OMP_NUM_THREADS=1 python benchmarks/tabular_study.py neuron init diamonds,computers,boston,hitters,spam7 0-9 zero,zero_g0.1,base_g0.1 a.csv &
    OMP_NUM_THREADS=1 python benchmarks/tabular_study.py neuron init churn,fair,concrete,quakes 0-9 zero,zero_g0.1,base_g0.1 b.csv
    python benchmarks/tabular_study.py cat benchmarks/results/tabular_neuron_probe_init.csv a.csv b.csv --sort dataset,seed,variant
    python benchmarks/tabular_study.py neuron report benchmarks/results/tabular_neuron_probe_init.csv

  -> results/tabular_neuron_probe_init.csv. Finding: starting at zero changes the error by -1 % on average (0.990 of
  the grid's; 0.997 with slow terms), 2 of 36 tests under 5 %; slow terms alone make it worse (1.036). Not adopted.

  `forced`: on the five tables where NS-TD keeps only <w, x> (so the task network *is* the matched MLP), a nonlinear
  neuron given by hand (formulas separated by ';'), against the MLP matched to it:

    OMP_NUM_THREADS=1 python benchmarks/tabular_study.py neuron forced default,biopsy 0-9 '<w, x> + <w, x**2>;<w, x> + <w, x**2> + <w, x**3>' c.csv &
    OMP_NUM_THREADS=1 python benchmarks/tabular_study.py neuron forced pima,two_class,penguins 0-9 '<w, x> + <w, x**2>;<w, x> + <w, x**2> + <w, x**3>' d.csv
    python benchmarks/tabular_study.py cat benchmarks/results/tabular_neuron_probe_forced.csv c.csv d.csv --sort dataset,seed,formula
    python benchmarks/tabular_study.py neuron report benchmarks/results/tabular_neuron_probe_forced.csv

  -> results/tabular_neuron_probe_forced.csv. Finding: with <w, x> + <w, x**2> the task network has the lower mean
  error on 4 of the 5 tables (default p = 0.02, two_class p = 0.04); with x**3 as well none is significant.

select: choose the task network's neuron at the *network* level, by validation loss. Each (table, seed) trains two
task networks, the grid's NS-TD neuron and <w, x> + <w, x**2> (one where they are the same), keeps the one with the
lower best validation loss (the test split is never looked at), each against an MLP matched to it; since picking the
better of two is tuning the MLP did not get, it is also compared with the better (on validation) of the two matched
MLPs. Seeds 0-4 (20 and 21 minutes):

    OMP_NUM_THREADS=1 python benchmarks/tabular_study.py select run default,churn,diamonds,two_class,pima,penguins,hitters 0-4 a.csv &
    OMP_NUM_THREADS=1 python benchmarks/tabular_study.py select run fair,computers,spam7,biopsy,quakes,concrete,boston 0-4 b.csv
    python benchmarks/tabular_study.py cat benchmarks/results/tabular_select_probe.csv a.csv b.csv
    python benchmarks/tabular_study.py select report benchmarks/results/tabular_select_probe.csv

  -> results/tabular_select_probe.csv. Finding: validation picks the quadratic neuron on 26 of 70 pairs; the chosen
  network has the lower mean error on 6 of 14 tables against the MLP matched to it, 7 of 14 against the MLP picked the
  same way; only concrete separates, against the task network.

cat: join part files into one CSV (rows in the parts' order, or sorted by --sort's columns).
"""
import argparse, re
from pathlib import Path
import pandas as pd

RESULTS = Path(__file__).resolve().parent / 'results'
GRID = RESULTS / 'tabular' / 'tabular.csv'  # the tabular grid: seeds 0-4, every model
PAIRED = RESULTS / 'tabular_paired.csv'     # task_td, mlp_matched, mlp_4x on seeds 0-19
MODELS = ('task_td', 'mlp_matched', 'mlp_4x')
WIDTH_TABLES = ('boston', 'concrete', 'quakes', 'spam7')
QUAD = '<w, x> + <w, x**2>'

def seeds_of(text):
    "'5-19' -> range(5, 20); '3' -> range(3, 4)."
    lo, _, hi = text.partition('-')
    return range(int(lo), int(hi or lo) + 1)

def splits_of(tables, seeds):
    "(table name, seed, the grid's data module for them) for each table (loaded once) and seed."
    from neuronseek_nb.bench import FULL, benchmark_split
    from neuronseek_nb.data import load_dataset
    for name in tables.split(','):
        ds = load_dataset(name)
        for seed in seeds_of(seeds): yield name, seed, benchmark_split(ds, seed, FULL['max_rows'])

def train(net, dm, seed, lr=3e-3):
    "The grid's training (`bench._neural`) at learning rate `lr`, muted: (test error, best validation loss, parameters)."
    import tempfile
    from neuronseek_nb.bench import FULL, silent
    from neuronseek_nb.training import fit, make_trainer
    with silent(), tempfile.TemporaryDirectory() as root:
        tr = make_trainer(root, FULL['max_epochs'], FULL['patience'], progress=False, seed=seed, logger=False)
        r = fit(net, dm, tr, lr=lr)
    err = r['test_loss'] if dm.task == 'regression' else 1 - r['test_acc']
    return err, float(tr.checkpoint_callback.best_model_score), r['params']

def task_and_matched(formula, dm, seed):
    "As in the grid: the task network with `formula`, then the MLP matched to it, each from `seed`: two `train` results."
    import torch
    from neuronseek_nb.layers import matched_mlp, task_mlp
    torch.manual_seed(seed)
    net = task_mlp(formula, dm.n_features, 16, dm.n_outputs)
    task = train(net, dm, seed)
    torch.manual_seed(seed)
    return task, train(matched_mlp(net, dm.n_features, dm.n_outputs, scale=1), dm, seed)

def save(rows, out): pd.DataFrame(rows).to_csv(out, index=False)

# ---------------------------------------------------------------------------------------------------- paired
def paired_run(a, vsr=False):
    from neuronseek_nb.bench import tabular_benchmark
    kw = dict(models=('task_vsr', 'mlp_matched'), match_to='task_vsr') if vsr else dict(models=MODELS)
    df = tabular_benchmark(datasets=tuple(a.tables.split(',')), seeds=seeds_of(a.seeds), verbose=1,
                           cache_dir=str(Path(a.out).with_suffix('')) + '_cache', **kw)
    df.to_csv(a.out, index=False)

def paired_merge(a):
    grid = pd.read_csv(GRID)
    parts = [grid[grid.model.isin(MODELS)]] + [pd.read_csv(p) for p in a.parts]
    df = pd.concat(parts, ignore_index=True)  # a later part's row replaces an earlier one (a table rerun after a change)
    df = df.drop_duplicates(['dataset', 'seed', 'model'], keep='last').sort_values(['dataset', 'seed', 'model'], kind='stable')
    df.to_csv(a.out, index=False)
    paired_report(df)

def paired_concat(a):
    df = pd.concat([pd.read_csv(p) for p in a.parts], ignore_index=True).sort_values(['dataset', 'seed', 'model'], kind='stable')
    df.to_csv(a.out, index=False)
    paired_report(df)

def paired_report(df):
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

# ---------------------------------------------------------------------------------------------------- lr
def lr_run(a):
    "Each row: one (table, seed, model, lr) with its best validation loss and test error; OUT rewritten after each seed."
    import torch
    from neuronseek_nb.layers import matched_mlp, task_mlp
    grid, rows = pd.read_csv(GRID), []
    for name, seed, dm in splits_of(a.tables, a.seeds):
        f = grid[(grid.dataset == name) & (grid.seed == seed) & (grid.model == 'task_td')].formula.iloc[0]
        for lr in (1e-3, 3e-3, 1e-2):
            for model in ('task_td', 'mlp_matched'):
                torch.manual_seed(seed)
                ref = task_mlp(f, dm.n_features, 16, dm.n_outputs)
                net = ref if model == 'task_td' else matched_mlp(ref, dm.n_features, dm.n_outputs, scale=1)
                err, val, _ = train(net, dm, seed, lr=lr)
                rows.append(dict(dataset=name, seed=seed, model=model, lr=lr, val=val, test=err, formula=f))
        save(rows, a.out); print(name, seed, flush=True)

def lr_report(a):
    "Mean test error per table of both models, at lr 3e-3 and with each model's lr picked on validation."
    df = pd.read_csv(a.csv)
    pd.set_option('display.width', 200)
    picked = df.loc[df.groupby(['dataset', 'seed', 'model']).val.idxmin()]
    for title, d in (('lr 3e-3 for both', df[df.lr == 3e-3]), ('lr picked on validation', picked)):
        m = d.pivot_table(index='dataset', columns='model', values='test')  # mean over seeds
        diff = m.task_td - m.mlp_matched
        print(f"{title} ({df.seed.nunique()} seeds): task_td lower mean test error on {(diff < 0).sum()}/{len(m)} tables, "
              f"equal {(diff == 0).sum()}, higher {(diff > 0).sum()}\n{m.assign(diff=diff).round(4).to_string()}\n")
    print('lr picked on validation (table x seed):\n', picked.pivot_table(index='lr', columns='model', values='seed', aggfunc='count'))

# ---------------------------------------------------------------------------------------------------- width
def width_run(a):
    from neuronseek_nb.bench import tabular_benchmark
    parts = [tabular_benchmark(datasets=tuple(a.tables.split(',')), seeds=seeds_of(a.seeds), models=('task_td', 'mlp_matched'),
                               hidden=int(w), verbose=1, cache_dir=f'{a.out}_cache').assign(hidden=int(w)) for w in a.widths.split(',')]
    pd.concat(parts, ignore_index=True).to_csv(a.out, index=False)

def width_merge(a):
    df = pd.concat([pd.read_csv(p) for p in a.parts], ignore_index=True)
    grid = pd.read_csv(PAIRED)  # width 16: the 20-seed run, its first 10 seeds
    grid = grid[grid.dataset.isin(WIDTH_TABLES) & grid.model.isin(['task_td', 'mlp_matched']) & (grid.seed < 10)].assign(hidden=16)
    df = pd.concat([df, grid], ignore_index=True)
    df.to_csv(a.out, index=False)
    width_report(df)

def width_report(df):
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

# ---------------------------------------------------------------------------------------------------- neuron
def nonlinear_masks(model):
    "Per parameter of every TaskLinear: 1 where the weight belongs to a term other than <w, x>."
    import torch
    from neuronseek_nb.formula import x as X_SYM
    from neuronseek_nb.layers import TaskLinear
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

def slow_nonlinear(masks, g):
    "While active, each Adam step of TaskNetModule is followed by scaling the nonlinear terms' part of it by g (their learning rate × g)."
    import contextlib, torch
    from neuronseek_nb import training
    @contextlib.contextmanager
    def patched():
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
    return patched()

def neuron_init(a):
    import contextlib, tempfile, time, torch
    from neuronseek_nb import training
    from neuronseek_nb.bench import FULL, silent
    from neuronseek_nb.layers import scale_features, task_mlp
    paired, rows = pd.read_csv(PAIRED), []
    for name, seed, dm in splits_of(a.tables, a.seeds):
        sel = paired[(paired.dataset == name) & (paired.seed == seed)].set_index('model')
        f = sel.formula['task_td']
        for v in a.variants.split(','):
            t0 = time.perf_counter()
            with silent(), tempfile.TemporaryDirectory() as root:
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
            err = r['test_loss'] if dm.task == 'regression' else 1 - r['test_acc']
            rows.append(dict(dataset=name, seed=seed, variant=v, formula=f, error=err, epochs=r['epochs'],
                             secs=time.perf_counter() - t0, task_td=sel.error['task_td'],
                             mlp_matched=sel.error['mlp_matched'], mlp_4x=sel.error['mlp_4x']))
            print(rows[-1], flush=True)
            save(rows, a.out)

def neuron_forced(a):
    rows = []
    for name, seed, dm in splits_of(a.tables, a.seeds):
        for f in a.formulas.split(';'):
            (e_task, _, p_task), (e_mlp, _, p_mlp) = task_and_matched(f, dm, seed)
            rows.append(dict(dataset=name, seed=seed, formula=f, task_error=e_task, mlp_error=e_mlp, task_params=p_task, mlp_params=p_mlp))
            print(rows[-1], flush=True)
            save(rows, a.out)

def neuron_report(a):
    from scipy import stats
    df = pd.read_csv(a.csv)
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

# ---------------------------------------------------------------------------------------------------- select
def terms(f): return frozenset(t.strip() for t in str(f).split(' + '))

def select_run(a):
    grid, rows = pd.read_csv(GRID), []
    for name, seed, dm in splits_of(a.tables, a.seeds):
        f = grid[(grid.dataset == name) & (grid.seed == seed)].set_index('model').formula['task_td']
        for cand in [f] + ([QUAD] if terms(f) != terms(QUAD) else []):
            (e_t, v_t, p_t), (e_m, v_m, p_m) = task_and_matched(cand, dm, seed)
            rows.append(dict(dataset=name, seed=seed, candidate='grid' if cand == f else 'quad', formula=cand,
                             task_error=e_t, task_val=v_t, task_params=p_t, mlp_error=e_m, mlp_val=v_m, mlp_params=p_m))
            print(rows[-1], flush=True)
            save(rows, a.out)

def select_report(args):
    import numpy as np
    from neuronseek_nb.bench import paired_comparison
    df = pd.concat([pd.read_csv(p) for p in args.csvs], ignore_index=True)
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

# ---------------------------------------------------------------------------------------------------- cat
def cat(a):
    df = pd.concat([pd.read_csv(p) for p in a.parts], ignore_index=True)
    if a.sort: df = df.sort_values(a.sort.split(','), kind='stable')
    df.to_csv(a.out, index=False)

# ---------------------------------------------------------------------------------------------------- command line
def _sections():
    "This docstring's paragraphs per question, for each subcommand's --help."
    parts = re.split(r'\n(?=(?:paired|lr|width|neuron|select|cat): )', __doc__)
    return {p.split(':', 1)[0]: p.strip() for p in parts[1:]}

def parser():
    fmt = argparse.RawDescriptionHelpFormatter
    p = argparse.ArgumentParser(description=__doc__.split('\npaired: ')[0] + '\nSee `QUESTION --help` for the commands that wrote each committed CSV.',
                                formatter_class=fmt)
    sub = p.add_subparsers(dest='question', required=True, metavar='QUESTION')
    doc = _sections()

    def question(name, help):
        q = sub.add_parser(name, help=help, description=doc[name], formatter_class=fmt)
        return q.add_subparsers(dest='cmd', required=True, metavar='CMD')

    def cmd(group, name, func, help, *args, **opts):
        c = group.add_parser(name, help=help, description=help)
        for a in args:
            name, kw = a if isinstance(a, tuple) else (a, {})
            c.add_argument(name, **kw)
        for k, kw in opts.items(): c.add_argument('--' + k, **kw)
        c.set_defaults(func=func)

    TABLES = ('tables', dict(metavar='TABLES', help='comma-separated table names'))
    SEEDS = ('seeds', dict(metavar='SEEDS', help="seed range LO-HI (inclusive) or one seed"))
    OUT = ('out', dict(metavar='OUT', help='CSV to write'))
    PARTS = ('parts', dict(metavar='PARTS', nargs='+', help='part CSVs'))
    CSV = ('csv', dict(metavar='CSV', help='a CSV this question wrote'))

    q = question('paired', 'task_td vs the matched and 4x MLPs on 20 seeds (and task_vsr vs an MLP of its size)')
    cmd(q, 'run', paired_run, 'run task_td, mlp_matched and mlp_4x (`tabular_benchmark`, FULL) on TABLES x SEEDS', TABLES, SEEDS, OUT)
    cmd(q, 'run-vsr', lambda a: paired_run(a, vsr=True), "run task_vsr and an MLP matched to it (match_to='task_vsr')", TABLES, SEEDS, OUT)
    cmd(q, 'merge', paired_merge, "the grid's rows of the three models + PARTS (a later row replaces an earlier one) -> OUT, then report", OUT, PARTS)
    cmd(q, 'concat', paired_concat, 'PARTS sorted by dataset, seed, model -> OUT, then report', OUT, PARTS)
    cmd(q, 'report', lambda a: paired_report(pd.read_csv(a.csv)), 'paired t-tests, win counts and ranks', CSV)

    q = question('lr', 'task_td vs the matched MLP at lr 1e-3, 3e-3, 1e-2 (how much is seed noise)')
    cmd(q, 'run', lr_run, "train both networks at three learning rates on TABLES x SEEDS with the grid's task_td formula", TABLES, SEEDS, OUT)
    cmd(q, 'report', lr_report, 'tables where task_td has the lower mean test error, at lr 3e-3 and with the lr picked on validation', CSV)

    q = question('width', 'task_td vs the matched MLP at other hidden widths')
    cmd(q, 'run', width_run, 'task_td and mlp_matched at each of WIDTHS', ('widths', dict(metavar='WIDTHS', help='comma-separated hidden widths, e.g. 8,32')), OUT,
        tables=dict(default=','.join(WIDTH_TABLES), help='comma-separated table names (default: %(default)s)'),
        seeds=dict(default='0-9', help='seed range LO-HI (default: %(default)s)'))
    cmd(q, 'merge', width_merge, 'PARTS + width 16 (seeds 0-9 of results/tabular_paired.csv) -> OUT, then report', OUT, PARTS)
    cmd(q, 'report', lambda a: width_report(pd.read_csv(a.csv)), 'paired t-test per width and table', CSV)

    q = question('neuron', 'nonlinear terms started at zero (init); a nonlinear neuron forced on the <w, x> tables (forced)')
    cmd(q, 'init', neuron_init, "the grid's task_td network with its nonlinear terms started at zero and/or slowed (VARIANTS: zero, zero_gG, base_gG)",
        TABLES, SEEDS, ('variants', dict(metavar='VARIANTS', help='comma-separated, e.g. zero,zero_g0.1,base_g0.1')), OUT)
    cmd(q, 'forced', neuron_forced, 'task networks with the given neurons against the MLP matched to each',
        TABLES, SEEDS, ('formulas', dict(metavar='FORMULAS', help="formulas separated by ';'")), OUT)
    cmd(q, 'report', neuron_report, 'summary of an init or a forced CSV', CSV)

    q = question('select', "the task network's neuron chosen by the network's validation loss")
    cmd(q, 'run', select_run, "train the grid's NS-TD neuron and <w, x> + <w, x**2>, each with its matched MLP", TABLES, SEEDS, OUT)
    cmd(q, 'report', select_report, 'the chosen networks against the matched and the validation-picked MLPs',
        ('csvs', dict(metavar='CSV', nargs='+', help='select CSVs (joined)')))

    c = sub.add_parser('cat', help='join part CSVs into one', description=doc['cat'])
    c.add_argument('out', metavar='OUT'); c.add_argument('parts', metavar='PARTS', nargs='+')
    c.add_argument('--sort', help='comma-separated columns to sort the rows by (default: keep the parts\' order)')
    c.set_defaults(func=cat)
    return p

def main(argv=None):
    a = parser().parse_args(argv)
    a.func(a)

if __name__ == '__main__': main()
