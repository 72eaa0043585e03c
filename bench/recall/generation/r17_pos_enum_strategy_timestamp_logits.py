"""Whisper-style decoding with the strategy chosen by an `enum.Enum`, in the shape of the speech
toolkits that port OpenAI's `DecodingTask`: the decoder's `Strategy` enum names a method of the
decoder (`GREEDY = "greedy"`, `SAMPLE = "sample"`), dispatched with `getattr(self, f"_{strategy.value}")`,
and the timestamp rules look at the last position's logits (`logits[:, -1]`) at each step.  For a
word-timing plot the decoder keeps the timestamp part of every step's logits, the columns from
`timestamp_begin` on."""
import enum

import torch
import torch.nn as nn


class Strategy(enum.Enum):
    GREEDY = "greedy"
    SAMPLE = "sample"


class TinyTextDecoder(nn.Module):
    def __init__(self, vocab=4000, dim=32):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.mix = nn.Linear(dim, dim)
        self.out = nn.Linear(dim, vocab)

    def forward(self, tokens, audio_features):
        h = self.embed(tokens) + audio_features.mean(dim=1, keepdim=True)
        return self.out(torch.tanh(self.mix(h)))


class TimestampDecoder:
    def __init__(self, model, timestamp_begin, eot, strategy=Strategy.GREEDY, temperature=1.0):
        self.model = model
        self.timestamp_begin = timestamp_begin
        self.eot = eot
        self.strategy = strategy
        self.temperature = temperature
        self.timestamp_logits = []

    def _greedy(self, logits):
        return logits.argmax(dim=-1)

    def _sample(self, logits):
        probs = torch.softmax(logits / self.temperature, dim=-1)
        return torch.multinomial(probs, 1).squeeze(-1)

    def apply_timestamp_rules(self, logits, tokens):
        if tokens.shape[1] > 2:
            last_was_ts = tokens[:, -1] >= self.timestamp_begin
            logits[last_was_ts, :self.timestamp_begin] = -float("inf")
        return logits

    @torch.no_grad()
    def run(self, audio_features, sot_sequence, sample_len):
        select = getattr(self, f"_{self.strategy.value}")
        tokens = sot_sequence
        for _ in range(sample_len):
            logits = self.model(tokens, audio_features)[:, -1]
            logits = self.apply_timestamp_rules(logits, tokens)
            self.timestamp_logits.append(logits[:, self.timestamp_begin:])  # expect: VL002
            next_tokens = select(logits)
            tokens = torch.cat([tokens, next_tokens[:, None]], dim=-1)
        return tokens


def scenario():
    torch.manual_seed(0)
    model = TinyTextDecoder().eval()
    decoder = TimestampDecoder(model, timestamp_begin=3500, eot=3499, strategy=Strategy.GREEDY)
    audio = torch.randn(2, 50, 32)
    sot = torch.tensor([[1, 2, 3]] * 2)
    tokens = decoder.run(audio, sot, sample_len=64)
    return tokens, decoder.timestamp_logits
