"scikit-learn's own estimator checks on both estimators (with a given formula so the checks test the estimator, not a search)."
import pytest
from sklearn.utils.estimator_checks import check_estimator
from neuronseek_nb.estimators import TaskNeuronRegressor, TaskNeuronClassifier

# Every check runs; none is skipped; one is expected to fail (sample weights vs repeated rows, see below). The train checks need the network to learn the toy data: 25 epochs at lr 1e-2.
KW = dict(hidden=(8,), max_epochs=25, patience=None, batch_size=128, lr=1e-2)
@pytest.mark.parametrize('est', [TaskNeuronRegressor('<w, x**2> + <w, x>', **KW), TaskNeuronClassifier('<w, x**2> + <w, x>', **KW)],
                         ids=['regressor', 'classifier'])
def test_check_estimator(est):
    # weights and repeated rows cannot give the same network: the rows fall into different splits and mini-batches
    stochastic = {'check_sample_weight_equivalence_on_dense_data': 'mini-batch training on a random split: weighted and repeated rows agree in distribution only'}
    results = check_estimator(est, on_fail=None, expected_failed_checks=stochastic)
    failed = [f"{r['check_name']}: {str(r['exception'])[:200]}" for r in results if r['status'] == 'failed']
    assert len(results) > 40 and not failed, '\n'.join(failed)


def test_no_writable_array_warning_from_dataframes_or_read_only_arrays():
    "torch warns once per process about read-only NumPy arrays: a fresh process, the warning an error, every entry point."
    import subprocess, sys
    code = '''
import warnings, numpy as np, pandas as pd
warnings.filterwarnings('error', message='.*not writable.*')
from sklearn.datasets import load_diabetes
from neuronseek_nb.estimators import TaskNeuronRegressor
from neuronseek_nb.vsr import VectorizedSR
from neuronseek_nb.tensor_search import NeuronSeekTD
X, y = load_diabetes(return_X_y=True, as_frame=True)  # pandas' copy-on-write hands out read-only arrays
ro = X.to_numpy().copy(); ro.setflags(write=False)     # as joblib's memmaps in GridSearchCV(n_jobs=2)
yr = y.to_numpy().copy(); yr.setflags(write=False)
for data in ((X, y), (ro, yr)):
    TaskNeuronRegressor('<w, x>', hidden=(4,), max_epochs=1).fit(*data).predict(data[0])
    VectorizedSR(population_size=50, generations=1).fit(*data).predict(data[0])
    NeuronSeekTD(epochs=2, refit_epochs=1).fit(*data).predict(data[0])
print('ok')
'''
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=300, env={**__import__('os').environ, 'OMP_NUM_THREADS': '1'})
    assert r.returncode == 0 and r.stdout.strip().endswith('ok'), r.stderr[-3000:]
