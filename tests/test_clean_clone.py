"""A clone with nothing beside it: the checkout's files copied into an empty temporary folder, `NEURONSEEK_DATA` unset,
and there the notebooks and CLI calls that load data run, as a user's clone would run them.

The library must find the tables it needs inside the package (`neuronseek_nb/tables/`), never in a `../shared`
folder that only development machines have; MNIST, which does not ship, is skipped with the sentence that says how to
provide it. A wheel built from the clone carries the tables too (what a packager ships).
"""
import os, re, shutil, subprocess, sys, zipfile
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA_USERS = re.compile(r'load_sr_benchmark\(|feynman_problems\(|sample_problem\(|data_file\(|load_mnist\(|mnist_dir\(|[\'"](feynman|sr):')
RUN_NB = '''
import sys
from pathlib import Path
from nbdev.test import test_nb
ok, _ = test_nb(Path(sys.argv[1]), skip_flags=['slow', 'notest'], basepath=sys.argv[2])
sys.exit(0 if ok else 1)
'''
CLI = 'import sys; from neuronseek_nb.cli import main; sys.exit(main(sys.argv[1:]))'


def _checkout_files():
    "Tracked files, and new files git does not ignore (so the test also sees work not committed yet)."
    try: out = subprocess.run(['git', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], cwd=ROOT,
                              capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e: pytest.skip(f"not a git checkout ({e}): nothing to copy")
    return [p for p in out.decode().split('\0') if p and (ROOT / p).is_file()]


@pytest.fixture(scope='module')
def clone(tmp_path_factory):
    dest = tmp_path_factory.mktemp('alone') / 'neuronseek_nb'
    for rel in _checkout_files():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest / rel)
    assert sorted(p.name for p in dest.parent.iterdir()) == ['neuronseek_nb']  # nothing beside it
    return dest


def _env(clone):
    env = {k: v for k, v in os.environ.items() if k != 'NEURONSEEK_DATA'}
    return {**env, 'PYTHONPATH': str(clone), 'OMP_NUM_THREADS': '1', 'MKL_NUM_THREADS': '1'}


def _py(clone, *args, timeout=600):
    return subprocess.run([sys.executable, *args], cwd=clone, env=_env(clone), capture_output=True, text=True, timeout=timeout)


def test_the_clone_imports_its_own_package(clone):
    r = _py(clone, '-c', 'import neuronseek_nb.data as d; print(d.__file__); print(d.TABLES)')
    assert r.returncode == 0, r.stderr
    module, tables = map(Path, r.stdout.split())
    assert module.is_relative_to(clone) and tables == clone / 'neuronseek_nb' / 'tables', r.stdout
    assert not any(p.name == 'shared' for p in clone.parents)  # a pytest tmp folder: no ../shared anywhere above


def _data_notebooks():
    nbs = sorted(p for p in (ROOT / 'nbs').rglob('*.ipynb') if not p.name.startswith(('_', '.')))
    found = [p.relative_to(ROOT) for p in nbs if DATA_USERS.search(p.read_text(encoding='utf-8'))]
    assert Path('nbs/05_data.ipynb') in found  # the loaders' own notebook, at least
    return found


@pytest.mark.parametrize('nb', _data_notebooks(), ids=str)
def test_notebooks_that_load_data_pass_alone(clone, nb):
    r = _py(clone, '-c', RUN_NB, str(clone / nb), str(clone))
    assert r.returncode == 0, f"{nb} failed in a clone with nothing beside it:\n{r.stderr[-4000:]}"


def test_cli_loads_shipped_tables_and_explains_missing_mnist(clone):
    r = _py(clone, '-c', CLI, 'search', 'sr:Nguyen-1', '--method', 'vsr', timeout=300)
    assert r.returncode == 0, r.stderr
    found = next(l.split(':', 1)[1].strip() for l in r.stdout.splitlines() if l.startswith('formula:'))
    from neuronseek_nb.formula import Formula
    assert Formula.parse(found).equivalent('<w, x> + <w, x**2> + <w, x**3>'), found  # Nguyen-1: x**3 + x**2 + x
    r = _py(clone, '-c', CLI, 'search', 'mnist', timeout=120)
    assert r.returncode == 2 and 'Traceback' not in r.stderr, r.stderr
    assert 'MNIST IDX files not found' in r.stderr and 'set NEURONSEEK_DATA=DIR' in r.stderr, r.stderr


def test_a_wheel_of_the_clone_carries_the_tables(clone, tmp_path):
    r = subprocess.run([sys.executable, '-m', 'pip', 'wheel', '--no-deps', '--no-build-isolation', '-q', '-w', str(tmp_path), str(clone)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    names = set(zipfile.ZipFile(next(tmp_path.glob('*.whl'))).namelist())
    for f in ('neuronseek_nb/tables/feynman/FeynmanEquations.csv', 'neuronseek_nb/tables/sr/benchmark.csv', 'neuronseek_nb/tables/README.md'):
        assert f in names, f"{f} missing from the wheel"
