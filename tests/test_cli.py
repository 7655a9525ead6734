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
            '--epochs', '30', '--hidden', '8', '--out', str(tmp_path / 'm.pkl'))
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

def test_help_imports_nothing_heavy():
    "`neuronseek --help` and every verb's help come from the parser alone: torch, Lightning and scikit-learn wait inside the verbs."
    code = ("import sys, neuronseek_nb.cli as c; p = c._parser(); p.format_help()\n"
            "print(sorted(m for m in ('torch', 'pytorch_lightning', 'sklearn', 'pandas', 'sympy') if m in sys.modules))")
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.strip() == '[]', (r.stdout, r.stderr)
    r = run('train', '--help')
    assert r.returncode == 0 and '80% of DATA' in r.stdout and '%%' not in r.stdout and '--quiet' in r.stdout

def _with_tty_stderr(*args):
    "Run the command with stderr on a pseudo-terminal (as in a shell) and stdout on a pipe: (returncode, stdout, terminal text)."
    import fcntl, os, pty, struct, termios
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 120, 0, 0))  # a terminal 120 columns wide (a new pty has 0)
    p = subprocess.Popen([str(EXE), *args], stdout=subprocess.PIPE, stderr=slave, text=True)
    os.close(slave)
    seen = b''
    while True:
        try: chunk = os.read(master, 65536)
        except OSError: break  # the terminal closed: the process ended
        if not chunk: break
        seen += chunk
    out = p.stdout.read(); p.wait(timeout=300); os.close(master)
    return p.returncode, out, seen.decode(errors='replace')

def test_progress_bars_on_the_terminal_results_on_stdout(tmp_path):
    _toy_csv(tmp_path / 'toy.csv')
    code, out, tty = _with_tty_stderr('train', str(tmp_path / 'toy.csv'), '--target', 'y', '--formula', '<w, x**2> + <w, x>', '--epochs', '3', '--hidden', '4')
    assert code == 0, tty[-2000:]
    assert 'Epoch' in tty  # Lightning's bar, sent to the terminal
    assert out.splitlines()[0].startswith('formula: ') and len(out.splitlines()) == 2 and '\r' not in out and 'Epoch' not in out, out
    code, out, tty = _with_tty_stderr('search', str(tmp_path / 'toy.csv'), '--target', 'y', '--method', 'vsr', '--quiet')
    assert code == 0 and 'it/s' not in tty and '%|' not in tty, tty[-2000:]
    assert len(out.splitlines()) == 3, out
    r = run('train', str(tmp_path / 'toy.csv'), '--target', 'y', '--formula', '<w, x>', '--epochs', '3', '--hidden', '4')  # stderr a pipe: no bars at all
    assert r.returncode == 0 and 'Epoch' not in r.stdout + r.stderr and len(r.stdout.splitlines()) == 2, (r.stdout, r.stderr[-1000:])

