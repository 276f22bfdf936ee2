"""The layout language model: a small transformer over the instruction's tokens plus one token per
object, with heads that name the edit (intent, relation, direction, frame, unit, turn sense), point
at objects (target, reference, second reference) and at the words of the amount (span start / end).

Sequence: [text tokens (T)] [objects (M)] [room] [wall] [no reference] [no second reference].
An object token is the mean embedding of its category name's tokens (the same embedding table as the
text, so "couch" in the instruction and a "sofa" object meet in one space), plus where the instruction
names it (mean position embedding of the text tokens equal to one of its name tokens), plus an MLP of
its box, colour, size class and selection flags (app/layout/model/encode.ts lists them).
"""
import math

import torch
from torch import nn

OBJECT_FEATURES = 20
NAME_TOKENS = 4
MAX_TOKENS = 64
INTENTS = 17  # place, move, rotate, swap, remove, duplicate, no edit, then 10 question types (encode.ts QUESTION_TYPES)
RELATIONS = 22  # none + 16 layout relations, then above, below, near, far, inside (questions only)
DIRECTIONS = 5
FRAMES = 2
UNITS = 10
SENSES = 2
SLOTS = 4  # room, wall, no reference, no second reference
NEG = -1e4


class ChannelNorm(nn.Module):
    """LayerNorm over the channel axis of [B, C, N] (every token normalised on its own)."""

    def __init__(self, d: int):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(1, d, 1))
        self.bias = nn.Parameter(torch.zeros(1, d, 1))

    def forward(self, x):
        mean = x.mean(dim=1, keepdim=True)
        var = (x - mean).pow(2).mean(dim=1, keepdim=True)
        return (x - mean) / torch.sqrt(var + 1e-5) * self.weight + self.bias


def pointwise(i: int, o: int) -> nn.Conv1d:
    """A per-token linear layer as a 1x1 convolution: Debian's torch has a reference BLAS, but its
    convolutions run on oneDNN, about 8x faster on this CPU; ONNX exports it as a plain Conv."""
    return nn.Conv1d(i, o, 1)


