"""Determinism on CPU: the same seed gives the same formula and the same metrics, run twice in one process (and, for the
CLI and the benchmark's tnlearn peer, in two processes).

Tolerances: the searches are compared exactly (formula strings, Pareto fronts, gate histories, coefficients: they are
bit-equal). Training uses Lightning's `deterministic=True` plus `seed_everything` and an epoch-seeded sampler; on this
CPU the two runs are bit-equal too, but torch only promises determinism for the same build, thread count and hardware,
so predictions and metrics are compared with atol 1e-6 (relative to targets of order 1). A different seed must change
the trained network (so the comparison can fail).
"""
import re, subprocess, sys, os, pickle
from pathlib import Path
import numpy as np, pandas as pd
import pytest

from neuronseek_nb.vsr import VectorizedSR, make_planted
from neuronseek_nb.tensor_search import NeuronSeekTD
from neuronseek_nb.estimators import TaskNeuronRegressor, TaskNeuronClassifier

X, y = make_planted('<w, x**2> + <w, x>', D=4, N=600, noise=0.05, random_state=0)
TOL = 1e-6

def test_vectorized_sr_same_seed_same_result():
    fit = lambda seed: VectorizedSR(population_size=100, generations=4, seed_trees=80, random_state=seed, verbose=0).fit(X, y)
    a, b = fit(3), fit(3)
    assert str(a.formula_) == str(b.formula_)
    pd.testing.assert_frame_equal(a.pareto_, b.pareto_)
    assert np.array_equal(a.coef_, b.coef_) and a.intercept_ == b.intercept_ and a.loss_ == b.loss_
    assert np.array_equal(a.predict(X), b.predict(X))

def test_neuronseek_td_same_seed_same_result():
    fit = lambda seed: NeuronSeekTD(max_order=2, rank=2, epochs=20, refit_epochs=5, random_state=seed).fit(X, y)
    a, b = fit(1), fit(1)
    assert str(a.formula_) == str(b.formula_) and a.structure_ == b.structure_
    pd.testing.assert_frame_equal(a.gate_history_, b.gate_history_)
    assert np.array_equal(a.predict(X), b.predict(X))
    assert a.score(X, y) == b.score(X, y)

def test_regressor_same_seed_same_result():
    fit = lambda seed: TaskNeuronRegressor('<w, x**2> + <w, x>', hidden=(8,), max_epochs=5, random_state=seed).fit(X[:500], y[:500])
    a, b, c = fit(0), fit(0), fit(1)
    np.testing.assert_allclose(a.predict(X[500:]), b.predict(X[500:]), rtol=0, atol=TOL)
    assert abs(a.score(X[500:], y[500:]) - b.score(X[500:], y[500:])) <= TOL
    assert a.history_['epochs'] == b.history_['epochs'] and abs(a.history_['val_loss'] - b.history_['val_loss']) <= TOL
    assert np.abs(a.predict(X[500:]) - c.predict(X[500:])).max() > 1e-3  # another seed: another network

def test_regressor_with_search_same_seed_same_formula():
    fit = lambda: TaskNeuronRegressor(hidden=(8,), max_epochs=3, search_params={'max_order': 2, 'epochs': 20, 'refit_epochs': 5},
                                      random_state=2).fit(X[:500], y[:500])
    a, b = fit(), fit()
    assert str(a.formula_) == str(b.formula_)
    np.testing.assert_allclose(a.predict(X[500:]), b.predict(X[500:]), rtol=0, atol=TOL)

def test_classifier_same_seed_same_result():
    labels = np.where(y > np.median(y), 'hi', 'lo')
    fit = lambda: TaskNeuronClassifier('<w, x**2>', hidden=(8,), max_epochs=5, random_state=4).fit(X[:500], labels[:500])
    a, b = fit(), fit()
    np.testing.assert_allclose(a.predict_proba(X[500:]), b.predict_proba(X[500:]), rtol=0, atol=TOL)
    assert np.array_equal(a.predict(X[500:]), b.predict(X[500:]))
    assert a.score(X[500:], labels[500:]) == b.score(X[500:], labels[500:])

def test_cli_train_same_seed_same_result(tmp_path):
    "Two `neuronseek train` processes with the same seed: same formula, same test line, same saved model's predictions."
    pd.DataFrame(X, columns=list('abcd')).assign(y=y).to_csv(tmp_path / 'toy.csv', index=False)
    exe = str(Path(sys.executable).parent / 'neuronseek')
    outs = []
    for k in range(2):
        r = subprocess.run([exe, 'train', 'toy.csv', '--target', 'y', '--epochs', '5', '--hidden', '8', '--seed', '7', '--out', f'm{k}.pkl'],
                           cwd=tmp_path, capture_output=True, text=True, timeout=300, env={**os.environ, 'OMP_NUM_THREADS': '1'})
        assert r.returncode == 0, r.stderr[-1000:]
        outs.append([re.sub(r'; [\d.]+ s$', '', l) for l in r.stdout.splitlines() if l.startswith(('formula:', 'toy:'))])
    assert outs[0] == outs[1] and len(outs[0]) == 2, outs  # the searched formula and the test R2 line (timing removed)
    preds = [pickle.loads((tmp_path / f'm{k}.pkl').read_bytes())['estimator'].predict(pd.DataFrame(X, columns=list('abcd'))) for k in range(2)]
    np.testing.assert_allclose(preds[0], preds[1], rtol=0, atol=TOL)

_TNLEARN_RUN = """
import numpy as np, torch
from tnlearn import MLPRegressor
from neuronseek_nb.bench import _tnlearn_ordered
from neuronseek_nb.vsr import make_planted
X, y = make_planted('<w, x**2> + <w, x>', D=4, N=300, noise=0.05, random_state=0)
torch.manual_seed(0)
m = MLPRegressor(neurons='x**3 + x**2 + x + 1', layers_list=[8], max_iter=3, batch_size=64, lr=3e-3, random_state=0)
with _tnlearn_ordered(): m.fit(X.astype(np.float32), y.astype(np.float32))
print(repr(np.asarray(m.predict(X[:20].astype(np.float32)), dtype=np.float64).round(6).tolist()))
"""

def test_tnlearn_peer_same_seed_same_result_across_processes():
    "tnlearn orders its weights by a set of sympy symbols (string-hash order): the benchmark's adapter sorts them, so two processes with different hash seeds agree."
    pytest.importorskip('tnlearn')
    outs = []
    for h in ('0', '1'):
        r = subprocess.run([sys.executable, '-c', _TNLEARN_RUN], capture_output=True, text=True, timeout=300,
                           env={**os.environ, 'PYTHONHASHSEED': h})
        assert r.returncode == 0, r.stderr[-2000:]
        outs.append(r.stdout.strip().splitlines()[-1])
    assert outs[0] == outs[1], outs
