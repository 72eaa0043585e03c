import torch


def expand_attention(attn, heads):
    # (batch, src) -> (batch, heads, steps_so_far, src) as the visualiser expects
    return attn[:, None, None, :].expand(-1, heads, 1, -1)


class AlignmentRecorder:
    """Keeps, per target position, the alignment of the first sentence of the batch."""

    def __init__(self):
        self.rows = []

    def record(self, attn_maps):
        self.rows.append(attn_maps[0, 0, -1])  # expect: VL001


@torch.no_grad()
def greedy_translate(model, src, bos, max_len, recorder, heads=4):
    memory, h = model.encode(src)
    prev = torch.full((src.size(0),), bos, dtype=torch.long)
    out = []
    attn_maps = torch.zeros(src.size(0), heads, 0, src.size(1))
    for _ in range(max_len):
        logits, h, attn = model.decode_step(prev, h, memory)
        attn_maps = torch.cat([attn_maps, expand_attention(attn, heads)], dim=2)
        recorder.record(attn_maps)
        prev = logits.argmax(-1)
        out.append(prev)
    return torch.stack(out, dim=1)
