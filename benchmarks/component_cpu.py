"""CPU time of every component of the détente pipeline, spaCy's and ours, one document at a time.

    .venv/bin/python benchmarks/component_cpu.py [--n 500] [--every 5]

Runs each component of the full pipeline by hand on every ``--every``-th of the first ``--n``
AllSides articles and adds up the process CPU time per component; bare spaCy's parse of the
same texts is timed beside it. Unlike ``stage_cpu.py`` (our stages on cached parses), this
includes the segmentation stage's work before the parser and shows our share of the whole.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings

from throughput import CORPUS, read_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--every", type=int, default=5)
    args = parser.parse_args()

    from detente.nlp import _load_spacy, make_doc, model_name
    from detente.pipeline import PipelineOptions

    articles = read_articles(CORPUS, args.n)[:: args.every]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        bare = _load_spacy(model_name())
    nlp = PipelineOptions().build()
    bare(articles[0].text)
    nlp(make_doc(nlp, articles[0]))  # first-call costs out of the timing
    bare_cpu = 0.0
    per: dict[str, float] = {name: 0.0 for name, _ in nlp.pipeline}
    for article in articles:
        started = time.process_time()
        bare(article.text)
        bare_cpu += time.process_time() - started
        doc = make_doc(nlp, article)
        for name, component in nlp.pipeline:
            started = time.process_time()
            doc = component(doc)
            per[name] += time.process_time() - started
    ours = sum(v for k, v in per.items() if k.startswith("detente_"))
    spacy_part = sum(v for k, v in per.items() if not k.startswith("detente_"))
    print(
        json.dumps(
            {
                "articles": len(articles),
                "bare_spacy_cpu_s": round(bare_cpu, 2),
                "pipeline_spacy_components_cpu_s": round(spacy_part, 2),
                "pipeline_our_stages_cpu_s": round(ours, 2),
                "ratio_before_store": round(spacy_part / (spacy_part + ours), 3),
                **{name: round(seconds, 2) for name, seconds in per.items()},
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
