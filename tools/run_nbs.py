"""Authoring aid: execute notebooks in place so their stored outputs (shown by the docs) are fresh.

`python tools/run_nbs.py nbs/00_formula.ipynb [...]` runs each notebook top to bottom with execnb (cells flagged
`#| eval: false` are skipped, as in the tests), stops at the first error, then cleans it with nbdev_clean. Each
notebook runs in a process of its own, as in the tests and as in Jupyter (one kernel per notebook): state left by one
notebook (matplotlib's REPL hook registered on an earlier shell, which tnlearn's backend switch then fails to remove)
does not reach the next.
Cells flagged `#| slow` keep their previous outputs unless `--slow` is given.
"""
import os, sys, subprocess
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from nbdev.process import first_code_ln

def _skip(cell, slow):
    flags = [l.strip() for l in cell.source.splitlines() if l.strip().startswith('#|')]
    return any(f.replace(' ', '') in ('#|eval:false',) for f in flags) or (not slow and any(f.split()[1:2] == ['slow'] for f in flags))

def run(path, slow=False):
    nb = read_nb(path)
    os.chdir(Path(path).parent.resolve())
    sh = CaptureShell()
    for cell in nb.cells:
        if cell.cell_type != 'code' or _skip(cell, slow): continue
        sh.cell(cell)
        if sh.exc: raise RuntimeError(f"{path}: cell failed:\n{cell.source}\n{sh.exc}")
    write_nb(nb, path)

if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    slow = '--slow' in sys.argv
    if '--one' in sys.argv:  # a child: run one notebook in this process
        run(str(Path(args[0]).resolve()), slow=slow); sys.exit(0)
    for p in args:
        r = subprocess.run([sys.executable, __file__, '--one', *(['--slow'] if slow else []), p])
        if r.returncode: sys.exit(f"stopped at {p}")
        print('ran', p, flush=True)
    subprocess.run([str(Path(sys.executable).parent / 'nbdev_clean')], check=True)
