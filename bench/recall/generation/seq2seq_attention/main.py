"""Translate a batch and keep the alignment rows for an attention heat map."""
import torch

from decoding import AlignmentRecorder, greedy_translate
from model import Seq2Seq


def scenario():
    torch.manual_seed(6)
    model = Seq2Seq().eval()
    src = torch.randint(0, 1200, (16, 200))
    recorder = AlignmentRecorder()
    greedy_translate(model, src, bos=1, max_len=40, recorder=recorder)
    return recorder.rows


if __name__ == "__main__":
    print(len(scenario()))
