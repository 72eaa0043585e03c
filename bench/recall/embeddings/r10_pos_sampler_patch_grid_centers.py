"""Dense ViT features kept per image: images are read in index batches drawn by
`torch.utils.data.BatchSampler(SequentialSampler(dataset), ...)`, the encoder's patch tokens are
rearranged by hand into a feature map (`rearrange(x, "b (h w) d -> b d h w")` written as
`reshape(...).permute(0, 3, 1, 2)`, as DINO-style dense-feature code does without einops), and the
feature vector of the centre patch of each image is stored in a dict keyed by the dataset index,
pairing indices with rows through `zip`.  Each stored (dim,) vector is a view of that batch's whole
(batch, 1 + h*w, dim) token tensor."""
import torch
import torch.nn as nn
from torch.utils.data import BatchSampler, SequentialSampler


class PatchEncoder(nn.Module):
    def __init__(self, patch=8, dim=384):
        super().__init__()
        self.proj = nn.Conv2d(3, dim, kernel_size=patch, stride=patch)
        self.cls = nn.Parameter(torch.zeros(1, 1, dim))

    def forward(self, images):
        x = self.proj(images).flatten(2).transpose(1, 2)
        return torch.cat([self.cls.expand(len(x), -1, -1), x], dim=1)


class ImageSet(torch.utils.data.Dataset):
    def __init__(self, n, size=128, seed=0):
        self.images = torch.randn(n, 3, size, size, generator=torch.Generator().manual_seed(seed))

    def __len__(self):
        return len(self.images)

    def __getitem__(self, i):
        return self.images[i]


def to_grid(tokens, h, w):
    b, _, d = tokens.shape
    return tokens[:, 1:].reshape(b, h, w, d).permute(0, 3, 1, 2)


@torch.no_grad()
def centre_features(encoder, dataset, batch_size=16, grid=16):
    sampler = BatchSampler(SequentialSampler(dataset), batch_size=batch_size, drop_last=False)
    feats = {}
    for indices in sampler:
        images = torch.stack([dataset[i] for i in indices])
        fmap = to_grid(encoder(images), grid, grid)
        centre = fmap[:, :, grid // 2, grid // 2]
        for idx, vec in zip(indices, centre):
            feats[idx] = vec  # expect: VL002
    return feats


def scenario():
    torch.manual_seed(0)
    dataset = ImageSet(160)
    return centre_features(PatchEncoder().eval(), dataset)
