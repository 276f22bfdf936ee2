"""The layout instruction tokenizer, Python side. Must give the same ids as app/layout/tokenizer.ts;
both read vocab.json and both test against tokenizer-golden.json.

Steps: Unicode NFKD, drop combining marks (é -> e), lower-case A-Z only, split into words [a-z]+,
single digits and single other characters (whitespace separates), then each word whole if it is in
the vocabulary, else greedy longest-match pieces (continuations prefixed "##"), else [UNK].
The sequence is wrapped in [CLS] ... [SEP].
"""
import json
import re
import unicodedata

PIECE = re.compile(r"[a-z]+|[0-9]|[^\sa-z0-9]")


def normalise(text):
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in stripped)


class Tokenizer:
    def __init__(self, vocab):
        self.tokens = list(vocab["tokens"])
        self.ids = {t: i for i, t in enumerate(self.tokens)}
        self.max_word_chars = int(vocab.get("max_word_chars", 32))
        self.unk = self.ids["[UNK]"]

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as f:
            return cls(json.load(f))

    def word_pieces(self, word):
        if word in self.ids:
            return [word]
        if len(word) > self.max_word_chars:
            return ["[UNK]"]
        pieces = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.ids:
                    found = piece
                    break
                end -= 1
            if found is None:
                return ["[UNK]"]
            pieces.append(found)
            start = end
        return pieces

    def encode(self, text):
        tokens = ["[CLS]"]
        for piece in PIECE.findall(normalise(text)):
            tokens.extend(self.word_pieces(piece))
        tokens.append("[SEP]")
        return {"tokens": tokens, "ids": [self.ids.get(t, self.unk) for t in tokens]}
