"""The query commands: tables for people, ``--format json`` for scripts, clear errors with their exit status."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_query_command_prints_json_that_carries_its_fields(asked_url: str) -> None:
    code, out, _ = _run("entity", "Laurent Fabius", "--db", asked_url, "--format", "json")
    assert code == 0 and json.loads(out)["entity"]["name"] == "Laurent Fabius"
    code, out, _ = _run("timeline", "--place", "Sudan", "--db", asked_url, "-f", "json")
    items = json.loads(out)["items"]
    assert code == 0 and items and all({"date", "precision", "reports", "figures"} <= set(i) for i in items)
    code, out, _ = _run("search", "dismantle", "--db", asked_url, "-f", "json")
    assert code == 0 and all("<mark>" in h["snippet_html"] for h in json.loads(out))
    code, out, _ = _run("claims", "--by", "Laurent Fabius", "--db", asked_url, "-f", "json")
    found = json.loads(out)
    assert code == 0 and found and all(c["speaker"]["name"] == "Laurent Fabius" for c in found)


def test_the_tables_show_the_dossier_and_a_month_as_a_month(asked_url: str) -> None:
    code, out, _ = _run("entity", "Laurent Fabius", "--db", asked_url)
    assert code == 0 and "claims by it" in out and "Laurent Fabius" in out
    code, out, _ = _run("timeline", "--place", "Sudan", "--no-claims", "--db", asked_url)
    assert code == 0 and "(month)" in out and "-01 (month)" not in out


def test_unknown_and_ambiguous_names_and_bad_queries_exit_with_one_line(asked_url: str) -> None:
    code, _, err = _run("entity", "Laurent Fabios", "--db", asked_url)
    assert code == 1 and "no entity named 'Laurent Fabios'; closest: laurent fabius" in err
    assert "Traceback" not in err
    code, _, err = _run("timeline", "--from", "August", "--db", asked_url)
    assert code == 2 and "not a date" in err
    if asked_url.startswith("postgresql"):
        return
    code, _, err = _run("search", '"unbalanced', "--db", asked_url)
    assert code == 2 and "not a valid full-text query" in err and "Traceback" not in err


def test_claims_contradicted_lists_a_gold_contradiction_across_documents(asked_url: str) -> None:
    # corpus-ghouta.json: Syria's denial (fakes-0482) against Moshe Yaalon's accusation (fakes-0516)
    code, out, _ = _run("claims", "--contradicted", "--limit", "1000", "--db", asked_url, "-f", "json")
    found = {c["id"]: c for c in json.loads(out)}
    denial = next(c for c in found.values() if c["doc_id"] == "fakes-0482" and c["cue"] == "denied" and "using chemical" in c["text"])
    accusation = next(c for c in found.values()
                      if c["doc_id"] == "fakes-0516" and "Syria had used chemical weapons" in c["text"])
    assert code == 0 and accusation["id"] in denial["contradicted_by"] and denial["id"] in accusation["contradicted_by"]
    assert denial["source_grade"] in tuple("ABCDEF") and denial["credibility"][0] == denial["source_grade"]
    assert all(c["disputed_by"] or c["contradicted_by"] for c in found.values())
    code, out, _ = _run("claims", "--by", "Laurent Fabius", "--db", asked_url)
    assert code == 0 and "Laurent Fabius" in out


def test_the_dossier_and_claims_tables_show_each_claims_grade(asked_url: str) -> None:
    import re

    code, out, _ = _run("claims", "--by", "Laurent Fabius", "--db", asked_url, "-f", "json")
    found = json.loads(out)
    assert code == 0 and found and all(re.fullmatch(r"[A-F][1-6]", c["credibility"]) for c in found)
    assert all(c["credibility"][0] == c["source_grade"] for c in found)
    code, table, _ = _run("claims", "--by", "Laurent Fabius", "--db", asked_url)
    assert code == 0 and "grade" in table and all(c["credibility"] in table for c in found)
    code, out, _ = _run("entity", "Laurent Fabius", "--db", asked_url, "-f", "json")
    dossier = json.loads(out)
    assert all(re.fullmatch(r"[A-F][1-6]", c["credibility"]) for c in dossier["claims_by"]["claims"])
    assert {c["id"] for c in dossier["linked"]} <= {x for c in dossier["claims_by"]["claims"] + dossier["claims_about"]["claims"]
                                                  for x in (*c["corroborated_by"], *c["contradicted_by"], c["disputed_by"])}
    code, table, _ = _run("entity", "Laurent Fabius", "--db", asked_url)
    assert code == 0 and all(c["credibility"] in table for c in dossier["claims_by"]["claims"])
