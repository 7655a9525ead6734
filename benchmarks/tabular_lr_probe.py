"""Issue 7 probe: the NS-TD task network against the parameter-matched MLP, each trained at lr 1e-3, 3e-3 and 1e-2,
with the lr picked on the validation split (and at 3e-3 for both), reusing the formulas of the tabular grid.

    OMP_NUM_THREADS=1 python benchmarks/tabular_lr_probe.py diamonds,default,boston,hitters,penguins,pima,biopsy 3 p1.csv &
    OMP_NUM_THREADS=1 python benchmarks/tabular_lr_probe.py computers,churn,spam7,concrete,quakes,fair,two_class 3 p2.csv

(~16 min each on this machine; the two files concatenated into benchmarks/results/tabular_lr_probe.csv). The matched
MLP is built after the task network without re-seeding, so on the tables whose formula is <w, x> the two are the same
architecture with different initial weights: their gap there measures the seed noise of the comparison."""
import sys, tempfile, pandas as pd, torch
from pathlib import Path
from neuronseek_nb.bench import benchmark_split, _silent, FULL
from neuronseek_nb.data import load_dataset
from neuronseek_nb.layers import task_mlp, matched_mlp
from neuronseek_nb.training import fit, make_trainer
grid = pd.read_csv(Path(__file__).resolve().parent / 'results' / 'tabular' / 'tabular.csv')
tables, seeds, out = sys.argv[1].split(','), range(int(sys.argv[2])), sys.argv[3]
rows = []
for name in tables:
    ds = load_dataset(name); task = ds.meta['task']
    for seed in seeds:
        dm = benchmark_split(ds, seed, FULL['max_rows'])  # the grid's rows for this seed
        f = grid[(grid.dataset == name) & (grid.seed == seed) & (grid.model == 'task_td')].formula.iloc[0]
        for lr in (1e-3, 3e-3, 1e-2):
            for model in ('task_td', 'mlp_matched'):
                torch.manual_seed(seed)
                ref = task_mlp(f, dm.n_features, 16, dm.n_outputs)
                net = ref if model == 'task_td' else matched_mlp(ref, dm.n_features, dm.n_outputs, scale=1)
                with _silent():
                    tr = make_trainer(str(Path(tempfile.gettempdir()) / f'lr-probe-{name}-{seed}-{model}-{lr}'), FULL['max_epochs'], FULL['patience'], progress=False, seed=seed, logger=False)
                    r = fit(net, dm, tr, lr=lr)
                err = r['test_loss'] if task == 'regression' else 1 - r['test_acc']
                rows.append(dict(dataset=name, seed=seed, model=model, lr=lr, val=float(tr.checkpoint_callback.best_model_score), test=err, formula=f))
        pd.DataFrame(rows).to_csv(out, index=False); print(name, seed, flush=True)