def test_predict_into_a_closed_pipe(tmp_path):
    "`neuronseek predict ... | head -1`: the reader stops early; the writer ends quietly (exit 141, like `cat`), no traceback."
    _toy_csv(tmp_path / 'toy.csv')
    r = run('train', str(tmp_path / 'toy.csv'), '--target', 'y', '--formula', '<w, x>', '--epochs', '2', '--hidden', '4', '--out', str(tmp_path / 'm.pkl'))
    assert r.returncode == 0, r.stderr
    big = tmp_path / 'big.csv'
    import pandas as pd
    pd.concat([pd.read_csv(tmp_path / 'toy.csv')] * 40).to_csv(big, index=False)  # 60,000 rows: more than a pipe buffer holds
    p = subprocess.Popen([str(EXE), 'predict', str(tmp_path / 'm.pkl'), str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == 'prediction'
    p.stdout.close()
    err = p.stderr.read(); p.wait(timeout=120)
    assert p.returncode == 141 and 'Traceback' not in err and 'BrokenPipe' not in err, (p.returncode, err)

def test_search_and_train_say_when_the_network_is_a_plain_mlp(tmp_path):
    "A linear target: the search keeps <w, x> alone, and both verbs say that the network is an ordinary MLP and what to try."
    import numpy as np, pandas as pd
    g = np.random.default_rng(0)
    X = g.uniform(-2, 2, (600, 4))
    pd.DataFrame(X, columns=list('abcd')).assign(y=X @ g.normal(size=4) + 0.05 * g.normal(size=600)).to_csv(tmp_path / 'lin.csv', index=False)
    for verb in (('search',), ('train', '--epochs', '3', '--hidden', '4')):
        r = run(verb[0], str(tmp_path / 'lin.csv'), '--target', 'y', *verb[1:])
        assert r.returncode == 0, r.stderr
        notes = [l for l in r.stdout.splitlines() if l.startswith('note:')]
        assert len(notes) == 1 and 'kept only <w, x>' in notes[0] and 'ordinary MLP' in notes[0] and '--method vsr' in notes[0], r.stdout
        assert 'kept only' not in r.stderr  # said once, on stdout with the results, not again as a Python warning
    r = run('train', str(tmp_path / 'lin.csv'), '--target', 'y', '--formula', '<w, x>', '--epochs', '2', '--hidden', '4')
    assert r.returncode == 0 and 'note:' not in r.stdout  # a formula given by hand is the user's choice

def _homes(path):
    "A table as users have them: a text category, a few missing sizes."
    import numpy as np, pandas as pd
    g = np.random.default_rng(0); n = 600
    df = pd.DataFrame({'size': g.uniform(20, 120, n).round(1), 'rooms': g.integers(1, 6, n), 'city': g.choice(['Oslo', 'Bergen', 'Tromso'], n)})
    df['price'] = (df['size'] * 30 + df.rooms * 100 + df.city.map({'Oslo': 900, 'Bergen': 400, 'Tromso': 100}) + g.normal(0, 50, n)).round(0)
    df.loc[g.choice(n, 30, replace=False), 'size'] = np.nan
    df.to_csv(path, index=False)
    return df

def test_a_model_remembers_its_table(tmp_path):
    import pandas as pd
    df = _homes(tmp_path / 'homes.csv')
    r = run('train', str(tmp_path / 'homes.csv'), '--target', 'price', '--epochs', '30', '--hidden', '8', '--out', str(tmp_path / 'm.pkl'))
    assert r.returncode == 0, r.stderr
    assert 'note:    30 rows with missing values left out' in r.stdout, r.stdout
    full = run('predict', str(tmp_path / 'm.pkl'), str(tmp_path / 'homes.csv'))  # with the target column and the incomplete rows
    assert full.returncode == 0 and 'note: 30 of 600 rows have missing values; their prediction is left empty' in full.stderr, full.stderr
    pf = pd.read_csv(__import__('io').StringIO(full.stdout))
    assert len(pf) == 600 and pf.prediction.isna().sum() == 30 and pf.prediction[df['size'].isna()].isna().all()
    oslo = df[df.city == 'Oslo'].drop(columns='price').dropna()
    oslo[['city', 'rooms', 'size']].to_csv(tmp_path / 'oslo.csv', index=False)  # one city only, columns in another order
    r = run('predict', str(tmp_path / 'm.pkl'), str(tmp_path / 'oslo.csv'))
    assert r.returncode == 0, r.stderr
    test = pd.read_csv(__import__('io').StringIO(r.stdout)).prediction.to_numpy()
    import numpy as np
    assert np.allclose(test, pf.prediction[oslo.index].to_numpy())  # the same rows predicted alone or within the whole table
    oslo.head(3).assign(city=['Oslo', 'Bodo', 'Oslo']).to_csv(tmp_path / 'bodo.csv', index=False)
    r = run('predict', str(tmp_path / 'm.pkl'), str(tmp_path / 'bodo.csv'), '--out', str(tmp_path / 'p.csv'))
    assert r.returncode == 2 and "column 'city' has categories not seen in training: ['Bodo'] (rows [1]); the model knows ['Bergen', 'Oslo', 'Tromso']" in r.stderr, r.stderr
    assert not (tmp_path / 'p.csv').exists()
    r = run('predict', str(tmp_path / 'm.pkl'), str(tmp_path / 'bodo.csv'), '--unknown', 'zero')
    assert r.returncode == 0 and len(r.stdout.strip().splitlines()) == 4, r.stderr

def test_stray_text_in_a_numeric_target_is_named(tmp_path):
    df = _homes(tmp_path / 'homes.csv').astype({'price': object})
    df.loc[17, 'price'] = 'unknown'
    df.to_csv(tmp_path / 'messy.csv', index=False)
    for verb in ('search', 'train'):
        r = run(verb, str(tmp_path / 'messy.csv'), '--target', 'price', '--out', str(tmp_path / 'o'))
        assert r.returncode == 2 and 'Traceback' not in r.stderr, r.stderr
        assert r.stderr.strip() == f"neuronseek {verb}: error: target column 'price' holds numbers except 1 cell: 'unknown' (row 17); fix them, or blank them so that their rows count as missing", r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ['homes.csv', 'messy.csv']

def test_several_regression_targets(tmp_path):
    "`--target u,v`: one network with an output per target; predict writes a column per target."
    import numpy as np, pandas as pd
    g = np.random.default_rng(0); X = g.uniform(-2, 2, (1500, 4))
    pd.DataFrame(X, columns=list('abcd')).assign(u=X[:, 0] ** 2 + X[:, 1], v=3 * X[:, 2] ** 2 - X[:, 3] + 10).to_csv(tmp_path / 'two.csv', index=False)
    r = run('search', str(tmp_path / 'two.csv'), '--target', 'u,v')
    assert r.returncode == 0 and "R2 of the 2 targets' first principal component" in r.stdout, r.stdout + r.stderr
    from neuronseek_nb.formula import Formula
    assert Formula.parse(r.stdout.splitlines()[0].split(':', 1)[1]).equivalent('<w, x> + <w, x**2>'), r.stdout
    r = run('train', str(tmp_path / 'two.csv'), '--target', 'u,v', '--formula', '<w, x> + <w, x**2>', '--epochs', '40', '--hidden', '16', '--out', str(tmp_path / 'm.pkl'))
    assert r.returncode == 0 and 'test R2 (mean over 2 targets)' in r.stdout, r.stdout + r.stderr
    assert float(r.stdout.split('test R2 (mean over 2 targets) ')[1].split(';')[0]) > 0.98, r.stdout
    r = run('predict', str(tmp_path / 'm.pkl'), str(tmp_path / 'two.csv'))
    p = pd.read_csv(__import__('io').StringIO(r.stdout))
    assert r.returncode == 0 and list(p.columns) == ['prediction_u', 'prediction_v'] and len(p) == 1500, r.stderr
    r = run('train', str(tmp_path / 'two.csv'), '--target', 'u,nope')
    assert r.returncode == 2 and "target column 'nope' is not in the table" in r.stderr

def _compare_tables(d):
    "A planted table (target: a quadratic vectorized formula) and a table of pure noise, 800 rows × 4 features each."
    import numpy as np, pandas as pd
    g = np.random.default_rng(0)
    X = g.uniform(-2, 2, (800, 4))
    pd.DataFrame(X, columns=list('abcd')).assign(y=(X**2) @ g.normal(size=4) + X @ g.normal(size=4)).to_csv(d / 'planted.csv', index=False)
    noise = pd.DataFrame(g.normal(size=(800, 4)), columns=list('abcd')).assign(y=g.normal(size=800))
    noise.loc[:6, 'b'] = np.nan; noise.loc[7:9, 'y'] = np.nan  # 10 rows with a missing value
    noise.to_csv(d / 'noise.csv', index=False)

def test_compare_verdicts(tmp_path):
    "`compare` on a planted table: the task network wins significantly; on pure noise: no difference; --out writes CSV and PNG."
    _compare_tables(tmp_path)
    r = run('compare', str(tmp_path / 'planted.csv'), '--target', 'y', '--epochs', '30', '--hidden', '8', '--out', str(tmp_path / 'p.csv'))
    assert r.returncode == 0, r.stderr[-2000:]
    assert 'verdict: the task network is better' in r.stdout and 'formula: ' in r.stdout and 'wins 5,' in r.stdout, r.stdout
    assert r.stderr == ''  # no bar: stderr is not a terminal
    import pandas as pd
    rows = pd.read_csv(tmp_path / 'p.csv')
    assert len(rows) == 10 and set(rows.model) == {'task', 'mlp'} and (tmp_path / 'p.png').stat().st_size > 1000
    r = run('compare', str(tmp_path / 'noise.csv'), '--target', 'y', '--epochs', '30', '--hidden', '8', '-q')
    assert r.returncode == 0, r.stderr[-2000:]
    assert 'verdict: no significant difference' in r.stdout, r.stdout
    assert 'noise: 790 rows' in r.stdout and 'note:    10 rows with missing values left out' in r.stdout, r.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ['noise.csv', 'p.csv', 'p.png', 'planted.csv']

def test_bench_efficiency_quick(tmp_path):
    "The parameter-efficiency study's quick mode writes its CSVs and plots."
    r = run('bench', 'efficiency', '--out', str(tmp_path / 'e'), '--quick')
    assert r.returncode == 0, r.stderr[-2000:]
    files = sorted(p.name for p in (tmp_path / 'e').iterdir())
    assert files == ['efficiency.csv', 'efficiency_curves.png', 'efficiency_curves_feynman.png', 'efficiency_curves_planted.png',
                     'efficiency_curves_real.png', 'efficiency_paired.csv', 'efficiency_ratios.csv',
                     'efficiency_ratios.png', 'efficiency_summary.csv', 'paper_protocol.csv'], files
    import pandas as pd
    s = pd.read_csv(tmp_path / 'e' / 'efficiency_summary.csv')
    assert set(s.model) == {'task_vsr', 'task_td'} and (s.better + s['no difference'] + s.worse == s.tasks).all()
    r = run('bench', 'efficiency', '--out', str(tmp_path / 'f'), '--seeds', '1')
    assert r.returncode == 2 and 'seeds must be an integer of at least 2' in r.stderr and not (tmp_path / 'f').exists()

def test_accelerator(tmp_path):
    "`--accelerator` on the verbs that train: an unknown one is argparse's error, a GPU on a machine without one is one line (exit 2), and nothing is written."
    import torch
    _toy_csv(tmp_path / 'toy.csv')
    r = run('train', str(tmp_path / 'toy.csv'), '--target', 'y', '--accelerator', 'tpu9')
    assert r.returncode == 2 and "invalid choice: 'tpu9'" in r.stderr
    if torch.cuda.is_available(): return  # (with CUDA the GPU runs are tests/test_devices.py's)
    for verb in (['train', str(tmp_path / 'toy.csv'), '--target', 'y', '--out', str(tmp_path / 'm.pkl')], ['demo'],
                 ['compare', str(tmp_path / 'toy.csv'), '--target', 'y', '--out', str(tmp_path / 'c.csv')]):
        r = run(*verb, '--accelerator', 'gpu', '--epochs', '1')
        assert r.returncode == 2 and r.stderr.strip().count('\n') == 0, r.stderr
        assert 'no CUDA device is available' in r.stderr and 'Traceback' not in r.stderr
    assert not list(tmp_path.glob('m.pkl*')) and not list(tmp_path.glob('c.*'))
    r = run('demo', '--accelerator', 'cpu', '--epochs', '2')
    assert r.returncode == 0, r.stderr
def test_drop_and_identifiers(tmp_path):
    "A text column with a value per row gets a note naming the --drop that leaves it out; --drop does; predict ignores the column; a wrong name is one line, exit 2, nothing written."
    import numpy as np, pandas as pd
    g = np.random.default_rng(0); X = g.uniform(-2, 2, (120, 3))
    pd.DataFrame(X, columns=list('abc')).assign(name=[f'row {i}' for i in range(120)], y=X[:, 0] ** 2 + X[:, 1]).to_csv(tmp_path / 't.csv', index=False)
    r = run('search', str(tmp_path / 't.csv'), '--target', 'y', '-q')
    assert r.returncode == 0, r.stderr[-2000:]
    assert "note:    column 'name' (120 distinct values) in 120 rows looks like an identifier" in r.stdout and 'leave them out with --drop name' in r.stdout, r.stdout
    assert 'identifier' not in r.stderr, r.stderr  # a note in the output, not a Python warning
    r = run('train', str(tmp_path / 't.csv'), '--target', 'y', '-q', '--drop', 'name', '--formula', '<w, x>', '--epochs', '2', '--out', str(tmp_path / 'm.pkl'))
    assert r.returncode == 0 and 'identifier' not in r.stdout, r.stdout + r.stderr
    r = run('predict', str(tmp_path / 'm.pkl'), str(tmp_path / 't.csv'))
    assert r.returncode == 0 and len(r.stdout.strip().splitlines()) == 121, r.stderr
    r = run('compare', str(tmp_path / 't.csv'), '--target', 'y', '--drop', 'nme', '--out', str(tmp_path / 'c.csv'))
    assert r.returncode == 2 and "drop names columns that are not in the table: ['nme']" in r.stderr and r.stderr.strip().count('\n') == 0, r.stderr
    assert not list(tmp_path.glob('c.*'))
    r = run('search', 'boston', '--drop', 'crim')
    assert r.returncode == 2 and 'drop applies to tables' in r.stderr
