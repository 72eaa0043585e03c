"""Hard-example log for a small tabular classifier trained with input-noise augmentation: every epoch
the whole feature matrix is jittered anew (`features + sigma * torch.randn(...)`) and wrapped in a
fresh `torch.utils.data.TensorDataset(jittered, labels)`; a `SubsetRandomSampler` over a fixed probe
subset draws indices, each probe is read with `train_set[i]` (which hands back the rows of the
dataset's tensors, `tuple(t[i] for t in tensors)`), and the probe with the highest loss is logged per
epoch.  The logged sample is a row view of that epoch's jittered matrix, so the log pins one whole
jittered copy of the data per epoch.  Written after training scripts that rebuild
`TensorDataset(torch.from_numpy(X_aug), torch.from_numpy(y))` per epoch and monitor samples drawn by a
`SubsetRandomSampler`."""
import torch
import torch.nn.functional as F
from torch.utils.data import SubsetRandomSampler, TensorDataset


def jitter(features, sigma, gen):
    return features + sigma * torch.randn(features.shape, generator=gen)


def scenario(n_epochs=10, n_rows=8000, dim=256, n_classes=10):
    gen = torch.Generator().manual_seed(0)
    features = torch.randn(n_rows, dim, generator=gen)
    labels = torch.randint(0, n_classes, (n_rows,), generator=gen)
    weight = torch.randn(dim, n_classes, generator=gen) * 0.05
    probe_ids = list(range(0, n_rows, 97))
    hardest = []
    for epoch in range(n_epochs):
        train_set = TensorDataset(jitter(features, 0.1, gen), labels)
        sampler = SubsetRandomSampler(probe_ids, generator=gen)
        worst, worst_loss = None, float("-inf")
        for i in sampler:
            x, y = train_set[i]
            loss = float(F.cross_entropy((x @ weight)[None], y[None]))
            if loss > worst_loss:
                worst, worst_loss = x, loss
        hardest.append(worst)  # expect: VL002
        weight -= 0.01 * torch.randn(weight.shape, generator=gen)
    return hardest
