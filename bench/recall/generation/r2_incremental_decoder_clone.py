"""An incremental decoder object used by a chat server: the caller drives it one token at
a time.  It keeps a KV cache (whole tensors, grown with torch.cat) and, for a probe, the
hidden state of each produced position, cloned out of the step output."""
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, d=64, heads=4):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, d)

    def forward(self, x, past):
        b, t, d = x.shape
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        if past is not None:
            k = torch.cat([past[0], k], dim=1)
            v = torch.cat([past[1], v], dim=1)
        w = torch.softmax(q @ k.transpose(1, 2) / d ** 0.5, dim=-1)
        return self.out(w @ v), (k, v)


class IncrementalDecoder:
    def __init__(self, vocab=4000, d=64):
        self.emb = nn.Embedding(vocab, d)
        self.block = Block(d)
        self.head = nn.Linear(d, vocab)
        self.past = None
        self.hidden_trace = []

    @torch.no_grad()
    def step(self, token_ids):
        h, self.past = self.block(self.emb(token_ids), self.past)
        self.hidden_trace.append(h[:, -1].clone())
        logits = self.head(h)
        return logits[:, -1].argmax(-1, keepdim=True)

    def reset(self):
        self.past = None


def serve(decoder, prompt, max_new_tokens=150):
    nxt = decoder.step(prompt)
    out = [nxt]
    for _ in range(max_new_tokens - 1):
        nxt = decoder.step(nxt)
        out.append(nxt)
    return torch.cat(out, dim=1)


def scenario():
    torch.manual_seed(5)
    dec = IncrementalDecoder()
    serve(dec, torch.randint(0, 4000, (4, 64)))
    return dec.hidden_trace


if __name__ == "__main__":
    print(len(scenario()))