class Block(nn.Module):
    """Pre-norm self-attention and feed-forward on [B, d, N], written out so the export is plain ops."""

    def __init__(self, d: int, heads: int, ff: int, dropout: float):
        super().__init__()
        self.heads = heads
        self.n1 = ChannelNorm(d)
        self.qkv = pointwise(d, 3 * d)
        self.out = pointwise(d, d)
        self.n2 = ChannelNorm(d)
        self.ff = nn.Sequential(pointwise(d, ff), nn.GELU(), pointwise(ff, d))
        self.drop = nn.Dropout(dropout)

    def forward(self, x, bias):
        b, d, n = x.shape
        h = self.heads
        qkv = self.qkv(self.n1(x)).reshape(b, 3, h, d // h, n)
        q, k, v = qkv[:, 0], qkv[:, 1], qkv[:, 2]  # [B, h, dh, N]
        att = torch.matmul(q.transpose(-1, -2), k) / math.sqrt(d // h) + bias  # [B, h, N, N]; bias [B, 1, 1, N]
        y = torch.matmul(v, torch.softmax(att, dim=-1).transpose(-1, -2)).reshape(b, d, n)
        x = x + self.drop(self.out(y))
        return x + self.drop(self.ff(self.n2(x)))


class LayoutModel(nn.Module):
    def __init__(self, vocab: int, d: int = 96, layers: int = 3, heads: int = 4, ff: int = 192, dropout: float = 0.1):
        super().__init__()
        self.d = d
        self.tok = nn.Embedding(vocab, d, padding_idx=0)
        self.pos = nn.Embedding(MAX_TOKENS, d)
        self.kind = nn.Embedding(3, d)  # text, object, slot
        self.feat = nn.Sequential(pointwise(OBJECT_FEATURES, d), nn.GELU(), pointwise(d, d))
        self.slots = nn.Parameter(torch.randn(SLOTS, d) * 0.02)
        self.mentioned = nn.Parameter(torch.randn(d) * 0.02)
        self.blocks = nn.ModuleList([Block(d, heads, ff, dropout) for _ in range(layers)])
        self.norm = ChannelNorm(d)
        self.cls_heads = nn.ModuleDict({
            "intent": nn.Linear(d, INTENTS),
            "relation": nn.Linear(d, RELATIONS),
            "direction": nn.Linear(d, DIRECTIONS),
            "frame": nn.Linear(d, FRAMES),
            "unit": nn.Linear(d, UNITS),
            "sense": nn.Linear(d, SENSES),
        })
        self.queries = nn.Linear(d, 3 * d)  # target, reference, reference2 queries from [CLS]
        self.keys = pointwise(d, 3 * d)
        self.span = pointwise(d, 2)

    def forward(self, tokens, token_mask, names, features, object_mask):
        """tokens [B, T] long, token_mask [B, T] bool (True = real), names [B, M, 4] long,
        features [B, M, F], object_mask [B, M] bool. Returns a dict of logits."""
        b, t = tokens.shape
        m = names.shape[1]
        d = self.d
        pos = torch.arange(t, device=tokens.device).unsqueeze(0)
        text = (self.tok(tokens) + self.pos(pos) + self.kind.weight[0]).transpose(1, 2)  # [B, d, T]
        name_mask = (names > 0).float().unsqueeze(-1)
        name_emb = ((self.tok(names) * name_mask).sum(2) / name_mask.sum(2).clamp(min=1.0)).transpose(1, 2)
        # Where the instruction mentions the object's name: for each object, the mean position embedding
        # (plus a learned "mentioned" vector) of the text tokens equal to one of its name tokens. A
        # direct cue for the pointers that the attention would otherwise have to discover.
        # The "mentioned" vector is scaled by the share of the name's tokens the text has, so "table"
        # in the text marks a table fully and a table lamp by half.
        match = (names.unsqueeze(-1) == tokens.unsqueeze(1).unsqueeze(1)) & (names > 0).unsqueeze(-1) & token_mask.unsqueeze(1).unsqueeze(1)  # [B, M, 4, T]
        hit = match.any(2).float()  # [B, M, T]
        count = hit.sum(-1, keepdim=True)
        share = match.any(3).float().sum(-1, keepdim=True) / (names > 0).float().sum(-1, keepdim=True).clamp(min=1.0)  # [B, M, 1]
        mention = torch.matmul(hit / count.clamp(min=1.0), self.pos(pos).expand(b, t, d)) + share * self.mentioned  # [B, M, d]
        objs = name_emb + mention.transpose(1, 2) + self.feat(features.transpose(1, 2)) + self.kind.weight[1].reshape(1, d, 1)
        slots = (self.slots + self.kind.weight[2]).transpose(0, 1).unsqueeze(0).expand(b, d, SLOTS)
        x = torch.cat([text, objs, slots], dim=2)
        valid = torch.cat([token_mask, object_mask, torch.ones(b, SLOTS, dtype=torch.bool, device=tokens.device)], dim=1)
        bias = (1.0 - valid.float()).mul(NEG).unsqueeze(1).unsqueeze(1)
        for blk in self.blocks:
            x = blk(x, bias)
        x = self.norm(x)
        cls = x[:, :, 0]
        out = {name: head(cls) for name, head in self.cls_heads.items()}
        q = self.queries(cls).reshape(b, 3, d)
        keys = self.keys(x[:, :, t:]).reshape(b, 3, d, m + SLOTS)
        scores = torch.matmul(q.unsqueeze(2), keys).squeeze(2) / math.sqrt(d)  # [B, 3, M + SLOTS]
        obj_scores = scores[:, :, :m] + (1.0 - object_mask.float()).mul(NEG).unsqueeze(1)
        slot_scores = scores[:, :, m:]
        out["target"] = obj_scores[:, 0]
        out["reference"] = torch.cat([obj_scores[:, 1], slot_scores[:, 1, 0:3]], dim=1)
        out["reference2"] = torch.cat([obj_scores[:, 2], slot_scores[:, 2, 3:4]], dim=1)
        span = self.span(x[:, :, :t]) + (1.0 - token_mask.float()).mul(NEG).unsqueeze(1)
        out["span_start"] = span[:, 0]
        out["span_end"] = span[:, 1]
        return out


HEAD_ORDER = ["intent", "target", "reference", "reference2", "relation", "direction", "frame", "unit", "sense", "span_start", "span_end"]
