"""The whole pipeline on a CUDA device: the searches, the estimators and the task layers there, results equal to the CPU's
within float tolerance. Skipped, with the reason, on a machine without CUDA (the code never assumes the CPU)."""
import numpy as np, pytest, torch
from torch import nn

cuda = pytest.mark.skipif(not torch.cuda.is_available(), reason=f"no CUDA device (torch {torch.__version__}, cuda={torch.version.cuda})")

@cuda
def test_searches_on_cuda():
    from neuronseek_nb.vsr import VectorizedSR, make_planted
    from neuronseek_nb.tensor_search import NeuronSeekTD
    X, y = make_planted('<w, x**2> + <w, x>', D=4, N=600, random_state=0)
    m = VectorizedSR(population_size=200, generations=5, random_state=0, device='cuda').fit(X, y)
    assert m.formula_.equivalent('<w, x**2> + <w, x>') and m.score(X, y) > 0.999
    td = NeuronSeekTD(device='cuda', random_state=0).fit(X, y)
    assert td.score(X, y) > 0.99

@cuda
def test_estimator_and_layers_on_cuda():
    from neuronseek_nb.estimators import TaskNeuronRegressor
    from neuronseek_nb.layers import TaskLinear, TaskConv2d, taskify
    X = np.random.default_rng(0).normal(size=(400, 3)); y = X[:, 0] ** 2 + X[:, 1]
    est = TaskNeuronRegressor('<w, x**2> + <w, x>', max_epochs=20, accelerator='gpu').fit(X, y)
    assert est.score(X, y) > 0.9
    net = taskify(nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 2)), '<w, x**2>').cuda()
    x = torch.randn(5, 1, 8, 8)
    cpu = taskify(nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 2)), '<w, x**2>')
    cpu.load_state_dict({k: v.cpu() for k, v in net.state_dict().items()})
    assert torch.allclose(net(x.cuda()).cpu(), cpu(x), atol=1e-5)
    assert isinstance(net[0], TaskConv2d) and net[0].weight.is_cuda and isinstance(net[3], TaskLinear)

def test_cuda_asked_without_it():
    "Without CUDA each entry point says so in one sentence (with CUDA: nothing to check here)."
    if torch.cuda.is_available(): pytest.skip("this machine has CUDA")
    from neuronseek_nb.vsr import VectorizedSR
    from neuronseek_nb.tensor_search import NeuronSeekTD
    from neuronseek_nb.training import make_trainer
    X = np.random.default_rng(0).normal(size=(50, 2)); y = X[:, 0]
    for f in (lambda: VectorizedSR(device='cuda').fit(X, y), lambda: NeuronSeekTD(device='cuda').fit(X, y),
              lambda: make_trainer(accelerator='cuda')):
        with pytest.raises(ValueError, match="no CUDA device is available"): f()
