"NeuronSeekTD's backward pass (prune_epochs, mse_floor) and Ctrl-C handling (interrupted_), beyond the notebook's tests."
import numpy as np, pandas as pd, pytest, torch
from sklearn.base import clone
from neuronseek_nb.tensor_search import NeuronSeekTD, td_synthetic_case

torch.set_num_threads(1)

def _data(seed=0, N=400):
    g = np.random.default_rng(seed)
    X = g.uniform(-2, 2, (N, 3))
    return X, X ** 2 @ g.normal(size=3) + X @ g.normal(size=3)

def _gate_set(m):
    return {g for g, v in m.gates_.items() if v >= m.threshold}

def _structure_set(m):
    return {f"pure {k}" for k in m.structure_['pure']} | {f"interaction {k}" for k in m.structure_['interaction']}

def test_params_are_sklearn_params():
    m = NeuronSeekTD(prune_epochs=3, mse_floor=1e-3)
    p = clone(m).get_params()
    assert p['prune_epochs'] == 3 and p['mse_floor'] == 1e-3

@pytest.mark.parametrize('kw,msg', [({'prune_epochs': -1}, 'prune_epochs must be an integer >= 0'),
                                    ({'prune_epochs': 2.5}, 'prune_epochs must be an integer'),
                                    ({'mse_floor': -1e-4}, 'mse_floor must be a number in [0, 1]'),
                                    ({'mse_floor': float('nan')}, 'mse_floor must be a number')])
def test_bad_backward_params(kw, msg):
    X, y = _data(N=50)
    with pytest.raises(ValueError, match=msg.replace('[', r'\[').replace(']', r'\]')):
        NeuronSeekTD(**kw).fit(X, y)

def test_backward_pass_only_removes_and_leaves_the_search_alone():
    X, y = _data()
    kw = dict(max_order=3, epochs=20, refit_epochs=5, random_state=1)
    off = NeuronSeekTD(prune_epochs=0, **kw).fit(X, y)
    on = NeuronSeekTD(prune_epochs=5, **kw).fit(X, y)
    assert off.selection_ == [] and _structure_set(off) == _gate_set(off)
    assert on.gates_ == off.gates_                      # the search is the same run
    pd.testing.assert_frame_equal(on.gate_history_, off.gate_history_)
    assert _structure_set(on) <= _gate_set(on)          # the backward pass only removes
    tried = [t['gate'] for t in on.selection_]
    assert sorted(tried) == sorted(_gate_set(on))       # every kept order was tried once
    for t in on.selection_:
        assert t['dropped'] == (t['nll_gain'] < t['cost'])
        assert (t['gate'] in _structure_set(on)) != t['dropped']
    assert on.refit_loss_ <= 1.0                        # a loss on the standardised target, never NaN
    assert np.isfinite(on.predict(X)).all()

def test_one_true_order_survives_the_backward_pass():
    X, y, truth = td_synthetic_case('pure', 3, D=4, N=400, random_state=0)  # 2 Σx²: one order
    # one class (issue 22): at 15 epochs a plain-CP interaction 2 (rank 8 >= D = 4: every quadratic form) outfits a pure order not yet converged
    m = NeuronSeekTD(max_order=2, epochs=15, refit_epochs=5, prune_epochs=5, interaction='distinct', random_state=0).fit(X, y)
    assert {k: m.structure_[k] for k in ('pure', 'interaction')} == truth
    assert [t['gate'] for t in m.selection_ if not t['dropped']] == ['pure 2']

class _CtrlCInRefit(NeuronSeekTD):
    "Raises KeyboardInterrupt when the gate-free refit starts (after the whole search)."
    def _refit(self, *a, **k): raise KeyboardInterrupt

def test_interrupt_after_the_search_keeps_every_search_epoch():
    X, y = _data(N=200)
    m = _CtrlCInRefit(max_order=2, epochs=6, random_state=0)
    with pytest.raises(KeyboardInterrupt):
        m.fit(X, y)
    assert m.interrupted_ is True
    assert isinstance(m.gate_history_, pd.DataFrame) and sorted(m.gate_history_.epoch.unique()) == list(range(1, 7))
    assert not hasattr(m, 'net_')                       # no half-made model is exposed as fitted
    ok = NeuronSeekTD(max_order=2, epochs=6, random_state=0).fit(X, y)
    assert ok.interrupted_ is False
