"""Validation preview for an image-captioning loader: the validation split is collated into padded
batches up front (list(map(collate, groups))), the batches are fed to the model, and afterwards the
first image of every batch is kept for the TensorBoard preview grid."""
import numpy as np
import torch


def load_sample(i, size=96):
    rng = np.random.default_rng(i)
    image = rng.random((3, size, size), dtype=np.float32)
    n_tok = int(rng.integers(5, 20))
    return {"pixel_values": image, "input_ids": rng.integers(0, 30000, n_tok), "id": i}


def collate(samples):
    pixel_values = torch.stack([torch.from_numpy(s["pixel_values"]) for s in samples])
    max_len = max(len(s["input_ids"]) for s in samples)
    input_ids = torch.zeros(len(samples), max_len, dtype=torch.long)
    for j, s in enumerate(samples):
        input_ids[j, : len(s["input_ids"])] = torch.as_tensor(s["input_ids"])
    return {"pixel_values": pixel_values, "input_ids": input_ids, "ids": [s["id"] for s in samples]}


def chunked(seq, size):
    return [seq[i : i + size] for i in range(0, len(seq), size)]


class CaptionModel(torch.nn.Module):
    def forward(self, pixel_values, input_ids):
        return pixel_values.mean(dim=(1, 2, 3)) + input_ids.float().mean(dim=1)


def validate(model, n_samples=480, batch_size=32):
    samples = [load_sample(i) for i in range(n_samples)]
    batches = list(map(collate, chunked(samples, batch_size)))
    del samples
    losses = []
    with torch.no_grad():
        for batch in batches:
            losses.append(float(model(batch["pixel_values"], batch["input_ids"]).mean()))
    preview = []
    for batch in batches:
        preview.append(batch["pixel_values"][0])  # expect: VL002
    return preview, losses


def scenario():
    return validate(CaptionModel())
