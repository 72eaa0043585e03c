"""A streaming text generator (yields one token at a time, as chat servers do); the
caller keeps each yielded step's logits to rescore the stream."""
import torch
import torch.nn as nn


class MiniGPT(nn.Module):
    def __init__(self, vocab=3000, d=48, ctx=256):
        super().__init__()
        self.tok = nn.Embedding(vocab, d)
        self.pos = nn.Embedding(ctx, d)
        self.block = nn.TransformerEncoderLayer(d, 4, 96, batch_first=True, dropout=0.0)
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, vocab, bias=False)

    def forward(self, idx):
        t = idx.size(1)
        x = self.tok(idx) + self.pos(torch.arange(t))
        mask = nn.Transformer.generate_square_subsequent_mask(t)
        return self.head(self.ln(self.block(x, src_mask=mask)))


@torch.no_grad()
def stream(model, idx, max_new_tokens, temperature=1.0):
    for _ in range(max_new_tokens):
        logits = model(idx)
        probs = torch.softmax(logits[:, -1, :] / temperature, dim=-1)
        nxt = torch.multinomial(probs, 1)
        idx = torch.cat((idx, nxt), dim=1)
        yield nxt.item(), logits[0, -1]


def scenario():
    torch.manual_seed(4)
    model = MiniGPT().eval()
    prompt = torch.randint(0, 3000, (1, 16))
    kept = [lg for _, lg in stream(model, prompt, 56)]  # expect: VL002
    return kept


if __name__ == "__main__":
    print(len(scenario()))
