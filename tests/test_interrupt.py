"""Interruption, with real signals sent to the `neuronseek` process.

Ctrl-C (SIGINT) ends a verb with one line and exit code 130 and keeps what is worth keeping, written atomically:
`search --out f.json` writes the interrupted search's partial table to `f.json.partial.csv` (VectorizedSR's Pareto front
so far; NeuronSeekTD's gate history once it follows the same contract), never `f.json`; `train --out m.pkl` writes the last
completed epoch's checkpoint to `m.pkl.interrupted.ckpt`, and `--resume` with it ends where an uninterrupted run ends.
SIGKILL leaves no file at all (nothing is renamed into place before it is complete).
"""
import fcntl, os, pty, re, signal, struct, subprocess, sys, termios, threading, time, pickle
from pathlib import Path
import numpy as np, pandas as pd
import pytest

EXE = str(Path(sys.executable).parent / 'neuronseek')
ENV = {**os.environ, 'OMP_NUM_THREADS': '1'}

def _table(path, hard=False):
    g = np.random.default_rng(0)
    X = g.uniform(-2, 2, (20000, 6))
    y = (X**2) @ g.normal(size=6)
    if hard:  # VectorizedSR cannot fit this exactly, so it runs all its generations (about 10 s) instead of stopping early
        y = y + np.abs(X) @ g.normal(size=6) + np.sin(3 * X[:, 0]) * X[:, 1] + 0.3 * g.normal(size=len(X))
    pd.DataFrame(X, columns=list('abcdef')).assign(y=y).to_csv(path, index=False)
    return path

@pytest.fixture
def big_csv(tmp_path): return _table(tmp_path / 'big.csv')

