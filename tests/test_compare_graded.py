"""`tidings compare`: the fitted graded relatedness (compare_weights.json), with the real model.

The articles are ours, written for these tests: one earthquake told twice (English and
Spanish, the same day), the same story three days later (the mourning and the search
called off), and an unrelated report (a cup final).
"""

import json
import math
import subprocess
import sys

import numpy as np
import pytest

from tidings import api
from tidings.cluster.relatedness import COMPARE_FEATURES, LEVELS, compare_text, explain_compare, shipped_compare_model
from tidings.records import Article

QUAKE_EN = ("Earthquake of magnitude 6.9 strikes southern Peru, killing at least 14\n\n"
            "AREQUIPA, 14 March 2026 - A magnitude 6.9 earthquake struck southern Peru on Saturday, "
            "killing at least 14 people in the province of Caylloma and damaging hundreds of adobe "
            "homes, Peru's civil defence institute said. The quake was centred 40 km north of Chivay "
            "at a depth of 35 km and was felt in Arequipa and Cusco. President Jose Jeri flew to the "
            "region and declared a state of emergency.")
QUAKE_ES = ("Sismo de magnitud 6,9 sacude el sur del Perú: al menos 14 muertos\n\n"
            "AREQUIPA, 14 de marzo de 2026 - Un terremoto de magnitud 6,9 sacudió este sábado el sur "
            "del Perú y dejó al menos 14 fallecidos en la provincia de Caylloma, además de cientos de "
            "viviendas de adobe dañadas, informó Defensa Civil. El epicentro se ubicó a 40 km al norte "
            "de Chivay, a 35 km de profundidad. El presidente José Jerí viajó a la zona y declaró el "
            "estado de emergencia.")
MOURNING_EN = ("Peru ends search for quake survivors in Caylloma as nation mourns\n\n"
               "AREQUIPA, 17 March 2026 - Rescue teams in Caylloma called off the search for survivors "
               "on Tuesday, three days after the earthquake that struck southern Peru. Funerals for the "
               "victims were held in Chivay as the government declared three days of national mourning "
               "and promised to rebuild the adobe homes destroyed in the province of Arequipa.")
FINAL_EN = ("Lyon beat Lens 2-1 to win the French Cup final\n\n"
            "PARIS, 9 May 2026 - Olympique Lyonnais won the French Cup on Saturday night, beating Lens "
            "2-1 at the Stade de France with a late header from their captain. It is the club's first "
            "trophy in twelve years; thousands of supporters celebrated in the streets of Lyon.")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("graded")
    out = {}
    for name, text in (("quake_en", QUAKE_EN), ("quake_es", QUAKE_ES), ("mourning_en", MOURNING_EN),
                       ("final_en", FINAL_EN)):
        p = d / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        out[name] = str(p)
    return out


def test_the_shipped_weights_load_and_name_every_feature():
    model = shipped_compare_model()
    assert model.names == tuple(COMPARE_FEATURES)
    assert len(model.weights) == len(COMPARE_FEATURES)
    assert all(math.isfinite(float(w)) for w in model.weights) and math.isfinite(model.bias)
    # The longer text's meaning is evidence for relatedness, not against it.
    assert model.weights[COMPARE_FEATURES.index("cosine_long")] > 0
    assert model.meta.get("fitted_on")


def test_same_happening_above_same_story_above_unrelated(files):
    same = api.compare(files["quake_en"], files["quake_es"])
    story = api.compare(files["quake_en"], files["mourning_en"])
    apart = api.compare(files["quake_en"], files["final_en"])
    assert 0 <= apart.score < story.score < same.score <= 1
    assert apart.score < LEVELS["story"] < same.score


def test_the_explanation_adds_up_to_the_score(files):
    c = api.compare(files["quake_en"], files["mourning_en"])
    r = c.reasons
    total = r["bias"] + sum(e["contribution"] for e in r["evidence"])
    assert total == pytest.approx(r["log_odds"], abs=0.01)
    assert 1 / (1 + math.exp(-r["log_odds"])) == pytest.approx(c.score, abs=1e-3)
    names = {e["evidence"] for e in r["evidence"]}
    assert "cosine_long" in names and "gap_days" in names  # three days apart, both dated
    assert "same_happening" in r and 0 <= r["same_happening"]["probability"] <= 1


def test_compare_text_is_title_then_the_opening_of_the_body():
    body = "Headline here\n\n" + " ".join(f"word{i}" for i in range(400))
    a = Article(id="x", origin="x", title="Headline here", text=body, raw=body, content_hash="x")
    t = compare_text(a, 600)
    assert t.startswith("Headline here\n") and t.count("Headline here") == 1
    assert 480 <= len(t) - len("Headline here\n") <= 600
    assert not t.endswith("word")  # cut at a space, not inside a word


def test_explain_compare_names_what_raised_and_lowered_it():
    model = shipped_compare_model()
    x = np.zeros(len(COMPARE_FEATURES))
    x[COMPARE_FEATURES.index("cosine_long")] = 0.9
    x[COMPARE_FEATURES.index("cosine")] = 0.9
    x[COMPARE_FEATURES.index("gap_known")] = 1.0
    x[COMPARE_FEATURES.index("gap_days")] = math.log1p(400)
    x[COMPARE_FEATURES.index("gap_far")] = 1.0
    x[COMPARE_FEATURES.index("gap_week")] = 1.0
    far = explain_compare(x, model)
    x2 = x.copy()
    x2[COMPARE_FEATURES.index("gap_days")] = 0.0
    x2[COMPARE_FEATURES.index("gap_far")] = x2[COMPARE_FEATURES.index("gap_week")] = 0.0
    near = explain_compare(x2, model)
    assert near["relatedness"] > far["relatedness"]  # 400 days apart is less related
    assert "Raised by" in near["decided"]
    assert len(far["evidence"]) == 6  # only the evidence present is listed


def test_cli_shows_each_piece_of_evidence(files, tmp_path):
    cmd = [sys.executable, "-m", "tidings", "compare", files["quake_en"], files["quake_es"],
           "--db", str(tmp_path / "none.db")]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("similarity ")
    assert "evidence" in out and "weight" in out and "contribution" in out
    assert "meaning of title and opening paragraphs" in out
    assert "same happening (the clusterer's model)" in out
    js = subprocess.run(cmd + ["--json"], capture_output=True, text=True, timeout=300)
    d = json.loads(js.stdout)
    assert d["score"] == pytest.approx(d["reasons"]["relatedness"])
