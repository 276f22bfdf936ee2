"""Checks the Python tokenizer against the golden vectors the TypeScript test also reads.
Run: /usr/bin/python3 -m unittest discover -s native-models/layout -p 'test_*.py'
"""
import json
import os
import unittest

from tokenizer import Tokenizer

HERE = os.path.dirname(os.path.abspath(__file__))


class GoldenVectors(unittest.TestCase):
    def setUp(self):
        self.tok = Tokenizer.load(os.path.join(HERE, "vocab.json"))
        with open(os.path.join(HERE, "tokenizer-golden.json"), encoding="utf-8") as f:
            self.golden = json.load(f)

    def test_vocab_size_matches(self):
        self.assertEqual(len(self.tok.tokens), self.golden["vocab_size"])

    def test_every_golden_case(self):
        for case in self.golden["cases"]:
            with self.subTest(text=case["text"]):
                got = self.tok.encode(case["text"])
                self.assertEqual(got["tokens"], case["tokens"])
                self.assertEqual(got["ids"], case["ids"])

    def test_known_pieces(self):
        out = self.tok.encode("Move 50cm")["tokens"]
        self.assertEqual(out, ["[CLS]", "move", "5", "0", "cm", "[SEP]"])
        # An unknown word splits into pieces, never [UNK] for ASCII letters.
        self.assertNotIn("[UNK]", self.tok.encode("xylophone")["tokens"])
        self.assertEqual(self.tok.encode("café")["tokens"], self.tok.encode("cafe")["tokens"])


if __name__ == "__main__":
    unittest.main()
