import torch
import torch.nn as nn


class Seq2Seq(nn.Module):
    """Encoder-decoder with dot attention; `decode_step` returns logits and the attention
    weights of the new position over the whole source."""

    def __init__(self, vocab=1200, hidden=128):
        super().__init__()
        self.src_emb = nn.Embedding(vocab, hidden)
        self.tgt_emb = nn.Embedding(vocab, hidden)
        self.encoder = nn.GRU(hidden, hidden, batch_first=True)
        self.cell = nn.GRUCell(hidden, hidden)
        self.proj = nn.Linear(2 * hidden, vocab)

    def encode(self, src):
        memory, h = self.encoder(self.src_emb(src))
        return memory, h.squeeze(0)

    def decode_step(self, prev_tokens, h, memory):
        h = self.cell(self.tgt_emb(prev_tokens), h)
        scores = torch.einsum("bsh,bh->bs", memory, h)
        attn = torch.softmax(scores, dim=-1)
        ctx = torch.einsum("bs,bsh->bh", attn, memory)
        logits = self.proj(torch.cat([h, ctx], dim=-1))
        return logits, h, attn
