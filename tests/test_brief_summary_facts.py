"""Summary sentences that stand alone and carry the event's facts, on sentences we wrote
and on our own demo-corpus references (src/tidings/demo/briefs): a line of titles is no
statement, a quotation closed by "he added" has no speaker, a close sentence with new
widely given figures tells a new fact, and a small event is read deep enough for what
comes next."""

from tidings.brief import summary as S
from tidings.records import Mention

NAMES = [Mention(key="vskv", surface="Vescovi", kind="org"), Mention(key="kl", surface="Chiclayo", kind="place"),
         Mention(key="brgl", surface="Bergoglio", kind="person"), Mention(key="dar", surface="Ishaq Dar", kind="person"),
         Mention(key="pskv", surface="Dmitri Peskow", kind="person"), Mention(key="rm", surface="Rome", kind="place")]


def test_a_line_of_titles_without_a_statement_does_not_stand_alone():
    for s in ["Prefetto del Dicastero per i Vescovi, Arcivescovo-Vescovo emerito di Chiclayo, promosso "
              "lo scorso febbraio da Bergoglio all'Ordine dei Vescovi.",
              "Former Prefect of the Dicastery for Bishops, Archbishop of Chiclayo since 2015."]:
        assert S.title_line(s, NAMES), s
    for s in ["Foreign Minister Ishaq Dar, Pakistan's top diplomat, said the truce would hold.",
              "Der Sprecher des Kremls, Dmitri Peskow, sagte, Moskau sei bereit.",
              "The Kremlin, which had denied the report, said nothing more on Friday.",
              "In Rome, Pope Leo spoke to the crowd from the balcony.",
              "VATICAN CITY, May 8 (AP) — White smoke rose from the chimney.",
              "Robert Prevost, 69, was elected on the fourth ballot.",
              "The cardinals met on Wednesday and voted four times."]:
        assert not S.title_line(s, NAMES), s


def test_a_quotation_closed_by_a_pronoun_and_verb_has_no_speaker():
    for s in ["“Elogiamos a ambos gobiernos por su prudencia”, añadió.",
              "\"We are ready to talk at any time,\" he added.",
              "«Nous sommes prêts à discuter», a-t-il ajouté.",
              "«Мы готовы к переговорам», — сказал он.",
              "„Suntem gata să discutăm”, a adăugat."]:
        assert S.speakerless_quote(s), s
    for s in ["\"We are ready to talk,\" Misri said.",
              "«Nous sommes prêts», a déclaré le ministre.",
              "\"The border post was hit at 15:35,\" the general said.",
              "Russland werde einer ukrainischen Delegation „alle Garantien“ geben."]:
        assert not S.speakerless_quote(s), s


def test_a_cv_line_after_the_lead_is_not_in_the_summary(tmp_path):
    from tidings.brief import build_brief
    from tidings.pipeline import ingest_raw
    from tidings.records import Event, RawArticle
    from tidings.store import SQLiteStore

    body = ("Il cardinale Marco Velluti è il nuovo patriarca della città di Lerna, eletto oggi dal sinodo. "
            "Presidente della Commissione per le Missioni, Vescovo emerito di Valdora, nominato lo scorso "
            "anno dal sinodo al Consiglio dei Vescovi con il titolo della Chiesa di Ostra. "
            "Il sinodo ha votato tre volte prima di raggiungere la maggioranza richiesta di due terzi. "
            "Migliaia di fedeli hanno atteso l'annuncio nella piazza del duomo sotto la pioggia. "
            "Velluti ha detto ai fedeli che lavorerà per unire le parrocchie della regione.")
    store = SQLiteStore(tmp_path / "cv.db")
    ingest_raw([RawArticle(origin="fixture-cv", id="cv1", lang="it", text=body,
                           title="Marco Velluti eletto patriarca di Lerna")], store)
    store.put_event(Event(id="e", title="e", article_ids=["cv1"]))
    store.assign("cv1", "e")
    summary = [s["text"] for s in build_brief(store, "e", "en", force=True)["summary"]]
    assert summary, "the other sentences make a summary"
    assert not any(s.startswith("Presidente della Commissione") for s in summary), summary
