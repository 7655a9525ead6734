"""The package's shape: one concern per module, no import circle between modules (imports inside functions count
too), no exported module over ~800 lines, and nothing that reaches outside the package for data."""
import ast, re
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / 'neuronseek_nb'
MODULES = {p.stem: p for p in PKG.glob('*.py') if p.stem not in ('__init__', '_modidx')}


def _imports(path):
    "Names of the package's modules that `path` imports, at the top or inside functions."
    out = set()
    for n in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
        if isinstance(n, ast.ImportFrom):
            mod = n.module or ''
            if n.level == 1: out.add(mod.split('.')[0] if mod else None)
            elif mod.startswith('neuronseek_nb.'): out.add(mod.split('.')[1])
            if mod in ('', 'neuronseek_nb') : out |= {a.name for a in n.names}
        elif isinstance(n, ast.Import):
            out |= {a.name.split('.')[1] for a in n.names if a.name.startswith('neuronseek_nb.')}
    return {m for m in out if m in MODULES}


def test_no_import_circle():
    graph = {m: _imports(p) - {m} for m, p in MODULES.items()}
    state = {}
    def visit(m, path):
        if state.get(m) == 'done': return
        assert state.get(m) != 'open', f"import circle: {' -> '.join(path + [m])}"
        state[m] = 'open'
        for n in sorted(graph[m]): visit(n, path + [m])
        state[m] = 'done'
    for m in sorted(graph): visit(m, [])
    assert graph['formula'] == set() and 'training' not in graph['data']  # the base module; data below training


def test_modules_stay_small():
    sizes = {m: len(p.read_text(encoding='utf-8').splitlines()) for m, p in MODULES.items()}
    assert max(sizes.values()) <= 800, sorted(sizes.items(), key=lambda kv: -kv[1])[:3]


def test_searches_hold_no_benchmark_harness():
    for m in ('vsr', 'vsr_blocks', 'tensor_search'):
        text = MODULES[m].read_text(encoding='utf-8')
        for name in ('def planted_benchmark', 'def general_benchmark', 'def td_benchmark', 'def gplearn_sympy', 'tnlearn', 'gplearn'):
            assert name not in text, f"{m}.py mentions {name!r}: harnesses and peers' adapters live in bench*.py"


def test_no_path_outside_the_package():
    for m, p in MODULES.items():
        assert not re.search(r"\.\./shared|['\"]shared['\"]\s*/|/\s*['\"]shared['\"]|shared/data", p.read_text(encoding='utf-8')), m
