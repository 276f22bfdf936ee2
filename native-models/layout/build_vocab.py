"""Builds native-models/layout/vocab.json, the one vocabulary the TypeScript tokenizer
(app/layout/tokenizer.ts) and the Python tokenizer (tokenizer.py) share, and the golden vectors
both test suites check (tokenizer-golden.json).

Run: /usr/bin/python3 native-models/layout/build_vocab.py
The word lists below are the layout instruction language: verbs, relations, units, numbers,
colours, sizes and furniture categories (ScanNet nyu40 classes and VSI-Bench meta categories).
Letters and "##"-letters are always in the vocabulary, so an ASCII word never becomes [UNK].
"""
import json
import os
import string

from tokenizer import Tokenizer

HERE = os.path.dirname(os.path.abspath(__file__))

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[SEL]", "[NUM]"]
PUNCT = list(".,'-/?!:;()\"%°#&+*=")
DIGITS = list(string.digits)
LETTERS = list(string.ascii_lowercase)
SUFFIXES = ["s", "es", "ed", "ing", "er", "est", "ly", "ies", "y", "d", "e", "n"]

WORDS = """
the a an it this that these those them one ones other another its my your me i you we us our
and or but so then now just please kindly could would can will should might may do does did
is are was be been being am to of in on at by for with from into onto off up down over under
about around through across along against between beside besides behind below beneath above
near next left right front back middle centre center corner side top bottom edge end far close
closer nearer further farther away toward towards ahead forward forwards backward backwards
move put place set shift push pull slide bring drag position relocate get carry nudge stand park
stick pop scoot reposition lay drop take shove rotate turn spin pivot twist swivel revolve angle
swap switch exchange trade interchange remove delete rid throw discard clear ditch eliminate erase
duplicate copy clone replicate add make have face faces facing point points aim orient look looks
align aligned line lined square straighten flush level
so that until keep leave same like as than more less much bit little slightly touch tad smidge
mind thanks thank if possible chance view perspective here where camera see seen
clockwise counterclockwise anticlockwise degree degrees quarter half full way
mm millimetre millimeter millimetres millimeters cm cms centimetre centimeter centimetres centimeters
m metre meter metres meters ft foot feet inch inches
zero two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
sixty seventy eighty ninety hundred couple few
room wall walls floor ceiling window windows door doors doorway
black white gray grey silver red orange yellow green blue purple violet pink brown wooden beige
small smaller smallest tiny big bigger biggest large larger largest huge tall short long wide narrow
selected selection
""".split()

CATEGORIES = """
bag bathtub bed blinds books bookshelf box cabinet chair clothes counter curtain desk dresser
lamp mirror nightstand furniture prop person picture pillow refrigerator shelves shelf shower sink
sofa couch settee table television tv toilet towel whiteboard stool armchair bench ottoman rug
mat plant monitor keyboard mouse computer tower laptop printer telephone phone cup mug bowl kettle
microwave oven toaster fridge heater radiator fan light ceiling exhaust trash can bin basket bucket
crate suitcase shoes shoe rack hanger coat clock headphones power strip paper blanket cushion
cutting board pan wardrobe closet drawer drawers coffee dining side end console tv stand sideboard
bookcase cupboard piano guitar backpack scale tissue laundry dishrack bicycle bike vase
""".split()


# Question words (typed questions, app/qa/ask), added after the categories so every earlier id stays.
QUESTION_WORDS = """
how many what which who why when whether there each apart distance size height width length depth
high deep dimensions measurements count number total measure tell know inside within far anything
everything objects things located sits sitting lies lying resting true false yes no gap space
""".split()


def build():
    tokens = []
    seen = set()

    def add(t):
        if t not in seen:
            seen.add(t)
            tokens.append(t)

    for t in SPECIALS + DIGITS + PUNCT + LETTERS:
        add(t)
    for t in LETTERS:
        add("##" + t)
    for t in SUFFIXES:
        add("##" + t)
    for w in WORDS + CATEGORIES + QUESTION_WORDS:
        add(w)
    return {"version": 1, "specials": SPECIALS, "max_word_chars": 32, "tokens": tokens}


GOLDEN_TEXTS = [
    "Move the chair 50 cm to the left of the sofa.",
    "Could you please put the small table by the window, half a metre away?",
    "turn it 90° clockwise",
    "Rotate the TV stand 45 degrees",
    "pls moev the chiar nxt to the bookshelf",
    "Push the armchair 2ft closer to the fireplace!",
    "swap the lamp and the plant",
    "Put the café table 1.25m in front of the couch",
    "  multiple   spaces\tand\ttabs  ",
    "",
    "Déplacez la chaise",
    "move the xylophone-ish thing 3/4 m right",
    "UPPER CASE 12,5 CM",
    "emoji ☺ and ß and 日本",
    "How many chairs are there?",
    "what's the distance between the desk and the bed",
    "Is the lamp inside the cabinet, or on top of it?",
]


def main():
    vocab = build()
    with open(os.path.join(HERE, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump(vocab, f, ensure_ascii=False, indent=0)
        f.write("\n")
    tok = Tokenizer(vocab)
    golden = [{"text": t, **tok.encode(t)} for t in GOLDEN_TEXTS]
    with open(os.path.join(HERE, "tokenizer-golden.json"), "w", encoding="utf-8") as f:
        json.dump({"vocab_size": len(vocab["tokens"]), "cases": golden}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(vocab['tokens'])} tokens, {len(golden)} golden cases")


if __name__ == "__main__":
    main()
