"Shared runner of the bad-input matrices (tests/test_bad_inputs*.py): run cases, check each outcome, count per entry point."
import warnings

TALLY = {}  # entry point -> (tried, raised as expected, handled); printed by the test files (pytest -s)

def _wanted(msg, want):
    want = want if isinstance(want, tuple) else (want,)
    return any(w.lower() in msg.lower() for w in want)

def run_cases(entry, cases):
    """`cases`: (name, thunk, expect); expect is ('raise', substring or tuple of alternatives) or ('ok', check(result) -> bool).

    'raise': a ValueError / TypeError / FileNotFoundError whose message has the substring, is short, single-purpose, and
    not a torch exception. 'ok': the call returns and `check` accepts the result (finite, right shape, ...)."""
    fails, raised, handled = [], 0, 0
    for name, fn, expect in cases:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                r = fn()
        except (ValueError, TypeError, FileNotFoundError) as e:
            msg = str(e)
            if expect[0] != 'raise': fails.append(f"{name}: expected handling, got {type(e).__name__}: {msg[:300]}")
            elif not _wanted(msg, expect[1]): fails.append(f"{name}: message {msg[:300]!r} lacks {expect[1]!r}")
            elif 'Traceback' in msg or len(msg) > 600 or type(e).__module__.startswith('torch'):
                fails.append(f"{name}: not a one-sentence error: {type(e).__module__}.{type(e).__name__}: {msg[:300]}")
            else: raised += 1
        except Exception as e:  # anything else (RuntimeError from torch, IndexError, ...) is a failure of the matrix
            fails.append(f"{name}: {type(e).__module__}.{type(e).__name__} (want ValueError/TypeError): {str(e)[:300]}")
        else:
            if expect[0] != 'ok': fails.append(f"{name}: no error raised (returned {type(r).__name__})")
            elif not expect[1](r): fails.append(f"{name}: handled, but the result fails its check")
            else: handled += 1
    TALLY[entry] = (len(cases), raised, handled)
    assert not fails, f"{entry}: {len(fails)} of {len(cases)} cases failed:\n" + '\n'.join(fails)

def print_tally(title):
    print(f"\n{title}\n{'entry point':<34} {'tried':>5} {'raised':>6} {'handled':>7}")
    for k, (n, r, h) in TALLY.items(): print(f"{k:<34} {n:>5} {r:>6} {h:>7}")
    n, r, h = (sum(v[i] for v in TALLY.values()) for i in range(3))
    print(f"{'total':<34} {n:>5} {r:>6} {h:>7}")
