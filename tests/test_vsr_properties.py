"Property tests (hypothesis) of the VSR engine: the batched evaluator against each tree's sympy form, losses never NaN/inf."
import numpy as np
import sympy as sp
import torch
from hypothesis import assume, given, settings, strategies as st, HealthCheck

from neuronseek_nb.formula import FUNCTIONS
from neuronseek_nb.vsr import _Scorer
from neuronseek_nb.vsr_blocks import _BatchEvaluator, _PENALTY, _to_sympy, _from_sympy, _to_expr

BUILTIN = ['add', 'sub', 'mul', 'div', 'neg', 'square', 'cube', 'sin', 'cos', 'exp', 'log', 'sqrt']
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

def trees(n_vars):
    leaves = st.one_of(st.integers(0, n_vars - 1).map(lambda j: ('$x', j)),
                       st.floats(-3, 3, allow_nan=False).map(lambda v: ('$c', round(v, 3))))
    def node(children):
        return st.tuples(st.sampled_from(BUILTIN), st.lists(children, min_size=2, max_size=2)).map(
            lambda a: (a[0],) + tuple(a[1][:FUNCTIONS[a[0]].arity]))
    return st.recursive(leaves, node, max_leaves=8)

def _safe(t, leaves):
    "Points where no protected branch acts (there torch and sympy must agree)."
    ev = _BatchEvaluator(leaves)
    ok = torch.ones(leaves[0].shape, dtype=torch.bool)
    stack = [t]
    while stack:
        n = stack.pop()
        if n[0] in ('$x', '$c'): continue
        if n[0] in ('div', 'log'):
            arg = n[2] if n[0] == 'div' else n[1]
            ok &= ev.evaluate([arg])[0].expand(leaves[0].shape).abs() > 1e-3 * (1 + 1e-9)
        stack.extend(n[1:])
    return ok.numpy()

@SETTINGS
@given(st.lists(trees(2), min_size=1, max_size=6), st.integers(0, 2**16))
def test_batched_evaluator_agrees_with_sympy(ts, seed):
    g = torch.Generator().manual_seed(seed)
    X = torch.rand(16, 2, generator=g, dtype=torch.float64) * 6 - 3
    leaves = [X[:, 0], X[:, 1]]
    vals = _BatchEvaluator(leaves).evaluate(ts) # all trees at once, shared subtrees once
    syms = sp.symbols('x0:2')
    for t, v in zip(ts, vals):
        e = _to_sympy(t, syms)
        assume(not e.has(sp.zoo, sp.nan, sp.oo))
        with np.errstate(all='ignore'):
            want = np.asarray(sp.lambdify(syms, e, 'numpy')(X[:, 0].numpy(), X[:, 1].numpy()), dtype=complex) * np.ones(16)
        got = v.expand(16).numpy()
        keep = _safe(t, leaves) & np.isfinite(want) & (np.abs(want.imag) < 1e-9) & (np.abs(want) < 1e8) & np.isfinite(got)
        np.testing.assert_allclose(got[keep], want.real[keep], rtol=1e-6, atol=1e-6)

@SETTINGS
@given(trees(1))
def test_one_variable_trees_agree_with_formula_core(t):
    X = torch.linspace(-3, 3, 40, dtype=torch.float64).reshape(8, 5)
    got = _BatchEvaluator([X]).evaluate([t])[0].expand(X.shape)
    want = _to_expr(t).evaluate(X).expand(X.shape)
    assert torch.equal(torch.nan_to_num(got, nan=7.0), torch.nan_to_num(want, nan=7.0))

@SETTINGS
@given(st.lists(trees(1), min_size=1, max_size=8), st.sampled_from([1e-300, 1.0, 1e300]))
def test_losses_are_finite_on_extreme_inputs(ts, scale):
    X = torch.tensor([[-1.0, 0.0, 1e-12, 2.0], [3.0, -5.0, 1e-3, -1e-3]] * 6, dtype=torch.float64) * scale
    y = torch.linspace(-1, 1, 12, dtype=torch.float64)
    losses = _Scorer([X], y / y.std(correction=0), 'vectorized', 3, 1e-8).loss([(t,) for t in ts] + [tuple(ts[:3])])
    assert np.isfinite(losses).all() and (losses >= 0).all() and (losses <= _PENALTY).all()

@SETTINGS
@given(trees(1))
def test_sympy_round_trip_keeps_values(t):
    x = sp.Symbol('x', real=True)
    e = _to_sympy(t, [x])
    assume(not e.has(sp.zoo, sp.nan, sp.oo))
    try: back = _from_sympy(e, [x])
    except ValueError: return # not every sympy form has base functions (e.g. Abs outside sqrt/log)
    X = torch.linspace(0.1, 2.9, 15, dtype=torch.float64)
    a, b = (_BatchEvaluator([X]).evaluate([u])[0].expand(15) for u in (t, back))
    keep = torch.isfinite(a) & torch.isfinite(b) & (a.abs() < 1e8) & torch.from_numpy(_safe(t, [X]) & _safe(back, [X]))
    torch.testing.assert_close(a[keep], b[keep], rtol=1e-6, atol=1e-6)
