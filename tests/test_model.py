"""The CRF as plain Python: scores, Viterbi under constraints, explanations,
the shipped weights, and training that gives the same weights twice."""

from __future__ import annotations

from article2json import model
from article2json.corpus import Labelled, label_blocks
from article2json.model import Crf

TOY = Crf(
    labels=["heading", "paragraph"],
    weights={"short": [2.0, -1.0], "long": [-2.0, 2.0], "b": [0.0, 0.5]},
    transitions=[[-4.0, 0.5], [0.0, 0.0]],  # heading after heading is unlikely
)


def test_scores_add_weights_times_values() -> None:
    assert TOY.scores({"short", "b"}) == [20_000, -5_000]  # in units of 1e-4
    assert TOY.scores({"unknown"}) == [0, 0]


def test_viterbi_weighs_transitions_against_emissions() -> None:
    short, long = {"short"}, {"long"}
    assert TOY.decode([short, long, short, long]) == [0, 1, 0, 1]
    # Two short items in a row: the second stays a heading only if it is worth the -4.
    assert TOY.decode([short, short]) == [0, 1]
    assert TOY.decode([]) == []


def test_viterbi_honours_forbidden_labels() -> None:
    short = {"short"}
    assert TOY.decode([short], allowed=[[False, True]]) == [1]


def test_explain_names_the_features_that_won() -> None:
    text = TOY.explain({"short", "b"}, 0)
    assert text == "model: short +3.0"
    assert TOY.explain({"b"}, 1) == "model: bias"


def test_weights_round_trip_through_json() -> None:
    again = Crf.from_json(TOY.to_json())
    assert again.labels == TOY.labels
    assert again.weights == TOY.weights
    assert again.transitions == TOY.transitions
    assert again.bare is None


def test_a_bare_model_rides_inside_its_model() -> None:
    """The segmentation's model for files without blank lines or indents is
    stored inside the main one and built only when first asked for."""
    outer = Crf(TOY.labels, {"x": [0.5] * len(TOY.labels)}, TOY.transitions, bare=TOY)
    again = Crf.from_json(outer.to_json())
    assert again._bare is None  # (not built yet)
    bare = again.bare
    assert bare is not None and bare.weights == TOY.weights and again.bare is bare


def test_the_shipped_models() -> None:
    seg, kinds = model.load("segment"), model.load("kinds")
    assert set(seg.labels) == {"B", "I"}
    assert seg.bare is not None and set(seg.bare.labels) == {"B", "I"}
    assert set(kinds.labels) == {"title", "heading", "paragraph", "boilerplate"}
    assert kinds.meta["documents"] > 500
    assert model.load("kinds") is kinds  # read once


def test_corpus_blocks_get_their_kinds_from_the_truth() -> None:
    text = "Title\n\nLead.\n\nHeading\n\nBody.\n\nFollow us.\n"
    truth = {
        "title": "Title",
        "sections": [
            {"heading": None, "paragraphs": ["Lead."]},
            {"heading": "Heading", "paragraphs": ["Body."]},
        ],
        "boilerplate": ["Follow us."],
    }
    kinds = [b.kind for b in label_blocks(text, truth)]
    assert kinds == ["title", "paragraph", "heading", "paragraph", "boilerplate"]


def test_training_is_deterministic() -> None:
    from article2json.corpus import Document
    from article2json.train import train

    docs = []
    for n in range(6):
        blocks = (
            Labelled(f"Story number {n}", "title"),
            Labelled(f"The river rose for {n} days and the town waited. " * 3, "paragraph"),
            Labelled("What happens next", "heading"),
            Labelled("Work starts in spring and takes three years. " * 2, "paragraph"),
        )
        text = "\n\n".join(b.text for b in blocks) + "\n"
        docs.append(Document(f"en/{n}.txt", "en", "toy", text, {}, blocks))
    first, second = train(docs), train(docs)
    assert first[0].weights == second[0].weights
    assert first[0].bare is not None and second[0].bare is not None
    assert first[0].bare.weights == second[0].bare.weights
    assert first[1].weights == second[1].weights
    assert first[1].labels == ("heading", "paragraph", "title")


def test_the_same_input_gives_the_same_output_in_every_process() -> None:
    """Scores are exact integer sums: a set's iteration order, which changes
    with PYTHONHASHSEED, cannot tip a near tie one way or the other."""
    import os
    import subprocess
    import sys

    from helpers import GOLDEN

    code = (
        "import sys, article2json\n"
        "for p in sys.argv[1:]:\n"
        "    sys.stdout.buffer.write(article2json.to_json(article2json.parse(open(p, 'rb').read())))\n"
    )
    paths = [str(p) for p in sorted(GOLDEN.glob("*.txt"))]
    outs = {
        subprocess.run(
            [sys.executable, "-c", code, *paths],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outs) == 1


def test_truth_strings_missing_from_the_text_are_counted() -> None:
    from article2json.corpus import align

    truth = {"title": "Title", "sections": [{"heading": "Elsewhere", "paragraphs": ["Body."]}]}
    blocks, missing = align("Title\n\nBody.\n", truth)
    assert missing == 2  # the heading, and the paragraph expected after it
    assert [b.kind for b in blocks] == ["title", "paragraph"]
