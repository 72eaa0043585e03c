"""Image feature bank for nearest-neighbour lookup: a generator runs the CNN backbone over
batches and hands out (name, vector) pairs, the centre location of the last feature map."""
import torch
import torch.nn as nn


def image_batches(n, batch_size=40, side=32):
    g = torch.Generator().manual_seed(3)
    for start in range(0, n, batch_size):
        names = [f"img{start + i:04d}.png" for i in range(min(batch_size, n - start))]
        yield names, torch.rand(len(names), 3, side, side, generator=g)


class Backbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 48, 3, padding=1), nn.ReLU(), nn.Conv2d(48, 64, 3, padding=1))

    def forward(self, x):
        return self.features(x)          # (batch, 64, 32, 32)


@torch.no_grad()
def iter_embeddings(model, batches):
    for names, images in batches:
        fmap = model(images)
        yield from zip(names, fmap[:, :, 16, 16])


def build_bank(model, n_images=480):
    bank = {}
    for name, vec in iter_embeddings(model, image_batches(n_images)):
        bank[name] = vec  # expect: VL002
    return bank


def nearest(bank, query):
    names = list(bank)
    mat = torch.stack([bank[n] for n in names])
    return names[int(torch.argmax(mat @ query))]


def scenario():
    torch.manual_seed(3)
    bank = build_bank(Backbone().eval())
    nearest(bank, torch.ones(64))
    return bank


if __name__ == "__main__":
    print(len(scenario()))
