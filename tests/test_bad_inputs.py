"""The bad-input matrix (hardening): every public fit-like entry point against the same list of bad inputs.

Each case either raises ValueError/TypeError naming the argument (`X` or `y`) — never a deep torch traceback — or is
handled in a documented way with finite output. The printed summary (run with -s) counts cases per entry point.
The classifier gets the same tables with the target turned into labels ('hi'/'lo'; NaN and inf stay as they are).
"""
from collections import defaultdict
import warnings
import numpy as np
import pandas as pd
import pytest
import torch

from neuronseek_nb.vsr import VectorizedSR
from neuronseek_nb.tensor_search import NeuronSeekTD
from neuronseek_nb.estimators import TaskNeuronRegressor, TaskNeuronClassifier
from neuronseek_nb.training import TabularDataModule

rng = np.random.default_rng(0)
X0 = rng.uniform(-2, 2, (200, 3))
y0 = X0[:, 0] ** 2 + X0[:, 1]
labels0 = np.where(y0 > np.median(y0), 'hi', 'lo')

def _nan(a, v=np.nan):
    a = a.astype(np.float64).copy(); a.flat[5] = v
    return a

# name -> (X, y, expectation); expectation is ('error', 'X' or 'y', substring) or ('ok', note)
CASES = {
    'nan_in_X': (_nan(X0), y0, ('error', 'X', 'NaN')),
    'inf_in_X': (_nan(X0, np.inf), y0, ('error', 'X', 'inf')),
    'nan_in_y': (X0, _nan(y0), ('error', 'y', 'NaN')),
    'neg_inf_in_y': (X0, _nan(y0, -np.inf), ('error', 'y', 'inf')),
    'length_mismatch': (X0, y0[:-1], ('error', 'X', ('rows', 'samples', 'length'))),
    'X_1d': (X0[:, 0], y0, ('error', 'X', ('2', 'shape'))),
    'empty': (X0[:0], y0[:0], ('error', 'X', '')),
    'one_row': (X0[:1], y0[:1], ('error', 'X', '')),
    'string_column': (pd.DataFrame(X0, columns=list('abc')).assign(s='a'), y0, ('error', 'X', '')),
    'datetime_column': (pd.DataFrame(X0, columns=list('abc')).assign(t=pd.Timestamp('2024-01-01')), y0, ('error', 'X', '')),
    'constant_feature': (np.column_stack([X0, np.ones(len(X0))]), y0, ('ok', 'constant column ignored')),
    'bool_column': (pd.DataFrame(X0, columns=list('abc')).assign(b=X0[:, 0] > 0), y0, ('ok', 'booleans are numbers 0/1')),
    'int_input': (np.round(X0 * 10).astype(np.int64), y0, ('ok', 'integers become floats')),
    'float16_input': (X0.astype(np.float16), y0, ('ok', 'float16 becomes float32/64')),
    'huge_magnitudes': (X0 * 1e30, y0, ('ok', 'standardised inside')),
    'tiny_magnitudes': (X0 * 1e-30, y0, ('ok', 'standardised inside')),
}

def fit_vsr(X, y): return VectorizedSR(population_size=60, generations=2, seed_trees=50, random_state=0, verbose=0).fit(X, y)
def fit_td(X, y): return NeuronSeekTD(max_order=2, rank=2, epochs=3, refit_epochs=1, random_state=0).fit(X, y)
def fit_reg(X, y): return TaskNeuronRegressor('<w, x**2> + <w, x>', hidden=(4,), max_epochs=2).fit(X, y)
def fit_dm(X, y): return TabularDataModule(X, y)
def _labels(y):
    y = np.asarray(y, dtype=np.float64)
    fin = np.isfinite(y)
    return np.where(fin, np.where(y > np.median(y[fin]) if fin.any() else y, 'hi', 'lo'), y.astype(object)).astype(object) if y.ndim == 1 else y
def fit_cls(X, y): return TaskNeuronClassifier('<w, x**2> + <w, x>', hidden=(4,), max_epochs=2).fit(X, _labels(y))
ENTRY = {'VectorizedSR': fit_vsr, 'NeuronSeekTD': fit_td, 'TaskNeuronRegressor': fit_reg, 'TaskNeuronClassifier': fit_cls,
         'TabularDataModule': fit_dm}
COUNTS = defaultdict(lambda: [0, 0, 0])  # entry -> tried, raised as expected, handled

@pytest.fixture(scope='module', autouse=True)
def summary():
    yield
    print(f"\nbad-input matrix, part 1 (tests/test_bad_inputs.py)\n{'entry point':<22} {'tried':>5} {'raised':>6} {'handled':>7}")
    for k, (n, r, h) in COUNTS.items(): print(f"{k:<22} {n:>5} {r:>6} {h:>7}")

def _finite_output(obj, X):
    if isinstance(obj, TabularDataModule):
        return all(torch.isfinite(t).all() for ds in obj.ds.values() for t in ds.tensors if t.is_floating_point())
    if isinstance(obj, TaskNeuronClassifier): return np.isfinite(obj.predict_proba(X)).all() and set(obj.predict(X)) <= {'hi', 'lo'}
    return np.isfinite(obj.predict(X)).all()

@pytest.mark.parametrize('case', list(CASES))
@pytest.mark.parametrize('entry', list(ENTRY))
def test_bad_input(entry, case):
    X, y, expect = CASES[case]
    COUNTS[entry][0] += 1
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        if expect[0] == 'error':
            with pytest.raises((ValueError, TypeError)) as e:
                ENTRY[entry](X, y)
            msg, want = str(e.value), expect[2] if isinstance(expect[2], tuple) else (expect[2],)
            assert any(w.lower() in msg.lower() for w in want), f"{entry}/{case}: message {msg!r} lacks {want}"
            assert 'Traceback' not in msg and len(msg) < 1000
            assert 'torch' not in type(e.value).__module__
            COUNTS[entry][1] += 1
        else:
            obj = ENTRY[entry](X, y)
            assert _finite_output(obj, X), f"{entry}/{case}: non-finite output"
            COUNTS[entry][2] += 1

def test_constant_target_warns_and_predicts_the_constant():
    for fit in (fit_vsr, fit_td):
        with pytest.warns(UserWarning, match='constant'):
            m = fit(X0, np.full(len(X0), 3.0))
        assert np.allclose(m.predict(X0), 3.0, rtol=0, atol=1e-9)

def test_classifier_labels():
    with pytest.raises(ValueError, match='only 1 class'):
        TaskNeuronClassifier('<w, x>', max_epochs=1).fit(X0, np.full(len(X0), 'a'))
    c = TaskNeuronClassifier('<w, x>', hidden=(4,), max_epochs=2).fit(X0, labels0)
    assert set(c.predict(X0)) <= {'hi', 'lo'}
    with pytest.raises(ValueError, match='features'):
        c.predict(X0[:, :2])
