"""Superpoint transformer for scene segmentation.

Tokens are superpoints (features from app/segment/features.ts, layout v1). Each block attends from a
superpoint to its K nearest superpoints by centroid (lists from app/segment/superpoint-neighbours.ts,
self first), with a learned relative-position bias per head, then mixes in a scene-wide mean token.
Heads:
  logits   [N, 20]  ScanNet-20 semantic classes
  affinity [N, K]   logit that superpoint i and its j-th neighbour belong to one instance
  prompt   [N]      mask logits for the object under the clicked superpoints (clicks: [C] indices)
The model takes raw features: the translation to scene-relative positions and the normalisation
are part of the graph, so the host hands it exactly what features.ts computes.
"""
import torch
from torch import nn

FEATURE_COUNT = 23
NUM_CLASSES = 20
# Columns of the v1 layout (app/segment/features.ts SUPERPOINT_FEATURES).
CENTROID = slice(0, 3)
HEIGHT = 10
# Everything but the absolute centroid: extents, shape, verticality, heights, normal, colour, log_points.
LOCAL = list(range(3, 23))
IN_DIM = len(LOCAL) + 3


def scene_positions(features: torch.Tensor) -> torch.Tensor:
    """[N, 3]: centroid x, y relative to the scene's mean centroid, and height above the floor."""
    c = features[:, CENTROID]
    xy = c[:, 0:2] - c[:, 0:2].mean(dim=0, keepdim=True)
    return torch.cat([xy, features[:, HEIGHT:HEIGHT + 1]], dim=1)


class Block(nn.Module):
    def __init__(self, d: int, heads: int):
        super().__init__()
        self.heads = heads
        self.dh = d // heads
        self.norm1 = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.bias = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, heads))
        self.pos_v = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, d))
        self.out = nn.Linear(d, d)
        self.glob = nn.Linear(d, d)
        self.norm2 = nn.LayerNorm(d)
        self.ffn = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def forward(self, h: torch.Tensor, nbr: torch.Tensor, rel: torch.Tensor) -> torch.Tensor:
        n, k = nbr.shape
        x = self.norm1(h)
        q, kk, v = self.qkv(x).chunk(3, dim=1)
        q = q.reshape(n, 1, self.heads, self.dh)
        kn = kk[nbr].reshape(n, k, self.heads, self.dh)
        vn = (v[nbr] + self.pos_v(rel)).reshape(n, k, self.heads, self.dh)
        scores = (q * kn).sum(-1) / (self.dh ** 0.5) + self.bias(rel)  # [N, K, H]
        attn = torch.softmax(scores, dim=1).unsqueeze(-1)
        y = (attn * vn).sum(1).reshape(n, self.heads * self.dh)
        h = h + self.out(y) + self.glob(x.mean(dim=0, keepdim=True))
        return h + self.ffn(self.norm2(h))


class SuperpointTransformer(nn.Module):
    def __init__(self, d: int = 96, heads: int = 4, layers: int = 3):
        super().__init__()
        self.register_buffer("mean", torch.zeros(IN_DIM))
        self.register_buffer("std", torch.ones(IN_DIM))
        self.embed = nn.Sequential(nn.Linear(IN_DIM, d), nn.GELU(), nn.Linear(d, d))
        self.blocks = nn.ModuleList([Block(d, heads) for _ in range(layers)])
        self.norm = nn.LayerNorm(d)
        self.semantic = nn.Sequential(nn.Linear(d, d), nn.GELU(), nn.Linear(d, NUM_CLASSES))
        self.pair = nn.Sequential(nn.Linear(2 * d + 4, d), nn.GELU(), nn.Linear(d, 1))
        self.prompt = nn.Sequential(nn.Linear(3 * d + 4, d), nn.GELU(), nn.Linear(d, d // 2), nn.GELU(), nn.Linear(d // 2, 1))

    def inputs(self, features: torch.Tensor):
        pos = scene_positions(features)
        x = torch.cat([features[:, LOCAL], pos], dim=1)
        return (x - self.mean) / self.std, pos

    def encode(self, features: torch.Tensor, nbr: torch.Tensor):
        x, pos = self.inputs(features)
        delta = pos[nbr] - pos.unsqueeze(1)  # [N, K, 3]
        rel = torch.cat([delta, delta.norm(dim=-1, keepdim=True)], dim=-1)
        h = self.embed(x)
        for block in self.blocks:
            h = block(h, nbr, rel)
        return self.norm(h), pos, rel

    def heads_from(self, h, pos, rel, nbr, clicks):
        logits = self.semantic(h)
        hn = h[nbr]  # [N, K, d]
        hi = h.unsqueeze(1).expand_as(hn)
        affinity = self.pair(torch.cat([hi * hn, (hi - hn).abs(), rel], dim=-1)).squeeze(-1)
        q = h[clicks].mean(dim=0, keepdim=True).expand_as(h)
        d = pos - pos[clicks].mean(dim=0, keepdim=True)
        prompt = self.prompt(torch.cat([h, q, h * q, d, d.norm(dim=-1, keepdim=True)], dim=-1)).squeeze(-1)
        return logits, affinity, prompt

    def forward(self, features: torch.Tensor, neighbours: torch.Tensor, clicks: torch.Tensor):
        h, pos, rel = self.encode(features, neighbours)
        return self.heads_from(h, pos, rel, neighbours, clicks)
