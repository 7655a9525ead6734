"`run_bench` in quick mode for the kinds the bench notebook does not run itself (vsr, mnist, tabular): CSV and PNGs written."
import os
import pandas as pd
import pytest
from neuronseek_nb.bench import MODELS, run_bench

@pytest.mark.parametrize('kind, columns', [('vsr', {'formula', 'method', 'recovered'}), ('mnist', {'model', 'test_acc', 'params'}),
                                           ('tabular', {'dataset', 'model', 'error', 'score', 'params', 'train_s'})])
def test_run_bench_quick(tmp_path, kind, columns):
    paths = run_bench(kind, tmp_path / 'out', quick=True, seeds=2 if kind == 'tabular' else None)
    assert paths[0].name == f'{kind}.csv' and all(p.exists() for p in paths)
    pngs = [p for p in paths if p.suffix == '.png']
    assert pngs and all(p.read_bytes()[:4] == b'\x89PNG' for p in pngs)
    df = pd.read_csv(paths[0])
    assert columns <= set(df.columns) and len(df) > 0
    assert sorted(os.listdir(tmp_path / 'out')) == sorted(p.name for p in paths)  # no temporary files left
    if kind == 'mnist': assert df.test_acc.between(0, 1).all()
    if kind == 'tabular':
        assert set(df.model) == set(MODELS) and sorted(set(df.seed)) == [0, 1]
        ranks = pd.read_csv(tmp_path / 'out' / 'tabular_ranks.csv', index_col=0)
        assert 'mean rank' in ranks.index and ranks.shape[1] == len(MODELS)
        paired = pd.read_csv(tmp_path / 'out' / 'tabular_paired.csv', index_col=0)
        assert set(paired.index) == set(df.dataset) and {'mean_diff', 'p_value', 'verdict'} <= set(paired.columns)
        assert (paired.seeds == 2).all() and paired.p_value.notna().all()  # two seeds: a test per table
        e = df.pivot_table(index=['dataset', 'seed'], columns='model', values='error')
        assert (paired.mean_diff - (e.task_td - e.mlp_matched).groupby('dataset').mean()).abs().max() < 1e-12
