"""Feature statistics collected over a padded speech loader, with the features of each utterance
kept for writing out afterwards.  A bucketing loader yields batches of utterances padded to the
longest one; the model's frontend turns each padded batch of waveforms into one new
(B, T, 80) float32 feature tensor with the frame count of each utterance.  The statistics pass adds
each utterance's unpadded frames to running sums (for global mean/variance normalisation) and, with
`write_collected_feats` on, keeps `feats[i, :feats_lengths[i]]` of the first `dump_per_batch`
utterances of each batch, by utterance id, in an in-memory writer until the pass ends (a sample of
features to inspect the normalisation with).  Each kept utterance is a slice of its batch's feature
tensor, so the whole padded batch stays alive.  Written after ESPnet's `collect_stats` (`espnet2/main_funcs/
collect_stats.py`: `model.collect_feats(**batch)`, then per utterance `v = v[:lengths[i]]`,
`sum_dict[k] += v.sum(0)`, `sq_dict[k] += (v ** 2).sum(0)` and `npy_scp_writers[...][uttid] = v`)."""
from collections import defaultdict

import torch

CONF = {"batch_size": 16, "n_mels": 80, "hop": 160, "write_collected_feats": True,
        "dump_per_batch": 1}


class Frontend(torch.nn.Module):
    """A stand-in for a log-mel frontend: one new feature tensor per padded batch."""

    def __init__(self, n_mels=80, hop=160):
        super().__init__()
        self.hop = hop
        self.proj = torch.nn.Linear(hop, n_mels)

    def forward(self, speech, speech_lengths):
        frames = speech[:, : speech.shape[1] // self.hop * self.hop].reshape(speech.shape[0], -1, self.hop)
        feats = torch.log1p(self.proj(frames).abs())
        return feats, speech_lengths // self.hop


class ASRModel(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.frontend = Frontend(CONF["n_mels"], CONF["hop"])

    def collect_feats(self, speech, speech_lengths):
        feats, feats_lengths = self.frontend(speech, speech_lengths)
        return {"feats": feats, "feats_lengths": feats_lengths}


class MemoryFeatsWriter:
    def __init__(self):
        self.data = {}

    def __setitem__(self, key, value):
        self.data[key] = value


def bucket_loader(n_batches, batch_size, seed=0):
    gen = torch.Generator().manual_seed(seed)
    for b in range(n_batches):
        lengths = torch.randint(8000, 16000, (batch_size,), generator=gen)
        speech = torch.zeros(batch_size, int(lengths.max()))
        for i, n in enumerate(lengths.tolist()):
            speech[i, :n] = torch.randn(n, generator=gen)
        keys = [f"utt{b:03d}_{i:02d}" for i in range(batch_size)]
        yield keys, {"speech": speech, "speech_lengths": lengths}


@torch.no_grad()
def collect_stats(model, loader, write_collected_feats=True, dump_per_batch=1):
    sum_dict = defaultdict(float)
    sq_dict = defaultdict(float)
    count_dict = defaultdict(int)
    writer = MemoryFeatsWriter()
    for keys, batch in loader:
        data = model.collect_feats(**batch)
        feats, lengths = data["feats"], data["feats_lengths"]
        for i, uttid in enumerate(keys):
            v = feats[i, : lengths[i]]
            sum_dict["feats"] = sum_dict["feats"] + v.sum(0)
            sq_dict["feats"] = sq_dict["feats"] + (v ** 2).sum(0)
            count_dict["feats"] += len(v)
            if write_collected_feats and i < dump_per_batch:
                writer[uttid] = v  # expect: VL002
    return sum_dict, sq_dict, count_dict, writer


def scenario(n_batches=24):
    model = ASRModel().eval()
    return collect_stats(model, bucket_loader(n_batches, CONF["batch_size"]), CONF["write_collected_feats"],
                         CONF["dump_per_batch"])
