"""Greedy CTC decoding with per-token alignment, in the shape of the wav2vec2/Conformer inference
scripts that walk the frames of each utterance with a `while t < T` loop, skip a run of repeated
labels and blanks, and keep for every emitted token its frame index and the frame's log-probability
row for a confidence report.  The row is copied (`.clone()`) before it is kept, so the utterance's
`(T, vocab)` log-probabilities are freed after each utterance."""
import torch
import torch.nn as nn


class TinyAcousticModel(nn.Module):
    def __init__(self, n_mels=80, hidden=64, vocab=256):
        super().__init__()
        self.rnn = nn.GRU(n_mels, hidden, batch_first=True)
        self.out = nn.Linear(hidden, vocab)

    def forward(self, feats):
        h, _ = self.rnn(feats)
        return self.out(h).log_softmax(dim=-1)


@torch.no_grad()
def ctc_align(model, utterances, blank=0):
    alignments = []
    for utt_id, feats in utterances:
        log_probs = model(feats[None])[0]
        best = log_probs.argmax(dim=-1)
        T = log_probs.shape[0]
        tokens, frames, rows = [], [], []
        t = 0
        while t < T:
            label = int(best[t])
            start = t
            while t < T and int(best[t]) == label:
                t += 1
            if label == blank:
                continue
            tokens.append(label)
            frames.append(start)
            rows.append(log_probs[start].clone())
        alignments.append({"utt": utt_id, "tokens": tokens, "frames": frames, "rows": rows})
    return alignments


def scenario():
    torch.manual_seed(0)
    model = TinyAcousticModel().eval()
    utterances = [(f"utt{i:03d}", torch.randn(600, 80)) for i in range(40)]
    return ctc_align(model, utterances)
