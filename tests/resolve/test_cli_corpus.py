"""The corpus commands: candidates, merge, split, resolve; tables or JSON, and one-line refusals."""

from __future__ import annotations

import json
from collections.abc import Callable

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.model import Document
from newsgraph.store import Store

BASHAR = ("Syrian President Bashar al-Assad met an Iranian delegation in Damascus on Monday, the state news "
          "agency SANA reported. Assad said the talks had gone well.")
ASSAD = "Assad told the visitors that the war was not over, the agency said on Tuesday."
HAFEZ = "Hafez al-Assad ruled Syria for three decades until his death in 2000. Assad built the army his son inherited."


def test_candidates_merge_split_and_resolve(store_url: str, write: Callable[[str, str], Document]) -> None:
    with Store(store_url) as store:
        for doc_id, text in (("bashar", BASHAR), ("assad", ASSAD), ("hafez", HAFEZ)):
            store.add(write(doc_id, text))
    runner = CliRunner()
    listed = runner.invoke(app, ["candidates", "--db", store_url, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    pairs = json.loads(listed.stdout)
    pair = next(p for p in pairs if p["right"] == "per:bashar-al-assad" or p["left"] == "per:bashar-al-assad")
    lone = pair["left"] if pair["right"] == "per:bashar-al-assad" else pair["right"]
    assert pair["evidence_for"] and pair["evidence_against"] and pair["left_name"] and pair["right_name"]
    table = runner.invoke(app, ["candidates", "--db", store_url], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "per:bashar-al-assad" in table.stdout

    merged = runner.invoke(app, ["merge", lone, "per:bashar-al-assad", "--db", store_url, "--format", "json"])
    assert merged.exit_code == 0, merged.output
    entity = json.loads(merged.stdout)
    assert entity["id"] == "per:bashar-al-assad" and entity["documents"] == ["assad", "bashar"]

    split = runner.invoke(app, ["split", "per:bashar-al-assad", "--doc", "assad", "--db", store_url])
    assert split.exit_code == 0, split.output
    assert "split per:bashar-al-assad in assad off as" in split.stdout
    again = runner.invoke(app, ["resolve", "--all", "--db", store_url, "--format", "json"])
    assert again.exit_code == 0, again.output
    status = json.loads(again.stdout)
    assert status["pending"] == 0 and status["judgements"] >= 3
    with Store(store_url) as store:
        exported = runner.invoke(app, ["export", "--db", store_url])
        entities = {e["id"]: e for e in json.loads(exported.stdout)["entities"]}
        assert entities["per:bashar-al-assad"]["documents"] == ["bashar"]
        assert store.entities("PER")[0].type == "PER"


def test_refusals_are_one_line_without_a_traceback(store_url: str, write: Callable[[str, str], Document]) -> None:
    with Store(store_url) as store:
        store.add(write("bashar", BASHAR))
    runner = CliRunner()
    for args, message in ((["merge", "per:bashar-al-assad", "geonames:170654"], "a person is not a place"),
                          (["merge", "per:bashar-al-assad", "per:bashar-al-assad"], "merged with itself"),
                          (["merge", "per:nobody", "per:bashar-al-assad"], "no such corpus entity"),
                          (["split", "per:bashar-al-assad", "--doc", "elsewhere"], "no such document"),
                          (["split", "per:bashar-al-assad", "--doc", "bashar"], "mentioned only in bashar")):
        result = runner.invoke(app, [*args, "--db", store_url])
        assert result.exit_code == 1, (args, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.output
