"""The checks that need real MNIST (11 MB, not shipped). They run when `NEURONSEEK_DATA` points at a folder holding
`mnist/` with the four IDX files, and are skipped otherwise, with the reason and how to provide the files."""
import numpy as np
import pytest
from neuronseek_nb.data import MNIST_HOWTO, load_dataset, load_mnist, mnist_dir


def _mnist():
    try: return mnist_dir()
    except FileNotFoundError as e: return str(e)

FOUND = _mnist()
needs_mnist = pytest.mark.skipif(isinstance(FOUND, str), reason=FOUND if isinstance(FOUND, str) else 'MNIST found')


def test_skip_reason_says_how_to_provide_it():
    "Runs always: the message every MNIST skip and error carries."
    assert 'NEURONSEEK_DATA' in MNIST_HOWTO and 'train-images.idx3-ubyte.gz' in MNIST_HOWTO


@needs_mnist
def test_mnist_splits():
    for split, n in (('train', 60_000), ('test', 10_000)):
        X, y = load_mnist(FOUND, split)
        assert X.shape == (n, 28, 28) and X.dtype == np.uint8 and y.shape == (n,)
        assert sorted(set(y.tolist())) == list(range(10)) and 0.08 < np.mean(y == 1) < 0.12


@needs_mnist
def test_mnist_through_load_dataset_and_the_image_module():
    from neuronseek_nb.training import ImageDataModule
    ds = load_dataset('mnist', n=500)
    assert ds.X.shape == (500, 784) and 0 <= ds.X.to_numpy().min() and ds.X.to_numpy().max() <= 1
    dm = ImageDataModule('mnist', limit=1000)
    assert tuple(dm.ds['train'].tensors[0].shape[1:]) == (1, 28, 28) and len(dm.ds['test']) == 10_000