def _start_and_signal(args, cwd, sig, marker, timeout=120, delay=1.0):
    "Start the CLI on a terminal, wait until `marker` (a regex) shows in its output (the long work has begun), send `sig`; return (rc, output)."
    log = Path(cwd).parent / f'{Path(cwd).name}.log'  # outside the folder whose contents are checked
    # a pseudo-terminal, as a user's shell gives: the progress bars (the markers) show only on a terminal
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 120, 0, 0))
    # a job started in the background by a non-interactive shell inherits SIGINT ignored, and Python then installs
    # no KeyboardInterrupt handler: give the child the default disposition, as a terminal would
    p = subprocess.Popen([EXE, *args], cwd=cwd, stdout=slave, stderr=slave, env=ENV,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    os.close(slave)
    def copy():  # the terminal's output into the log, as it comes
        with open(log, 'wb') as f:
            while True:
                try: chunk = os.read(master, 65536)
                except OSError: return  # the terminal closed: the process ended
                if not chunk: return
                f.write(chunk); f.flush()
    reader = threading.Thread(target=copy, daemon=True); reader.start()
    text = lambda: log.read_text(errors='replace') if log.exists() else ''
    t0 = time.time()
    while not re.search(marker, text()) and time.time() - t0 < timeout and p.poll() is None: time.sleep(0.1)
    assert re.search(marker, text()), f"never saw {marker!r}: {text()[-500:]}"
    time.sleep(delay)
    assert p.poll() is None, f"finished before the signal: {text()[-300:]}"
    p.send_signal(sig)
    p.wait(timeout=60)
    reader.join(timeout=10); os.close(master)
    return p.returncode, text()

def _files(d): return sorted(p.name for p in Path(d).iterdir())

def test_ctrl_c_during_td_search(big_csv, tmp_path):
    "NeuronSeekTD: a partial gate history if it follows the interruption contract, else today's 'no output' line."
    rc, out = _start_and_signal(['search', str(big_csv), '--target', 'y', '--out', 'f.json'], tmp_path, signal.SIGINT, 'NeuronSeekTD')
    assert rc == 130 and 'Traceback' not in out, out[-500:]
    kept = 'neuronseek search: interrupted; partial gate history written to f.json.partial.csv'
    if kept in out:
        assert _files(tmp_path) == ['big.csv', 'f.json.partial.csv'] and len(pd.read_csv(tmp_path / 'f.json.partial.csv')) > 0
    else:
        assert out.strip().splitlines()[-1] == 'neuronseek search: interrupted; no output was written', out[-300:]
        assert _files(tmp_path) == ['big.csv']

def test_ctrl_c_during_vsr_search_keeps_the_pareto_front(tmp_path):
    _table(tmp_path / 'hard.csv', hard=True)
    rc, out = _start_and_signal(['search', 'hard.csv', '--target', 'y', '--method', 'vsr', '--out', 'f.json'], tmp_path,
                                signal.SIGINT, r'\b[2-9]/30 \[', delay=0.3)
    assert rc == 130 and 'Traceback' not in out, out[-500:]
    p = tmp_path / 'f.json.partial.csv'
    assert 'neuronseek search: interrupted; partial Pareto front written to f.json.partial.csv' in out, out[-300:]
    assert _files(tmp_path) == ['f.json.partial.csv', 'hard.csv']  # no f.json: the search did not finish
    front = pd.read_csv(p)
    assert list(front.columns) == ['complexity', 'loss', 'r2', 'formula', 'returned'] and len(front) >= 1
    assert front.returned.sum() == 1  # the best individual so far, which the interrupted fit kept
    assert np.isfinite(front[['complexity', 'loss', 'r2']].to_numpy()).all() and front[~front.returned].loss.is_monotonic_decreasing

def _predictions(model, csv):
    est = pickle.loads(Path(model).read_bytes())['estimator']
    return est.predict(pd.read_csv(csv).drop(columns='y'))

def test_ctrl_c_during_training_keeps_a_checkpoint_and_resume_matches(big_csv, tmp_path):
    args = ['train', str(big_csv), '--target', 'y', '--formula', '<w, x**2>', '--epochs', '6', '--hidden', '16', '--out', 'm.pkl']
    run = tmp_path / 'run'; run.mkdir()
    rc, out = _start_and_signal(args, run, signal.SIGINT, r'Epoch 2', delay=0.5)
    assert rc == 130 and 'Traceback' not in out, out[-500:]
    m = re.search(r'neuronseek train: interrupted during training; checkpoint after (\d+) epochs written to m\.pkl\.interrupted\.ckpt '
                  r'\(continue with the same arguments and --resume m\.pkl\.interrupted\.ckpt\)', out)
    assert m and 2 <= int(m.group(1)) < 6, out[-500:]
    assert _files(run) == ['m.pkl.interrupted.ckpt']
    r = subprocess.run([EXE, *args, '--resume', 'm.pkl.interrupted.ckpt'], cwd=run, capture_output=True, text=True, timeout=300, env=ENV)
    assert r.returncode == 0, r.stderr[-1000:]
    full = tmp_path / 'full'; full.mkdir()
    f = subprocess.run([EXE, *args], cwd=full, capture_output=True, text=True, timeout=300, env=ENV)
    assert f.returncode == 0, f.stderr[-1000:]
    # same formula, same test line (R2 to 4 decimals, parameter count); predictions equal to float32 round-off
    line = lambda s: re.sub(r'; [\d.]+ s$', '', [l for l in s.splitlines() if 'test R2' in l][0])
    assert line(r.stdout) == line(f.stdout), (r.stdout, f.stdout)
    np.testing.assert_allclose(_predictions(run / 'm.pkl', big_csv), _predictions(full / 'm.pkl', big_csv), rtol=0, atol=1e-5)

def test_ctrl_c_during_training_without_out_keeps_nothing(big_csv, tmp_path):
    rc, out = _start_and_signal(['train', str(big_csv), '--target', 'y', '--formula', '<w, x**2>', '--epochs', '500'],
                                tmp_path, signal.SIGINT, 'Epoch 1')
    assert rc == 130 and 'neuronseek train: interrupted during training; no output was written (give --out to keep a checkpoint)' in out, out[-300:]
    assert 'Traceback' not in out
    assert _files(tmp_path) == ['big.csv']

def test_sigkill_during_training_leaves_no_file(big_csv, tmp_path):
    rc, _ = _start_and_signal(['train', str(big_csv), '--target', 'y', '--formula', '<w, x**2>', '--epochs', '500', '--out', 'm.pkl'],
                              tmp_path, signal.SIGKILL, 'Epoch 1')
    assert rc == -signal.SIGKILL
    assert _files(tmp_path) == ['big.csv']

def test_sigkill_during_search_leaves_no_file(tmp_path):
    _table(tmp_path / 'hard.csv', hard=True)
    rc, _ = _start_and_signal(['search', 'hard.csv', '--target', 'y', '--method', 'vsr', '--out', 'f.json'], tmp_path,
                              signal.SIGKILL, r'\b[2-9]/30 \[', delay=0.3)
    assert rc == -signal.SIGKILL
    assert _files(tmp_path) == ['hard.csv']
