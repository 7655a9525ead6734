"The `neuronseek` console script, run as a user would: in a subprocess."
import subprocess, sys
from pathlib import Path
import neuronseek_nb

EXE = Path(sys.executable).parent / 'neuronseek'

def run(*args):
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=120)

def test_version_and_help():
    r = run('--version')
    assert r.returncode == 0 and r.stdout.strip() == f'neuronseek_nb {neuronseek_nb.__version__}'
    r = run('--help')
    assert r.returncode == 0 and 'demo' in r.stdout
    r = run('demo', '--help')
    assert r.returncode == 0 and '--method' in r.stdout

def test_demo_prints_both_networks():
    r = run('demo', '--epochs', '30')
    assert r.returncode == 0, r.stderr
    assert 'td search found' in r.stdout
    mse = {l.split()[0]: float(l.split()[2]) for l in r.stdout.splitlines() if l.split()[:1] in (['task'], ['mlp'])}
    assert mse['task'] < mse['mlp'], r.stdout

def test_bad_argument_exits_2_with_one_line():
    r = run('demo', '--epochs', '0')
    assert r.returncode == 2
    assert r.stderr.strip().count('\n') == 0 and 'max_epochs must be a positive integer' in r.stderr and 'Traceback' not in r.stderr
    r = run('demo', '--method', 'pysr')  # argparse's own check: exit 2 with usage
    assert r.returncode == 2 and "invalid choice: 'pysr'" in r.stderr

def _toy_csv(path):
    import numpy as np, pandas as pd
    g = np.random.default_rng(0)
    X = g.uniform(-2, 2, (1500, 4))
    pd.DataFrame(X, columns=list('abcd')).assign(y=(X**2) @ g.normal(size=4) + X @ g.normal(size=4)).to_csv(path, index=False)

def test_search_train_predict_verbs(tmp_path):
    _toy_csv(tmp_path / 'toy.csv')
    r = run('search', str(tmp_path / 'toy.csv'), '--target', 'y', '--out', str(tmp_path / 'f.json'))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith('formula: ') and 'latex:' in r.stdout and 'R2' in r.stdout
    from neuronseek_nb.formula import Formula
    assert Formula.from_json((tmp_path / 'f.json').read_text()).equivalent('<w, x**2> + <w, x>')
    r = run('train', str(tmp_path / 'toy.csv'), '--target', 'y', '--formula', str(tmp_path / 'f.json'),
            '--epochs', '20', '--hidden', '8', '--out', str(tmp_path / 'm.pkl'))
    assert r.returncode == 0, r.stderr
    assert 'test R2' in r.stdout
    r = run('predict', str(tmp_path / 'm.pkl'), str(tmp_path / 'toy.csv'))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[0] == 'prediction' and len(lines) == 1501

def test_verbs_bad_input_exit_2(tmp_path):
    _toy_csv(tmp_path / 'toy.csv')
    for args, msg in [(('search', str(tmp_path / 'toy.csv'), '--target', 'nope'), "target column 'nope' is not in the table"),
                      (('search', str(tmp_path / 'missing.csv'), '--target', 'y'), 'data file not found'),
                      (('train', str(tmp_path / 'toy.csv'), '--target', 'y', '--formula', '<w, x'), "closing the reduction"),
                      (('predict', str(tmp_path / 'toy.csv'), str(tmp_path / 'toy.csv')), 'is not a model saved by')]:
        r = run(*args)
        assert r.returncode == 2 and msg in r.stderr, (args, r.stderr)
        assert r.stderr.strip().count('\n') == 0 and 'Traceback' not in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ['toy.csv']

def test_bench_quick_writes_csv_and_png(tmp_path):
    r = run('bench', 'layers', '--out', str(tmp_path / 'b'), '--quick')
    assert r.returncode == 0, r.stderr[-2000:]
    files = sorted(p.name for p in (tmp_path / 'b').iterdir())
    assert 'layers.csv' in files and any(f.endswith('.png') for f in files), files
    assert not any(f.endswith('.tmp') for f in files)
    import pandas as pd
    df = pd.read_csv(tmp_path / 'b' / 'layers.csv')
    assert len(df) > 0 and df.select_dtypes('number').notna().all().all()
    r = run('bench', 'cifar', '--out', str(tmp_path / 'b'))
    assert r.returncode == 2 and "invalid choice: 'cifar'" in r.stderr
    r = run('bench', 'layers', '--out', str(tmp_path / 'c'), '--seeds', '3')
    assert r.returncode == 2 and r.stderr.strip() == "neuronseek bench: error: seeds applies to the tabular benchmark only, not 'layers'", r.stderr
    assert not (tmp_path / 'c').exists()

def test_vsr_search_on_labels(tmp_path):
    "VSR on a classification table regresses the labels' class scores (three text labels here) and says so."
    import numpy as np, pandas as pd
    g = np.random.default_rng(0)
    X = g.normal(size=(300, 3)); r = X[:, 0] ** 2 + X[:, 1]
    pd.DataFrame(X, columns=list('abc')).assign(kind=np.where(r < 0.3, 'low', np.where(r < 1.5, 'mid', 'high'))).to_csv(tmp_path / 'cls.csv', index=False)
    res = run('search', str(tmp_path / 'cls.csv'), '--target', 'kind', '--method', 'vsr', '--out', str(tmp_path / 'f.json'))
    assert res.returncode == 0, res.stderr
    assert 'fit:     R2 of the class scores' in res.stdout and (tmp_path / 'f.json').is_file(), res.stdout
