"""Deploying task networks: `torch.export.export` and ONNX (both of torch's exporters, run by onnxruntime) reproduce the
trained network, dense and convolutional, with every kind of term and with the φ scaling and input clamps set.
ONNX needs the `export` extra (onnx, onnxruntime, onnxscript; part of `dev`): skipped with the reason without it."""
import warnings
import numpy as np, pytest, torch
from torch import nn
from neuronseek_nb.layers import task_mlp, task_cnn, taskify, scale_features, record_input_range

FORMULA = '<w, x**2> + <w, x> + <w, sin(x)> + [<w, x>*<w, exp(-x**2)>; rank=2]'  # single terms, a product with rank, several φs

def _nets():
    torch.manual_seed(0)
    X, I = torch.randn(64, 5), torch.randn(16, 2, 12, 12)
    dense = task_mlp(FORMULA, 5, [8, 6], 3)
    conv = task_cnn('<w, x**2> + <w, x> + [<w, x>*<w, x>; rank=2]', in_channels=2, n_classes=4, channels=(4, 6), image_size=12)
    res = taskify(nn.Sequential(nn.Conv1d(2, 4, 3, padding=1), nn.ReLU(), nn.Conv1d(4, 4, 3, groups=2), nn.Flatten(), nn.Linear(40, 2)),
                  '<w, x**2> + <w, cos(x)>')
    S = torch.randn(16, 2, 12)
    for net, x in ((dense, X), (conv, I)):
        scale_features(net, x); record_input_range(net, x)  # the buffers away from their defaults: they must export too
    return [(name, net.eval(), x) for name, net, x in (('dense', dense, X), ('conv2d', conv, I), ('taskified conv1d', res, S))]

@pytest.mark.parametrize('name,net,x', _nets(), ids=lambda v: v if isinstance(v, str) else '')
def test_torch_export(name, net, x):
    ep = torch.export.export(net, (x,))
    with torch.no_grad(): torch.testing.assert_close(ep.module()(x), net(x), rtol=0, atol=1e-6)

@pytest.mark.parametrize('dynamo', [False, True], ids=['legacy exporter', 'dynamo exporter'])
def test_onnx_matches_torch(tmp_path, dynamo):
    pytest.importorskip('onnx', reason="the export extra is not installed: pip install 'neuronseek_nb[export]'")
    ort = pytest.importorskip('onnxruntime', reason="the export extra is not installed: pip install 'neuronseek_nb[export]'")
    if dynamo: pytest.importorskip('onnxscript', reason="the dynamo exporter needs onnxscript (export extra)")
    for name, net, x in _nets():
        f = tmp_path / f'{name}.onnx'
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            if dynamo: torch.onnx.export(net, (x,), f, dynamo=True, input_names=['x'], dynamic_shapes=({0: torch.export.Dim('batch')},))
            else: torch.onnx.export(net, (x,), f, dynamo=False, input_names=['x'], dynamic_axes={'x': {0: 'batch'}})
        sess = ort.InferenceSession(str(f), providers=['CPUExecutionProvider'])
        part = x[:7]  # another batch size than the exported one
        got = sess.run(None, {sess.get_inputs()[0].name: part.numpy()})[0]
        with torch.no_grad(): want = net(part).numpy()
        assert np.abs(got - want).max() <= 1e-5, (name, np.abs(got - want).max())

def test_jit_script_is_not_supported():
    "torch.jit.script cannot compile the layers (formulas are Python objects evaluated in Python); the docs say so and point to export."
    with pytest.raises(Exception): torch.jit.script(task_mlp('<w, x**2>', 3, [4], 1))
